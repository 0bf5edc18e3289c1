import { index, integer, jsonb, pgTable, real, text, timestamp } from "drizzle-orm/pg-core";
import { apiTokens } from "./auth";
import { documents } from "./documents";
import { modelVersions } from "./models";
import { projects } from "./projects";

/** One production inference, as reported by the serving system. */
export const inferenceLogs = pgTable(
  "inference_logs",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    modelVersionId: integer().references(() => modelVersions.id),
    documentId: integer().references(() => documents.id),
    externalId: text(),
    latencyMs: real().notNull(),
    detections: jsonb().notNull(),
    tokenId: integer().references(() => apiTokens.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.createdAt)],
);

export const alerts = pgTable(
  "alerts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    kind: text().notNull(), // detection_rate | confidence_drop | failure_trend | latency
    fieldClass: text(),
    severity: text().notNull(),
    message: text().notNull(),
    data: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.projectId, t.createdAt)],
);
