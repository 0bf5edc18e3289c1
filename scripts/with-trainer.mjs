// `node scripts/with-trainer.mjs <script.ts> [args]`: what scripts that drive the app and a real
// runner need (npm deps, PostgreSQL, a current build, the trainer's venv), then the script
// (npm run demo-model, npm run bench:runner).
import path from "node:path";
import { ensureBuild, ensureNodeDeps, ensurePostgres, ensurePythonVenv, root, run } from "./lib.mjs";

await ensureNodeDeps();
await ensurePostgres();
await ensureBuild();
const python = await ensurePythonVenv("training-runner/requirements.txt");
const [script, ...args] = process.argv.slice(2);
const code = await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", script, ...args], { env: { FIELDLOOP_PYTHON: python } });
process.exit(code);
