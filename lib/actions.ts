import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "../db/client";
import { AppError } from "./errors";
import type { Actor, ProjectAccess } from "./auth/actor";
import { authorizeProject } from "./auth/guard";
import type { Permission } from "./auth/permissions";
import { currentUser } from "./auth/session";
import { toErrorBody } from "./api/errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

/**
 * Server-action wrapper: signed-in user, zod-parsed input (must carry `project`), permission
 * from the single table, errors returned as values for the form to show.
 */
export function projectAction<S extends z.ZodType<{ project: string }>, T>(
  permission: Permission,
  schema: S,
  fn: (input: z.infer<S>, ctx: { db: Db; actor: Actor & { type: "user" }; access: ProjectAccess }) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await currentUser();
      if (!actor) throw new AppError("unauthenticated", "your session has ended; sign in again");
      const input = schema.parse(raw);
      const db = await getDb();
      const access = await authorizeProject(db, actor, input.project, permission);
      return { ok: true, data: await fn(input, { db, actor, access }) };
    } catch (e) {
      const { status, body } = toErrorBody(e);
      return { ok: false, status, error: body.error.message };
    }
  };
}
