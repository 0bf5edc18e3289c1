import { claimNextJob, sweepExpiredLeases } from "@/db/queries/jobs";
import { tickSchedule } from "@/db/queries/triggers";
import { readJson, route } from "@/lib/api/route";
import { claimRequest } from "@/lib/runner-protocol";

/** A runner asks for work: 200 with the leased job, or 204 when the queue is empty. */
export const POST = route("POST /api/v1/projects/[project]/runner/claim", async ({ req, db, access }) => {
  const input = claimRequest.parse(await readJson(req));
  // runners poll often, so expired leases are swept and the schedule is checked here: no
  // separate scheduler process to forget
  await sweepExpiredLeases(db);
  await tickSchedule(db, access!.project.id);
  const job = await claimNextJob(db, { projectId: access!.project.id, runner: input.runner, leaseSeconds: input.leaseSeconds });
  return job ? { job } : new Response(null, { status: 204 });
});
