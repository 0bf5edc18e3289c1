// `npm run demo`: installs what is missing, builds, seeds the embedded database with demo
// data (once), starts the app and prints its URL and the demo logins.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureBuild, ensureNodeDeps, freePort, log, mustRun, root } from "./lib.mjs";

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
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => app.kill(sig));
app.on("exit", (code) => process.exit(code ?? 0));

for (let i = 0; i < 120; i++) {
  try {
    if ((await fetch(`${url}/api/health`)).ok) break;
  } catch {
    // starting
  }
  await new Promise((r) => setTimeout(r, 500));
}
const logins = path.resolve(root, process.env.FIELDLOOP_DATA_DIR ?? "data", "demo-logins.txt");
console.log(`\n  FieldLoop is running at ${url}\n`);
if (existsSync(logins)) console.log(readFileSync(logins, "utf8"));
console.log("  Press Ctrl+C to stop.\n");
