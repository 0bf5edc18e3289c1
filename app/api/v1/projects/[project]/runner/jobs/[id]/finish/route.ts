import { completeJob, finishJobUnsuccessfully, returnJob } from "@/db/queries/jobs";
import { intParam, readJson, route } from "@/lib/api/route";
import { finishRequest } from "@/lib/runner-protocol";

/** Ends the runner's lease: succeeded (idempotent), failed, canceled (ack), or returned (SIGTERM). */
export const POST = route("POST /api/v1/projects/[project]/runner/jobs/[id]/finish", async ({ req, params, db, access }) => {
  const input = finishRequest.parse(await readJson(req));
  const ref = { projectId: access!.project.id, jobId: intParam(params, "id"), runner: input.runner };
  const job =
    input.outcome === "succeeded"
      ? await completeJob(db, { ...ref, metrics: input.metrics, layers: input.layers, trainSeconds: input.trainSeconds })
      : input.outcome === "returned"
        ? await returnJob(db, ref)
        : await finishJobUnsuccessfully(db, { ...ref, outcome: input.outcome, error: input.error });
  return { job };
});
