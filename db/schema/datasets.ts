import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { annotationRevisions, documents } from "./documents";
import { importStateEnum, manifestKindEnum, manifestRoleEnum } from "./enums";
import { projects } from "./projects";

/**
 * Immutable record of exactly what a training run or export used (trigger forbids UPDATE and
 * DELETE). baseModelId is a plain integer to avoid a schema cycle with model_versions.
 */
export const datasetManifests = pgTable("dataset_manifests", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  projectId: integer()
    .notNull()
    .references(() => projects.id),
  kind: manifestKindEnum().notNull(),
  baseModelId: integer(),
  generation: integer(),
  seed: integer().notNull(),
  policy: jsonb().notNull(),
  counts: jsonb().notNull(),
  /** sha256 of the canonical JSON of the items, so a regenerated manifest can be compared */
  contentSha256: text().notNull(),
  createdBy: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One document + the exact revision a manifest uses. Test-split documents are refused (trigger). */
export const manifestItems = pgTable(
  "manifest_items",
  {
    manifestId: integer()
      .notNull()
      .references(() => datasetManifests.id),
    documentId: integer()
      .notNull()
      .references(() => documents.id),
    revisionId: integer()
      .notNull()
      .references(() => annotationRevisions.id),
    role: manifestRoleEnum().notNull(),
  },
  (t) => [primaryKey({ columns: [t.manifestId, t.documentId] })],
);

/**
 * One run of the anchor-dataset importer, for progress and the error report. The documents it
 * adds are written in one transaction at the end, so a failed or interrupted run adds none.
 */
export const datasetImports = pgTable(
  "dataset_imports",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    source: text().notNull(),
    format: text(), // yolo | coco, once detected
    state: importStateEnum().notNull().default("running"),
    phase: text().notNull().default("queued"),
    total: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    counts: jsonb(),
    /** file:line messages; all of them, so a user can fix a dataset in one pass */
    errors: jsonb().$type<string[]>(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.projectId, t.createdAt)],
);
