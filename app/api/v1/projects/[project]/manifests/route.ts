import { z } from "zod";
import { createAnchorExportManifest, createBaseRetrainManifest, createFinetuneManifest, listManifests } from "@/db/queries/manifests";
import { readJson, route } from "@/lib/api/route";

export const GET = route("GET /api/v1/projects/[project]/manifests", async ({ db, access }) => ({ items: await listManifests(db, access!.project.id) }));

const body = z.object({ kind: z.enum(["finetune", "base_retrain", "export"]), seed: z.number().int().min(1).max(2 ** 31 - 1).optional() });

/** Freezes a manifest now. A fine-tune under the policy's minimum, or a retrain under its threshold, is a 422. */
export const POST = route("POST /api/v1/projects/[project]/manifests", async ({ req, db, actor, access }) => {
  const input = body.parse(await readJson(req));
  const args = { projectId: access!.project.id, actor, seed: input.seed };
  const m = input.kind === "finetune" ? await createFinetuneManifest(db, args) : input.kind === "base_retrain" ? await createBaseRetrainManifest(db, args) : await createAnchorExportManifest(db, args);
  return Response.json(m, { status: 201 });
});
