import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { Box } from "../../lib/boxes";
import { users, apiTokens } from "./auth";
import {
  documentOriginEnum,
  reviewDecisionEnum,
  revisionSourceEnum,
  taskStateEnum,
} from "./enums";
import { projects } from "./projects";

/** Metadata of content-addressed files in the blob store (page images, weights, artifacts). */
export const blobs = pgTable("blobs", {
  sha256: text().primaryKey(),
  size: bigint({ mode: "number" }).notNull(),
  contentType: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A page image in a project. The anchor test split is frozen by triggers (0001_invariants). */
export const documents = pgTable(
  "documents",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    sha256: text()
      .notNull()
      .references(() => blobs.sha256),
    width: integer().notNull(),
    height: integer().notNull(),
    origin: documentOriginEnum().notNull(),
    /** train | val within anchor_train, test for anchor_test; null otherwise */
    split: text(),
    sourceName: text(),
    externalId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.projectId, t.sha256),
    index().on(t.projectId, t.origin),
    check("documents_size_positive", sql`${t.width} > 0 and ${t.height} > 0`),
    check(
      "documents_split_matches_origin",
      sql`(${t.origin} = 'anchor_test' and ${t.split} = 'test')
        or (${t.origin} = 'anchor_train' and ${t.split} in ('train', 'val'))
        or (${t.origin} in ('production', 'failure_report') and ${t.split} is null)`,
    ),
  ],
);

/**
 * Immutable snapshot of one document's boxes (page-normalized cx, cy, w, h + class index).
 * A correction is a new revision whose parent is the old one.
 */
export const annotationRevisions = pgTable(
  "annotation_revisions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    documentId: integer()
      .notNull()
      .references(() => documents.id),
    parentRevisionId: integer(),
    source: revisionSourceEnum().notNull(),
    /** null only for imported labels and model drafts */
    authorId: integer().references(() => users.id),
    boxes: jsonb().$type<Box[]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.documentId),
    check("revisions_boxes_array", sql`jsonb_typeof(${t.boxes}) = 'array'`),
    check("revisions_human_has_author", sql`${t.source} <> 'human' or ${t.authorId} is not null`),
  ],
);

export type Prediction = Box & { conf: number };

/** A document a production system (or a user) says was not detected well. */
export const failureReports = pgTable(
  "failure_reports",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    documentId: integer()
      .notNull()
      .references(() => documents.id),
    externalId: text(),
    reportedByUserId: integer().references(() => users.id),
    reportedByTokenId: integer().references(() => apiTokens.id),
    modelVersionLabel: text(),
    predictions: jsonb().$type<Prediction[]>().notNull().default([]),
    expectedFields: jsonb().$type<string[]>(),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.projectId, t.externalId),
    check(
      "failure_reports_reporter",
      sql`${t.reportedByUserId} is not null or ${t.reportedByTokenId} is not null`,
    ),
  ],
);

/** Annotation work item; `version` drives optimistic concurrency (stale save -> 409). */
export const tasks = pgTable(
  "tasks",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    documentId: integer()
      .notNull()
      .references(() => documents.id),
    failureReportId: integer().references(() => failureReports.id),
    state: taskStateEnum().notNull().default("open"),
    assigneeId: integer().references(() => users.id),
    currentRevisionId: integer().references(() => annotationRevisions.id),
    draft: jsonb(),
    skipReason: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.state)],
);

/** A reviewer's decision on one revision. Nobody reviews a revision they authored (trigger). */
export const reviews = pgTable("reviews", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  projectId: integer()
    .notNull()
    .references(() => projects.id),
  taskId: integer()
    .notNull()
    .references(() => tasks.id),
  revisionId: integer()
    .notNull()
    .references(() => annotationRevisions.id),
  reviewerId: integer()
    .notNull()
    .references(() => users.id),
  decision: reviewDecisionEnum().notNull(),
  comment: text(),
  /** where a rejection comment is pinned: {x, y} on the page or {boxIndex} */
  pin: jsonb(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The fine-tune pool: verified samples only, append-only (no UPDATE, no DELETE; trigger).
 * A later correction appends an entry that supersedes the earlier one.
 */
export const poolEntries = pgTable(
  "pool_entries",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    documentId: integer()
      .notNull()
      .references(() => documents.id),
    revisionId: integer()
      .notNull()
      .references(() => annotationRevisions.id),
    reviewId: integer()
      .notNull()
      .references(() => reviews.id),
    supersedesEntryId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.createdAt), unique().on(t.revisionId)],
);
