/**
 * Canvas frame rate in headless Chromium (software rendering): npm run bench:canvas
 * Starts the built app with FIELDLOOP_BENCH=1, then for 300 / 1,000 / 3,000 / 10,000 boxes on
 * a 2,550 x 3,300 page measures frames per second while panning and zooming, and while
 * dragging a box (1,000 boxes). Also times opening the next annotation task (warm, p95).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { closeDb, getDb } from "../db/client";
import { DEMO_USERS, seedDemo } from "../db/seed";
import { renderSynthPage } from "../lib/synth/dataset";

const root = path.join(import.meta.dirname, "..");
const port = 3900 + Math.floor(Math.random() * 50);
const base = `http://127.0.0.1:${port}`;
const dataDir = await mkdtemp(path.join(os.tmpdir(), "fl-bench-canvas-"));
// a small demo database with a queue of reported failures, for the next-task timing
process.env.FIELDLOOP_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
await seedDemo(await getDb(), { anchorPages: 10, productionPages: 0, workDir: path.join(dataDir, "synth") });
await closeDb();
const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
  cwd: root,
  env: { ...process.env, FIELDLOOP_BENCH: "1", FIELDLOOP_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: randomBytes(16).toString("hex") },
  stdio: "ignore",
});
try {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const measure = async (boxes: number, mode: "panzoom" | "drag") => {
    await page.goto(`${base}/bench/canvas?boxes=${boxes}`);
    await page.waitForSelector('[data-ready="1"]');
    await page.waitForTimeout(500);
    await page.evaluate((m) => (window as unknown as { __bench: { start(m: string): void } }).__bench.start(m), mode);
    await page.waitForTimeout(4000);
    return page.evaluate(() => (window as unknown as { __bench: { stop(): { fps: number } } }).__bench.stop());
  };
  const rows: string[] = [];
  for (const n of [300, 1000, 3000, 10000]) rows.push(`pan+zoom, ${n} boxes: ${(await measure(n, "panzoom")).fps.toFixed(1)} fps`);
  rows.push(`drag one box, 1000 boxes: ${(await measure(1000, "drag")).fps.toFixed(1)} fps`);
  rows.push(`open next task (warm, 20 tasks): ${await nextTaskTimes(browser)}`);
  for (const r of rows) console.log(r);
  await browser.close();
} finally {
  server.kill("SIGTERM");
  await rm(dataDir, { recursive: true, force: true });
}

/** Logs in as the annotator, reports 21 pages through the API, then presses "n" 20 times. */
async function nextTaskTimes(browser: import("playwright-core").Browser): Promise<string> {
  const ctx = await browser.newContext({ baseURL: base, viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  const login = async (email: string, password: string) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname !== "/login" && u.pathname !== "/");
  };
  const admin = DEMO_USERS.find((u) => u.roles.includes("admin"))!;
  await login(admin.email, admin.password);
  const token = (await (await ctx.request.post("/api/v1/projects/demo/tokens", { data: { kind: "production", name: "bench" } })).json()).token as string;
  const ids: number[] = [];
  for (let i = 0; i < 21; i++) {
    const form = new FormData();
    form.set("image", new Blob([new Uint8Array(renderSynthPage("shifted", 5, i).image)], { type: "image/jpeg" }), "p.jpg");
    form.set("metadata", JSON.stringify({ model_version: "base_v1", predictions: [{ class: "total", cx: 0.5, cy: 0.5, w: 0.2, h: 0.05, confidence: 0.5 }] }));
    ids.push((await (await fetch(`${base}/api/v1/projects/demo/failures`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form })).json()).taskId);
  }
  await ctx.clearCookies();
  const ann = DEMO_USERS.find((u) => u.roles.includes("annotator"))!;
  await login(ann.email, ann.password);
  const ready = async (id: number) => {
    await page.waitForURL((u) => u.pathname.endsWith(`/annotate/${id}`));
    await page.waitForSelector('[data-testid="drafts"]');
  };
  await page.goto(`/p/demo/annotate/${ids[0]}`);
  await ready(ids[0]!);
  const times: number[] = [];
  for (let i = 1; i < ids.length; i++) {
    await page.waitForTimeout(400); // an annotator looks before moving on; prefetch happens meanwhile
    const t0 = Date.now();
    await page.keyboard.press("n");
    await ready(ids[i]!);
    times.push(Date.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  await ctx.close();
  return `median ${p(0.5)} ms, p95 ${p(0.95)} ms`;
}
