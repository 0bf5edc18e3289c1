import { z } from "zod";
import { createApiToken, listApiTokens } from "@/db/queries/tokens";
import { readJson, route } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { TOKEN_KINDS } from "@/lib/auth/permissions";

export const GET = route("GET /api/v1/projects/[project]/tokens", async ({ db, access }) => ({
  items: await listApiTokens(db, access!.project.id),
}));

const body = z.object({ kind: z.enum(TOKEN_KINDS), name: z.string().trim().min(1).max(100) });

/** Returns the secret once; only its hash is stored. */
export const POST = route("POST /api/v1/projects/[project]/tokens", async ({ req, db, actor, access }) => {
  if (actor?.type !== "user") throw new AppError("forbidden", "tokens are created by a signed-in admin");
  const input = body.parse(await readJson(req));
  const created = await createApiToken(db, { actor, projectId: access!.project.id, ...input });
  return Response.json(created, { status: 201 });
});
