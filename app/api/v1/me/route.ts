import { listProjectsForUser } from "@/db/queries/projects";
import { route } from "@/lib/api/route";

/** Who the caller is: a user with their projects and roles, or a token with its project and kind. */
export const GET = route("GET /api/v1/me", async ({ db, actor }) => {
  if (actor?.type === "token") return { type: "token", id: actor.tokenId, kind: actor.kind, projectId: actor.projectId };
  const projects = await listProjectsForUser(db, actor!.type === "user" ? actor!.userId : 0);
  return { type: "user", ...actor, projects: projects.map((p) => ({ slug: p.slug, name: p.name, roles: p.roles })) };
});
