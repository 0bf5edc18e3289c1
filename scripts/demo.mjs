// `npm run demo`: installs what is missing, builds, seeds the embedded database with demo
// data (once), starts the app and prints its URL and the demo logins.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureBuild, ensureNodeDeps, ensurePythonVenv, freePort, log, mustRun, root } from "./lib.mjs";

const env = { FIELDLOOP_DEMO: "1" };
await ensureNodeDeps();
await ensureBuild();
log(process.env.DATABASE_URL ? "database: PostgreSQL from DATABASE_URL" : "database: embedded PGlite under ./data");
await mustRun(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/seed.ts"], { env });

const port = await freePort(Number(process.env.PORT ?? 3000));
const url = `http://localhost:${port}`;
const app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, ...env, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url },
});
let runner = null;
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => {
  runner?.kill("SIGTERM"); // hands a running job back to the queue
  app.kill(sig);
});
app.on("exit", (code) => process.exit(code ?? 0));

for (let i = 0; i < 120; i++) {
  try {
    if ((await fetch(`${url}/api/health`)).ok) break;
  } catch {
    // starting
  }
  await new Promise((r) => setTimeout(r, 500));
}
const data = path.resolve(root, process.env.FIELDLOOP_DATA_DIR ?? "data");
const logins = path.join(data, "demo-logins.txt");
console.log(`\n  FieldLoop is running at ${url}\n`);
if (existsSync(logins)) console.log(readFileSync(logins, "utf8"));
console.log("  Press Ctrl+C to stop.\n");

// a local training runner, so "Fine-tune now" trains right here (FIELDLOOP_DEMO_RUNNER=0: none)
if (process.env.FIELDLOOP_DEMO_RUNNER !== "0" && existsSync(path.join(data, "demo-runner-token"))) {
  const python = await ensurePythonVenv("training-runner/requirements.txt");
  runner = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "training-runner/src/main.ts"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, APP_URL: url, PROJECT: "demo", RUNNER_TOKEN: readFileSync(path.join(data, "demo-runner-token"), "utf8").trim(), RUNNER_PYTHON: python, RUNNER_ID: "demo-local-runner" },
  });
  log("started a local training runner (CPU); it trains what the Training page queues");
}
