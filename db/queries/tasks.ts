import "server-only";
import { count, eq } from "drizzle-orm";
import type { Db } from "../client";
import { tasks } from "../schema";

export async function countTasksByState(db: Db, projectId: number): Promise<Record<string, number>> {
  const rows = await db.select({ state: tasks.state, n: count() }).from(tasks).where(eq(tasks.projectId, projectId)).groupBy(tasks.state);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
