import { z } from "zod";
import { jobSpec } from "@/db/queries/runner";
import { intParam, route } from "@/lib/api/route";

const query = z.object({ runner: z.string().min(1).max(200) });

/** The lease holder's view of its job: recipe, classes, base weights and every manifest item. */
export const GET = route("GET /api/v1/projects/[project]/runner/jobs/[id]", async ({ req, params, db, access }) => {
  const { runner } = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  return jobSpec(db, { projectId: access!.project.id, jobId: intParam(params, "id"), runner });
});
