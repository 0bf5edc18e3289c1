import { z } from "zod";
import { boxSchema, type Box } from "./boxes";

/**
 * What a production system sends with a failed page (the `metadata` part of
 * POST /api/v1/projects/{p}/failures). Boxes are YOLO-normalized (cx, cy, w, h in [0, 1]);
 * a class is given by name or index.
 */
export const failurePredictionSchema = z.object({
  class: z.union([z.string().min(1).max(100), z.number().int().min(0)]),
  cx: z.number(),
  cy: z.number(),
  w: z.number(),
  h: z.number(),
  confidence: z.number().min(0).max(1),
});

export const failureMetadataSchema = z.object({
  external_id: z.string().trim().min(1).max(200).optional(),
  model_version: z.string().trim().min(1).max(100),
  predictions: z.array(failurePredictionSchema).max(5000).default([]),
  comment: z.string().trim().max(5000).optional(),
  expected_fields: z.array(z.string().min(1).max(100)).max(100).optional(),
});

export type FailureMetadata = z.infer<typeof failureMetadataSchema>;
export type Prediction = Box & { conf: number };

/** Resolves class names to indices and checks every box; returns all problems at once. */
export function resolvePredictions(meta: FailureMetadata, classes: readonly string[]): { predictions: Prediction[]; expected: string[]; errors: string[] } {
  const errors: string[] = [];
  const predictions: Prediction[] = [];
  meta.predictions.forEach((p, i) => {
    const cls = typeof p.class === "number" ? p.class : classes.indexOf(p.class);
    if (cls < 0 || cls >= classes.length) {
      errors.push(`predictions[${i}]: unknown class ${JSON.stringify(p.class)} (known: ${classes.join(", ")})`);
      return;
    }
    const box = boxSchema.safeParse({ cls, cx: p.cx, cy: p.cy, w: p.w, h: p.h });
    if (!box.success) {
      errors.push(`predictions[${i}]: ${box.error.issues.map((x) => x.message).join("; ")}`);
      return;
    }
    predictions.push({ ...box.data, conf: p.confidence });
  });
  const expected = meta.expected_fields ?? [];
  expected.forEach((f, i) => {
    if (!classes.includes(f)) errors.push(`expected_fields[${i}]: unknown class ${JSON.stringify(f)}`);
  });
  return { predictions, expected, errors };
}
