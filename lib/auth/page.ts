import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { getDb } from "../../db/client";
import { isAppError } from "../errors";
import { authorizeProject } from "./guard";
import type { Permission } from "./permissions";
import { currentUser } from "./session";

/** Page-side use of the one authorization check: 401 -> /login, 404 and 403 -> their pages. */
export async function guardProjectPage(params: Promise<{ project: string }>, permission: Permission) {
  const { project } = await params;
  const user = await currentUser();
  if (!user) redirect("/login");
  const db = await getDb();
  try {
    const access = await authorizeProject(db, user, project, permission);
    return { db, user, access };
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    if (isAppError(e) && e.code === "forbidden") forbidden();
    throw e;
  }
}
