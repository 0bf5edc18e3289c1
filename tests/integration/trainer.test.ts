import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createAnchorExportManifest, manifestExportItems } from "@/db/queries/manifests";
import { writeYoloDataset } from "@/lib/datasets/export";
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
        expect(training).toMatchObject({ epoch: 1, epochs: 1 });
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
        expect(done.args).toMatchObject({ optimizer: "AdamW", lr0: 0.001, warmup_bias_lr: 0, cos_lr: true, freeze: 10, seed: 7, imgsz: 64 });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
