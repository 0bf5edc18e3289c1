import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DEMO_USERS } from "../../db/seed";
import type { Role } from "../../lib/auth/permissions";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export function demoUser(role: Role) {
  const user = DEMO_USERS.find((u) => u.roles[0] === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
}

/** Signs in through the real login form and waits for the redirect away from /login. */
export async function signIn(browser: Browser, baseUrl: string, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // "/" redirects on to the role's home; wait for that, not the intermediate stop
  await page.waitForURL((u) => u.pathname !== "/login" && u.pathname !== "/", { timeout: 30_000 });
  return { context, page };
}

/** What a production system sends: a synthetic page and the model's predictions, as multipart. */
export function postFailure(baseUrl: string, token: string, image: Uint8Array, metadata: object): Promise<Response> {
  const form = new FormData();
  form.set("image", new Blob([new Uint8Array(image)], { type: "image/jpeg" }), "page.jpg");
  form.set("metadata", JSON.stringify(metadata));
  return fetch(`${baseUrl}/api/v1/projects/demo/failures`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}
