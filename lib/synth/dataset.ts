import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { toYoloLine } from "../boxes";
import { FIELD_CLASSES } from "./classes";
import { layoutPage, type Family } from "./layout";
import { renderPage, type RenderedPage } from "./render";
import { pageSeed } from "../rng";

export type Split = "train" | "val" | "test";

/** Deterministic split by page index: the same seed always puts a page in the same split. */
export function splitOf(index: number, fractions: { val: number; test: number }): Split {
  const u = (pageSeed(0x51f7, index) % 10_000) / 10_000;
  if (u < fractions.test) return "test";
  if (u < fractions.test + fractions.val) return "val";
  return "train";
}

export function renderSynthPage(family: Family, seed: number, index: number): RenderedPage {
  const s = pageSeed(seed + (family === "shifted" ? 7919 : 0), index);
  return renderPage(layoutPage(family, s), s);
}

export type GenerateOptions = {
  outDir: string;
  count: number;
  seed: number;
  family: Family;
  fractions?: { val: number; test: number };
  /** name prefix, so classic and shifted pages can share a folder */
  prefix?: string;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
};

/**
 * Writes an Ultralytics YOLO folder: images/<split>/*.jpg, labels/<split>/*.txt, data.yaml.
 * Pages render in worker threads (one per core); output is identical for any worker count.
 */
export async function generateDataset(opts: GenerateOptions): Promise<{ counts: Record<Split, number> }> {
  const fractions = opts.fractions ?? { val: 0.1, test: 0.1 };
  const prefix = opts.prefix ?? opts.family;
  for (const split of ["train", "val", "test"]) {
    await mkdir(path.join(opts.outDir, "images", split), { recursive: true });
    await mkdir(path.join(opts.outDir, "labels", split), { recursive: true });
  }
  const counts: Record<Split, number> = { train: 0, val: 0, test: 0 };
  let done = 0;
  const write = async (index: number, page: { image: Uint8Array; labels: RenderedPage["labels"] }) => {
    const split = splitOf(index, fractions);
    counts[split]++;
    const name = `${prefix}_${String(index).padStart(5, "0")}`;
    await writeFile(path.join(opts.outDir, "images", split, `${name}.jpg`), page.image);
    await writeFile(path.join(opts.outDir, "labels", split, `${name}.txt`), page.labels.map(toYoloLine).join("\n") + "\n");
    done++;
    opts.onProgress?.(done, opts.count);
  };
  const nWorkers = Math.max(1, Math.min(opts.workers ?? os.availableParallelism(), opts.count));
  if (nWorkers === 1) {
    for (let i = 0; i < opts.count; i++) await write(i, renderSynthPage(opts.family, opts.seed, i));
  } else {
    await Promise.all(
      Array.from({ length: nWorkers }, (_, w) =>
        runWorker({ family: opts.family, seed: opts.seed, start: w, step: nWorkers, count: opts.count }, write),
      ),
    );
  }
  await writeFile(path.join(opts.outDir, "data.yaml"), dataYaml(path.resolve(opts.outDir)));
  return { counts };
}

export function dataYaml(absPath: string, names: readonly string[] = FIELD_CLASSES): string {
  return [
    `path: ${absPath}`,
    "train: images/train",
    "val: images/val",
    "test: images/test",
    "names:",
    ...names.map((n, i) => `  ${i}: ${n}`),
    "",
  ].join("\n");
}

type Job = { family: Family; seed: number; start: number; step: number; count: number };

function runWorker(job: Job, write: (i: number, p: { image: Uint8Array; labels: RenderedPage["labels"] }) => Promise<void>) {
  return new Promise<void>((resolve, reject) => {
    const here = path.dirname(new URL(import.meta.url).pathname);
    const worker = new Worker(path.join(here, "worker-entry.mjs"), { workerData: job });
    let pending = Promise.resolve();
    worker.on("message", (m: { index: number; image: Uint8Array; labels: RenderedPage["labels"] }) => {
      pending = pending.then(() => write(m.index, m));
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      pending.then(() => (code === 0 ? resolve() : reject(new Error(`synth worker exited with ${code}`))), reject);
    });
  });
}
