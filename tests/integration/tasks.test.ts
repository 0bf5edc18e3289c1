import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reportFailure } from "@/db/queries/failures";
import { correctSubmission, reviewTask, saveDraft, skipTask, submitTask } from "@/db/queries/tasks";
import { annotationRevisions, auditLog, poolEntries, reviews, tasks } from "@/db/schema";
import { withTestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";
import { makeProject, makeUser, pngImage } from "../helpers/fixtures";

const t = withTestDatabase("tasks");
let variant = 0;

async function setup() {
  const db = t.db();
  const project = await makeProject(db, ["logo", "total"]);
  const annotator = await makeUser(db, project.id, ["annotator"]);
  const reviewer = await makeUser(db, project.id, ["reviewer"]);
  const reviewer2 = await makeUser(db, project.id, ["reviewer"]);
  const receipt = await reportFailure(db, {
    projectId: project.id,
    classes: project.classes,
    actor: annotator.actor,
    image: await pngImage(61_000 + ++variant),
    meta: { model_version: "base_v1", predictions: [{ class: "total", cx: 0.5, cy: 0.5, w: 0.2, h: 0.1, confidence: 0.4 }] },
  });
  return { db, project, annotator, reviewer, reviewer2, taskId: receipt.taskId!, reportId: receipt.reportId };
}

const boxes = (cx: number) => [{ cls: 1, cx, cy: 0.5, w: 0.2, h: 0.1 }];

describe("annotation tasks", () => {
  it("answers a stale save with 409 and both versions, and overwrites nothing", async () => {
    const { db, project, annotator, taskId } = await setup();
    const first = await saveDraft(db, { projectId: project.id, actor: annotator.actor, taskId, version: 1, draft: { boxes: boxes(0.4) } });
    expect(first).toMatchObject({ version: 2, state: "in_progress", assigneeId: annotator.id });
    const stale = await errorOf(saveDraft(db, { projectId: project.id, actor: annotator.actor, taskId, version: 1, draft: { boxes: boxes(0.6) } }));
    expect(stale.status).toBe(409);
    expect(stale.details).toEqual({
      current: { version: 2, state: "in_progress", draft: { boxes: boxes(0.4) }, currentRevisionId: null },
      yours: { version: 1, value: { boxes: boxes(0.6) } },
    });
    const [row] = await db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(row!.draft).toEqual({ boxes: boxes(0.4) });
  });

  it("runs report -> annotate -> reject with a comment -> fix -> accept into the pool, with provenance and audit", async () => {
    const { db, project, annotator, reviewer, taskId, reportId } = await setup();
    let task = await submitTask(db, { projectId: project.id, actor: annotator.actor, taskId, version: 1, boxes: boxes(0.45) });
    expect(task.state).toBe("submitted");
    expect((await errorOf(reviewTask(db, { projectId: project.id, actor: reviewer.actor, taskId, version: task.version, decision: "reject" }))).message).toMatch(/needs a comment/);
    const rejected = await reviewTask(db, { projectId: project.id, actor: reviewer.actor, taskId, version: task.version, decision: "reject", comment: "total box cuts the amount", pin: { boxIndex: 0 } });
    expect(rejected.task.state).toBe("rejected");
    task = await submitTask(db, { projectId: project.id, actor: annotator.actor, taskId, version: rejected.task.version, boxes: boxes(0.5) });
    const accepted = await reviewTask(db, { projectId: project.id, actor: reviewer.actor, taskId, version: task.version, decision: "accept" });
    expect(accepted.task.state).toBe("accepted");

    const [entry] = await db.select().from(poolEntries).where(eq(poolEntries.id, accepted.poolEntryId!));
    const [review] = await db.select().from(reviews).where(eq(reviews.id, entry!.reviewId));
    const [rev] = await db.select().from(annotationRevisions).where(eq(annotationRevisions.id, entry!.revisionId));
    const [row] = await db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(rev).toMatchObject({ authorId: annotator.id, boxes: boxes(0.5), source: "human" });
    expect(review).toMatchObject({ reviewerId: reviewer.id, decision: "accept" });
    expect(row!.failureReportId).toBe(reportId);
    const actions = (await db.select().from(auditLog).where(and(eq(auditLog.targetType, "task"), eq(auditLog.targetId, String(taskId))))).map((a) => a.action);
    expect(actions).toEqual(["task.submit", "task.reject", "task.submit", "task.accept"]);
    // a later accepted correction of the same page supersedes, never replaces, the entry
    expect((await errorOf(skipTask(db, { projectId: project.id, actor: annotator.actor, taskId, version: accepted.task.version, reason: "dup" }))).status).toBe(409);
  });

  it("enforces the two-person rule: an author cannot verify their own boxes, a correction needs another reviewer", async () => {
    const { db, project, reviewer, reviewer2, taskId } = await setup();
    const both = await makeUser(db, project.id, ["annotator", "reviewer"]);
    const task = await submitTask(db, { projectId: project.id, actor: both.actor, taskId, version: 1, boxes: boxes(0.5) });
    const own = await errorOf(reviewTask(db, { projectId: project.id, actor: both.actor, taskId, version: task.version, decision: "accept" }));
    expect(own.status).toBe(403);
    expect(own.message).toMatch(/two-person rule/);

    const corrected = await correctSubmission(db, { projectId: project.id, actor: reviewer.actor, taskId, version: task.version, boxes: boxes(0.55) });
    expect(corrected.state).toBe("submitted");
    expect((await errorOf(reviewTask(db, { projectId: project.id, actor: reviewer.actor, taskId, version: corrected.version, decision: "accept" }))).status).toBe(403);
    const ok = await reviewTask(db, { projectId: project.id, actor: reviewer2.actor, taskId, version: corrected.version, decision: "accept" });
    const [entry] = await db.select().from(poolEntries).where(eq(poolEntries.id, ok.poolEntryId!));
    const [rev] = await db.select().from(annotationRevisions).where(eq(annotationRevisions.id, entry!.revisionId));
    expect(rev).toMatchObject({ authorId: reviewer.id, boxes: boxes(0.55) });
  });

  it("refuses a stale review and work on another project's task", async () => {
    const { db, project, annotator, reviewer, taskId } = await setup();
    const task = await submitTask(db, { projectId: project.id, actor: annotator.actor, taskId, version: 1, boxes: boxes(0.5) });
    expect((await errorOf(reviewTask(db, { projectId: project.id, actor: reviewer.actor, taskId, version: task.version - 1, decision: "accept" }))).status).toBe(409);
    const other = await makeProject(db);
    expect((await errorOf(reviewTask(db, { projectId: other.id, actor: reviewer.actor, taskId, version: task.version, decision: "accept" }))).status).toBe(404);
    const [row] = await db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(row!.state).toBe("submitted");
  });
});
