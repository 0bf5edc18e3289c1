/**
 * npm run import -- <folder | dataset.zip> --project <slug> [--seed N]
 * Imports an anchor dataset (Ultralytics YOLO or COCO) all or nothing; creates the project
 * (class list from the dataset) when it does not exist yet.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, dataDir, getDb } from "../db/client";
import { createImport, runImport } from "../db/queries/imports";
import { createProject, findProjectBySlug } from "../db/queries/projects";
import { extractZip } from "../lib/datasets/zip";
import { AppError } from "../lib/errors";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { project: { type: "string" }, seed: { type: "string", default: "1" } } });
const source = positionals[0];
if (!source || !values.project) {
  console.error("usage: npm run import -- <folder | dataset.zip> --project <slug>");
  process.exit(2);
}
const db = await getDb();
let exitCode = 0;
const project = (await findProjectBySlug(db, values.project)) ?? (await createProject(db, { slug: values.project, name: values.project, classes: [] }));
const run = await createImport(db, { projectId: project.id, source: path.resolve(source), actor: null });
let dir = path.resolve(source);
let tmp: string | null = null;
try {
  if ((await stat(dir)).isFile()) {
    tmp = await mkdtemp(path.join(dataDir(), "import-"));
    console.log(`extracting ${path.basename(source)}`);
    await extractZip(dir, tmp);
    dir = tmp;
  }
  let lastLine = "";
  const counts = await runImport(db, {
    importId: run.id,
    projectId: project.id,
    dir,
    actor: null,
    seed: Number(values.seed),
    onProgress: ({ phase, processed, total }) => {
      const pct = total ? Math.floor((processed / total) * 20) * 5 : 0;
      const line = `${phase}: ${pct}%`;
      if (line !== lastLine) console.log(`${line} (${processed}/${total})`);
      lastLine = line;
    },
  });
  console.log(`imported into "${project.slug}": ${JSON.stringify(counts)}`);
} catch (e) {
  exitCode = 1;
  if (e instanceof AppError) {
    console.error(`import refused: ${e.message}`);
    for (const line of (Array.isArray(e.details) ? e.details : []).slice(0, 200)) console.error(`  ${line}`);
  } else {
    console.error(e);
  }
} finally {
  if (tmp) await rm(tmp, { recursive: true, force: true });
  await closeDb();
}
process.exit(exitCode);
