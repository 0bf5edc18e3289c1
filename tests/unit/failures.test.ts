import { describe, expect, it } from "vitest";
import { failureMetadataSchema, resolvePredictions } from "@/lib/failures";

const classes = ["logo", "total", "stamp"];

describe("failure metadata", () => {
  it("resolves class names and indices and keeps confidences", () => {
    const meta = failureMetadataSchema.parse({
      model_version: "ft_v1.2",
      predictions: [
        { class: "total", cx: 0.5, cy: 0.5, w: 0.2, h: 0.1, confidence: 0.42 },
        { class: 2, cx: 0.2, cy: 0.8, w: 0.1, h: 0.1, confidence: 0.9 },
      ],
      expected_fields: ["logo"],
    });
    expect(resolvePredictions(meta, classes)).toEqual({
      predictions: [
        { cls: 1, cx: 0.5, cy: 0.5, w: 0.2, h: 0.1, conf: 0.42 },
        { cls: 2, cx: 0.2, cy: 0.8, w: 0.1, h: 0.1, conf: 0.9 },
      ],
      expected: ["logo"],
      errors: [],
    });
  });

  it("reports every unknown class and bad box by index", () => {
    const meta = failureMetadataSchema.parse({
      model_version: "base_v1",
      predictions: [
        { class: "signature", cx: 0.5, cy: 0.5, w: 0.2, h: 0.1, confidence: 0.5 },
        { class: 7, cx: 0.5, cy: 0.5, w: 0.2, h: 0.1, confidence: 0.5 },
        { class: "total", cx: 0.95, cy: 0.5, w: 0.2, h: 0.1, confidence: 0.5 },
        { class: "total", cx: 0.5, cy: 0.5, w: 0, h: 0.1, confidence: 0.5 },
      ],
      expected_fields: ["nope"],
    });
    expect(resolvePredictions(meta, classes).errors).toEqual([
      'predictions[0]: unknown class "signature" (known: logo, total, stamp)',
      "predictions[1]: unknown class 7 (known: logo, total, stamp)",
      "predictions[2]: box extends past the left or right edge of the page",
      "predictions[3]: box has zero area",
      'expected_fields[0]: unknown class "nope"',
    ]);
  });

  it("requires a model version and finite numbers", () => {
    expect(failureMetadataSchema.safeParse({ predictions: [] }).success).toBe(false);
    expect(failureMetadataSchema.safeParse({ model_version: "x", predictions: [{ class: 0, cx: "NaN", cy: 0.5, w: 0.1, h: 0.1, confidence: 1 }] }).success).toBe(false);
  });
});
