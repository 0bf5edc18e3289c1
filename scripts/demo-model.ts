/**
 * The demo project's committed base model, reproduced and evaluated through the real app and
 * a real runner (PostgreSQL at TEST_PG_ADMIN_URL, default 127.0.0.1:5432; a built app):
 *
 *   npm run demo-model -- train-base   trains base_v1 on the demo anchor (the pages `npm run demo`
 *                                      seeds) and writes db/demo-model/base_v1.{pt,onnx,json}
 *   npm run demo-model -- evaluate     seeds the demo with that base_v1, sends shifted pages
 *                                      through failure report -> annotation -> review into the
 *                                      pool, fine-tunes ft_v1.1 with the seed recipe (or --recipe
 *                                      overrides), and writes db/demo-model/evaluation-<N>*.json:
 *                                      both models on unseen pages
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { startHarness } from "./harness/app";

const OUT = path.resolve(import.meta.dirname, "..", "db", "demo-model");
/** Learnable on a 2-core CPU in ~25 min: pages are 1020x1320, the smallest field ~24 px tall (6 px at 320). */
const DEMO_BASE_RECIPE = { architecture: "yolov8n", imgsz: 320, epochs: 20, batch: 16, lr0: 0.002, warmup_epochs: 1, freeze: 0, mosaic: 0, fliplr: 0 };

const { positionals, values } = parseArgs({ allowPositionals: true, options: { failures: { type: "string", default: "60" }, recipe: { type: "string", default: "{}" }, keep: { type: "boolean", default: false } } });
const stage = positionals[0];
if (stage !== "train-base" && stage !== "evaluate") {
  console.error("usage: npm run demo-model -- train-base | evaluate [--failures 60] [--recipe '{\"freeze\":0}']");
  process.exit(2);
}
const started = Date.now();
const log = (l: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${l}`);
const { DEMO_SEED_PAGES } = await import("../db/seed");
log(`seeding the demo project (${stage === "train-base" ? "without" : "with"} the committed base_v1)`);
const h = await startHarness({ label: "demo_model", ...DEMO_SEED_PAGES, baseModel: stage === "evaluate" ? "committed" : "none", log });
const { queueTrainingJob } = await import("../db/queries/training");
const { listModelVersions } = await import("../db/queries/models");
const { getManifest } = await import("../db/queries/manifests");
const { FsBlobStore } = await import("../lib/storage/blob-store");

try {
  const runner = h.runner("demo-model");
  if (stage === "train-base") {
    const { job } = await queueTrainingJob(h.db, { projectId: h.project.id, actor: await h.user("lead@fieldloop.local"), kind: "base_retrain", overrides: DEMO_BASE_RECIPE });
    log(`job ${job.id}: base_retrain ${JSON.stringify(job.recipe)}`);
    await runner.runOnce();
    const base = (await listModelVersions(h.db, h.project.id)).find((m) => m.name === "base_v1");
    if (!base) throw new Error("base_v1 was not registered: see the runner's log above");
    await mkdir(OUT, { recursive: true });
    const store = new FsBlobStore(path.join(h.dataDir, "blobs"));
    await copyFile(store.pathOf(base.weightsSha256), path.join(OUT, "base_v1.pt"));
    await copyFile(store.pathOf(base.onnxSha256!), path.join(OUT, "base_v1.onnx"));
    const meta = {
      name: "base_v1",
      architecture: base.architecture,
      imgsz: base.imgsz,
      weightsSha256: base.weightsSha256,
      onnxSha256: base.onnxSha256,
      recipe: job.recipe,
      metrics: base.metrics,
      layers: base.layers,
      manifestSha256: (await getManifest(h.db, h.project.id, job.manifestId)).contentSha256,
      trainedOn: `demo anchor: ${DEMO_SEED_PAGES.anchorPages} synthetic classic pages, seed ${DEMO_SEED_PAGES.seed} (train split; val split for validation)`,
      reproduce: "npm run demo-model -- train-base",
      trainedAt: new Date().toISOString(),
      wallSeconds: Math.round((Date.now() - started) / 1000),
    };
    await writeFile(path.join(OUT, "base_v1.json"), JSON.stringify(meta, null, 2) + "\n");
    log(`wrote ${OUT}/base_v1.{pt,onnx,json}: ${JSON.stringify(base.metrics)}`);
  } else {
    const { evaluateDemoFinetune } = await import("./demo-model-evaluate");
    await evaluateDemoFinetune({ db: h.db, project: h.project, runner, user: h.user, python: h.python, dataDir: h.dataDir, failures: Number(values.failures), overrides: JSON.parse(values.recipe!), log });
  }
} finally {
  await h.close(values.keep);
}
