/**
 * Runner dataset build from a warm blob cache: npm run bench:dataset [-- --count 3000]
 * Puts `count` real synthetic page images in a content-addressed cache (as the runner's
 * download step leaves them), then times buildDataset (hard links + labels + data.yaml).
 * Target: a 3,000-image dataset in < 10 s.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderSynthPage } from "../lib/synth/dataset";
import { FIELD_CLASSES } from "../lib/synth/classes";
import { buildDataset } from "../training-runner/src/runner";

const { values } = parseArgs({ options: { count: { type: "string", default: "3000" } } });
const count = Number(values.count);
const dir = await mkdtemp(path.join(os.tmpdir(), "fl-bench-dataset-"));
try {
  const cache = path.join(dir, "cache");
  const items = [];
  // 60 distinct pages, each stored once per item under its own (salted) hash: real JPEG sizes
  const pages = Array.from({ length: 60 }, (_, i) => renderSynthPage("classic", 11, i));
  for (let i = 0; i < count; i++) {
    const page = pages[i % pages.length]!;
    const bytes = Buffer.concat([page.image, Buffer.from(String(i))]);
    const sha = createHash("sha256").update(bytes).digest("hex");
    await mkdir(path.join(cache, sha.slice(0, 2)), { recursive: true });
    await writeFile(path.join(cache, sha.slice(0, 2), sha), bytes);
    items.push({ documentId: i + 1, role: i % 10 === 0 ? ("val" as const) : ("old" as const), sha256: sha, contentType: "image/jpeg", boxes: page.labels });
  }
  const t0 = performance.now();
  await buildDataset(path.join(dir, "dataset"), { items, classes: [...FIELD_CLASSES] }, (sha) => path.join(cache, sha.slice(0, 2), sha));
  const s = (performance.now() - t0) / 1000;
  console.log(`built a ${count}-image dataset from the warm cache in ${s.toFixed(2)} s`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
