/**
 * npm run runner  (or on a GPU host: APP_URL=… RUNNER_TOKEN=… PROJECT=… npx tsx training-runner/src/main.ts)
 * Polls the app for training jobs until SIGTERM/SIGINT, which hands the current job back.
 */
import os from "node:os";
import path from "node:path";
import { Runner } from "./runner";

const required = (name: string) => {
  const v = process.env[name];
  if (!v) {
    console.error(`${name} is not set (APP_URL, RUNNER_TOKEN, PROJECT and RUNNER_PYTHON are needed)`);
    process.exit(2);
  }
  return v;
};

const runner = new Runner({
  appUrl: required("APP_URL").replace(/\/$/, ""),
  token: required("RUNNER_TOKEN"),
  project: required("PROJECT"),
  python: required("RUNNER_PYTHON"),
  id: process.env.RUNNER_ID ?? `${os.hostname()}-${process.pid}`,
  cacheDir: process.env.RUNNER_CACHE_DIR ?? path.join(os.homedir(), ".cache", "fieldloop", "runner-blobs"),
  workDir: process.env.RUNNER_WORK_DIR ?? path.join(os.tmpdir(), "fieldloop-runner"),
  log: (line) => console.log(`[runner] ${line}`),
});
let stop = false;
for (const sig of ["SIGTERM", "SIGINT"] as const) {
  process.on(sig, () => {
    stop = true;
    runner.stop();
  });
}
while (!stop) {
  const worked = await runner.runOnce().catch((e: Error) => {
    console.error(`[runner] ${e.message}`);
    return false;
  });
  if (!worked && !stop) await new Promise((r) => setTimeout(r, Number(process.env.RUNNER_POLL_MS ?? 3000)));
}
