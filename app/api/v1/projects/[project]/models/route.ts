import { listModelVersions } from "@/db/queries/models";
import { route } from "@/lib/api/route";

/** Every model version with its lineage (never deleted: rollback targets). */
export const GET = route("GET /api/v1/projects/[project]/models", async ({ db, access }) => ({ items: await listModelVersions(db, access!.project.id) }));
