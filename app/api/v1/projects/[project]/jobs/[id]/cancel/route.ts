import { cancelJob } from "@/db/queries/jobs";
import { intParam, route } from "@/lib/api/route";

/** An ML lead cancels a job: queued -> canceled now; running -> the runner stops at its next heartbeat. */
export const POST = route("POST /api/v1/projects/[project]/jobs/[id]/cancel", async ({ params, db, actor, access }) => ({
  job: await cancelJob(db, { projectId: access!.project.id, jobId: intParam(params, "id"), actor: actor! }),
}));
