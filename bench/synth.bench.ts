/**
 * Synthetic page generator throughput: npm run bench:synth [-- --count 1000]
 * Renders classic and shifted pages into a temporary YOLO folder with all cores.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateDataset } from "../lib/synth/dataset";

const { values } = parseArgs({ options: { count: { type: "string", default: "1000" } } });
const count = Number(values.count);
for (const family of ["classic", "shifted"] as const) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "fl-bench-synth-"));
  const t0 = performance.now();
  await generateDataset({ outDir: dir, count, seed: 1, family });
  const s = (performance.now() - t0) / 1000;
  console.log(`${family}: ${count} pages in ${s.toFixed(1)} s = ${(count / s).toFixed(1)} pages/s (${os.availableParallelism()} cores)`);
  await rm(dir, { recursive: true, force: true });
}
