import { dbMode } from "@/db/client";
import { route } from "@/lib/api/route";

export const GET = route("GET /api/health", async () => ({ ok: true, database: await dbMode() }));
