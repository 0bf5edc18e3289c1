/**
 * The single permission table. Every page, server action and route handler names one
 * permission from here, and the server checks it (lib/auth/guard.ts). Roles are per project.
 */
export const ROLES = ["annotator", "reviewer", "ml_lead", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Machine clients authenticate with API tokens; a token's kind acts as its only role. */
export const TOKEN_KINDS = ["production", "runner"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export type Principal = Role | TokenKind;

const HUMANS: readonly Role[] = ROLES;
const REVIEWERS: readonly Role[] = ["reviewer", "ml_lead", "admin"];
const LEADS: readonly Role[] = ["ml_lead", "admin"];
const ADMINS: readonly Role[] = ["admin"];

export const PERMISSIONS = {
  "project.view": HUMANS,
  "document.view": [...HUMANS, "production", "runner"],
  "annotation.edit": HUMANS,
  "review.decide": REVIEWERS,
  "pool.view": HUMANS,
  "dataset.view": HUMANS,
  "dataset.import": LEADS,
  "training.view": LEADS,
  "training.trigger": LEADS,
  /** a monitoring alert asking for a fine-tune: ML leads, or the production system's token */
  "training.alert": [...LEADS, "production"],
  "model.view": REVIEWERS,
  "model.decide": LEADS,
  "model.promote": ADMINS,
  "monitoring.view": REVIEWERS,
  "admin.users": ADMINS,
  "admin.tokens": ADMINS,
  "audit.view": ADMINS,
  "failure.report": ["production"],
  "inference.log": ["production"],
  "runner.work": ["runner"],
} as const satisfies Record<string, readonly Principal[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(principals: readonly Principal[], permission: Permission): boolean {
  const allowed: readonly Principal[] = PERMISSIONS[permission];
  return principals.some((p) => allowed.includes(p));
}

/**
 * Every route handler under app/api, keyed "METHOD /path" with [param] segments as in the
 * file tree. "public" and "signed-in" need no project role. tests/unit/route-table.test.ts
 * walks app/ and fails when a handler is missing here.
 */
export const ROUTE_PERMISSIONS = {
  "GET /api/health": "public",
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/v1/me": "signed-in",
  "GET /api/v1/projects/[project]/documents": "document.view",
  "GET /api/v1/projects/[project]/documents/[id]/image": "document.view",
  "GET /api/v1/projects/[project]/tokens": "admin.tokens",
  "POST /api/v1/projects/[project]/tokens": "admin.tokens",
  "DELETE /api/v1/projects/[project]/tokens/[id]": "admin.tokens",
  "GET /api/v1/projects/[project]/members": "admin.users",
  "GET /api/v1/projects/[project]/audit": "audit.view",
  "GET /api/v1/projects/[project]/imports": "dataset.view",
  "POST /api/v1/projects/[project]/imports": "dataset.import",
  "GET /api/v1/projects/[project]/imports/[id]": "dataset.view",
  "GET /api/v1/projects/[project]/manifests": "dataset.view",
  "POST /api/v1/projects/[project]/manifests": "training.trigger",
  "GET /api/v1/projects/[project]/manifests/[id]": "dataset.view",
  "GET /api/v1/projects/[project]/manifests/[id]/export": "dataset.view",
  "POST /api/v1/projects/[project]/failures": "failure.report",
  "POST /api/v1/projects/[project]/runner/claim": "runner.work",
  "GET /api/v1/projects/[project]/runner/jobs/[id]": "runner.work",
  "GET /api/v1/projects/[project]/runner/blobs/[sha]": "runner.work",
  "PUT /api/v1/projects/[project]/runner/jobs/[id]/artifacts/[name]": "runner.work",
  "POST /api/v1/projects/[project]/runner/jobs/[id]/heartbeat": "runner.work",
  "POST /api/v1/projects/[project]/runner/jobs/[id]/finish": "runner.work",
  "GET /api/v1/projects/[project]/models": "model.view",
  "GET /api/v1/projects/[project]/jobs": "training.view",
  "POST /api/v1/projects/[project]/jobs": "training.trigger",
  "POST /api/v1/projects/[project]/jobs/[id]/cancel": "training.trigger",
  "GET /api/v1/projects/[project]/jobs/[id]/artifacts/[name]": "training.view",
  "GET /api/v1/projects/[project]/mixing": "training.view",
  "PUT /api/v1/projects/[project]/mixing": "training.trigger",
  "GET /api/v1/projects/[project]/recipe": "training.view",
  "PUT /api/v1/projects/[project]/recipe": "training.trigger",
  "GET /api/v1/projects/[project]/triggers": "training.view",
  "PUT /api/v1/projects/[project]/triggers": "training.trigger",
  "POST /api/v1/projects/[project]/triggers/performance": "training.alert",
} as const satisfies Record<string, Permission | "public" | "signed-in">;

export type RouteKey = keyof typeof ROUTE_PERMISSIONS;

/** Pages under app/p/[project]/…, each with the permission needed to see it. */
export const NAV = [
  { href: "annotate", label: "Annotate", permission: "annotation.edit" },
  { href: "review", label: "Review", permission: "review.decide" },
  { href: "pool", label: "Pool", permission: "pool.view" },
  { href: "datasets", label: "Datasets", permission: "dataset.view" },
  { href: "training", label: "Training", permission: "training.view" },
  { href: "models", label: "Models", permission: "model.view" },
  { href: "monitoring", label: "Monitoring", permission: "monitoring.view" },
  { href: "admin", label: "Admin", permission: "admin.users" },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];

/** Where each role lands after login: the most senior role's home wins. */
const HOME_BY_ROLE: Record<Role, (typeof NAV)[number]["href"]> = {
  admin: "admin",
  ml_lead: "training",
  reviewer: "review",
  annotator: "annotate",
};

export function homeSection(roles: readonly Role[]): string {
  for (const role of ["admin", "ml_lead", "reviewer", "annotator"] as const) {
    if (roles.includes(role)) return HOME_BY_ROLE[role];
  }
  return "datasets";
}

export function visibleNav(roles: readonly Role[]) {
  return NAV.filter((n) => can(roles, n.permission));
}
