import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createAnchorExportManifest, createBaseRetrainManifest, createFinetuneManifest, manifestExportItems, previewMix, verifyManifest } from "@/db/queries/manifests";
import { updateMixingPolicy } from "@/db/queries/projects";
import { datasetManifests, documents, manifestItems, modelVersions } from "@/db/schema";
import { writeCocoDataset, writeYoloDataset } from "@/lib/datasets/export";
import { SEED_POLICY } from "@/lib/mixing";
import { withTestDatabase } from "../helpers/db";
import { makeAnchor, makePoolSamples, makeProject, makeUser } from "../helpers/fixtures";

const t = withTestDatabase("manifests");

describe("training manifests", () => {
  it("refuses a fine-tune under 50 new samples and writes nothing", async () => {
    const db = t.db();
    const p = await makeProject(db);
    await makeAnchor(db, p.id, { train: 20, val: 2, test: 3 });
    await makePoolSamples(db, p.id, 10);
    await expect(createFinetuneManifest(db, { projectId: p.id, actor: null })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/at least 50 new verified samples.*has 10/) });
    const [m] = await db.select({ n: count() }).from(datasetManifests).where(eq(datasetManifests.projectId, p.id));
    expect(m!.n).toBe(0);
  });

  it("mixes all pool samples with a seeded anchor sample, never the test set, and regenerates identically", async () => {
    const db = t.db();
    const p = await makeProject(db);
    await makeAnchor(db, p.id, { train: 120, val: 5, test: 10 });
    const poolDocs = await makePoolSamples(db, p.id, 52);
    const lead = await makeUser(db, p.id, ["ml_lead"]);
    const preview = await previewMix(db, p.id);
    expect(preview.plan).toMatchObject({ newSamples: 52, oldSamples: 120, limitedBy: "anchor", allowed: true });
    expect(preview.warnings).toEqual([expect.stringMatching(/no new samples of "a"/), expect.stringMatching(/no new samples of "c"/)]);

    const m = await createFinetuneManifest(db, { projectId: p.id, actor: lead.actor, seed: 4242 });
    expect(m.counts).toEqual({ new: 52, old: 120, holdout: 0, val: 5 });
    const items = await db.select().from(manifestItems).where(eq(manifestItems.manifestId, m.id));
    const docs = await db.select().from(documents).where(inArray(documents.id, items.map((i) => i.documentId)));
    expect(docs.some((d) => d.origin === "anchor_test")).toBe(false);
    expect(items.filter((i) => i.role === "new").map((i) => i.documentId).sort()).toEqual([...poolDocs].sort());
    expect(await verifyManifest(db, p.id, m.id)).toBe(true);
    // the pool grows afterwards; the manifest still regenerates exactly from its seed and bounds
    await makePoolSamples(db, p.id, 3);
    expect(await verifyManifest(db, p.id, m.id)).toBe(true);
    const again = await createFinetuneManifest(db, { projectId: p.id, actor: lead.actor, seed: 4242 });
    expect(again.contentSha256).not.toBe(m.contentSha256);
    expect((await previewMix(db, p.id)).newSinceLastFinetune).toBe(0);
  });

  it("samples old data by the policy's band and honours per-project overrides", async () => {
    const db = t.db();
    const p = await makeProject(db);
    const lead = await makeUser(db, p.id, ["ml_lead"]);
    await makeAnchor(db, p.id, { train: 150, val: 2 });
    await makePoolSamples(db, p.id, 5);
    await updateMixingPolicy(db, { projectId: p.id, actor: lead.actor, policy: { ...SEED_POLICY, minimum: 5, bands: [{ fromNew: 0, multiplier: 20 }] } });
    const m = await createFinetuneManifest(db, { projectId: p.id, actor: lead.actor, seed: 1 });
    expect(m.counts).toMatchObject({ new: 5, old: 100 });
  });

  it("exports a manifest as a YOLO folder and as COCO JSON", async () => {
    const db = t.db();
    const p = await makeProject(db, ["a", "b", "c"]);
    await makeAnchor(db, p.id, { train: 6, val: 2, test: 2 });
    const m = await createAnchorExportManifest(db, { projectId: p.id, actor: null });
    const out = await mkdtemp(path.join(os.tmpdir(), "fl-export-"));
    try {
      const n = await writeYoloDataset(() => manifestExportItems(db, m.id), path.join(out, "yolo"), ["a", "b", "c"]);
      expect(n).toBe(8);
      expect((await readdir(path.join(out, "yolo/images/train"))).length).toBe(6);
      expect((await readdir(path.join(out, "yolo/labels/val"))).length).toBe(2);
      const yaml = await readFile(path.join(out, "yolo/data.yaml"), "utf8");
      expect(yaml).toContain(`path: ${path.join(out, "yolo")}`);
      expect(yaml).toContain('  2: "c"');
      const label = await readFile(path.join(out, "yolo/labels/train", (await readdir(path.join(out, "yolo/labels/train")))[0]!), "utf8");
      expect(label).toMatch(/^[0-2] 0\.500000 0\.500000 0\.300000 0\.200000\n$/);

      await writeCocoDataset(() => manifestExportItems(db, m.id), path.join(out, "coco"), ["a", "b", "c"]);
      const coco = JSON.parse(await readFile(path.join(out, "coco/annotations.json"), "utf8"));
      expect(coco.categories.map((c: { id: number; name: string }) => [c.id, c.name])).toEqual([[1, "a"], [2, "b"], [3, "c"]]);
      expect(coco.images).toHaveLength(8);
      expect(coco.annotations).toHaveLength(8);
      // 0.3 x 0.2 of a 64 x 80 page, centred
      expect(coco.annotations[0].bbox).toEqual([22.4, 32, 19.2, 16]);
      expect(new Set(coco.annotations.map((a: { id: number }) => a.id)).size).toBe(8);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("base retrain: anchor + all pool samples; the next fine-tunes start from that anchor", async () => {
    const db = t.db();
    const p = await makeProject(db);
    const lead = await makeUser(db, p.id, ["ml_lead"]);
    await makeAnchor(db, p.id, { train: 30, val: 2 });
    await makePoolSamples(db, p.id, 6);
    // the first base trains on the anchor as it is (plus any pool), without waiting for 2,000
    const first = await createBaseRetrainManifest(db, { projectId: p.id, actor: lead.actor });
    expect(first).toMatchObject({ kind: "base_retrain", generation: 1, counts: { new: 6, old: 30, val: 2, holdout: 0 } });
    await db.insert(modelVersions).values({ projectId: p.id, kind: "base", generation: 1, minor: 0, name: "base_v1", weightsSha256: "a".repeat(64), architecture: "yolov8n", imgsz: 320, classNames: ["a", "b", "c"], recipe: {}, manifestId: first.id });
    // the 6 samples are now part of the base; only later ones are "new"
    await makePoolSamples(db, p.id, 2);
    const preview = await previewMix(db, p.id);
    expect(preview).toMatchObject({ base: { name: "base_v1" }, anchorSize: 36, plan: { newSamples: 2 } });
    // a later retrain waits for the threshold
    await expect(createBaseRetrainManifest(db, { projectId: p.id, actor: lead.actor })).rejects.toMatchObject({ message: expect.stringMatching(/needs 2000 accumulated pool samples; the pool has 8/) });
    await updateMixingPolicy(db, { projectId: p.id, actor: lead.actor, policy: { ...SEED_POLICY, baseRetrainAt: 5 } });
    expect(await createBaseRetrainManifest(db, { projectId: p.id, actor: lead.actor })).toMatchObject({ generation: 2, counts: { new: 8, old: 30 } }); // pool pages of base_v1 count once, as new
  });
});
