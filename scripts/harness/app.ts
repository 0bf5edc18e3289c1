/**
 * A throwaway FieldLoop for scripts and benchmarks: a fresh PostgreSQL database (127.0.0.1:5432
 * or TEST_PG_ADMIN_URL) seeded with the demo, the built app on a free port, a runner token, and
 * real runners against it over HTTP. Run with `tsx --conditions=react-server`.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "../../tests/helpers/postgres";
import { Runner } from "../../training-runner/src/runner";

export async function startHarness(opts: { label: string; anchorPages: number; productionPages: number; baseModel: "committed" | "none"; log: (l: string) => void }) {
  const root = path.resolve(import.meta.dirname, "../..");
  const python = process.env.FIELDLOOP_PYTHON;
  if (!python) throw new Error("FIELDLOOP_PYTHON (the trainer venv's python) is not set");
  const database = await createTestDatabase(opts.label);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `fl-${opts.label}-`));
  process.env.DATABASE_URL = database.url;
  process.env.FIELDLOOP_DATA_DIR = dataDir;
  const { getDb, closeDb } = await import("../../db/client");
  const { seedDemo, DEMO_PROJECT, DEMO_SEED_PAGES } = await import("../../db/seed");
  const { findProjectBySlug } = await import("../../db/queries/projects");
  const { createApiToken } = await import("../../db/queries/tokens");
  const { findUserIdByEmail } = await import("../../db/queries/users");
  const db = await getDb();
  await seedDemo(db, { anchorPages: opts.anchorPages, productionPages: opts.productionPages, seed: DEMO_SEED_PAGES.seed, workDir: path.join(dataDir, "synth"), baseModel: opts.baseModel, log: opts.log });
  const project = (await findProjectBySlug(db, DEMO_PROJECT.slug))!;
  const user = async (email: string) => ({ type: "user" as const, userId: (await findUserIdByEmail(db, email))!, email, name: email });
  const { token } = await createApiToken(db, { actor: await user("admin@fieldloop.local"), projectId: project.id, kind: "runner", name: `${opts.label} runner` });

  const port = 3900 + Math.floor(Math.random() * 90);
  const appUrl = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: appUrl, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    if (await fetch(`${appUrl}/api/health`).then((r) => r.ok, () => false)) break;
    if (i > 120) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    db,
    project,
    python,
    dataDir,
    user,
    runner: (id: string, log = opts.log) => new Runner({ appUrl, token, project: project.slug, id, python, cacheDir: path.join(dataDir, "runner-cache"), workDir: path.join(dataDir, "runner-work"), log }),
    async close(keep = false) {
      app.kill("SIGTERM");
      await closeDb();
      await database.drop();
      if (!keep) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
