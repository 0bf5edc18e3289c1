import { describe, expect, it } from "vitest";
import { freezePlan, recipeDefaultsSchema, resolveRecipe } from "@/lib/recipe";

describe("resolveRecipe", () => {
  const base = { architecture: "yolov8s", imgsz: 320 };
  it("is the seed recipe for a fine-tune: AdamW, lr0 0.001, 10 epochs, freeze 10, 1 warmup epoch, cosine LR", () => {
    expect(resolveRecipe({ kind: "finetune", base, seed: 7 })).toMatchObject({ architecture: "yolov8s", imgsz: 320, epochs: 10, optimizer: "AdamW", lr0: 0.001, freeze: 10, warmup_epochs: 1, warmup_bias_lr: 0, cos_lr: true, seed: 7 });
  });
  it("layers seed < project defaults < trigger overrides, but a fine-tune keeps its base's architecture and imgsz", () => {
    const r = resolveRecipe({ kind: "finetune", base, projectDefaults: { finetune: { epochs: 12, lr0: 0.0005 } }, overrides: { epochs: 3, architecture: "yolov8x", imgsz: 640 }, seed: 1 });
    expect(r).toMatchObject({ epochs: 3, lr0: 0.0005, architecture: "yolov8s", imgsz: 320 });
  });
  it("a base retrain trains longer and unfrozen, in the current base's architecture unless the lead sets another", () => {
    expect(resolveRecipe({ kind: "base_retrain", base, seed: 1 })).toMatchObject({ epochs: 100, freeze: 0, architecture: "yolov8s", imgsz: 320 });
    expect(resolveRecipe({ kind: "base_retrain", base, projectDefaults: { base_retrain: { architecture: "yolo11n" } }, seed: 1 }).architecture).toBe("yolo11n");
  });
  it("project defaults cannot pin a fine-tune's architecture or its seed, and refuse unknown keys", () => {
    expect(recipeDefaultsSchema.safeParse({ finetune: { architecture: "yolov8x" } }).success).toBe(false);
    expect(recipeDefaultsSchema.safeParse({ finetune: { seed: 3 } }).success).toBe(false);
    expect(recipeDefaultsSchema.safeParse({ finetune: { lr: 0.1 } }).success).toBe(false);
    expect(recipeDefaultsSchema.safeParse({ finetune: { lr0: -1 } }).success).toBe(false);
    expect(recipeDefaultsSchema.safeParse({ finetune: { epochs: 20, freeze: 0 } }).success).toBe(true);
  });
});

describe("freezePlan", () => {
  // yolov8n's first layers and head, as trainer.py reports them
  const layers = [
    { i: 0, from: -1, type: "Conv", params: 464 },
    { i: 1, from: -1, type: "Conv", params: 4672 },
    { i: 2, from: -1, type: "C2f", params: 7360 },
    { i: 3, from: -1, type: "SPPF", params: 164608 },
    { i: 4, from: -1, type: "Upsample", params: 0 },
    { i: 5, from: [-1, 2], type: "Concat", params: 0 },
    { i: 6, from: [5], type: "Detect", params: 751507 },
  ];
  it("freezes model.0 .. model.(N-1) and names backbone, neck and head", () => {
    const p = freezePlan(layers, 3);
    expect(p.layers.filter((l) => l.frozen).map((l) => l.i)).toEqual([0, 1, 2]);
    expect(p.layers.map((l) => l.part)).toEqual(["backbone", "backbone", "backbone", "backbone", "neck", "neck", "head"]);
    expect(p.frozenParams).toBe(464 + 4672 + 7360);
    expect(p.totalParams).toBe(464 + 4672 + 7360 + 164608 + 751507);
    expect(freezePlan(layers, 0).frozenParams).toBe(0);
  });
});
