import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { annotationRevisions, documents, failureReports, poolEntries, reviews, tasks } from "../schema";
import type { Actor } from "../../lib/auth/actor";
import type { Box } from "../../lib/boxes";
import { AppError } from "../../lib/errors";
import { recordAudit } from "./audit";

type User = Actor & { type: "user" };
type TaskRow = typeof tasks.$inferSelect;

export async function countTasksByState(db: Db, projectId: number): Promise<Record<string, number>> {
  const rows = await db.select({ state: tasks.state, n: count() }).from(tasks).where(eq(tasks.projectId, projectId)).groupBy(tasks.state);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Tasks in given states, oldest first (the queue order). */
export async function listTasks(db: Db, projectId: number, states: TaskRow["state"][], limit = 100) {
  return db.select().from(tasks).where(and(eq(tasks.projectId, projectId), inArray(tasks.state, states))).orderBy(asc(tasks.createdAt), asc(tasks.id)).limit(limit);
}

async function lockTask(tx: Tx, projectId: number, taskId: number): Promise<TaskRow> {
  const [t] = await tx.select().from(tasks).where(and(eq(tasks.projectId, projectId), eq(tasks.id, taskId))).for("update");
  if (!t) throw new AppError("not_found", `task ${taskId} not found`);
  return t;
}

/** Optimistic concurrency: a write names the version it read; a stale one gets 409 with both sides. */
function checkVersion(t: TaskRow, expected: number, mine: unknown) {
  if (t.version !== expected) {
    throw new AppError("conflict", `task ${t.id} changed since you loaded it (your version ${expected}, current ${t.version}); nothing was overwritten`, {
      current: { version: t.version, state: t.state, draft: t.draft, currentRevisionId: t.currentRevisionId },
      yours: { version: expected, value: mine },
    });
  }
}

function requireState(t: TaskRow, allowed: TaskRow["state"][], action: string) {
  if (!allowed.includes(t.state)) throw new AppError("conflict", `cannot ${action} a task that is ${t.state}`);
}

async function bump(tx: Tx, t: TaskRow, set: Partial<typeof tasks.$inferInsert>) {
  const [row] = await tx.update(tasks).set({ ...set, version: t.version + 1, updatedAt: sql`now()` }).where(eq(tasks.id, t.id)).returning();
  return row!;
}

/** Autosave of the canvas: the draft is kept on the task until submit. */
export async function saveDraft(db: Db, input: { projectId: number; actor: User; taskId: number; version: number; draft: { boxes: Box[] } }) {
  return db.transaction(async (tx) => {
    const t = await lockTask(tx, input.projectId, input.taskId);
    checkVersion(t, input.version, input.draft);
    requireState(t, ["open", "in_progress", "rejected"], "edit");
    return bump(tx, t, { draft: input.draft, state: t.state === "open" ? "in_progress" : t.state, assigneeId: t.assigneeId ?? input.actor.userId });
  });
}

/** The annotator's boxes become an immutable revision and the task waits for a reviewer. */
export async function submitTask(db: Db, input: { projectId: number; actor: User; taskId: number; version: number; boxes: Box[] }) {
  return db.transaction(async (tx) => {
    const t = await lockTask(tx, input.projectId, input.taskId);
    checkVersion(t, input.version, input.boxes);
    requireState(t, ["open", "in_progress", "rejected"], "submit");
    const [rev] = await tx
      .insert(annotationRevisions)
      .values({ projectId: input.projectId, documentId: t.documentId, parentRevisionId: t.currentRevisionId, source: "human", authorId: input.actor.userId, boxes: input.boxes })
      .returning({ id: annotationRevisions.id });
    const row = await bump(tx, t, { state: "submitted", currentRevisionId: rev!.id, draft: null, assigneeId: input.actor.userId });
    await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: "task.submit", targetType: "task", targetId: t.id, data: { revisionId: rev!.id, boxes: input.boxes.length } });
    return row;
  });
}

export async function skipTask(db: Db, input: { projectId: number; actor: User; taskId: number; version: number; reason: string }) {
  return db.transaction(async (tx) => {
    const t = await lockTask(tx, input.projectId, input.taskId);
    checkVersion(t, input.version, input.reason);
    requireState(t, ["open", "in_progress", "rejected"], "skip");
    const row = await bump(tx, t, { state: "skipped", skipReason: input.reason });
    await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: "task.skip", targetType: "task", targetId: t.id, data: { reason: input.reason } });
    return row;
  });
}

/**
 * A reviewer's decision on the submitted revision. Accept -> the revision enters the pool
 * (superseding an earlier entry for the same page); reject -> back to the annotator with the
 * comment. Nobody reviews boxes they authored: checked here (403) and by the database.
 */
