/**
 * Anchor import throughput: npm run bench:import [-- --count 5000]
 * Generates a YOLO dataset once (cached under the OS temp dir), then imports it into a fresh
 * PostgreSQL database (TEST_PG_ADMIN_URL or 127.0.0.1:5432) and reports images/s.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, getDb } from "../db/client";
import { createImport, runImport } from "../db/queries/imports";
import { createProject } from "../db/queries/projects";
import { generateDataset } from "../lib/synth/dataset";
import { createTestDatabase } from "../tests/helpers/postgres";

const { values } = parseArgs({ options: { count: { type: "string", default: "5000" } } });
const count = Number(values.count);
const datasetDir = path.join(os.tmpdir(), `fl-bench-import-${count}`);
if (!existsSync(path.join(datasetDir, "data.yaml"))) {
  console.log(`generating ${count} pages into ${datasetDir}`);
  await generateDataset({ outDir: datasetDir, count, seed: 5, family: "classic" });
}
const database = await createTestDatabase("bench_import");
const blobsDir = await mkdtemp(path.join(os.tmpdir(), "fl-bench-blobs-"));
process.env.DATABASE_URL = database.url;
process.env.FIELDLOOP_DATA_DIR = blobsDir;
try {
  const db = await getDb();
  const project = await createProject(db, { slug: "bench", name: "bench", classes: [] });
  const run = await createImport(db, { projectId: project.id, source: datasetDir, actor: null });
  const t0 = performance.now();
  const counts = await runImport(db, { importId: run.id, projectId: project.id, dir: datasetDir, actor: null });
  const s = (performance.now() - t0) / 1000;
  console.log(`imported ${counts.added} images in ${s.toFixed(1)} s = ${(counts.added / s).toFixed(0)} images/s (${os.availableParallelism()} cores, PostgreSQL)`);
} finally {
  await closeDb();
  await database.drop();
  await rm(blobsDir, { recursive: true, force: true });
}
