import { z } from "zod";

/** The seed's fine-tune recipe; per-project overrides live in projects.settings.recipe. */
export const recipeSchema = z.object({
  architecture: z.string().regex(/^yolo[a-z0-9.]+$/).default("yolov8n"),
  epochs: z.number().int().min(1).max(1000).default(10),
  imgsz: z.number().int().min(32).max(2048).default(640),
  batch: z.number().int().min(1).max(512).default(16),
  optimizer: z.enum(["AdamW", "Adam", "SGD"]).default("AdamW"),
  lr0: z.number().positive().max(1).default(0.001),
  warmup_epochs: z.number().min(0).max(10).default(1),
  warmup_bias_lr: z.number().min(0).max(1).default(0),
  cos_lr: z.boolean().default(true),
  freeze: z.number().int().min(0).max(30).default(10),
  seed: z.number().int().min(0).default(0),
});
export type Recipe = z.infer<typeof recipeSchema>;

/** A base retrain trains from the architecture's yaml, longer and without frozen layers. */
export const BASE_RETRAIN_DEFAULTS: Partial<Recipe> = { epochs: 100, lr0: 0.002, freeze: 0, warmup_epochs: 3 };
