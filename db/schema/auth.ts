import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { roleEnum, tokenKindEnum } from "./enums";
import { projects } from "./projects";

export const users = pgTable("users", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  email: text().notNull().unique(), // stored lower-cased
  name: text().notNull(),
  passwordHash: text().notNull(),
  disabledAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Roles are per project; a user may hold several in one project. */
export const memberships = pgTable(
  "memberships",
  {
    userId: integer()
      .notNull()
      .references(() => users.id),
    projectId: integer()
      .notNull()
      .references(() => projects.id),
    role: roleEnum().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.projectId, t.role] })],
);

/** Failed-login throttling lives in the database so every app process sees it. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.email, t.at), index().on(t.ip, t.at)],
);

/**
 * API tokens for machine clients: production systems (kind production) and training
 * runners (kind runner). Only the sha256 of the secret is stored; revocation is a timestamp.
 */
export const apiTokens = pgTable("api_tokens", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  projectId: integer()
    .notNull()
    .references(() => projects.id),
  kind: tokenKindEnum().notNull(),
  name: text().notNull(),
  prefix: text().notNull(), // first characters, shown in the UI to tell tokens apart
  tokenHash: text().notNull().unique(),
  createdBy: integer()
    .notNull()
    .references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});
