import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimNextJob } from "@/db/queries/jobs";
import { updateMixingPolicy } from "@/db/queries/projects";
import { jobSpec } from "@/db/queries/runner";
import { queueTrainingJob, updateRecipeDefaults } from "@/db/queries/training";
import { afterPoolGrowth, fireTrigger, listTriggers, tickSchedule, updateTriggerSettings } from "@/db/queries/triggers";
import { auditLog, deployments, modelVersions, trainingJobs } from "@/db/schema";
import { SEED_POLICY } from "@/lib/mixing";
import { withTestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";
import { makeAnchor, makeDocument, makePoolSamples, makeProject, makeUser } from "../helpers/fixtures";

const t = withTestDatabase("training");

/** A project with an anchor (incl. a test split), base_v1 in production, and a small minimum. */
async function setup(minimum = 3) {
  const db = t.db();
  const p = await makeProject(db);
  const lead = await makeUser(db, p.id, ["ml_lead"]);
  const admin = await makeUser(db, p.id, ["admin"]);
  await makeAnchor(db, p.id, { train: 6, val: 1, test: 2 });
  const [base] = await db
    .insert(modelVersions)
    .values({ projectId: p.id, kind: "base", generation: 1, minor: 0, name: "base_v1", weightsSha256: "a".repeat(64), architecture: "yolov8n", imgsz: 320, classNames: p.classes, recipe: {} })
    .returning();
  await db.insert(deployments).values({ projectId: p.id, modelVersionId: base!.id, action: "promote", actorId: admin.id });
  await updateMixingPolicy(db, { projectId: p.id, actor: lead.actor, policy: { ...SEED_POLICY, minimum } });
  return { db, p, lead, base: base! };
}

describe("training triggers", () => {
  it("a weekly schedule runs once per slot: skipped with its reason under the minimum, queued at it", async () => {
    const { db, p, lead } = await setup();
    expect(await tickSchedule(db, p.id, new Date("2026-12-01T10:00:00Z"))).toBeNull(); // schedule off
    await updateTriggerSettings(db, { projectId: p.id, actor: lead.actor, settings: { autoQueue: false, schedule: "weekly", performance: false } });
    const skipped = await tickSchedule(db, p.id, new Date("2026-12-01T10:00:00Z"));
    expect(skipped).toMatchObject({ source: "schedule", slot: "2026-W49", outcome: "skipped", reason: "only 0 new verified samples; a fine-tune needs 3", jobId: null });
    await makePoolSamples(db, p.id, 3);
    // the same week is not tried again, even with enough samples now; concurrent ticks queue once
    expect(await tickSchedule(db, p.id, new Date("2026-12-03T10:00:00Z"))).toBeNull();
    const next = await Promise.all([tickSchedule(db, p.id, new Date("2026-12-08T10:00:00Z")), tickSchedule(db, p.id, new Date("2026-12-08T10:00:01Z"))]);
    const queued = next.filter(Boolean);
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ slot: "2026-W50", outcome: "queued", reason: "3 new verified samples" });
    const [job] = await db.select().from(trainingJobs).where(eq(trainingJobs.id, queued[0]!.jobId!));
    expect(job).toMatchObject({ kind: "finetune", state: "queued", createdBy: null });
    // a job is queued already: the performance trigger logs that instead of queuing a second one
    await updateTriggerSettings(db, { projectId: p.id, actor: lead.actor, settings: { autoQueue: false, schedule: "weekly", performance: true } });
    const perf = await fireTrigger(db, { projectId: p.id, source: "performance", alertId: 9, note: "detection rate of total fell to 71%" });
    expect(perf).toMatchObject({ outcome: "skipped", reason: `job ${job!.id} is already queued or running (detection rate of total fell to 71%)`, alertId: 9 });
    expect((await listTriggers(db, p.id)).map((r) => r.outcome)).toEqual(["skipped", "queued", "skipped"]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.projectId, p.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["project.update_triggers", "trigger.schedule", "trigger.performance"]));
  });

  it("auto-queue (volume) queues when a pool sample brings it to the minimum; off by default", async () => {
    const { db, p, lead } = await setup(2);
    await makePoolSamples(db, p.id, 2);
    expect(await afterPoolGrowth(db, p.id)).toBeNull(); // auto-queue is off
    const off = await fireTrigger(db, { projectId: p.id, source: "performance", note: "alert" });
    expect(off!.reason).toBe("performance trigger is off (alert)");
    await updateTriggerSettings(db, { projectId: p.id, actor: lead.actor, settings: { autoQueue: true, schedule: "off", performance: false } });
    const fired = await afterPoolGrowth(db, p.id);
    expect(fired).toMatchObject({ source: "volume", outcome: "queued" });
    expect(await afterPoolGrowth(db, p.id)).toBeNull(); // one queued job is enough
  });

  it("recipe defaults an ML lead saves reach the next job (audited); bad values change nothing", async () => {
    const { db, p, lead } = await setup(1);
    await makePoolSamples(db, p.id, 1);
    await updateRecipeDefaults(db, { projectId: p.id, actor: lead.actor, defaults: { finetune: { epochs: 14, lr0: 0.0007 } } });
    await expect(updateRecipeDefaults(db, { projectId: p.id, actor: lead.actor, defaults: { finetune: { epochs: 0 } } })).rejects.toThrow(/expected number to be >=1/);
    const { job } = await queueTrainingJob(db, { projectId: p.id, actor: lead.actor, kind: "finetune" });
    expect(job.recipe).toMatchObject({ epochs: 14, lr0: 0.0007, freeze: 10, architecture: "yolov8n", imgsz: 320, optimizer: "AdamW" });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "project.update_recipe"));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.data).toMatchObject({ before: "seed defaults", after: { finetune: { epochs: 14, lr0: 0.0007 } } });
  });

  it("the job spec names the production model and the gate sets: frozen test set, this fine-tune's failures, a production sample", async () => {
    const { db, p, lead, base } = await setup(1);
    await makePoolSamples(db, p.id, 2);
    for (let i = 0; i < 3; i++) await makeDocument(db, p.id, "production");
    const { job } = await queueTrainingJob(db, { projectId: p.id, actor: lead.actor, kind: "finetune" });
    await claimNextJob(db, { projectId: p.id, runner: "r1", leaseSeconds: 60 });
    const spec = await jobSpec(db, { projectId: p.id, jobId: job.id, runner: "r1" });
    expect(spec.production).toMatchObject({ id: base.id, name: "base_v1", imgsz: 320 });
    expect(spec.gateSets.test).toHaveLength(2);
    expect(spec.gateSets.test.every((i) => i.boxes!.length > 0)).toBe(true);
    // pool samples made by the fixture are production pages, not failure reports; all 2 + 3 production pages are sampled
    expect(spec.gateSets.failures).toEqual([]);
    expect(spec.gateSets.production).toHaveLength(5);
    expect(spec.items.some((i) => spec.gateSets.test.some((g) => g.documentId === i.documentId))).toBe(false);
    // every attempt sees the same sets
    expect((await jobSpec(db, { projectId: p.id, jobId: job.id, runner: "r1" })).gateSets).toEqual(spec.gateSets);
  });
});

