import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  annotationRevisions,
  datasetManifests,
  documents,
  manifestItems,
  modelVersions,
  poolEntries,
  reviews,
  tasks,
  trainingJobs,
} from "@/db/schema";
import type { Db } from "@/db/client";
import { withTestDatabase } from "../helpers/db";
import { makeDocument, makeProject, makeUser } from "../helpers/fixtures";

const t = withTestDatabase("invariants");

/** The database's own message for a refused statement (drizzle wraps the driver error). */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const cause = (e as { cause?: { message?: string } }).cause;
    return cause?.message ?? (e as Error).message;
  }
  throw new Error("expected the database to refuse the statement");
}

async function reviewedRevision(db: Db) {
  const project = await makeProject(db);
  const annotator = await makeUser(db, project.id, ["annotator"]);
  const reviewer = await makeUser(db, project.id, ["reviewer"]);
  const doc = await makeDocument(db, project.id);
  const [rev] = await db
    .insert(annotationRevisions)
    .values({ projectId: project.id, documentId: doc.id, source: "human", authorId: annotator.id, boxes: [{ cls: 1, cx: 0.5, cy: 0.5, w: 0.1, h: 0.1 }] })
    .returning();
  const [task] = await db.insert(tasks).values({ projectId: project.id, documentId: doc.id, currentRevisionId: rev!.id, state: "submitted" }).returning();
  return { project, annotator, reviewer, doc, rev: rev!, task: task! };
}

async function baseModel(db: Db, projectId: number, generation = 1) {
  const [m] = await db
    .insert(modelVersions)
    .values({ projectId, kind: "base", generation, minor: 0, name: `base_v${generation}`, weightsSha256: "a".repeat(64), architecture: "yolov8n", imgsz: 320, classNames: ["a", "b", "c"], recipe: {} })
    .returning();
  return m!;
}

