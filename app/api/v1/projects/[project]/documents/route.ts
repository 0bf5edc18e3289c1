import { z } from "zod";
import { listDocuments } from "@/db/queries/documents";
import { route } from "@/lib/api/route";

const query = z.object({
  origin: z.enum(["anchor_train", "anchor_test", "production", "failure_report"]).optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Keyset-paginated list: pass the last id as `after` for the next page. */
export const GET = route("GET /api/v1/projects/[project]/documents", async ({ req, db, access }) => {
  const q = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  const items = await listDocuments(db, { projectId: access!.project.id, origin: q.origin, afterId: q.after, limit: q.limit });
  return { items, next: items.length === q.limit ? items[items.length - 1]!.id : null };
});
