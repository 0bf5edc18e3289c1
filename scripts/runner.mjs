// `npm run runner`: the trainer's Python environment (created when missing), then the runner
// service against APP_URL (default http://localhost:3000) with RUNNER_TOKEN and PROJECT.
import path from "node:path";
import { ensureNodeDeps, ensurePythonVenv, root, run } from "./lib.mjs";

await ensureNodeDeps();
const python = await ensurePythonVenv("training-runner/requirements.txt");
const code = await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "training-runner/src/main.ts"], {
  env: { RUNNER_PYTHON: python, APP_URL: process.env.APP_URL ?? "http://localhost:3000", PROJECT: process.env.PROJECT ?? "demo" },
});
process.exit(code);
