/** npm run seed [-- --anchor 1000 --production 40]: demo data into the configured database. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, dataDir, dbMode, getDb } from "../db/client";
import { DEMO_USERS, seedDemo } from "../db/seed";

const { values } = parseArgs({
  options: { anchor: { type: "string", default: "1000" }, production: { type: "string", default: "40" } },
});
const started = performance.now();
const db = await getDb();
console.log(`database: ${await dbMode()}`);
const { created } = await seedDemo(db, {
  anchorPages: Number(values.anchor),
  productionPages: Number(values.production),
  workDir: path.join(dataDir(), "synth"),
  log: (l) => console.log(l),
});
console.log(created ? `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s` : "demo data already present");
// Demo logins only exist in demo data; keep them where `npm run demo` prints them from.
const logins = ["  Demo logins (project \"demo\"):", ...DEMO_USERS.map((u) => `    ${u.roles.join(" + ").padEnd(18)} ${u.email.padEnd(28)} ${u.password}`)].join("\n");
writeFileSync(path.join(dataDir(), "demo-logins.txt"), logins + "\n");
await closeDb();
