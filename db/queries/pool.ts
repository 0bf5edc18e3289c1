import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { count, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { annotationRevisions, failureReports, poolEntries, reviews, tasks, users } from "../schema";

export async function countPoolEntries(db: Db, projectId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(poolEntries).where(eq(poolEntries.projectId, projectId));
  return row?.n ?? 0;
}

/** Newest pool entries with their provenance: report -> annotation (author) -> review (reviewer) -> pool. */
export async function listPoolEntries(db: Db, projectId: number, limit = 48) {
  const author = alias(users, "author");
  const reviewer = alias(users, "reviewer");
  return db
    .select({
      id: poolEntries.id,
      createdAt: poolEntries.createdAt,
      documentId: poolEntries.documentId,
      revisionId: poolEntries.revisionId,
      supersedesEntryId: poolEntries.supersedesEntryId,
      boxes: annotationRevisions.boxes,
      author: author.email,
      reviewer: reviewer.email,
      reviewedAt: reviews.createdAt,
      taskId: reviews.taskId,
      reportId: tasks.failureReportId,
      reportExternalId: failureReports.externalId,
      reportModel: failureReports.modelVersionLabel,
    })
    .from(poolEntries)
    .innerJoin(annotationRevisions, eq(annotationRevisions.id, poolEntries.revisionId))
    .innerJoin(reviews, eq(reviews.id, poolEntries.reviewId))
    .innerJoin(tasks, eq(tasks.id, reviews.taskId))
    .leftJoin(failureReports, eq(failureReports.id, tasks.failureReportId))
    .leftJoin(author, eq(author.id, annotationRevisions.authorId))
    .innerJoin(reviewer, eq(reviewer.id, reviews.reviewerId))
    .where(eq(poolEntries.projectId, projectId))
    .orderBy(desc(poolEntries.id))
    .limit(limit);
}

/** Per class: pool pages containing it and boxes of it (latest entry per page). */
export async function poolClassCounts(db: Db, projectId: number): Promise<Map<number, { pages: number; boxes: number }>> {
  const res = await db.execute<{ cls: number; pages: number; boxes: number }>(sql`
    with latest as (
      select distinct on (document_id) revision_id from pool_entries where project_id = ${projectId} order by document_id, id desc
    )
    select (b->>'cls')::int as cls, count(distinct r.document_id)::int as pages, count(*)::int as boxes
    from latest l join annotation_revisions r on r.id = l.revision_id, jsonb_array_elements(r.boxes) b
    group by 1`);
  return new Map(res.rows.map((r) => [r.cls, { pages: r.pages, boxes: r.boxes }]));
}
