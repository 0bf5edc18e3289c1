import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { memberships, projects } from "../schema";
import type { Role } from "../../lib/auth/permissions";
import type { Actor, ProjectRef } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import type { MixingPolicy } from "../../lib/mixing";
import { recordAudit } from "./audit";

const projectRef = { id: projects.id, slug: projects.slug, name: projects.name, classes: projects.classes };

export async function createProject(
  db: Db | Tx,
  input: { slug: string; name: string; classes: string[] },
): Promise<ProjectRef> {
  const [row] = await db.insert(projects).values(input).returning(projectRef);
  return row!;
}

export async function findProjectBySlug(db: Db | Tx, slug: string): Promise<ProjectRef | undefined> {
  const [row] = await db.select(projectRef).from(projects).where(eq(projects.slug, slug));
  return row;
}

/** The projects a user belongs to, each with the user's roles in it. */
export async function listProjectsForUser(
  db: Db | Tx,
  userId: number,
): Promise<(ProjectRef & { roles: Role[] })[]> {
  const rows = await db
    .select({ ...projectRef, role: memberships.role })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(projects.name));
  const byId = new Map<number, ProjectRef & { roles: Role[] }>();
  for (const { role, ...p } of rows) {
    const entry = byId.get(p.id) ?? { ...p, roles: [] };
    entry.roles.push(role);
    byId.set(p.id, entry);
  }
  return [...byId.values()];
}

export async function rolesInProject(db: Db | Tx, userId: number, projectId: number): Promise<Role[]> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.projectId, projectId)));
  return rows.map((r) => r.role);
}

/**
 * Replaces one key of a project's settings (mixing policy, recipe defaults, triggers) and audits
 * it with before and after. Callers validate the value first.
 */
export async function updateProjectSetting(db: Db, input: { projectId: number; actor: Actor; key: "mixing" | "recipe" | "triggers"; value: unknown; action: string }) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ settings: projects.settings }).from(projects).where(eq(projects.id, input.projectId)).for("update");
    if (!before) throw new AppError("not_found", "project not found");
    await tx.update(projects).set({ settings: { ...before.settings, [input.key]: input.value } }).where(eq(projects.id, input.projectId));
    await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: input.action, targetType: "project", targetId: input.projectId, data: { before: before.settings[input.key] ?? "seed defaults", after: input.value } });
  });
}

/** Per-project mixing policy overrides (validated by the caller against mixingPolicySchema); audited. */
export async function updateMixingPolicy(db: Db, input: { projectId: number; actor: Actor; policy: MixingPolicy }) {
  await updateProjectSetting(db, { projectId: input.projectId, actor: input.actor, key: "mixing", value: input.policy, action: "project.update_mixing_policy" });
}
