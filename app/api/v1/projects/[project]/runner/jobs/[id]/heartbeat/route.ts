import { heartbeatJob } from "@/db/queries/jobs";
import { intParam, readJson, route } from "@/lib/api/route";
import { heartbeatRequest } from "@/lib/runner-protocol";

/** Extends the lease, stores progress; answers whether the run was canceled. 409 if the lease is lost. */
export const POST = route("POST /api/v1/projects/[project]/runner/jobs/[id]/heartbeat", async ({ req, params, db, access }) => {
  const input = heartbeatRequest.parse(await readJson(req));
  const { cancel, job } = await heartbeatJob(db, { projectId: access!.project.id, jobId: intParam(params, "id"), runner: input.runner, leaseSeconds: input.leaseSeconds, progress: input.progress });
  return { cancel, state: job.state };
});
