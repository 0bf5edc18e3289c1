import { z } from "zod";
import { listAuditLog } from "@/db/queries/audit";
import { route } from "@/lib/api/route";

const query = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export const GET = route("GET /api/v1/projects/[project]/audit", async ({ req, db, access }) => {
  const q = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  return { items: await listAuditLog(db, access!.project.id, q.limit) };
});
