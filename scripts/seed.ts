/** npm run seed [-- --anchor 1000 --production 40]: demo data into the configured database. */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, dataDir, dbMode, getDb } from "../db/client";
import { DEMO_MODEL_DIR, DEMO_PROJECT, DEMO_SEED_PAGES, DEMO_USERS, seedDemo } from "../db/seed";
import { findProjectBySlug } from "../db/queries/projects";
import { createApiToken } from "../db/queries/tokens";
import { findUserIdByEmail } from "../db/queries/users";

const { values } = parseArgs({
  options: { anchor: { type: "string", default: String(DEMO_SEED_PAGES.anchorPages) }, production: { type: "string", default: String(DEMO_SEED_PAGES.productionPages) } },
});
// the committed base_v1 fits only the anchor it was trained on (the default page counts)
const committed = existsSync(path.join(DEMO_MODEL_DIR, "base_v1.json")) && Number(values.anchor) === DEMO_SEED_PAGES.anchorPages;
const started = performance.now();
const db = await getDb();
console.log(`database: ${await dbMode()}`);
const { created } = await seedDemo(db, {
  anchorPages: Number(values.anchor),
  productionPages: Number(values.production),
  failurePages: DEMO_SEED_PAGES.failurePages,
  workDir: path.join(dataDir(), "synth"),
  baseModel: committed ? "committed" : "none",
  log: (l) => console.log(l),
});
console.log(created ? `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s` : "demo data already present");
// A runner token for the local runner `npm run demo` starts (demo data only, like the logins).
const tokenFile = path.join(dataDir(), "demo-runner-token");
if (!existsSync(tokenFile)) {
  const project = (await findProjectBySlug(db, DEMO_PROJECT.slug))!;
  const admin = DEMO_USERS.find((u) => u.roles.includes("admin"))!;
  const actor = { type: "user" as const, userId: (await findUserIdByEmail(db, admin.email))!, email: admin.email, name: admin.name };
  const { token } = await createApiToken(db, { actor, projectId: project.id, kind: "runner", name: "demo local runner" });
  writeFileSync(tokenFile, token + "\n", { mode: 0o600 });
}
// Demo logins only exist in demo data; keep them where `npm run demo` prints them from.
const logins = ["  Demo logins (project \"demo\"):", ...DEMO_USERS.map((u) => `    ${u.roles.join(" + ").padEnd(18)} ${u.email.padEnd(28)} ${u.password}`)].join("\n");
writeFileSync(path.join(dataDir(), "demo-logins.txt"), logins + "\n");
await closeDb();
