import { chromium } from "playwright-core";
import { readFileSync, readdirSync } from "node:fs";
const B = "http://127.0.0.1:3400";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking"] });
async function login(email, pw) {
  const ctx = await b.newContext({ baseURL: B, viewport: { width: 1400, height: 900 } });
  const p = await ctx.newPage();
  await p.goto("/login"); await p.fill('input[name=email]', email); await p.fill('input[name=password]', pw); await p.click('button[type=submit]');
  await p.waitForURL((u) => u.pathname !== "/login" && u.pathname !== "/");
  return { ctx, p };
}
const admin = await login("admin@fieldloop.local", "admin-demo");
const tok = await (await admin.ctx.request.post("/api/v1/projects/demo/tokens", { data: { kind: "production", name: "shot" } })).json();
const dir = "/tmp/demo-data/synth/production-shifted/images/train";
const f = readdirSync(dir)[0];
const form = new FormData();
form.set("image", new Blob([readFileSync(`${dir}/${f}`)], { type: "image/jpeg" }), f);
form.set("metadata", JSON.stringify({ external_id: "shot-" + Date.now(), model_version: "base_v1", comment: "seller address missed", predictions: [{ class: "line_items", cx: 0.6, cy: 0.4, w: 0.6, h: 0.12, confidence: 0.71 }, { class: "total", cx: 0.3, cy: 0.49, w: 0.35, h: 0.03, confidence: 0.42 }] }));
const r = await fetch(`${B}/api/v1/projects/demo/failures`, { method: "POST", headers: { authorization: `Bearer ${tok.token}` }, body: form });
const receipt = await r.json(); console.log(r.status, receipt);
const ann = await login("annotator@fieldloop.local", "annotate-demo");
const errors = []; ann.p.on("pageerror", (e) => errors.push(String(e))); ann.p.on("console", (m) => m.type() === "error" && errors.push(m.text()));
await ann.p.goto(`/p/demo/annotate/${receipt.taskId}`);
await ann.p.waitForTimeout(2500);
await ann.p.screenshot({ path: "/tmp/ws1.png" });
console.log("errors", errors);
await b.close();
