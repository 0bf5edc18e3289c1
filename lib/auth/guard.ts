import "server-only";
import type { Db } from "../../db/client";
import { findProjectBySlug, rolesInProject } from "../../db/queries/projects";
import { AppError } from "../errors";
import type { Actor, ProjectAccess } from "./actor";
import { can, type Permission } from "./permissions";

/**
 * The one authorization check. A caller with no standing in the project gets 404 (the project
 * does not exist for them); one with standing but without the permission gets 403.
 */
export async function authorizeProject(
  db: Db,
  actor: Actor,
  projectSlug: string,
  permission: Permission,
): Promise<ProjectAccess> {
  const project = await findProjectBySlug(db, projectSlug);
  if (!project) throw new AppError("not_found", `project ${projectSlug} not found`);
  if (actor.type === "token") {
    if (actor.projectId !== project.id) throw new AppError("not_found", `project ${projectSlug} not found`);
    if (!can([actor.kind], permission)) {
      throw new AppError("forbidden", `a ${actor.kind} token may not ${permission}`);
    }
    return { project, roles: [], principals: [actor.kind] };
  }
  const roles = await rolesInProject(db, actor.userId, project.id);
  if (!roles.length) throw new AppError("not_found", `project ${projectSlug} not found`);
  if (!can(roles, permission)) {
    throw new AppError("forbidden", `your roles (${roles.join(", ")}) do not allow ${permission}`);
  }
  return { project, roles, principals: roles };
}
