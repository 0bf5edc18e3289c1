import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { renderSynthPage } from "../../lib/synth/dataset";
import { demoUser, launchBrowser, postFailure, signIn } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let token = "";
beforeAll(async () => {
  browser = await launchBrowser();
  const admin = demoUser("admin");
  const { context } = await signIn(browser, baseUrl, admin.email, admin.password);
  token = (await (await context.request.post("/api/v1/projects/demo/tokens", { data: { kind: "production", name: "e2e-intake" } })).json()).token;
  await context.close();
});
afterAll(async () => browser?.close());

/** A production system reports a shifted page with two of the model's (wrong) predictions. */
async function reportFailure(externalId: string, index: number) {
  const res = await postFailure(baseUrl, token, renderSynthPage("shifted", 99, index).image, {
    external_id: externalId,
    model_version: "base_v1",
    comment: "seller address not found",
    predictions: [
      { class: "line_items", cx: 0.5, cy: 0.4, w: 0.6, h: 0.1, confidence: 0.8 },
      { class: "total", cx: 0.3, cy: 0.2, w: 0.3, h: 0.04, confidence: 0.35 },
    ],
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { taskId: number; reportId: number; documentId: number };
}

async function boxCount(page: Page) {
  return page.getByTestId("box-list").locator("li").count();
}

/** Page-normalized point -> screen point, from the view the canvas publishes. */
async function screenPoint(page: Page, x: number, y: number) {
  const canvas = page.getByTestId("canvas");
  const view = JSON.parse((await canvas.getAttribute("data-view"))!) as { scale: number; x: number; y: number };
  const dims = JSON.parse((await canvas.getAttribute("data-page"))!) as { width: number; height: number };
  const box = (await canvas.boundingBox())!;
  return { x: box.x + view.x + x * dims.width * view.scale, y: box.y + view.y + y * dims.height * view.scale };
}

async function openWorkspace(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId("workspace").waitFor();
  // wait until the canvas has measured itself and fitted the page
  await page.waitForFunction(() => JSON.parse(document.querySelector('[data-testid="canvas"]')!.getAttribute("data-view")!).scale !== 0.2);
}

describe("failure -> annotation -> review -> pool", () => {
  it("runs the whole loop with mouse and keyboard, a rejection and a rework", async () => {
    const { taskId } = await reportFailure(`e2e-loop-${Date.now()}`, 1);
    const ann = demoUser("annotator");
    const a = await signIn(browser, baseUrl, ann.email, ann.password);
    await openWorkspace(a.page, `/p/demo/annotate/${taskId}`);
    expect(await a.page.getByTestId("drafts").textContent()).toContain("Model predictions (2 shown)");

    // keyboard: accept all drafts, undo, redo
    await a.page.keyboard.press("Shift+A");
    expect(await boxCount(a.page)).toBe(2);
    await a.page.keyboard.press("Control+z");
    expect(await boxCount(a.page)).toBe(0);
    await a.page.keyboard.press("Control+Shift+z");
    expect(await boxCount(a.page)).toBe(2);

    // mouse: draw a seller_address box (class 5) with the draw tool
    await a.page.keyboard.press("Escape");
    await a.page.keyboard.press("5");
    await a.page.keyboard.press("b");
    const from = await screenPoint(a.page, 0.05, 0.86);
    const to = await screenPoint(a.page, 0.35, 0.95);
    await a.page.mouse.move(from.x, from.y);
    await a.page.mouse.down();
    await a.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 });
    await a.page.mouse.move(to.x, to.y, { steps: 3 });
    await a.page.mouse.up();
    expect(await boxCount(a.page)).toBe(3);
    expect(await a.page.getByTestId("box-list").textContent()).toContain("seller_address");

    // delete the wrong "total" prediction by list + Delete; undo it once and delete again
    await a.page.getByTestId("box-list").getByRole("button", { name: "total" }).click();
    await a.page.keyboard.press("Delete");
    expect(await boxCount(a.page)).toBe(2);
    await a.page.keyboard.press("Control+z");
    expect(await boxCount(a.page)).toBe(3);
    await a.page.keyboard.press("Delete");
    expect(await boxCount(a.page)).toBe(2);
    await a.page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    // autosave survives a reload
    await openWorkspace(a.page, `/p/demo/annotate/${taskId}`);
    expect(await boxCount(a.page)).toBe(2);
    await a.page.keyboard.press("Control+Enter");
    await a.page.waitForURL((u) => !u.pathname.endsWith(`/annotate/${taskId}`));

    // the reviewer sees the diff and sends it back with a comment
    const rev = demoUser("reviewer");
    const r = await signIn(browser, baseUrl, rev.email, rev.password);
    await openWorkspace(r.page, `/p/demo/review/${taskId}`);
    expect(await r.page.getByTestId("diff-added").textContent()).toBe("1");
    expect(await r.page.getByTestId("diff-removed").textContent()).toBe("1");
    await r.page.getByLabel("Rejection comment").fill("the seller address box misses the VAT line");
    await r.page.getByRole("button", { name: "Reject and send back" }).click();
    await r.page.waitForURL((u) => !u.pathname.endsWith(`/review/${taskId}`));

    // the annotator sees the comment on the canvas page, fixes, resubmits
    await openWorkspace(a.page, `/p/demo/annotate/${taskId}`);
    expect(await a.page.getByTestId("review-comment").textContent()).toContain("misses the VAT line");
    await a.page.getByTestId("box-list").getByRole("button", { name: "seller_address" }).click();
    await a.page.keyboard.press("Shift+ArrowDown");
    await a.page.getByRole("button", { name: /Submit for review/ }).click();
    await a.page.waitForURL((u) => !u.pathname.endsWith(`/annotate/${taskId}`));

    // accepted: the sample is in the pool with its provenance
    await openWorkspace(r.page, `/p/demo/review/${taskId}`);
    await r.page.getByRole("button", { name: "Accept into the pool" }).click();
    await r.page.waitForURL((u) => !u.pathname.endsWith(`/review/${taskId}`));
    await r.page.goto("/p/demo/pool");
    const first = r.page.getByTestId("pool-entries").locator("li").first();
    const text = await first.textContent();
    expect(text).toContain(`annotated by ${ann.email}`);
    expect(text).toContain(`verified by ${rev.email}`);
    expect(text).toContain("base_v1");
    expect(await r.page.getByTestId("pool-class-seller_address").textContent()).toMatch(/^[1-9]\d* pages/);
    await a.context.close();
    await r.context.close();
  });

  it("does not let a reviewer accept boxes they authored", async () => {
    const { taskId } = await reportFailure(`e2e-own-${Date.now()}`, 2);
    const lead = demoUser("ml_lead"); // ML lead + reviewer: may annotate and review, never both on one revision
    const l = await signIn(browser, baseUrl, lead.email, lead.password);
    await openWorkspace(l.page, `/p/demo/annotate/${taskId}`);
    await l.page.keyboard.press("Shift+A");
    await l.page.keyboard.press("Control+Enter");
    await l.page.waitForURL((u) => !u.pathname.endsWith(`/annotate/${taskId}`));
    await openWorkspace(l.page, `/p/demo/review/${taskId}`);
    expect(await l.page.getByText("You authored these boxes").count()).toBe(1);
    expect(await l.page.getByRole("button", { name: "Accept into the pool" }).isDisabled()).toBe(true);
    await l.context.close();
  });

  it("keeps edits made during a network blip across a reload", async () => {
    const { taskId } = await reportFailure(`e2e-offline-${Date.now()}`, 4);
    const ann = demoUser("annotator");
    const a = await signIn(browser, baseUrl, ann.email, ann.password);
    await openWorkspace(a.page, `/p/demo/annotate/${taskId}`);
    await a.context.setOffline(true);
    await a.page.keyboard.press("Shift+A");
    expect(await boxCount(a.page)).toBe(2);
    await a.page.getByTestId("save-status").filter({ hasText: "Offline" }).waitFor();
    await a.context.setOffline(false);
    await openWorkspace(a.page, `/p/demo/annotate/${taskId}`);
    await a.page.getByTestId("save-status").filter({ hasText: /Restored|Saved/ }).waitFor();
    expect(await boxCount(a.page)).toBe(2);
    await a.page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    await openWorkspace(a.page, `/p/demo/annotate/${taskId}`);
    expect(await boxCount(a.page)).toBe(2);
    await a.context.close();
  });

  it("shows the shortcut overlay on ?", async () => {
    const { taskId } = await reportFailure(`e2e-help-${Date.now()}`, 3);
    const ann = demoUser("annotator");
    const a = await signIn(browser, baseUrl, ann.email, ann.password);
    await openWorkspace(a.page, `/p/demo/annotate/${taskId}`);
    await a.page.keyboard.press("?");
    const dialog = a.page.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(await dialog.textContent()).toContain("Submit for review");
    await a.context.close();
  });
});