describe("database invariants", () => {
  it("refuses deleting, editing or truncating a pool entry", async () => {
    const db = t.db();
    const { project, reviewer, doc, rev, task } = await reviewedRevision(db);
    const [review] = await db.insert(reviews).values({ projectId: project.id, taskId: task.id, revisionId: rev.id, reviewerId: reviewer.id, decision: "accept" }).returning();
    const [entry] = await db.insert(poolEntries).values({ projectId: project.id, documentId: doc.id, revisionId: rev.id, reviewId: review!.id }).returning();

    expect(await refusal(db.delete(poolEntries).where(eq(poolEntries.id, entry!.id)))).toMatch(/append-only: DELETE on pool_entries/);
    expect(await refusal(db.update(poolEntries).set({ supersedesEntryId: 1 }).where(eq(poolEntries.id, entry!.id)))).toMatch(/append-only: UPDATE/);
    expect(await refusal(db.execute(sql`TRUNCATE pool_entries CASCADE`))).toMatch(/never emptied/);
    const [still] = await db.select().from(poolEntries).where(eq(poolEntries.id, entry!.id));
    expect(still).toEqual(entry);
  });

  it("admits only revisions accepted by a review into the pool", async () => {
    const db = t.db();
    const { project, reviewer, doc, rev, task } = await reviewedRevision(db);
    const [reject] = await db.insert(reviews).values({ projectId: project.id, taskId: task.id, revisionId: rev.id, reviewerId: reviewer.id, decision: "reject", comment: "box too loose" }).returning();
    expect(await refusal(db.insert(poolEntries).values({ projectId: project.id, documentId: doc.id, revisionId: rev.id, reviewId: reject!.id }))).toMatch(/no accepting review/);
  });

  it("refuses a reviewer approving a revision they authored", async () => {
    const db = t.db();
    const { project, annotator, rev, task } = await reviewedRevision(db);
    expect(
      await refusal(db.insert(reviews).values({ projectId: project.id, taskId: task.id, revisionId: rev.id, reviewerId: annotator.id, decision: "accept" })),
    ).toMatch(/two-person rule/);
    expect(await db.select().from(reviews).where(eq(reviews.revisionId, rev.id))).toHaveLength(0);
  });

  it("refuses deleting or changing a model version", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const base = await baseModel(db, project.id);
    expect(await refusal(db.delete(modelVersions).where(eq(modelVersions.id, base.id)))).toMatch(/never changed/);
    expect(await refusal(db.update(modelVersions).set({ weightsSha256: "b".repeat(64) }).where(eq(modelVersions.id, base.id)))).toMatch(/never changed/);
    const [row] = await db.select().from(modelVersions).where(eq(modelVersions.id, base.id));
    expect(row!.weightsSha256).toBe("a".repeat(64));
  });

  it("accepts ft_v1.1 from base_v1 but refuses a fine-tune whose parent is a fine-tune", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const base = await baseModel(db, project.id);
    const ft = { projectId: project.id, kind: "finetune" as const, generation: 1, weightsSha256: "c".repeat(64), architecture: "yolov8n", imgsz: 320, classNames: ["a", "b", "c"], recipe: {} };
    const [ft1] = await db.insert(modelVersions).values({ ...ft, minor: 1, name: "ft_v1.1", parentBaseId: base.id }).returning();
    expect(ft1!.parentBaseId).toBe(base.id);
    expect(await refusal(db.insert(modelVersions).values({ ...ft, minor: 2, name: "ft_v1.2", parentBaseId: ft1!.id }))).toMatch(/parent must be a base model/);
    // and a base of another project is not a valid parent either
    const other = await makeProject(db);
    const otherBase = await baseModel(db, other.id);
    expect(await refusal(db.insert(modelVersions).values({ ...ft, minor: 3, name: "ft_v1.3", parentBaseId: otherBase.id }))).toMatch(/another project/);
  });

  it("refuses a model whose class names differ from the project's", async () => {
    const db = t.db();
    const project = await makeProject(db, ["a", "b", "c"]);
    const model = { projectId: project.id, kind: "base" as const, generation: 1, minor: 0, name: "base_v1", weightsSha256: "a".repeat(64), architecture: "yolov8n", imgsz: 320, recipe: {} };
    expect(await refusal(db.insert(modelVersions).values({ ...model, classNames: ["a", "c", "b"] }))).toMatch(/class names/);
    await db.insert(modelVersions).values({ ...model, classNames: ["a", "b", "c"] });
  });

  it("refuses a training job that starts from a fine-tune", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const base = await baseModel(db, project.id);
    const [ft1] = await db
      .insert(modelVersions)
      .values({ projectId: project.id, kind: "finetune", generation: 1, minor: 1, name: "ft_v1.1", parentBaseId: base.id, weightsSha256: "d".repeat(64), architecture: "yolov8n", imgsz: 320, classNames: ["a", "b", "c"], recipe: {} })
      .returning();
    const [manifest] = await db.insert(datasetManifests).values({ projectId: project.id, kind: "finetune", seed: 1, policy: {}, counts: {}, contentSha256: "e".repeat(64) }).returning();
    const job = { projectId: project.id, kind: "finetune" as const, manifestId: manifest!.id, recipe: {} };
    await db.insert(trainingJobs).values({ ...job, baseModelId: base.id });
    expect(await refusal(db.insert(trainingJobs).values({ ...job, baseModelId: ft1!.id }))).toMatch(/starts from a base model/);
  });

  it("keeps the held-out test set frozen and out of every manifest", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const testDoc = await makeDocument(db, project.id, "anchor_test");
    const trainDoc = await makeDocument(db, project.id, "anchor_train");
    const [manifest] = await db.insert(datasetManifests).values({ projectId: project.id, kind: "finetune", seed: 7, policy: {}, counts: {}, contentSha256: "f".repeat(64) }).returning();
    const revOf = async (documentId: number) => (await db.select().from(annotationRevisions).where(eq(annotationRevisions.documentId, documentId)))[0]!;
    await db.insert(manifestItems).values({ manifestId: manifest!.id, documentId: trainDoc.id, revisionId: (await revOf(trainDoc.id)).id, role: "old" });
    expect(
      await refusal(db.insert(manifestItems).values({ manifestId: manifest!.id, documentId: testDoc.id, revisionId: (await revOf(testDoc.id)).id, role: "old" })),
    ).toMatch(/frozen held-out test set/);
    expect(await refusal(db.update(documents).set({ origin: "anchor_train", split: "train" }).where(eq(documents.id, testDoc.id)))).toMatch(/test set is frozen/);
    expect(await refusal(db.update(documents).set({ origin: "anchor_test", split: "test" }).where(eq(documents.id, trainDoc.id)))).toMatch(/test set is frozen/);
    expect(await refusal(db.delete(documents).where(eq(documents.id, testDoc.id)))).toMatch(/cannot be deleted/);
    expect(await refusal(db.delete(manifestItems).where(eq(manifestItems.manifestId, manifest!.id)))).toMatch(/append-only/);
  });

  it("refuses editing an annotation revision or the audit log", async () => {
    const db = t.db();
    const { rev } = await reviewedRevision(db);
    expect(await refusal(db.update(annotationRevisions).set({ boxes: [] }).where(eq(annotationRevisions.id, rev.id)))).toMatch(/snapshots/);
    expect(await refusal(db.execute(sql`DELETE FROM audit_log`))).toMatch(/audit log is append-only/);
  });
});
