import { listProjectMembers } from "@/db/queries/users";
import { route } from "@/lib/api/route";

export const GET = route("GET /api/v1/projects/[project]/members", async ({ db, access }) => ({
  items: await listProjectMembers(db, access!.project.id),
}));
