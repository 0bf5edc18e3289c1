import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoUser, launchBrowser, signIn } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let lead: BrowserContext;
let queuedJob: number | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  const l = demoUser("ml_lead");
  lead = (await signIn(browser, baseUrl, l.email, l.password)).context;
});
afterAll(async () => {
  // other test files share this demo: no job left in the queue, the seed recipe, triggers off
  if (queuedJob) await lead.request.post(`/api/v1/projects/demo/jobs/${queuedJob}/cancel`);
  await lead.request.put("/api/v1/projects/demo/recipe", { data: {} });
  await lead.request.put("/api/v1/projects/demo/triggers", { data: { autoQueue: false, schedule: "off", performance: false } });
  await browser?.close();
});

describe("training settings", () => {
  it("an ML lead edits the fine-tune recipe and the triggers; bad values are refused and change nothing", async () => {
    const page = await lead.newPage();
    await page.goto("/p/demo/training");
    const epochs = page.getByRole("spinbutton", { name: "epochs", exact: true });
    expect(await epochs.inputValue()).toBe("10");
    await epochs.fill("0");
    await page.getByRole("button", { name: "Save recipe" }).click();
    await page.getByTestId("recipe-message").filter({ hasText: /expected number to be >=1|too small/i }).waitFor();
    expect((await (await lead.request.get("/api/v1/projects/demo/recipe")).json()).defaults).toEqual({});

    await epochs.fill("12");
    await page.getByRole("spinbutton", { name: "lr0" }).fill("0.0008");
    await page.getByRole("button", { name: "Save recipe" }).click();
    await page.getByTestId("recipe-message").filter({ hasText: "Recipe saved" }).waitFor();
    const recipe = await (await lead.request.get("/api/v1/projects/demo/recipe")).json();
    expect(recipe.defaults.finetune).toMatchObject({ epochs: 12, lr0: 0.0008, freeze: 10, optimizer: "AdamW" });
    expect(recipe.effective.finetune).toMatchObject({ epochs: 12, lr0: 0.0008, warmup_epochs: 1, cos_lr: true });
    await page.reload();
    expect(await page.getByRole("spinbutton", { name: "epochs", exact: true }).inputValue()).toBe("12");

    await page.getByRole("combobox", { name: "schedule" }).selectOption("monthly");
    await page.getByLabel(/monitoring raises an alert/).check();
    await page.getByRole("button", { name: "Save triggers" }).click();
    await page.getByTestId("triggers-message").filter({ hasText: "Triggers saved" }).waitFor();
    expect((await (await lead.request.get("/api/v1/projects/demo/triggers")).json()).settings).toEqual({ autoQueue: false, schedule: "monthly", performance: true });

    // a monitoring alert arrives; the decision (queued or skipped, with why) is listed on the page
    const alert = await lead.request.post("/api/v1/projects/demo/triggers/performance", { data: { reason: "detection rate of total below 90%" } });
    expect(alert.status()).toBe(201);
    const { trigger } = await alert.json();
    queuedJob = trigger.jobId;
    expect(trigger.source).toBe("performance");
    expect(trigger.reason).toContain("detection rate of total below 90%");
    expect((await lead.request.post("/api/v1/projects/demo/triggers/performance", { data: { reason: "" } })).status()).toBe(422);
    await page.reload();
    await page.getByTestId("trigger-history").getByText("detection rate of total below 90%").first().waitFor();
    // the audit log has both changes, with before and after
    const admin = demoUser("admin");
    const a = await signIn(browser, baseUrl, admin.email, admin.password);
    const audit = (await (await a.context.request.get("/api/v1/projects/demo/audit")).json()).items.map((x: { action: string }) => x.action);
    expect(audit).toEqual(expect.arrayContaining(["project.update_recipe", "project.update_triggers", "trigger.performance"]));
    await a.context.close();
  });
});
