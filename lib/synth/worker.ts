import { parentPort, workerData } from "node:worker_threads";
import { renderSynthPage } from "./dataset";

// Renders every step-th page; the parent writes files, so output order never matters.
const job = workerData as { family: "classic" | "shifted"; seed: number; start: number; step: number; count: number };
for (let i = job.start; i < job.count; i += job.step) {
  const page = renderSynthPage(job.family, job.seed, i);
  parentPort!.postMessage({ index: i, image: page.image, labels: page.labels }, [page.image.buffer as ArrayBuffer]);
}
