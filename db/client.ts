import path from "node:path";
import { mkdirSync } from "node:fs";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import * as schema from "./schema";
import { dataDir } from "../lib/data-dir";

/**
 * One database handle per process. DATABASE_URL set -> PostgreSQL through `pg`;
 * unset -> embedded PGlite persisted under ./data/pglite (zero set-up). Both run the same
 * drizzle-kit migrations once, at first use.
 */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; close: () => Promise<void>; mode: "postgres" | "pglite" };

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

// Survives Next.js dev reloads, which re-evaluate modules but keep globalThis.
const globalForDb = globalThis as unknown as { __fieldloopDb?: Promise<Handle> };

export { dataDir };

async function open(): Promise<Handle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
    // An idle client's error (server restart, terminated backend) must not crash the process:
    // the pool drops that client and the next query opens a new one.
    pool.on("error", (e: Error & { code?: string }) => {
      if (e.code !== "57P01") console.error(`postgres pool: ${e.message}`);
    });
    const db = drizzle(pool, { schema, casing: "snake_case" });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    return { db, close: () => pool.end(), mode: "postgres" };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = path.join(dataDir(), "pglite");
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema, casing: "snake_case" });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  // PGlite's drizzle type differs only in its result HKT; queries are the same.
  return { db: db as unknown as Db, close: () => client.close(), mode: "pglite" };
}

export function getDb(): Promise<Db> {
  globalForDb.__fieldloopDb ??= open();
  return globalForDb.__fieldloopDb.then((h) => h.db);
}

export async function dbMode(): Promise<Handle["mode"]> {
  globalForDb.__fieldloopDb ??= open();
  return (await globalForDb.__fieldloopDb).mode;
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.__fieldloopDb;
  globalForDb.__fieldloopDb = undefined;
  if (h) await (await h).close();
}
