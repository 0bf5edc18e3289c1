import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createAnchorExportManifest, manifestExportItems } from "@/db/queries/manifests";
import { DEMO_MODEL_DIR } from "@/db/seed";
import type { Box } from "@/lib/boxes";
import { writeYoloDataset } from "@/lib/datasets/export";
import { detectionRate, type Prediction } from "@/lib/metrics";
import { renderSynthPage } from "@/lib/synth/dataset";
import { withTestDatabase } from "../helpers/db";
import { makeAnchor, makeProject } from "../helpers/fixtures";

const t = withTestDatabase("trainer");
// npm test creates this environment from training-runner/requirements.txt (real ultralytics + torch)
const python = process.env.FIELDLOOP_PYTHON;
const run = promisify(execFile);

describe("trainer.py with the real Ultralytics", () => {
  it.runIf(python)(
    "trains on our YOLO export offline with the seed recipe and reports structured progress",
    async () => {
      const db = t.db();
      const p = await makeProject(db, ["a", "b", "c"]);
      await makeAnchor(db, p.id, { train: 8, val: 2, test: 1 });
      const m = await createAnchorExportManifest(db, { projectId: p.id, actor: null });
      const dir = await mkdtemp(path.join(os.tmpdir(), "fl-train-"));
      try {
        await writeYoloDataset(() => manifestExportItems(db, m.id), path.join(dir, "dataset"), ["a", "b", "c"]);
        const progress = path.join(dir, "progress.jsonl");
        const config = { data: path.join(dir, "dataset", "data.yaml"), model: "yolov8n.yaml", out_dir: path.join(dir, "out"), epochs: 1, imgsz: 64, batch: 4, optimizer: "AdamW", lr0: 0.001, warmup_epochs: 1, warmup_bias_lr: 0.0, cos_lr: true, freeze: 10, seed: 7, progress };
        await writeFile(path.join(dir, "config.json"), JSON.stringify(config));
        await run(python!, [path.join(process.cwd(), "training-runner/trainer.py"), path.join(dir, "config.json")], { timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
        const events = (await readFile(progress, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
        const training = events.find((e) => e.phase === "training");
        expect(training).toMatchObject({ epoch: 1, epochs: 1, etaSeconds: 0 }); // nothing left after the only epoch
        expect(Object.keys(training.losses)).toEqual(["box_loss", "cls_loss", "dfl_loss"]);
        expect(events.find((e) => e.phase === "validating").metrics).toHaveProperty(["metrics/mAP50(B)"]);
        const done = events[events.length - 1];
        expect(done.phase).toBe("done");
        expect(existsSync(done.best)).toBe(true);
        // the serving export: ONNX with a static 64x64 input
        expect(done.onnx).toMatch(/\.onnx$/);
        const shape = await run(python!, ["-c", "import onnx,sys; m=onnx.load(sys.argv[1]); print([d.dim_value for d in m.graph.input[0].type.tensor_type.shape.dim])", done.onnx]);
        expect(shape.stdout.trim()).toBe("[1, 3, 64, 64]");
        // the recipe reached Ultralytics as given, not its defaults
        expect(done.args).toMatchObject({ optimizer: "AdamW", lr0: 0.001, warmup_bias_lr: 0, cos_lr: true, freeze: 10, seed: 7, imgsz: 64, mosaic: 0, fliplr: 0 });
        // the network's layers, for the freeze picture: yolov8's backbone ends at SPPF = model.9
        expect(done.layers.slice(0, 10).map((l: { type: string }) => l.type)).toEqual(["Conv", "Conv", "C2f", "Conv", "C2f", "Conv", "C2f", "Conv", "C2f", "SPPF"]);
        expect(done.layers.at(-1).type).toBe("Detect");
        expect(done.train_seconds).toBeGreaterThan(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );

  // The committed demo model (npm run demo-model -- train-base): it must really read classic pages
  // and really miss the shifted family, or the demo's loop has nothing to fix.
  it.runIf(python && existsSync(path.join(DEMO_MODEL_DIR, "base_v1.pt")))(
    "the committed demo base_v1 finds the fields of classic pages and misses those of shifted pages",
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "fl-predict-"));
      try {
        const pages: { id: string; path: string; truth: Box[] }[] = [];
        for (const family of ["classic", "shifted"] as const) {
          for (let i = 0; i < 8; i++) {
            const page = renderSynthPage(family, 555, i); // a seed no anchor or pool page used
            const file = path.join(dir, `${family}-${i}.jpg`);
            await writeFile(file, page.image);
            pages.push({ id: `${family}-${i}`, path: file, truth: page.labels });
          }
        }
        const meta = JSON.parse(await readFile(path.join(DEMO_MODEL_DIR, "base_v1.json"), "utf8"));
        const config = { mode: "predict", models: [{ key: "base_v1", weights: path.join(DEMO_MODEL_DIR, "base_v1.pt"), imgsz: meta.imgsz }], images: pages.map(({ id, path }) => ({ id, path })), conf: 0.001, out: path.join(dir, "out.json"), out_dir: dir, progress: path.join(dir, "progress.jsonl") };
        await writeFile(path.join(dir, "config.json"), JSON.stringify(config));
        await run(python!, [path.join(process.cwd(), "training-runner/trainer.py"), path.join(dir, "config.json")], { timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
        const preds = JSON.parse(await readFile(config.out, "utf8")).base_v1 as Record<string, Prediction[]>;
        const rate = (family: string) => detectionRate(pages.filter((p) => p.id.startsWith(family)).map((p) => ({ truth: p.truth, predictions: preds[p.id]! }))).fields.rate;
        expect(rate("classic")).toBeGreaterThan(0.9);
        expect(rate("shifted")).toBeLessThan(0.3);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
