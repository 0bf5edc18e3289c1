import {
  boolean,
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
import { users } from "./auth";
import { datasetManifests } from "./datasets";
import {
  approvalDecisionEnum,
  deploymentActionEnum,
  gateEnum,
  gateVerdictEnum,
  jobKindEnum,
  jobStateEnum,
  modelKindEnum,
  triggerSourceEnum,
} from "./enums";
import { projects } from "./projects";

export type ModelLayer = { i: number; from: number | number[]; type: string; params: number };

/**
 * A trained model. Never deleted or changed (trigger). base_vN has generation N, minor 0 and no
 * parent; ft_vN.M has minor M >= 1 and its parent must be the base of generation N (trigger).
 */
export const modelVersions = pgTable(
  "model_versions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    kind: modelKindEnum().notNull(),
    generation: integer().notNull(),
    minor: integer().notNull(),
    name: text().notNull(),
    parentBaseId: integer(),
    weightsSha256: text().notNull(),
    onnxSha256: text(),
    architecture: text().notNull(),
    imgsz: integer().notNull(),
    classNames: jsonb().$type<string[]>().notNull(),
    recipe: jsonb().notNull(),
    manifestId: integer().references(() => datasetManifests.id),
    trainingJobId: integer(),
    metrics: jsonb(),
    /** the network's layers as trained (index, type, params): what `freeze: N` freezes */
    layers: jsonb().$type<ModelLayer[]>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.projectId, t.generation, t.minor),
    unique().on(t.projectId, t.name),
    check(
      "model_versions_lineage_shape",
      sql`(${t.kind} = 'base' and ${t.minor} = 0 and ${t.parentBaseId} is null)
        or (${t.kind} = 'finetune' and ${t.minor} >= 1 and ${t.parentBaseId} is not null)`,
    ),
    check("model_versions_generation_positive", sql`${t.generation} >= 1`),
  ],
);

/** Queue rows for the training runner (claimed with FOR UPDATE SKIP LOCKED, leased). */
export const trainingJobs = pgTable(
  "training_jobs",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    kind: jobKindEnum().notNull(),
    state: jobStateEnum().notNull().default("queued"),
    manifestId: integer()
      .notNull()
      .references(() => datasetManifests.id),
    /** the base model a fine-tune starts from (must be kind base; trigger) */
    baseModelId: integer().references(() => modelVersions.id),
    recipe: jsonb().notNull(),
    leaseOwner: text(),
    leaseExpiresAt: timestamp({ withTimezone: true }),
    heartbeatAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(3),
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    progress: jsonb(),
    cancelRequested: boolean().notNull().default(false),
    error: text(),
    resultModelId: integer().references(() => modelVersions.id),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.state, t.runAt),
    check(
      "training_jobs_finetune_has_base",
      sql`${t.kind} <> 'finetune' or ${t.baseModelId} is not null`,
    ),
  ],
);

export const gateResults = pgTable(
  "gate_results",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    modelVersionId: integer()
      .notNull()
      .references(() => modelVersions.id),
    baselineModelId: integer().references(() => modelVersions.id),
    gate: gateEnum().notNull(),
    verdict: gateVerdictEnum().notNull(),
    metrics: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.modelVersionId)],
);

/** An ML lead's decision on a candidate (needed for REVIEW-band results). */
export const approvals = pgTable("approvals", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  modelVersionId: integer()
    .notNull()
    .references(() => modelVersions.id),
  decidedBy: integer()
    .notNull()
    .references(() => users.id),
  decision: approvalDecisionEnum().notNull(),
  comment: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Promotion and rollback history; the latest row per project is what production serves. */
export const deployments = pgTable(
  "deployments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    modelVersionId: integer()
      .notNull()
      .references(() => modelVersions.id),
    previousModelVersionId: integer().references(() => modelVersions.id),
    action: deploymentActionEnum().notNull(),
    actorId: integer()
      .notNull()
      .references(() => users.id),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.createdAt)],
);

/** Files a runner uploaded for a job (weights, ONNX, metrics, predictions), verified by sha256. */
export const jobArtifacts = pgTable(
  "job_artifacts",
  {
    jobId: integer()
      .notNull()
      .references(() => trainingJobs.id),
    name: text().notNull(), // best.pt | model.onnx | metrics.json | predictions-<set>.json
    sha256: text().notNull(),
    size: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.jobId, t.name)],
);

/**
 * Why a training job was or was not queued: volume (auto-queue), schedule, a monitoring alert,
 * or a person. Skips are logged with their reason (e.g. fewer than 50 new samples).
 */
export const trainingTriggers = pgTable(
  "training_triggers",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    source: triggerSourceEnum().notNull(),
    outcome: text().notNull(), // queued | skipped
    reason: text().notNull(),
    jobId: integer().references(() => trainingJobs.id),
    alertId: integer(),
    /** schedule slot this run covered (e.g. 2026-W49), so one slot queues at most once */
    slot: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.createdAt), unique().on(t.projectId, t.source, t.slot)],
);
