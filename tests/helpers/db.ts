import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb, type Db } from "@/db/client";
import { createTestDatabase } from "./postgres";

/**
 * A fresh PostgreSQL database (and blob directory) for one test file. Each file runs in its
 * own worker, so the process-wide db singleton belongs to this file alone.
 */
export function withTestDatabase(label: string): { db: () => Db; dataDir: () => string } {
  let db: Db | undefined;
  let drop: (() => Promise<void>) | undefined;
  let dir = "";
  beforeAll(async () => {
    const created = await createTestDatabase(label);
    drop = created.drop;
    dir = await mkdtemp(path.join(os.tmpdir(), "fl-test-"));
    process.env.DATABASE_URL = created.url;
    process.env.FIELDLOOP_DATA_DIR = dir;
    db = await getDb();
  });
  afterAll(async () => {
    await closeDb();
    await drop?.();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    db: () => {
      if (!db) throw new Error("database not ready");
      return db;
    },
    dataDir: () => dir,
  };
}