export async function reviewTask(
  db: Db,
  input: { projectId: number; actor: User; taskId: number; version: number; decision: "accept" | "reject"; comment?: string; pin?: { x: number; y: number } | { boxIndex: number } },
) {
  return db.transaction(async (tx) => {
    const t = await lockTask(tx, input.projectId, input.taskId);
    checkVersion(t, input.version, input.decision);
    requireState(t, ["submitted"], "review");
    const [rev] = await tx.select().from(annotationRevisions).where(eq(annotationRevisions.id, t.currentRevisionId!));
    if (rev!.authorId === input.actor.userId) throw new AppError("forbidden", "two-person rule: you authored these boxes, so another reviewer must verify them");
    if (input.decision === "reject" && !input.comment?.trim()) throw new AppError("invalid", "a rejection needs a comment for the annotator");
    const [review] = await tx
      .insert(reviews)
      .values({ projectId: input.projectId, taskId: t.id, revisionId: rev!.id, reviewerId: input.actor.userId, decision: input.decision, comment: input.comment ?? null, pin: input.pin ?? null })
      .returning();
    let poolEntryId: number | null = null;
    if (input.decision === "accept") {
      const [prev] = await tx.select({ id: poolEntries.id }).from(poolEntries).where(eq(poolEntries.documentId, t.documentId)).orderBy(desc(poolEntries.id)).limit(1);
      const [entry] = await tx
        .insert(poolEntries)
        .values({ projectId: input.projectId, documentId: t.documentId, revisionId: rev!.id, reviewId: review!.id, supersedesEntryId: prev?.id ?? null })
        .returning({ id: poolEntries.id });
      poolEntryId = entry!.id;
    }
    const row = await bump(tx, t, { state: input.decision === "accept" ? "accepted" : "rejected" });
    await recordAudit(tx, {
      actor: input.actor,
      projectId: input.projectId,
      action: `task.${input.decision}`,
      targetType: "task",
      targetId: t.id,
      data: { revisionId: rev!.id, reviewId: review!.id, poolEntryId, comment: input.comment },
    });
    return { task: row, review: review!, poolEntryId };
  });
}

/**
 * "Correct and accept": the reviewer's fix becomes a new revision they authored, so the task
 * stays submitted and needs a different reviewer.
 */
export async function correctSubmission(db: Db, input: { projectId: number; actor: User; taskId: number; version: number; boxes: Box[] }) {
  return db.transaction(async (tx) => {
    const t = await lockTask(tx, input.projectId, input.taskId);
    checkVersion(t, input.version, input.boxes);
    requireState(t, ["submitted"], "correct");
    const [rev] = await tx
      .insert(annotationRevisions)
      .values({ projectId: input.projectId, documentId: t.documentId, parentRevisionId: t.currentRevisionId, source: "human", authorId: input.actor.userId, boxes: input.boxes })
      .returning({ id: annotationRevisions.id });
    const row = await bump(tx, t, { currentRevisionId: rev!.id });
    await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: "task.correct", targetType: "task", targetId: t.id, data: { revisionId: rev!.id, replaces: t.currentRevisionId } });
    return row;
  });
}

/** Everything the canvas needs for one task, scoped by project (another project's task is a 404). */
export async function getTaskWorkspace(db: Db, projectId: number, taskId: number) {
  const [row] = await db
    .select({ task: tasks, doc: { id: documents.id, width: documents.width, height: documents.height, sourceName: documents.sourceName } })
    .from(tasks)
    .innerJoin(documents, eq(documents.id, tasks.documentId))
    .where(and(eq(tasks.projectId, projectId), eq(tasks.id, taskId)));
  if (!row) throw new AppError("not_found", `task ${taskId} not found`);
  const [report] = row.task.failureReportId ? await db.select().from(failureReports).where(eq(failureReports.id, row.task.failureReportId)) : [];
  const [revision] = row.task.currentRevisionId ? await db.select().from(annotationRevisions).where(eq(annotationRevisions.id, row.task.currentRevisionId)) : [];
  const history = await db.select().from(reviews).where(eq(reviews.taskId, taskId)).orderBy(desc(reviews.id));
  return {
    task: row.task,
    document: row.doc,
    report: report ? { id: report.id, predictions: report.predictions, modelVersion: report.modelVersionLabel, comment: report.comment, expectedFields: report.expectedFields, externalId: report.externalId } : null,
    revision: revision ? { id: revision.id, authorId: revision.authorId, boxes: revision.boxes } : null,
    lastReview: history[0] ? { decision: history[0].decision, comment: history[0].comment, pin: history[0].pin as { x: number; y: number } | { boxIndex: number } | null, reviewerId: history[0].reviewerId } : null,
  };
}

/** The ids before and after `taskId` in a queue, for next/previous. */
export async function queueNeighbours(db: Db, projectId: number, states: TaskRow["state"][], taskId: number) {
  const ids = (await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.projectId, projectId), inArray(tasks.state, states))).orderBy(asc(tasks.createdAt), asc(tasks.id)).limit(1000)).map((r) => r.id);
  const i = ids.indexOf(taskId);
  const others = ids.filter((id) => id !== taskId);
  return { next: i >= 0 ? (ids[i + 1] ?? null) : (others[0] ?? null), previous: i > 0 ? ids[i - 1]! : null };
}
