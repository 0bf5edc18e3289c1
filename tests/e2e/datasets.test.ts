import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FIELD_CLASSES } from "../../lib/synth/classes";
import { writeYoloDataset } from "../helpers/datasets";
import { buildZip } from "../helpers/zip";
import { demoUser, launchBrowser, signIn } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(path.join(os.tmpdir(), "fl-e2e-ds-"));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Zips a folder (flat list of its files) with the test zip writer. */
async function zipFolder(folder: string, out: string) {
  const entries = [];
  for (const e of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    entries.push({ name: path.relative(folder, full), data: await readFile(full) });
  }
  await writeFile(out, buildZip(entries));
}

const anchorTrainCount = async (page: import("playwright-core").Page) => Number(await page.getByText("Anchor train").locator("..").locator("div").nth(1).textContent());

/** Zips a dataset folder, uploads it as an ML lead through the Datasets page, waits for `state`. */
async function uploadThroughUi(folder: string, state: "succeeded" | "failed") {
  const zip = `${folder}.zip`;
  await zipFolder(folder, zip);
  const lead = demoUser("ml_lead");
  const { context, page } = await signIn(browser, baseUrl, lead.email, lead.password);
  await page.goto("/p/demo/datasets");
  const trainBefore = await anchorTrainCount(page);
  const rows = page.locator('[data-testid^="import-"]');
  const before = await rows.count(); // earlier imports (the demo seed's own) are listed too
  await page.getByLabel(/Upload a \.zip/).setInputFiles(zip);
  await page.getByRole("button", { name: "Upload and import" }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="import-"]').length > n, before);
  const row = rows.first();
  await row.getByTestId("import-state").filter({ hasText: state }).waitFor({ timeout: 60_000 });
  return { context, page, row, trainBefore };
}

describe("datasets page", () => {
  it("an ML lead uploads a zip, watches the import finish, and sees the new anchor counts", async () => {
    const ds = path.join(dir, "good");
    await writeYoloDataset(ds, { perSplit: { train: 12, val: 2, test: 0 }, names: [...FIELD_CLASSES], variant: 77_000 });
    const { context, page, row, trainBefore } = await uploadThroughUi(ds, "succeeded");
    expect(await row.textContent()).toContain("added 14 images (12 train, 2 val, 0 test");
    await page.reload();
    expect(await anchorTrainCount(page)).toBe(trainBefore + 12);
    await context.close();
  });

  it("a broken label file is reported as file:line and nothing is imported", async () => {
    const ds = path.join(dir, "bad");
    await writeYoloDataset(ds, { perSplit: { train: 4, val: 1, test: 0 }, names: [...FIELD_CLASSES], variant: 78_000 });
    await writeFile(path.join(ds, "labels/train/train_2.txt"), "0 0.5 0.5 0.2 0.1\n12 0.5 0.5 0.2 0.1\n");
    const { context, row } = await uploadThroughUi(ds, "failed");
    expect(await row.textContent()).toContain("labels/train/train_2.txt:2: class 12 is out of range");
    await context.close();
  });

  it("an annotator can look but not import", async () => {
    const user = demoUser("annotator");
    const { context, page } = await signIn(browser, baseUrl, user.email, user.password);
    await page.goto("/p/demo/datasets");
    expect(await page.getByText("ML leads and admins import datasets.").count()).toBe(1);
    const res = await context.request.post("/api/v1/projects/demo/imports", { data: { path: "x" } });
    expect(res.status()).toBe(403);
    await context.close();
  });
});

describe("manifests", () => {
  it("an ML lead freezes an anchor export and downloads it as JSON, YOLO and COCO", async () => {
    const lead = demoUser("ml_lead");
    const { context, page } = await signIn(browser, baseUrl, lead.email, lead.password);
    await page.goto("/p/demo/datasets");
    await page.getByRole("button", { name: "Freeze an anchor export" }).click();
    const id = Number((await page.getByRole("status").filter({ hasText: "frozen" }).textContent())!.match(/#(\d+)/)![1]);
    const json = await (await context.request.get(`/api/v1/projects/demo/manifests/${id}`)).json();
    expect(json.kind).toBe("export");
    expect(json.items.length).toBe(json.counts.old + json.counts.val);
    expect(json.items.every((i: { role: string }) => i.role === "old" || i.role === "val")).toBe(true);
    for (const format of ["yolo", "coco"]) {
      const res = await context.request.get(`/api/v1/projects/demo/manifests/${id}/export?format=${format}`);
      expect(res.headers()["content-type"]).toBe("application/zip");
      const file = path.join(dir, `export-${format}.zip`);
      await writeFile(file, await res.body());
      const names = await zipEntryNames(file);
      expect(names.filter((n) => n.startsWith("images/")).length).toBe(json.items.length);
      expect(names).toContain(format === "yolo" ? "data.yaml" : "annotations.json");
    }
    expect((await context.request.get(`/api/v1/projects/demo/manifests/${id}/export?format=voc`)).status()).toBe(422);
    await context.close();
  });
});

async function zipEntryNames(file: string): Promise<string[]> {
  const yauzl = (await import("yauzl")).default;
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    zip.on("entry", (e: { fileName: string }) => {
      names.push(e.fileName);
      zip.readEntry();
    });
    zip.on("end", () => resolve(names));
    zip.on("error", reject);
    zip.readEntry();
  });
}

describe("training page", () => {
  it("shows the mix a fine-tune would use and saves a policy change", async () => {
    const lead = demoUser("ml_lead");
    const { context, page } = await signIn(browser, baseUrl, lead.email, lead.password);
    // other e2e files may have added pool samples: the page must show what the server computes
    const { plan, anchorSize } = await (await context.request.get("/api/v1/projects/demo/mixing")).json();
    expect(plan.oldSamples).toBe(Math.min(50 * plan.newSamples, 3000, anchorSize));
    await page.goto("/p/demo/training");
    expect(await page.getByTestId("mix-summary").textContent()).toContain(`A fine-tune now would use ${plan.newSamples} new + ${plan.oldSamples.toLocaleString("en")} old = ${plan.total.toLocaleString("en")} images`);
    await page.getByLabel("cap").fill("2500");
    await page.getByRole("button", { name: "Save policy" }).click();
    expect(await page.getByTestId("policy-message").textContent()).toBe("Policy saved.");
    await page.getByLabel("band 2 from").fill("0");
    await page.getByRole("button", { name: "Save policy" }).click();
    await page.getByTestId("policy-message").filter({ hasText: /ascending/ }).waitFor();
    const api = await context.request.get("/api/v1/projects/demo/mixing");
    expect((await api.json()).policy.cap).toBe(2500);
    await context.close();
  });
});
