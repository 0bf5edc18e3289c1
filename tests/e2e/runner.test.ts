import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { renderSynthPage } from "../../lib/synth/dataset";
import { Runner } from "../../training-runner/src/runner";
import { demoUser, launchBrowser, postFailure, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const python = process.env.FIELDLOOP_PYTHON; // the trainer venv, made by npm test
let browser: Browser;
let dir: string;
let lead: BrowserContext;
const tokens = { runner: "", production: "" };

beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(path.join(os.tmpdir(), "fl-e2e-runner-"));
  const admin = demoUser("admin");
  const a = await signIn(browser, baseUrl, admin.email, admin.password);
  for (const kind of ["runner", "production"] as const) tokens[kind] = (await (await a.context.request.post("/api/v1/projects/demo/tokens", { data: { kind, name: `e2e-${kind}` } })).json()).token;
  await a.context.close();
  const l = demoUser("ml_lead");
  lead = (await signIn(browser, baseUrl, l.email, l.password)).context;
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

const runner = (id: string) => new Runner({ appUrl: baseUrl, token: tokens.runner, project: "demo", id, python: python!, cacheDir: path.join(dir, "cache"), workDir: path.join(dir, "work"), heartbeatMs: 500, log: (l) => console.log(`[runner ${id}] ${l}`) });
const tiny = { epochs: 1, imgsz: 64, batch: 4 };

/** One verified pool sample made the way people make them: report, annotate, review. */
async function verifiedSample(index: number) {
  const res = await postFailure(baseUrl, tokens.production, renderSynthPage("shifted", 321, index).image, { model_version: "base_v1", predictions: [{ class: "total", cx: 0.3, cy: 0.3, w: 0.3, h: 0.05, confidence: 0.6 }] });
  const { taskId } = await res.json();
  for (const [role, url, key] of [["annotator", `/p/demo/annotate/${taskId}`, "Shift+A"], ["reviewer", `/p/demo/review/${taskId}`, null]] as const) {
    const u = demoUser(role);
    const s = await signIn(browser, baseUrl, u.email, u.password);
    await s.page.goto(url);
    await s.page.getByTestId("workspace").waitFor();
    if (key) {
      await s.page.keyboard.press(key);
      await s.page.getByRole("button", { name: /Submit for review/ }).click();
    } else await s.page.getByRole("button", { name: "Accept into the pool" }).click();
    await s.page.waitForURL((x) => !x.pathname.endsWith(`/${taskId}`));
    await s.context.close();
  }
}

describe("training runner, end to end over HTTP", () => {
  it.runIf(python)(
    "trains base_v1 from the architecture, then fine-tunes ft_v1.1 from it with the real Ultralytics",
    async () => {
      // an empty queue is not an error
      expect(await runner("idle").runOnce()).toBe(false);
      const refused = await lead.request.post("/api/v1/projects/demo/jobs", { data: { kind: "finetune", recipe: tiny } });
      expect(refused.status()).toBe(422);
      expect((await refused.json()).error.message).toMatch(/no base model/);

      const base = await lead.request.post("/api/v1/projects/demo/jobs", { data: { kind: "base_retrain", recipe: tiny } });
      expect(base.status(), await base.text()).toBe(201);
      expect(await runner("cpu-1").runOnce()).toBe(true);

      const policy = (await (await lead.request.get("/api/v1/projects/demo/mixing")).json()).policy;
      expect((await lead.request.put("/api/v1/projects/demo/mixing", { data: { ...policy, minimum: 1 } })).status()).toBe(200);
      await verifiedSample(1);
      const ft = await lead.request.post("/api/v1/projects/demo/jobs", { data: { kind: "finetune", recipe: tiny } });
      expect(ft.status(), await ft.text()).toBe(201);
      const ftJob = (await ft.json()).job;
      expect(ftJob.recipe).toMatchObject({ optimizer: "AdamW", lr0: 0.001, freeze: 10, warmup_epochs: 1, cos_lr: true, epochs: 1 });
      expect(await runner("cpu-2").runOnce()).toBe(true);

      const jobs = (await (await lead.request.get("/api/v1/projects/demo/jobs")).json()).items as { id: number; state: string; resultModelId: number | null; progress: { phase: string } | null }[];
      expect(jobs.slice(0, 2).map((j) => j.state)).toEqual(["succeeded", "succeeded"]);
      const models = (await (await lead.request.get("/api/v1/projects/demo/models")).json()).items as { id: number; name: string; parentBaseId: number | null; weightsSha256: string; onnxSha256: string | null; trainingJobId: number }[];
      const b = models.find((m) => m.name === "base_v1")!;
      const f = models.find((m) => m.name === "ft_v1.1")!;
      expect(f.parentBaseId).toBe(b.id);
      expect(f.trainingJobId).toBe(ftJob.id);
      expect(f.weightsSha256).not.toBe(b.weightsSha256);
      expect(f.onnxSha256).toMatch(/^[0-9a-f]{64}$/);
      // the uploaded weights are the bytes the runner hashed: download and re-hash them
      const { createHash } = await import("node:crypto");
      const blob = await fetch(`${baseUrl}/api/v1/projects/demo/runner/blobs/${f.weightsSha256}`, { headers: { authorization: `Bearer ${tokens.runner}` } });
      expect(createHash("sha256").update(Buffer.from(await blob.arrayBuffer())).digest("hex")).toBe(f.weightsSha256);

      // after training, candidate predictions on the gate sets came back as artifacts (no model in production yet)
      const ftListed = (await (await lead.request.get("/api/v1/projects/demo/jobs")).json()).items.find((j: { id: number }) => j.id === ftJob.id);
      expect(ftListed.artifacts.map((a: { name: string }) => a.name).sort()).toEqual(["best.pt", "model.onnx", "predictions-failures.json", "predictions-production.json", "predictions-test.json"]);
      const gate = await (await lead.request.get(`/api/v1/projects/demo/jobs/${ftJob.id}/artifacts/predictions-failures.json`)).json();
      expect(gate.models.production).toBeNull();
      expect(gate.images).toHaveLength(1); // the one verified failure of this fine-tune
      const preds = gate.predictions.candidate[String(gate.images[0].documentId)];
      expect(Array.isArray(preds)).toBe(true);
      for (const p of preds) expect(p).toHaveLength(6);
      const test = await (await lead.request.get(`/api/v1/projects/demo/jobs/${ftJob.id}/artifacts/predictions-test.json`)).json();
      expect(test.images.length).toBeGreaterThan(0);
      expect(Object.keys(test.predictions.candidate)).toHaveLength(test.images.length);
      // the base reported its layers: the recipe card shows what freeze 10 freezes
      expect((models.find((m) => m.name === "base_v1") as unknown as { layers: unknown[] }).layers.length).toBeGreaterThan(10);

      // the ML lead's view: the lineage on the Models page, then "Fine-tune now" (seed recipe, 10
      // epochs), a moving progress bar, the finished job
      const page = await lead.newPage();
      await page.goto("/p/demo/models");
      expect(await page.getByTestId("model-ft_v1.1").textContent()).toContain("fine-tune of base_v1");
      expect(await page.getByTestId("model-base_v1").textContent()).toContain("base, trained from the architecture");
      await page.goto("/p/demo/training");
      const plan = page.getByTestId("freeze-plan");
      await expect.poll(() => plan.locator('[data-frozen="true"]').count()).toBe(10);
      await page.getByRole("spinbutton", { name: "freeze (layers)" }).fill("3");
      await expect.poll(() => plan.locator('[data-frozen="true"]').count()).toBe(3);
      await page.getByRole("spinbutton", { name: "freeze (layers)" }).fill("10");
      await page.getByRole("button", { name: "Fine-tune now" }).click();
      const card = page.locator('[data-testid^="job-"]').first();
      await card.getByTestId("job-state").filter({ hasText: "queued" }).waitFor();
      const running = runner("cpu-3").runOnce();
      const bar = card.getByRole("progressbar");
      await page.waitForFunction((el) => Number(el!.getAttribute("aria-valuenow")) > 0 && Number(el!.getAttribute("aria-valuenow")) < 100, await bar.elementHandle(), { timeout: 120_000 });
      expect(await card.getByRole("img", { name: "training loss" }).count()).toBe(1);
      expect(await running).toBe(true);
      await card.getByTestId("job-state").filter({ hasText: "succeeded" }).waitFor({ timeout: 30_000 });
      const after = (await (await lead.request.get("/api/v1/projects/demo/models")).json()).items.map((m: { name: string }) => m.name);
      expect(after).toContain("ft_v1.2");
    },
    300_000,
  );

  it.runIf(python)(
    "cancel stops a running training; a runner that dies mid-job loses it to another runner",
    async () => {
      // a long run (many epochs) so there is time to cancel it mid-training
      const long = { epochs: 300, imgsz: 64, batch: 4 };
      const job = (await (await lead.request.post("/api/v1/projects/demo/jobs", { data: { kind: "finetune", recipe: long } })).json()).job;
      const r = runner("cancel-me");
      const running = r.runOnce();
      const waitFor = async (id: number, pred: (j: { state: string; progress: { epoch?: number } | null }) => boolean) => {
        for (let i = 0; i < 240; i++) {
          const items = (await (await lead.request.get("/api/v1/projects/demo/jobs")).json()).items as { id: number; state: string; progress: { epoch?: number } | null }[];
          const j = items.find((x) => x.id === id)!;
          if (pred(j)) return j;
          await new Promise((res) => setTimeout(res, 250));
        }
        throw new Error("timed out waiting for the job");
      };
      await waitFor(job.id, (j) => j.state === "running" && (j.progress?.epoch ?? 0) >= 1);
      expect((await lead.request.post(`/api/v1/projects/demo/jobs/${job.id}/cancel`)).status()).toBe(200);
      expect(await running).toBe(true);
      expect((await waitFor(job.id, (j) => j.state === "canceled")).state).toBe("canceled");

      // a runner that claims and then vanishes: its lease expires and another runner finishes the job
      const again = (await (await lead.request.post("/api/v1/projects/demo/jobs", { data: { kind: "finetune", recipe: tiny } })).json()).job;
      const claim = await fetch(`${baseUrl}/api/v1/projects/demo/runner/claim`, { method: "POST", headers: { authorization: `Bearer ${tokens.runner}`, "content-type": "application/json" }, body: JSON.stringify({ runner: "vanishes", leaseSeconds: 10 }) });
      expect((await claim.json()).job.id).toBe(again.id);
      await new Promise((res) => setTimeout(res, 11_000));
      // the next claim sweeps the expired lease; the retry waits out its backoff (15-30 s for attempt 1)
      let done = false;
      for (let i = 0; i < 60 && !done; i++) {
        done = await runner("rescuer").runOnce();
        if (!done) await new Promise((res) => setTimeout(res, 1000));
      }
      expect(done).toBe(true);
      const final = await waitFor(again.id, (j) => j.state === "succeeded" || j.state === "failed");
      expect(final).toMatchObject({ state: "succeeded" });
    },
    300_000,
  );
});
