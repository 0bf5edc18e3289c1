// Shared by `npm run demo` and `npm test`. Plain Node (no dependencies): it runs before
// `npm ci` has installed anything.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

export function log(msg) {
  console.log(`\x1b[1m[fieldloop]\x1b[0m ${msg}`);
}

/** Runs a command with inherited output; resolves with its exit code. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", ...opts, env: { ...process.env, ...opts.env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function mustRun(cmd, args, opts) {
  const code = await run(cmd, args, opts);
  if (code !== 0) {
    log(`failed: ${cmd} ${args.join(" ")} (exit ${code})`);
    process.exit(code);
  }
}

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time of the files under the given paths (recursively). */
export function newestMtime(paths) {
  let newest = 0;
  for (const p of paths) {
    const abs = path.join(root, p);
    if (!existsSync(abs)) continue;
    if (statSync(abs).isDirectory()) {
      for (const e of readdirSync(abs, { recursive: true, withFileTypes: true })) {
        if (e.isFile()) newest = Math.max(newest, mtime(path.join(e.parentPath, e.name)));
      }
    } else newest = Math.max(newest, mtime(abs));
  }
  return newest;
}

/** npm ci when node_modules is missing or older than the lock file. */
export async function ensureNodeDeps() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  if (existsSync(marker) && mtime(marker) >= mtime(path.join(root, "package-lock.json"))) return;
  log("installing npm dependencies (npm ci)");
  await mustRun("npm", ["ci", "--no-audit", "--no-fund"]);
}

export function portOpen(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

export async function freePort(preferred) {
  for (let p = preferred; p < preferred + 50; p++) if (!(await portOpen(p))) return p;
  throw new Error(`no free port from ${preferred}`);
}

/** Tests need a real PostgreSQL on 127.0.0.1:5432; start the local cluster when it is down. */
export async function ensurePostgres() {
  if (process.env.TEST_PG_ADMIN_URL || (await portOpen(5432))) return;
  log("starting PostgreSQL");
  const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
  if (!versions.length) {
    log("installing PostgreSQL (apt-get)");
    await mustRun("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql"]);
  }
  const version = readdirSync("/etc/postgresql")[0];
  spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
  for (let i = 0; i < 60 && !(await portOpen(5432)); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await portOpen(5432))) throw new Error("PostgreSQL did not start on 127.0.0.1:5432");
}

/** Browser tests drive Debian's chromium (playwright's own download cannot work offline). */
export async function ensureChromium() {
  const bin = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(bin)) return;
  log("installing chromium (apt-get)");
  await mustRun("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]);
}

/** `next build` when there is no build or a source file is newer than it. */
export async function ensureBuild() {
  const built = mtime(path.join(root, ".next", "BUILD_ID"));
  const sources = newestMtime(["app", "components", "lib", "db", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"]);
  if (built && built >= sources) return;
  log("building the app (next build)");
  await mustRun(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"]);
}

/**
 * A Python virtual environment for a requirements file, kept outside the checkout and keyed by
 * the file's hash, so repeated runs reuse it. Returns the venv's python.
 */
export async function ensurePythonVenv(requirements) {
  const text = readFileSync(path.join(root, requirements), "utf8");
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const base = process.env.FIELDLOOP_VENV_DIR ?? path.join(homedir(), ".cache", "fieldloop");
  const venv = path.join(base, `venv-${path.basename(requirements, ".txt")}-${hash}`);
  const python = path.join(venv, "bin", "python");
  if (existsSync(path.join(venv, ".complete"))) return python;
  log(`creating Python environment ${venv}`);
  mkdirSync(base, { recursive: true });
  await mustRun("python3", ["-m", "venv", "--clear", venv]);
  await mustRun(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", path.join(root, requirements)]);
  writeFileSync(path.join(venv, ".complete"), text);
  return python;
}
