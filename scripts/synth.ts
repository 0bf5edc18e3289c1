/**
 * npm run synth -- <outDir> [--count 1000] [--seed 1] [--family classic|shifted]
 * Writes a YOLO dataset of synthetic invoice pages with exact labels.
 */
import { parseArgs } from "node:util";
import { generateDataset } from "../lib/synth/dataset";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    family: { type: "string", default: "classic" },
    workers: { type: "string" },
  },
});
const outDir = positionals[0];
if (!outDir || (values.family !== "classic" && values.family !== "shifted")) {
  console.error("usage: npm run synth -- <outDir> [--count N] [--seed S] [--family classic|shifted]");
  process.exit(2);
}
const count = Number(values.count);
const started = performance.now();
const { counts } = await generateDataset({
  outDir,
  count,
  seed: Number(values.seed),
  family: values.family,
  workers: values.workers ? Number(values.workers) : undefined,
  onProgress: (done, total) => {
    if (done % 100 === 0 || done === total) process.stdout.write(`\rrendered ${done}/${total}`);
  },
});
const s = (performance.now() - started) / 1000;
console.log(`\n${count} pages in ${s.toFixed(1)} s (${(count / s).toFixed(0)} pages/s): ${JSON.stringify(counts)}`);
