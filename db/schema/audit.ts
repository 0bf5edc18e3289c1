import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { apiTokens, users } from "./auth";
import { projects } from "./projects";

/** Who did what, when. Append-only (trigger). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    projectId: integer().references(() => projects.id),
    actorUserId: integer().references(() => users.id),
    actorTokenId: integer().references(() => apiTokens.id),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    data: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.createdAt)],
);
