import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { boxSchema } from "@/lib/boxes";
import { FIELD_CLASSES } from "@/lib/synth/classes";
import { generateDataset, renderSynthPage, splitOf } from "@/lib/synth/dataset";
import { labelsFor, layoutPage } from "@/lib/synth/layout";

describe("synthetic documents", () => {
  it("lays out the same page for the same seed, and another for another seed", () => {
    expect(layoutPage("classic", 42)).toEqual(layoutPage("classic", 42));
    expect(layoutPage("classic", 42)).not.toEqual(layoutPage("classic", 43));
  });

  it("labels every field with a valid box inside the page", () => {
    for (const family of ["classic", "shifted"] as const) {
      for (let i = 0; i < 20; i++) {
        const page = renderSynthPage(family, 7, i);
        const classes = page.labels.map((b) => b.cls);
        // every page has every field except, sometimes, the stamp
        for (const required of FIELD_CLASSES.filter((c) => c !== "stamp")) expect(classes).toContain(FIELD_CLASSES.indexOf(required));
        for (const b of page.labels) expect(boxSchema.safeParse(b).success, JSON.stringify(b)).toBe(true);
      }
    }
  });

  it("puts shifted fields where classic pages never have them", () => {
    const centre = (family: "classic" | "shifted", cls: number) => {
      const ys = Array.from({ length: 30 }, (_, i) => renderSynthPage(family, 3, i).labels.find((b) => b.cls === cls)?.cy ?? NaN);
      return ys.filter(Number.isFinite).reduce((a, b) => a + b, 0) / ys.length;
    };
    const sellerAddress = FIELD_CLASSES.indexOf("seller_address");
    // classic: seller at the top; shifted: often in the footer or mid page
    expect(centre("shifted", sellerAddress) - centre("classic", sellerAddress)).toBeGreaterThan(0.15);
  });

  it("measures label extents from the drawn text", () => {
    const page = layoutPage("classic", 5);
    const narrow = labelsFor(page, (t, size) => t.length * size * 0.3);
    const wide = labelsFor(page, (t, size) => t.length * size * 0.6);
    const widthOf = (boxes: typeof narrow, cls: number) => boxes.find((b) => b.cls === cls)!.w;
    expect(widthOf(wide, 1)).toBeGreaterThan(widthOf(narrow, 1));
  });

  it("splits deterministically, about 80/10/10", () => {
    const counts = { train: 0, val: 0, test: 0 };
    for (let i = 0; i < 5000; i++) counts[splitOf(i, { val: 0.1, test: 0.1 })]++;
    expect(counts.test).toBeGreaterThan(400);
    expect(counts.test).toBeLessThan(600);
    expect(counts.val).toBeGreaterThan(400);
    expect(splitOf(123, { val: 0.1, test: 0.1 })).toBe(splitOf(123, { val: 0.1, test: 0.1 }));
  });

  it("writes a YOLO folder whose images match their labels, the same with 1 or 2 workers", async () => {
    const a = await mkdtemp(path.join(os.tmpdir(), "fl-synth-"));
    const b = await mkdtemp(path.join(os.tmpdir(), "fl-synth-"));
    try {
      await generateDataset({ outDir: a, count: 6, seed: 11, family: "classic", workers: 1 });
      await generateDataset({ outDir: b, count: 6, seed: 11, family: "classic", workers: 2 });
      const yaml = await readFile(path.join(a, "data.yaml"), "utf8");
      expect(yaml).toContain(`path: ${a}`);
      expect(yaml).toContain("  9: stamp");
      let n = 0;
      for (const split of ["train", "val", "test"]) {
        for (const f of await readdir(path.join(a, "images", split))) {
          n++;
          const meta = await sharp(path.join(a, "images", split, f)).metadata();
          expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1020, 1320]);
          const label = await readFile(path.join(a, "labels", split, f.replace(".jpg", ".txt")), "utf8");
          expect(label).toBe(await readFile(path.join(b, "labels", split, f.replace(".jpg", ".txt")), "utf8"));
          expect(label.trim().split("\n").length).toBeGreaterThanOrEqual(9);
        }
      }
      expect(n).toBe(6);
    } finally {
      await rm(a, { recursive: true, force: true });
      await rm(b, { recursive: true, force: true });
    }
  });
});
