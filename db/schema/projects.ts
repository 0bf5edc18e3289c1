import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export type ProjectSettings = {
  /** per-project overrides of the seed policy (mixing bands, recipe); filled by later issues */
  [key: string]: unknown;
};

/** One detector per project; `classes` is its ordered class list (the document field types). */
export const projects = pgTable("projects", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  classes: jsonb().$type<string[]>().notNull(),
  settings: jsonb().$type<ProjectSettings>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
