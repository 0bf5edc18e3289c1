import { z } from "zod";

/**
 * The seed's fine-tune recipe. Per-project defaults (edited by an ML lead, audited) live in
 * projects.settings.recipe as { finetune?, base_retrain? } partials over these.
 */
export const recipeSchema = z.object({
  architecture: z.string().regex(/^yolo[a-z0-9.]+$/).default("yolov8n"),
  epochs: z.number().int().min(1).max(1000).default(10),
  imgsz: z.number().int().min(32).max(2048).multipleOf(32).default(640),
  batch: z.number().int().min(1).max(512).default(16),
  optimizer: z.enum(["AdamW", "Adam", "SGD"]).default("AdamW"),
  lr0: z.number().positive().max(1).default(0.001),
  warmup_epochs: z.number().min(0).max(10).default(1),
  warmup_bias_lr: z.number().min(0).max(1).default(0),
  cos_lr: z.boolean().default(true),
  freeze: z.number().int().min(0).max(30).default(10),
  /** documents: the page layout is the signal, so no mosaic and no mirrored pages by default */
  mosaic: z.number().min(0).max(1).default(0),
  fliplr: z.number().min(0).max(1).default(0),
  seed: z.number().int().min(0).default(0),
});
export type Recipe = z.infer<typeof recipeSchema>;
export type JobKind = "finetune" | "base_retrain";

/** A base retrain trains from the architecture's yaml, longer and without frozen layers. */
export const BASE_RETRAIN_DEFAULTS: Partial<Recipe> = { epochs: 100, lr0: 0.002, freeze: 0, warmup_epochs: 3 };

/** What an ML lead may set per project: everything but the seed (recorded per job) and, for fine-tunes, the base's architecture and imgsz. */
export const recipeDefaultsSchema = z
  .object({
    finetune: recipeSchema.omit({ seed: true, architecture: true, imgsz: true }).partial().strict().optional(),
    base_retrain: recipeSchema.omit({ seed: true }).partial().strict().optional(),
  })
  .strict();
export type RecipeDefaults = z.infer<typeof recipeDefaultsSchema>;

/**
 * The recipe a job runs with: seed defaults < project defaults < the trigger's overrides, and a
 * fine-tune always takes the architecture and image size of the base it starts from.
 */
export function resolveRecipe(input: {
  kind: JobKind;
  projectDefaults?: RecipeDefaults;
  base: { architecture: string; imgsz: number } | null;
  overrides?: Partial<Recipe>;
  seed: number;
}): Recipe {
  const kindDefaults = input.kind === "base_retrain" ? { ...BASE_RETRAIN_DEFAULTS, ...(input.base ? { architecture: input.base.architecture, imgsz: input.base.imgsz } : {}) } : {};
  const pinned = input.kind === "finetune" && input.base ? { architecture: input.base.architecture, imgsz: input.base.imgsz } : {};
  return recipeSchema.parse({ ...kindDefaults, ...input.projectDefaults?.[input.kind], seed: input.seed, ...input.overrides, ...pinned });
}

export type Layer = { i: number; from: number | number[]; type: string; params: number };
export type FreezePlan = {
  freeze: number;
  layers: (Layer & { part: "backbone" | "neck" | "head"; frozen: boolean })[];
  frozenParams: number;
  totalParams: number;
};

/**
 * What `freeze: N` does to a network: Ultralytics freezes the parameters of model.0 … model.(N-1).
 * Parts are named the YOLO way: the backbone ends at its SPPF block, the Detect layer is the
 * head, the rest is the neck.
 */
export function freezePlan(layers: readonly Layer[], freeze: number): FreezePlan {
  const sppf = layers.findIndex((l) => /^SPPF|^SPP$/.test(l.type));
  const out = layers.map((l) => ({ ...l, part: (/Detect|Segment|Pose|OBB|Classify/.test(l.type) ? "head" : sppf >= 0 && l.i > sppf ? "neck" : "backbone") as "backbone" | "neck" | "head", frozen: l.i < freeze }));
  const sum = (ls: readonly Layer[]) => ls.reduce((a, l) => a + l.params, 0);
  return { freeze, layers: out, frozenParams: sum(out.filter((l) => l.frozen)), totalParams: sum(layers) };
}
