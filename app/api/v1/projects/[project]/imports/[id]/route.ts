import { getImport } from "@/db/queries/imports";
import { intParam, route } from "@/lib/api/route";

export const GET = route("GET /api/v1/projects/[project]/imports/[id]", async ({ params, db, access }) => getImport(db, access!.project.id, intParam(params, "id")));