describe("a committed base model (the demo's base_v1)", () => {
  it("is registered only with matching hashes and anchor; then it is base_v1 in production", async () => {
    const { mkdtemp, writeFile, rm } = await import("node:fs/promises");
    const os = await import("node:os");
    const path = await import("node:path");
    const { createHash } = await import("node:crypto");
    const { registerCommittedBase, productionModel } = await import("@/db/queries/models");
    const { datasetManifests } = await import("@/db/schema");
    const db = t.db();
    const p = await makeProject(db);
    const admin = await makeUser(db, p.id, ["admin"]);
    await makeAnchor(db, p.id, { train: 4, val: 1 });
    const dir = await mkdtemp(path.join(os.tmpdir(), "fl-committed-"));
    const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    const pt = Buffer.from("weights");
    const onnx = Buffer.from("onnx graph");
    await writeFile(path.join(dir, "base_v1.pt"), pt);
    await writeFile(path.join(dir, "base_v1.onnx"), onnx);
    const meta = { name: "base_v1", architecture: "yolov8n", imgsz: 320, weightsSha256: sha(pt), onnxSha256: sha(onnx), recipe: { seed: 5 }, metrics: { "metrics/mAP50(B)": 0.9 }, layers: [{ i: 0, from: -1, type: "Conv", params: 464 }], manifestSha256: "0".repeat(64) };
    const write = (m: object) => writeFile(path.join(dir, "base_v1.json"), JSON.stringify(m));
    const register = () => registerCommittedBase(db, { projectId: p.id, classes: p.classes, dir, name: "base_v1", actor: admin.actor });
    try {
      // trained on another anchor: refused, nothing written
      await write(meta);
      expect((await errorOf(register())).status).toBe(409);
      expect(await db.select().from(datasetManifests).where(eq(datasetManifests.projectId, p.id))).toEqual([]);
      // weights that are not the recorded ones: refused
      await write({ ...meta, manifestSha256: undefined, weightsSha256: "f".repeat(64) });
      expect((await errorOf(register())).status).toBe(422);
      await write({ ...meta, manifestSha256: undefined });
      const model = await register();
      expect(model).toMatchObject({ name: "base_v1", kind: "base", generation: 1, imgsz: 320 });
      expect((await productionModel(db, p.id))!.id).toBe(model.id);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
