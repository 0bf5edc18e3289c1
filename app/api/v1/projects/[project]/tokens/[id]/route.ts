import { revokeApiToken } from "@/db/queries/tokens";
import { intParam, route } from "@/lib/api/route";

export const DELETE = route("DELETE /api/v1/projects/[project]/tokens/[id]", async ({ params, db, actor, access }) => {
  await revokeApiToken(db, { actor: actor!, projectId: access!.project.id, tokenId: intParam(params, "id") });
  return { revoked: true };
});
