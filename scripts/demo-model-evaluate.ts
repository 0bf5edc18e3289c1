/**
 * `npm run demo-model -- evaluate`: do the shifted documents really fail on the committed
 * base_v1, and does a seed-recipe fine-tune really fix most of them? Shifted pages go through
 * the real loop (failure report -> annotator's boxes -> another person's review -> pool), the
 * runner fine-tunes ft_v1.1, then both models predict on shifted and classic pages neither saw.
 */
import { spawn } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "../db/client";
import { authenticateApiToken, createApiToken } from "../db/queries/tokens";
import { reportFailure } from "../db/queries/failures";
import { reviewTask, submitTask } from "../db/queries/tasks";
import { queueTrainingJob } from "../db/queries/training";
import { listModelVersions } from "../db/queries/models";
import { gateSets } from "../db/queries/gate-sets";
import { getManifest } from "../db/queries/manifests";
import type { ProjectRef } from "../lib/auth/actor";
import type { Recipe } from "../lib/recipe";
import { detectionRate, map50, type Prediction, type ScoredImage } from "../lib/metrics";
import { renderSynthPage } from "../lib/synth/dataset";
import { FsBlobStore } from "../lib/storage/blob-store";
import type { Runner } from "../training-runner/src/runner";

type Actor = { type: "user"; userId: number; email: string; name: string };

export async function evaluateDemoFinetune(o: { db: Db; project: ProjectRef; runner: Runner; user: (email: string) => Promise<Actor>; python: string; dataDir: string; failures: number; overrides: Partial<Recipe>; log: (l: string) => void }) {
  const { db, project, log, user } = o;
  const admin = await user("admin@fieldloop.local");
  const annotator = await user("annotator@fieldloop.local");
  const reviewer = await user("reviewer@fieldloop.local");
  const { token } = await createApiToken(db, { actor: admin, projectId: project.id, kind: "production", name: "production system" });
  const production = (await authenticateApiToken(db, token))!;

  log(`${o.failures} shifted pages: reported as failures, boxed by an annotator, accepted by a reviewer`);
  for (let i = 0; i < o.failures; i++) {
    const page = renderSynthPage("shifted", 4242, i);
    const r = await reportFailure(db, { projectId: project.id, classes: project.classes, actor: production, image: page.image, meta: { model_version: "base_v1", predictions: [], external_id: `shifted-${i}` } });
    const submitted = await submitTask(db, { projectId: project.id, actor: annotator, taskId: r.taskId!, version: 1, boxes: page.labels });
    await reviewTask(db, { projectId: project.id, actor: reviewer, taskId: r.taskId!, version: submitted.version, decision: "accept" });
  }
  const lead = await user("lead@fieldloop.local");
  const { job, manifest } = await queueTrainingJob(db, { projectId: project.id, actor: lead, kind: "finetune", overrides: o.overrides });
  log(`job ${job.id}: fine-tune on ${JSON.stringify(manifest.counts)} with ${JSON.stringify(job.recipe)}`);
  const t0 = Date.now();
  await o.runner.runOnce();
  const trainSeconds = (Date.now() - t0) / 1000;
  const models = await listModelVersions(db, project.id);
  const base = models.find((m) => m.name === "base_v1")!;
  const ft = models.find((m) => m.name === "ft_v1.1");
  if (!ft) throw new Error("ft_v1.1 was not registered: see the runner's log");

  // unseen pages: shifted (another seed than the pool's) and the frozen classic test set
  const evalDir = path.join(o.dataDir, "eval");
  await mkdir(evalDir, { recursive: true });
  const sets: Record<string, { id: string; path: string; truth: ScoredImage["truth"] }[]> = { shifted: [], classic_test: [] };
  for (let i = 0; i < 100; i++) {
    const page = renderSynthPage("shifted", 9001, i);
    const file = path.join(evalDir, `shifted-${i}.jpg`);
    await writeFile(file, page.image);
    sets.shifted!.push({ id: `shifted-${i}`, path: file, truth: page.labels });
  }
  const store = new FsBlobStore(path.join(o.dataDir, "blobs"));
  for (const t of (await gateSets(db, await getManifest(db, project.id, manifest.id))).test) {
    const file = path.join(evalDir, `test-${t.documentId}.jpg`);
    await copyFile(store.pathOf(t.sha256), file);
    sets.classic_test!.push({ id: `test-${t.documentId}`, path: file, truth: t.boxes! });
  }
  const weights = { base_v1: store.pathOf(base.weightsSha256), "ft_v1.1": store.pathOf(ft.weightsSha256) };
  for (const [k, f] of Object.entries(weights)) await copyFile(f, path.join(evalDir, `${k}.pt`));
  const out = path.join(evalDir, "predictions.json");
  const config = {
    mode: "predict",
    models: Object.keys(weights).map((k) => ({ key: k, weights: path.join(evalDir, `${k}.pt`), imgsz: base.imgsz })),
    images: Object.values(sets).flat().map((i) => ({ id: i.id, path: i.path })),
    conf: 0.001,
    out,
    out_dir: path.join(evalDir, "out"),
    progress: path.join(evalDir, "progress.jsonl"),
  };
  await writeFile(path.join(evalDir, "config.json"), JSON.stringify(config));
  log("predicting with base_v1 and ft_v1.1 on unseen pages");
  await new Promise<void>((resolve, reject) => {
    const p = spawn(o.python, [path.join(import.meta.dirname, "../training-runner/trainer.py"), path.join(evalDir, "config.json")], { stdio: "inherit" });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`trainer predict exited ${code}`))));
  });
  const preds = JSON.parse(await readFile(out, "utf8")) as Record<string, Record<string, Prediction[]>>;
  const results: Record<string, Record<string, unknown>> = {};
  for (const model of Object.keys(weights)) {
    for (const [name, imgs] of Object.entries(sets)) {
      const scored = imgs.map((i) => ({ truth: i.truth, predictions: preds[model]![i.id] ?? [] }));
      const d = detectionRate(scored);
      const m = map50(scored);
      const perClass = Object.fromEntries(Object.entries(d.perClass).map(([c, r]) => [project.classes[Number(c)]!, Number(r.rate.toFixed(3))]));
      results[`${model} on ${name}`] = { pages: imgs.length, fieldDetectionRate: Number(d.fields.rate.toFixed(3)), pagesFullyDetected: Number(d.pages.rate.toFixed(3)), map50: Number(m.map50.toFixed(3)), perClass };
    }
  }
  const report = {
    question: "do shifted pages fail on base_v1, and does a seed-recipe fine-tune fix most of them?",
    pool: `${o.failures} shifted pages (seed 4242) through report -> annotate -> review`,
    finetune: { manifest: manifest.counts, recipe: job.recipe, jobWallSeconds: Math.round(trainSeconds) },
    evaluation: "unseen pages: 100 shifted (seed 9001) and the frozen classic test split; detection = same class, IoU >= 0.5, confidence >= 0.25",
    results,
    reproduce: `npm run demo-model -- evaluate --failures ${o.failures}${Object.keys(o.overrides).length ? ` --recipe '${JSON.stringify(o.overrides)}'` : ""}`,
    measuredAt: new Date().toISOString(),
  };
  const tag = Object.entries(o.overrides).map(([k, v]) => `-${k}${v}`).join("");
  await writeFile(path.join(import.meta.dirname, `../db/demo-model/evaluation-${o.failures}${tag}.json`), JSON.stringify(report, null, 2) + "\n");
  for (const [k, v] of Object.entries(results)) log(`${k.padEnd(26)} ${JSON.stringify(v)}`);
}
