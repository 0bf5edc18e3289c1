// `npm test`: installs what is missing, then type-checks, lints, and runs unit, integration
// (real PostgreSQL + PGlite smoke) and browser e2e tests. Prints "N passed, N failed" last.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild, ensureChromium, ensureNodeDeps, ensurePostgres, ensurePythonVenv, log, root, run } from "./lib.mjs";

const started = Date.now();
await ensureNodeDeps();
await ensurePostgres();
await ensureChromium();
// the trainer's environment (real ultralytics + torch); tests train with it and read COCO exports
process.env.FIELDLOOP_PYTHON = await ensurePythonVenv("training-runner/requirements.txt");

const reportDir = mkdtempSync(path.join(os.tmpdir(), "fl-test-report-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

async function vitest(name, projects) {
  const out = path.join(reportDir, `${name}.json`);
  const args = ["run", ...projects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${out}`];
  const code = await run(process.execPath, [path.join(root, "node_modules/vitest/vitest.mjs"), ...args]);
  try {
    const r = JSON.parse(readFileSync(out, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } catch {
    totals.failed += 1; // no report: the run itself broke
  }
  if (code !== 0) failedSteps.push(name);
}

async function step(name, cmd, args) {
  log(name);
  const code = await run(cmd, args);
  if (code !== 0) {
    failedSteps.push(name);
    totals.failed += 1;
  }
}

const bin = (p) => path.join(root, "node_modules", p);
await step("type-check (tsc)", process.execPath, [bin("typescript/bin/tsc"), "--noEmit"]);
await step("lint (eslint)", process.execPath, [bin("eslint/bin/eslint.js"), "--max-warnings", "0", "."]);
log("unit + integration tests");
await vitest("unit+integration", ["unit", "integration"]);
log("browser e2e tests");
await ensureBuild();
await vitest("e2e", ["e2e"]);

const minutes = ((Date.now() - started) / 60000).toFixed(1);
log(`finished in ${minutes} min${failedSteps.length ? `; failed: ${failedSteps.join(", ")}` : ""}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
