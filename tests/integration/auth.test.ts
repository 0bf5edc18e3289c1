import { describe, expect, it } from "vitest";
import { authenticateApiToken, createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { attemptLogin, MAX_FAILURES_PER_EMAIL, setUserDisabled } from "@/db/queries/users";
import { authorizeProject } from "@/lib/auth/guard";
import { withTestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";
import { makeProject, makeUser } from "../helpers/fixtures";

const t = withTestDatabase("auth");


describe("password login", () => {
  it("accepts the right password and stores only a scrypt hash", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const u = await makeUser(db, project.id, ["annotator"]);
    const ok = await attemptLogin(db, { email: u.email.toUpperCase(), password: u.password, ip: "1.1.1.1" });
    expect(ok).toEqual({ ok: true, user: { id: u.id, email: u.email, name: u.name } });
    const rows = await db.query.users.findFirst({ where: (x, { eq }) => eq(x.id, u.id) });
    expect(rows!.passwordHash).toMatch(/^scrypt\$/);
    expect(rows!.passwordHash).not.toContain(u.password);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const u = await makeUser(db, project.id, ["annotator"]);
    expect(await attemptLogin(db, { email: u.email, password: "wrong password", ip: "2.2.2.2" })).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptLogin(db, { email: "nobody@test.local", password: "wrong password", ip: "2.2.2.2" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles an email after repeated failures, even with the right password", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const u = await makeUser(db, project.id, ["annotator"]);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      expect((await attemptLogin(db, { email: u.email, password: `guess ${i}`, ip: `3.3.3.${i}` })).ok).toBe(false);
    }
    expect(await attemptLogin(db, { email: u.email, password: u.password, ip: "3.3.3.99" })).toEqual({ ok: false, reason: "throttled" });
  });

  it("refuses a disabled user", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const admin = await makeUser(db, project.id, ["admin"]);
    const u = await makeUser(db, project.id, ["annotator"]);
    await setUserDisabled(db, { actor: admin.actor, projectId: project.id, userId: u.id, disabled: true });
    expect((await attemptLogin(db, { email: u.email, password: u.password, ip: "4.4.4.4" })).ok).toBe(false);
    expect((await errorOf(setUserDisabled(db, { actor: admin.actor, projectId: project.id, userId: admin.id, disabled: true }))).code).toBe("invalid");
  });
});

describe("project authorization", () => {
  it("answers 404 to outsiders, 403 to members without the permission", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const other = await makeProject(db);
    const annotator = await makeUser(db, project.id, ["annotator"]);
    const outsider = await makeUser(db, other.id, ["admin"]);
    await expect(authorizeProject(db, annotator.actor, project.slug, "annotation.edit")).resolves.toMatchObject({ roles: ["annotator"] });
    expect((await errorOf(authorizeProject(db, annotator.actor, project.slug, "admin.tokens"))).status).toBe(403);
    expect((await errorOf(authorizeProject(db, outsider.actor, project.slug, "project.view"))).status).toBe(404);
    expect((await errorOf(authorizeProject(db, annotator.actor, "no-such-project", "project.view"))).status).toBe(404);
  });
});

describe("API tokens", () => {
  it("authenticates by hash, is scoped to its project and kind, and stops working once revoked", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const other = await makeProject(db);
    const admin = await makeUser(db, project.id, ["admin"]);
    const created = await createApiToken(db, { actor: admin.actor, projectId: project.id, kind: "production", name: "svc" });
    expect(created.token).toMatch(/^flt_/);
    const actor = await authenticateApiToken(db, created.token);
    expect(actor).toMatchObject({ type: "token", kind: "production", projectId: project.id });
    await expect(authorizeProject(db, actor!, project.slug, "failure.report")).resolves.toBeTruthy();
    expect((await errorOf(authorizeProject(db, actor!, project.slug, "runner.work"))).status).toBe(403);
    expect((await errorOf(authorizeProject(db, actor!, other.slug, "failure.report"))).status).toBe(404);
    expect(await authenticateApiToken(db, created.token + "x")).toBeNull();
    await revokeApiToken(db, { actor: admin.actor, projectId: project.id, tokenId: created.id });
    expect(await authenticateApiToken(db, created.token)).toBeNull();
    expect((await errorOf(revokeApiToken(db, { actor: admin.actor, projectId: other.id, tokenId: created.id }))).status).toBe(404);
  });
});
