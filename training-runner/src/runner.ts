/**
 * The training runner: claims jobs from the app over HTTP (runner token; no database access),
 * builds each job's dataset from a content-addressed local cache, runs trainer.py with the real
 * Ultralytics, streams progress as heartbeats, uploads the weights with their sha256 and
 * completes the job. Cancel (from a heartbeat) and SIGTERM stop the Python child.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { link, mkdir, readFile, rename, rm, writeFile, copyFile } from "node:fs/promises";
import path from "node:path";
import { labelText, yoloDataYaml } from "../../lib/datasets/export";
import { claimRequest, type FinishRequest, heartbeatResponse } from "../../lib/runner-protocol";

export type RunnerOptions = {
  appUrl: string;
  token: string;
  project: string;
  id: string;
  python: string;
  cacheDir: string;
  workDir: string;
  leaseSeconds?: number;
  heartbeatMs?: number;
  log?: (line: string) => void;
};

type Item = { documentId: number; role: "new" | "old" | "holdout" | "val"; sha256: string; contentType: string; boxes: { cls: number; cx: number; cy: number; w: number; h: number }[] };
type GateImage = { documentId: number; sha256: string; contentType: string; holdout?: boolean };
type Spec = {
  job: { id: number; kind: "finetune" | "base_retrain"; recipe: Record<string, unknown> & { architecture: string; imgsz: number; epochs: number }; attempts: number };
  classes: string[];
  base: { id: number; name: string; weightsSha256: string } | null;
  production: { id: number; name: string; weightsSha256: string; imgsz: number } | null;
  gateSets?: Record<"test" | "failures" | "production", GateImage[]>;
  items: Item[];
};
type TrainerEvent = { phase: string; [k: string]: unknown };
type Outcome = "succeeded" | "failed" | "canceled" | "returned";

const EXT: Record<string, string> = { "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/tiff": ".tif" };

export class Runner {
  private child: ChildProcess | null = null;
  private stopping = false;
  private readonly o: Required<Omit<RunnerOptions, "log">> & { log: (l: string) => void };

  constructor(opts: RunnerOptions) {
    this.o = { leaseSeconds: 120, heartbeatMs: 2000, log: () => {}, ...opts };
  }

  private url(p: string) {
    return `${this.o.appUrl}/api/v1/projects/${this.o.project}${p}`;
  }

  private async api(method: string, p: string, body?: unknown): Promise<Response> {
    return fetch(this.url(p), {
      method,
      headers: { authorization: `Bearer ${this.o.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  private async json<T>(method: string, p: string, body?: unknown): Promise<T> {
    const res = await this.api(method, p, body);
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** SIGTERM: stop the child and hand the job back (the attempt does not count). */
  stop() {
    this.stopping = true;
    this.child?.kill("SIGTERM");
  }

  /** Claims and runs one job; false when the queue was empty. */
  async runOnce(): Promise<boolean> {
    const res = await this.api("POST", "/runner/claim", claimRequest.parse({ runner: this.o.id, leaseSeconds: this.o.leaseSeconds }));
    if (res.status === 204) return false;
    if (!res.ok) throw new Error(`claim: ${res.status} ${await res.text()}`);
    const { job } = (await res.json()) as { job: { id: number } };
    this.o.log(`job ${job.id}: claimed`);
    const outcome = await this.runJob(job.id).catch(async (e: Error) => {
      this.o.log(`job ${job.id}: ${e.message}`);
      await this.finish(job.id, { outcome: "failed", error: e.message.slice(0, 9000) });
      return "failed" as const;
    });
    this.o.log(`job ${job.id}: ${outcome}`);
    return true;
  }

  private async finish(jobId: number, body: Omit<FinishRequest, "runner">) {
    const res = await this.api("POST", `/runner/jobs/${jobId}/finish`, { runner: this.o.id, ...body });
    if (!res.ok) this.o.log(`job ${jobId}: finish ${body.outcome} answered ${res.status} ${await res.text()}`);
  }

  private async heartbeat(jobId: number, progress?: unknown): Promise<boolean> {
    const res = await this.api("POST", `/runner/jobs/${jobId}/heartbeat`, { runner: this.o.id, leaseSeconds: this.o.leaseSeconds, progress });
    if (res.status === 409) throw new Error("lease lost");
    if (!res.ok) return false;
    return heartbeatResponse.parse(await res.json()).cancel;
  }

  /** A blob in the local cache, downloaded once and verified; later jobs reuse it. */
  private async cached(sha: string): Promise<string> {
    const file = this.cachePath(sha);
    if (existsSync(file)) return file;
    await mkdir(path.dirname(file), { recursive: true });
    const res = await this.api("GET", `/runner/blobs/${sha}`);
    if (!res.ok) throw new Error(`blob ${sha}: ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const got = createHash("sha256").update(bytes).digest("hex");
    if (got !== sha) throw new Error(`blob ${sha}: downloaded bytes hash to ${got}`);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
    return file;
  }

  private async runJob(jobId: number): Promise<Outcome> {
    const spec = await this.json<Spec>("GET", `/runner/jobs/${jobId}?runner=${encodeURIComponent(this.o.id)}`);
    const dir = path.join(this.o.workDir, `job-${jobId}-attempt-${spec.job.attempts}`);
    await rm(dir, { recursive: true, force: true }); // a fresh dataset per run (stale label caches)
    const t = phaseTimer((l) => this.o.log(`job ${jobId}: ${l}`));
    await this.heartbeat(jobId, { phase: "downloading" });
    // 8 downloads at a time: one by one, a 1,000-image job spent 10 s here on a fast local link
    await inParallel([...new Set(spec.items.map((i) => i.sha256))], 8, (sha) => this.cached(sha));
    t(`${spec.items.length} images in the cache`);
    await this.heartbeat(jobId, { phase: "building_dataset" });
    const data = await buildDataset(path.join(dir, "dataset"), spec, (sha) => this.cachePath(sha));
    const predict = await this.prepareGateSets(spec, dir);
    t("dataset and gate sets ready");

    let model: string;
    if (spec.job.kind === "finetune") {
      if (!spec.base) throw new Error("a fine-tune needs its base model");
      model = await this.weights(spec.base.weightsSha256, path.join(dir, "base.pt"));
    } else model = `${spec.job.recipe.architecture}.yaml`; // from scratch: the architecture's yaml, no download
    const progressFile = path.join(dir, "progress.jsonl");
    const config = { ...spec.job.recipe, data, model, out_dir: path.join(dir, "out"), progress: progressFile, device: process.env.RUNNER_DEVICE ?? "cpu", predict };
    const train = await this.runTrainer(jobId, path.join(dir, "config.json"), config, progressFile, (events, logTail) => {
      const epochs = events.filter((e) => e.phase === "training" || e.phase === "validating");
      const last = epochs[epochs.length - 1];
      const history = epochs.map((e) => ({ epoch: Number(e.epoch ?? 0), ...(e.losses ? { losses: e.losses } : {}), ...(e.metrics ? { metrics: e.metrics } : {}) }));
      const progress: Record<string, unknown> = last ? { ...last, logTail, history } : { phase: "training", logTail, history };
      const after = events.filter((e) => e.phase === "exporting" || e.phase === "predicting").pop();
      if (after) Object.assign(progress, { phase: after.phase }, after.phase === "predicting" ? { done: after.done, total: after.total } : {});
      delete progress.t;
      return progress;
    });
    if (train.outcome) return train.outcome;
    const done = train.events.find((e) => e.phase === "done") as
      | { best: string; onnx: string | null; metrics: Record<string, number>; layers?: FinishRequest["layers"]; train_seconds?: number; predictions?: string }
      | undefined;
    if (train.code !== 0 || !done) throw new Error(`trainer exited with ${train.code}: ${train.logTail.slice(-5).join(" | ")}`);
    t(`trained, exported and predicted (${done.train_seconds?.toFixed(1)} s inside Ultralytics train+val)`);

    await this.heartbeat(jobId, { ...train.lastProgress, phase: "uploading" });
    await this.upload(jobId, "best.pt", done.best);
    if (done.onnx) await this.upload(jobId, "model.onnx", done.onnx);
    if (predict && done.predictions) for (const f of await writeGateFiles(spec, dir, done.predictions, predict.conf)) await this.upload(jobId, f.name, f.file);
    await this.finish(jobId, { outcome: "succeeded", metrics: done.metrics, layers: done.layers, trainSeconds: done.train_seconds });
    t("uploaded and finished");
    await rm(dir, { recursive: true, force: true });
    return "succeeded";
  }

  private cachePath(sha: string) {
    return path.join(this.o.cacheDir, sha.slice(0, 2), sha);
  }

  /** Weights from the cache under a .pt name (Ultralytics picks the loader by suffix). */
  private async weights(sha: string, dest: string) {
    await mkdir(path.dirname(dest), { recursive: true });
    await copyFile(await this.cached(sha), dest);
    return dest;
  }

  /**
   * What trainer.py predicts on after training, in the same process: the gate sets' images
   * (frozen test set, this job's failure documents, a production sample) with the candidate and
   * the production model, at a low confidence floor so the gates can score them.
   */
  private async prepareGateSets(spec: Spec, dir: string) {
    const images = new Map<number, GateImage>();
    for (const set of Object.values(spec.gateSets ?? {})) for (const img of set) images.set(img.documentId, img);
    if (!images.size) return undefined;
    const imgDir = path.join(dir, "gate-images");
    await mkdir(imgDir, { recursive: true });
    const list = [];
    for (const img of images.values()) {
      const file = path.join(imgDir, `${img.documentId}${EXT[img.contentType] ?? ".img"}`);
      await link(await this.cached(img.sha256), file).catch(() => copyFile(this.cachePath(img.sha256), file));
      list.push({ id: img.documentId, path: file });
    }
    const others = spec.production ? [{ key: "production", weights: await this.weights(spec.production.weightsSha256, path.join(dir, "production.pt")), imgsz: spec.production.imgsz }] : [];
    return { images: list, others, conf: 0.001, out: path.join(dir, "predictions.json") };
  }

  /**
   * Runs trainer.py with a config; heartbeats carry what `toProgress` makes of the progress
   * events. A cancel answer or SIGTERM stops the child and finishes the job accordingly.
   */
  private async runTrainer(jobId: number, configPath: string, config: unknown, progressFile: string, toProgress: (events: TrainerEvent[], logTail: string[]) => Record<string, unknown>) {
    await writeFile(configPath, JSON.stringify(config));
    const trainer = path.join(import.meta.dirname, "..", "trainer.py");
    const child = spawn(this.o.python, [trainer, configPath], { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    const logTail: string[] = [];
    const onLog = (chunk: Buffer) => {
      for (const line of chunk.toString().split(/\r?\n|\r/)) if (line.trim()) logTail.push(line.slice(0, 500));
      logTail.splice(0, Math.max(0, logTail.length - 30));
    };
    child.stdout!.on("data", onLog);
    child.stderr!.on("data", onLog);
    const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 143 : 1))));

    let canceled = false;
    let running = true;
    let lastProgress: Record<string, unknown> = {};
    void exited.then(() => (running = false));
    while (running) {
      await Promise.race([exited, new Promise((r) => setTimeout(r, this.o.heartbeatMs))]);
      if (!running) break;
      lastProgress = toProgress(await readEvents(progressFile), logTail.slice(-10));
      if (await this.heartbeat(jobId, lastProgress).catch(() => false)) {
        canceled = true;
        child.kill("SIGTERM");
      }
    }
    const code = await exited;
    this.child = null;
    const events = await readEvents(progressFile);
    lastProgress = toProgress(events, logTail.slice(-10));
    let outcome: Outcome | undefined;
    if (canceled) outcome = "canceled";
    else if (this.stopping) outcome = "returned";
    if (outcome) await this.finish(jobId, { outcome });
    return { code, events, logTail, lastProgress, outcome };
  }

  private async upload(jobId: number, name: string, file: string) {
    const hash = createHash("sha256");
    for await (const c of createReadStream(file)) hash.update(c as Buffer);
    const sha = hash.digest("hex");
    const res = await fetch(this.url(`/runner/jobs/${jobId}/artifacts/${name}?runner=${encodeURIComponent(this.o.id)}&sha256=${sha}`), {
      method: "PUT",
      headers: { authorization: `Bearer ${this.o.token}`, "content-type": "application/octet-stream" },
      body: await readFile(file),
    });
    if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
  }
}

/** One predictions-<set>.json per gate set, from the trainer's predictions of all gate images. */
async function writeGateFiles(spec: Spec, dir: string, predictions: string, conf: number) {
  const raw = JSON.parse(await readFile(predictions, "utf8")) as Record<string, Record<string, number[][]>>;
  const files = [];
  for (const [name, set] of Object.entries(spec.gateSets ?? {})) {
    const ids = set.map((i) => String(i.documentId));
    const body = {
      set: name,
      conf,
      format: "[cls, conf, cx, cy, w, h] page-normalized",
      models: { candidate: { job: spec.job.id }, production: spec.production },
      images: set.map((i) => ({ documentId: i.documentId, ...(i.holdout ? { holdout: true } : {}) })),
      predictions: Object.fromEntries(Object.entries(raw).map(([key, preds]) => [key, Object.fromEntries(ids.map((id) => [id, preds[id] ?? []]))])),
    };
    const file = path.join(dir, `predictions-${name}.json`);
    await writeFile(file, JSON.stringify(body));
    files.push({ name: `predictions-${name}.json`, file });
  }
  return files;
}

async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Logs each phase with its duration: where a job's time goes besides training. */
function phaseTimer(log: (line: string) => void) {
  let last = performance.now();
  return (what: string) => {
    const now = performance.now();
    log(`${what} in ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
}

async function readEvents(file: string): Promise<TrainerEvent[]> {
  try {
    return (await readFile(file, "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  } catch {
    return [];
  }
}

/** images/{train,val}/<doc>.<ext> hard-linked from the cache, labels next to them, data.yaml. */
export async function buildDataset(root: string, spec: Pick<Spec, "items" | "classes">, blobPath: (sha: string) => string): Promise<string> {
  for (const split of ["train", "val"]) {
    await mkdir(path.join(root, "images", split), { recursive: true });
    await mkdir(path.join(root, "labels", split), { recursive: true });
  }
  for (const item of spec.items) {
    if (item.role === "holdout") continue; // kept for Gate 2, never trained on
    const split = item.role === "val" ? "val" : "train";
    const name = `${item.documentId}${EXT[item.contentType] ?? ".img"}`;
    const dest = path.join(root, "images", split, name);
    await link(blobPath(item.sha256), dest).catch(() => copyFile(blobPath(item.sha256), dest));
    await writeFile(path.join(root, "labels", split, `${item.documentId}.txt`), labelText(item.boxes));
  }
  // Ultralytics refuses an empty val folder; a tiny anchor may have no val split: validate on train then
  const hasVal = spec.items.some((i) => i.role === "val");
  await writeFile(path.join(root, "data.yaml"), yoloDataYaml(path.resolve(root), spec.classes, hasVal ? "images/val" : "images/train"));
  return path.join(path.resolve(root), "data.yaml");
}
