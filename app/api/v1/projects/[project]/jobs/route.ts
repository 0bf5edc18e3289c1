import { z } from "zod";
import { enqueueTrainingJob, listJobs } from "@/db/queries/jobs";
import { createBaseRetrainManifest, createFinetuneManifest, currentBase } from "@/db/queries/manifests";
import { readJson, route } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { BASE_RETRAIN_DEFAULTS, recipeSchema } from "@/lib/recipe";

export const GET = route("GET /api/v1/projects/[project]/jobs", async ({ db, access }) => ({ items: await listJobs(db, access!.project.id) }));

const body = z.object({ kind: z.enum(["finetune", "base_retrain"]), recipe: recipeSchema.partial().optional() });

/**
 * "Fine-tune now" / "Retrain base": freezes the manifest and queues the job in one request.
 * A fine-tune always starts from the current base (never from a fine-tune); fewer new samples
 * than the policy's minimum is a 422.
 */
export const POST = route("POST /api/v1/projects/[project]/jobs", async ({ req, db, actor, access }) => {
  const input = body.parse(await readJson(req));
  const projectId = access!.project.id;
  const base = await currentBase(db, projectId);
  if (input.kind === "finetune" && !base) throw new AppError("invalid", "there is no base model to fine-tune yet: train or register base_v1 first");
  const manifest = input.kind === "finetune" ? await createFinetuneManifest(db, { projectId, actor }) : await createBaseRetrainManifest(db, { projectId, actor });
  const defaults = input.kind === "base_retrain" ? { ...BASE_RETRAIN_DEFAULTS, architecture: base?.architecture } : { architecture: base!.architecture, imgsz: base!.imgsz };
  const recipe = recipeSchema.parse({ ...defaults, seed: manifest.seed, ...input.recipe });
  const job = await enqueueTrainingJob(db, { projectId, actor, kind: input.kind, manifestId: manifest.id, baseModelId: input.kind === "finetune" ? base!.id : null, recipe });
  return Response.json({ job, manifest: { id: manifest.id, counts: manifest.counts } }, { status: 201 });
});
