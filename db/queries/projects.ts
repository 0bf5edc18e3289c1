import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { memberships, projects } from "../schema";
import type { Role } from "../../lib/auth/permissions";
import type { ProjectRef } from "../../lib/auth/actor";

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
