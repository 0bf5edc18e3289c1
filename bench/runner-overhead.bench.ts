/**
 * npm run bench:runner — runner overhead on a complete tiny CPU job, end to end through the app:
 * claim, spec, blob downloads, dataset build, Python start, train + val, ONNX export, gate-set
 * predictions, uploads, finish. Reports job wall time / time inside Ultralytics train+val.
 * Target: <= 1.15.
 */
import { startHarness } from "../scripts/harness/app";

const epochs = Number(process.env.BENCH_EPOCHS ?? 3);
const lines: { t: number; line: string }[] = [];
const t0 = performance.now();
const h = await startHarness({ label: "bench_runner", anchorPages: 200, productionPages: 10, baseModel: "none", log: () => {} });
const { queueTrainingJob } = await import("../db/queries/training");
const { listJobs } = await import("../db/queries/jobs");
try {
  const lead = await h.user("lead@fieldloop.local");
  const { job } = await queueTrainingJob(h.db, { projectId: h.project.id, actor: lead, kind: "base_retrain", overrides: { imgsz: 320, epochs, batch: 16 } });
  const runner = h.runner("bench", (line) => {
    lines.push({ t: performance.now(), line });
    console.log(`  ${line}`);
  });
  const started = performance.now();
  await runner.runOnce();
  const wall = (performance.now() - started) / 1000;
  const done = (await listJobs(h.db, h.project.id)).find((j) => j.id === job.id)!;
  const inside = (done.progress as { trainSeconds?: number } | null)?.trainSeconds;
  if (done.state !== "succeeded" || !inside) throw new Error(`job ended ${done.state}: ${done.error}`);
  console.log(`\nsetup ${((started - t0) / 1000).toFixed(1)} s (seed + app start, not part of the job)`);
  console.log(`job wall ${wall.toFixed(1)} s, inside Ultralytics train+val ${inside.toFixed(1)} s: overhead ratio ${(wall / inside).toFixed(3)} (target <= 1.15)`);
} finally {
  await h.close();
}
