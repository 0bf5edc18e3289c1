import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { can, PERMISSIONS, ROLES, ROUTE_PERMISSIONS, type Role } from "../../lib/auth/permissions";
import { demoUser, launchBrowser, signIn } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const HOME: Record<Role, { path: string; heading: string }> = {
  annotator: { path: "/p/demo/annotate", heading: "Annotate" },
  reviewer: { path: "/p/demo/review", heading: "Review" },
  ml_lead: { path: "/p/demo/training", heading: "Training" },
  admin: { path: "/p/demo/admin", heading: "Admin" },
};

describe("login", () => {
  it.each(ROLES)("%s signs in and lands on their home page", async (role) => {
    const user = demoUser(role);
    const { context, page } = await signIn(browser, baseUrl, user.email, user.password);
    expect(new URL(page.url()).pathname).toBe(HOME[role].path);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(HEADING(role));
    expect(await page.getByTestId("whoami").textContent()).toContain(user.name);
    const nav = await page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();
    expect(nav.includes("Admin")).toBe(role === "admin");
    await context.close();
  });

  it("answers a wrong password and an unknown email with the same generic error", async () => {
    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    const messages: string[] = [];
    for (const email of [demoUser("reviewer").email, "nobody@fieldloop.local"]) {
      await page.goto("/login");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      messages.push((await page.getByTestId("login-error").textContent()) ?? "");
      expect(new URL(page.url()).pathname).toBe("/login");
    }
    expect(messages[0]).toMatch(/Sign-in failed/);
    expect(messages[1]).toBe(messages[0]);
    await context.close();
  });
});

function HEADING(role: Role) {
  return HOME[role].heading;
}

describe("refusals", () => {
  it("refuses an annotator the admin page and an admin action", async () => {
    const user = demoUser("annotator");
    const { context, page } = await signIn(browser, baseUrl, user.email, user.password);
    const res = await page.goto("/p/demo/admin");
    expect(res?.status()).toBe(403);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("403");
    const create = await context.request.post("/api/v1/projects/demo/tokens", { data: { kind: "production", name: "sneaky" } });
    expect(create.status()).toBe(403);
    expect((await create.json()).error.message).toMatch(/admin\.tokens/);
    await context.close();
  });

  it("refuses a reviewer the training page; signed-out visitors go to login", async () => {
    const user = demoUser("reviewer");
    const { context, page } = await signIn(browser, baseUrl, user.email, user.password);
    expect((await page.goto("/p/demo/training"))?.status()).toBe(403);
    expect((await page.goto("/p/not-a-project/review"))?.status()).toBe(404);
    await context.close();
    const anon = await browser.newContext({ baseURL: baseUrl });
    const p = await anon.newPage();
    await p.goto("/p/demo/annotate");
    expect(new URL(p.url()).pathname).toBe("/login");
    expect((await anon.request.get("/api/v1/projects/demo/documents")).status()).toBe(401);
    await anon.close();
  });

  it("lets an admin create a production token that works on the API until revoked", async () => {
    const user = demoUser("admin");
    const { context, page } = await signIn(browser, baseUrl, user.email, user.password);
    await page.getByRole("region", { name: "API tokens" }).getByLabel("Name").fill("invoice-service");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!;
    expect(token).toMatch(/^flt_/);
    const headers = { authorization: `Bearer ${token}` };
    const docs = await fetch(`${baseUrl}/api/v1/projects/demo/documents?origin=anchor_train`, { headers });
    expect(docs.status).toBe(200);
    const body = (await docs.json()) as { items: { origin: string }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((d) => d.origin === "anchor_train")).toBe(true);
    // a production token is not an admin
    expect((await fetch(`${baseUrl}/api/v1/projects/demo/tokens`, { headers })).status).toBe(403);
    // other e2e files may have made tokens too: revoke this one, in its own row
    const row = page.getByRole("row", { name: /invoice-service/ });
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByText("revoked").waitFor();
    expect((await fetch(`${baseUrl}/api/v1/projects/demo/documents`, { headers })).status).toBe(401);
    await context.close();
  });
});

describe("every route handler, as every role", () => {
  const projectRoutes = Object.entries(ROUTE_PERMISSIONS).filter(([, p]) => p in PERMISSIONS) as [string, keyof typeof PERMISSIONS][];

  it.each(ROLES)("as %s: 403 exactly where the permission table says so", async (role) => {
    const user = demoUser(role);
    const { context } = await signIn(browser, baseUrl, user.email, user.password);
    const outcomes: string[] = [];
    for (const [key, permission] of projectRoutes) {
      const [method, pattern] = key.split(" ") as [string, string];
      const url = pattern.replace("[project]", "demo").replace("[id]", "999999");
      const res = await context.request.fetch(url, { method, data: method === "GET" ? undefined : {} });
      const allowed = can([role], permission);
      const ok = allowed ? res.status() !== 403 && res.status() !== 401 && res.status() < 500 : res.status() === 403;
      if (!ok) outcomes.push(`${key}: ${res.status()} (allowed: ${allowed})`);
    }
    expect(outcomes).toEqual([]);
    await context.close();
  });
});
