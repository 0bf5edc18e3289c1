/**
 * npm run export -- --project <slug> (--manifest <id> | --anchor) --format yolo|coco --out <dir>
 * Materializes a manifest (or a fresh anchor-export manifest) as an Ultralytics YOLO folder or
 * COCO JSON + images, streaming.
 */
import { parseArgs } from "node:util";
import { closeDb, getDb } from "../db/client";
import { createAnchorExportManifest, getManifest, manifestExportItems } from "../db/queries/manifests";
import { findProjectBySlug } from "../db/queries/projects";
import { writeCocoDataset, writeYoloDataset } from "../lib/datasets/export";

const { values } = parseArgs({ options: { project: { type: "string" }, manifest: { type: "string" }, anchor: { type: "boolean" }, format: { type: "string", default: "yolo" }, out: { type: "string" } } });
if (!values.project || !values.out || (!values.manifest && !values.anchor) || !["yolo", "coco"].includes(values.format!)) {
  console.error("usage: npm run export -- --project <slug> (--manifest <id> | --anchor) --format yolo|coco --out <dir>");
  process.exit(2);
}
const db = await getDb();
try {
  const project = await findProjectBySlug(db, values.project);
  if (!project) throw new Error(`no project "${values.project}"`);
  const manifest = values.manifest ? await getManifest(db, project.id, Number(values.manifest)) : await createAnchorExportManifest(db, { projectId: project.id, actor: null });
  const write = values.format === "coco" ? writeCocoDataset : writeYoloDataset;
  let last = 0;
  const n = await write(() => manifestExportItems(db, manifest.id), values.out, project.classes, (k) => {
    if (Date.now() - last > 1000) {
      last = Date.now();
      console.log(`exported ${k} images`);
    }
  });
  console.log(`manifest #${manifest.id} (${manifest.kind}, sha256 ${manifest.contentSha256.slice(0, 12)}): ${n} images written to ${values.out} as ${values.format}`);
} catch (e) {
  console.error(`export failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
