import "server-only";
import { count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { poolEntries } from "../schema";

export async function countPoolEntries(db: Db, projectId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(poolEntries).where(eq(poolEntries.projectId, projectId));
  return row?.n ?? 0;
}
