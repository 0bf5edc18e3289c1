import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getDb, type Db } from "../../db/client";
import { authenticateApiToken } from "../../db/queries/tokens";
import { AppError } from "../errors";
import type { Actor, ProjectAccess } from "../auth/actor";
import { authorizeProject } from "../auth/guard";
import { ROUTE_PERMISSIONS, type RouteKey } from "../auth/permissions";
import { currentUser } from "../auth/session";
import { toErrorBody } from "./errors";

type Params = Record<string, string | string[]>;

export type RouteContext = {
  req: NextRequest;
  params: Params;
  db: Db;
  actor: Actor | null;
  /** set for routes whose permission is project-scoped: the project from [project] and the caller's roles */
  access: ProjectAccess | null;
};

async function resolveActor(req: NextRequest, db: Db): Promise<Actor | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthenticated", "Authorization header must be 'Bearer <token>'");
    const actor = await authenticateApiToken(db, match[1]!);
    if (!actor) throw new AppError("unauthenticated", "unknown or revoked API token");
    return actor;
  }
  return currentUser();
}

/**
 * Wraps a route handler: looks its permission up in ROUTE_PERMISSIONS by key, authenticates
 * (API token or session), authorizes against the [project] param, and maps every error.
 */
export function route(key: RouteKey, handler: (ctx: RouteContext) => Promise<Response | object>) {
  const permission = ROUTE_PERMISSIONS[key];
  return async (req: NextRequest, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      const params = (await context?.params) ?? {};
      const db = await getDb();
      const actor = permission === "public" ? null : await resolveActor(req, db);
      if (permission !== "public" && !actor) throw new AppError("unauthenticated", "sign in or send an API token");
      let access: ProjectAccess | null = null;
      if (permission !== "public" && permission !== "signed-in") {
        const slug = params.project;
        if (typeof slug !== "string") throw new AppError("bad_request", "missing project");
        access = await authorizeProject(db, actor!, slug, permission);
      }
      const result = await handler({ req, params, db, actor, access });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      const { status, body } = toErrorBody(e);
      return NextResponse.json(body, { status });
    }
  };
}

/** Parses a JSON body; malformed JSON is a 400, not a 500. */
export async function readJson(req: NextRequest): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("bad_request", "request body is not valid JSON");
  }
}

export function intParam(params: Params, name: string): number {
  const raw = params[name];
  const n = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) throw new AppError("bad_request", `${name} must be a positive integer`);
  return n;
}
