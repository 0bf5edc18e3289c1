import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, ROUTE_PERMISSIONS } from "@/lib/auth/permissions";

const APP = path.join(import.meta.dirname, "../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/, as "METHOD /path" for each HTTP method it exports. */
function routeHandlers(): { key: string; file: string; source: string }[] {
  const found: { key: string; file: string; source: string }[] = [];
  for (const entry of readdirSync(APP, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/^route\.(ts|tsx|js)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const urlPath = "/" + path.relative(APP, entry.parentPath).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/");
    const source = readFileSync(file, "utf8");
    for (const m of METHODS) {
      if (new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b|as\\s+${m}\\b`).test(source)) {
        found.push({ key: `${m} ${urlPath}`, file, source });
      }
    }
  }
  return found;
}

describe("route permission table", () => {
  const handlers = routeHandlers();

  it("finds the route handlers", () => {
    expect(handlers.length).toBeGreaterThanOrEqual(5);
  });

  it.each(handlers.map((h) => [h.key, h] as const))("%s has an entry and uses it", (key, h) => {
    expect(Object.keys(ROUTE_PERMISSIONS)).toContain(key);
    // a wrapped handler must name its own key, so the table entry is what is checked at run time
    if (h.source.includes("route(")) expect(h.source).toContain(`route("${key}"`);
  });

  it("has no stale entries", () => {
    const keys = new Set(handlers.map((h) => h.key));
    expect(Object.keys(ROUTE_PERMISSIONS).filter((k) => !keys.has(k))).toEqual([]);
  });

  it("names only known permissions", () => {
    for (const p of Object.values(ROUTE_PERMISSIONS)) {
      expect(p === "public" || p === "signed-in" || p in PERMISSIONS).toBe(true);
    }
  });
});

describe("permission table", () => {
  // The intended policy, written out independently of the table, role by role.
  const expected: Record<(typeof ROLES)[number], string[]> = {
    annotator: ["project.view", "document.view", "annotation.edit", "pool.view", "dataset.view"],
    reviewer: ["project.view", "document.view", "annotation.edit", "review.decide", "pool.view", "dataset.view", "model.view", "monitoring.view"],
    ml_lead: ["project.view", "document.view", "annotation.edit", "review.decide", "pool.view", "dataset.view", "dataset.import", "training.view", "training.trigger", "training.alert", "model.view", "model.decide", "monitoring.view"],
    admin: ["project.view", "document.view", "annotation.edit", "review.decide", "pool.view", "dataset.view", "dataset.import", "training.view", "training.trigger", "training.alert", "model.view", "model.decide", "model.promote", "monitoring.view", "admin.users", "admin.tokens", "audit.view"],
  };

  it.each(ROLES.flatMap((role) => Object.keys(PERMISSIONS).map((p) => [role, p] as const)))("%s / %s", (role, permission) => {
    expect(can([role], permission as keyof typeof PERMISSIONS)).toBe(expected[role].includes(permission));
  });

  it("keeps machine tokens to their own actions", () => {
    expect(Object.keys(PERMISSIONS).filter((p) => can(["production"], p as keyof typeof PERMISSIONS))).toEqual(["document.view", "training.alert", "failure.report", "inference.log"]);
    expect(Object.keys(PERMISSIONS).filter((p) => can(["runner"], p as keyof typeof PERMISSIONS))).toEqual(["document.view", "runner.work"]);
  });
});
