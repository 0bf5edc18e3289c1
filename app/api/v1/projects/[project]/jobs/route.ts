import { z } from "zod";
import { listJobs } from "@/db/queries/jobs";
import { queueTrainingJob } from "@/db/queries/training";
import { readJson, route } from "@/lib/api/route";
import { recipeSchema } from "@/lib/recipe";

export const GET = route("GET /api/v1/projects/[project]/jobs", async ({ db, access }) => ({ items: await listJobs(db, access!.project.id) }));

const body = z.object({ kind: z.enum(["finetune", "base_retrain"]), recipe: recipeSchema.partial().strict().optional() });

/** "Fine-tune now" / "Retrain base": freezes the manifest and queues the job in one request. */
export const POST = route("POST /api/v1/projects/[project]/jobs", async ({ req, db, actor, access }) => {
  const input = body.parse(await readJson(req));
  const { job, manifest } = await queueTrainingJob(db, { projectId: access!.project.id, actor, kind: input.kind, overrides: input.recipe });
  return Response.json({ job, manifest: { id: manifest.id, counts: manifest.counts } }, { status: 201 });
});
