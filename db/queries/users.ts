import "server-only";
import { and, asc, count, eq, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { loginAttempts, memberships, users } from "../schema";
import { AppError } from "../../lib/errors";
import type { Role } from "../../lib/auth/permissions";
import { dummyPasswordHash, hashPassword, verifyPassword } from "../../lib/auth/password";
import type { Actor } from "../../lib/auth/actor";
import { recordAudit } from "./audit";

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function createUser(
  db: Db | Tx,
  input: { email: string; name: string; password: string },
): Promise<{ id: number; email: string; name: string }> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing.length) throw new AppError("conflict", `a user with email ${email} already exists`);
  const [row] = await db
    .insert(users)
    .values({ email, name: input.name.trim(), passwordHash: await hashPassword(input.password) })
    .returning({ id: users.id, email: users.email, name: users.name });
  return row!;
}

export async function findUserById(db: Db | Tx, id: number) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

export async function setProjectRoles(
  db: Db,
  input: { actor: Actor; projectId: number; userId: number; roles: Role[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw new AppError("not_found", `user ${input.userId} not found`);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, input.userId), eq(memberships.projectId, input.projectId)));
    if (input.roles.length) {
      await tx
        .insert(memberships)
        .values(input.roles.map((role) => ({ userId: input.userId, projectId: input.projectId, role })));
    }
    await recordAudit(tx, {
      actor: input.actor,
      projectId: input.projectId,
      action: "membership.set_roles",
      targetType: "user",
      targetId: input.userId,
      data: { email: user.email, roles: input.roles },
    });
  });
}

export async function setUserDisabled(
  db: Db,
  input: { actor: Actor; projectId: number; userId: number; disabled: boolean },
): Promise<void> {
  if (input.actor.type === "user" && input.actor.userId === input.userId && input.disabled) {
    throw new AppError("invalid", "you cannot disable your own account");
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ disabledAt: input.disabled ? sql`now()` : null })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id });
    if (!updated.length) throw new AppError("not_found", `user ${input.userId} not found`);
    await recordAudit(tx, {
      actor: input.actor,
      projectId: input.projectId,
      action: input.disabled ? "user.disable" : "user.enable",
      targetType: "user",
      targetId: input.userId,
    });
  });
}

/** Members of a project with their roles, for the admin page. */
export async function listProjectMembers(db: Db | Tx, projectId: number) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .orderBy(asc(users.email));
  const byId = new Map<number, { id: number; email: string; name: string; disabled: boolean; roles: Role[] }>();
  for (const r of rows) {
    const m = byId.get(r.id) ?? { id: r.id, email: r.email, name: r.name, disabled: !!r.disabledAt, roles: [] };
    m.roles.push(r.role);
    byId.set(r.id, m);
  }
  return [...byId.values()];
}

export async function findUserIdByEmail(db: Db | Tx, email: string): Promise<number | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row?.id;
}

export type LoginResult =
  | { ok: true; user: { id: number; email: string; name: string } }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Password login with throttling per email and per IP over a sliding window. Callers show
 * one generic message for every failure so nothing reveals whether an account exists.
 */
export async function attemptLogin(
  db: Db,
  input: { email: string; password: string; ip: string },
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const since = sql`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`;
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const [byIp] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, input.ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  if ((byEmail?.n ?? 0) >= MAX_FAILURES_PER_EMAIL || (byIp?.n ?? 0) >= MAX_FAILURES_PER_IP) {
    await db.insert(loginAttempts).values({ email, ip: input.ip, succeeded: false });
    return { ok: false, reason: "throttled" };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = user
    ? await verifyPassword(input.password, user.passwordHash)
    : (await verifyPassword(input.password, await dummyPasswordHash()), false);
  const ok = valid && !!user && !user.disabledAt;
  await db.insert(loginAttempts).values({ email, ip: input.ip, succeeded: ok });
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
