/** npm run seed [-- --anchor 1000 --production 40]: demo data into the configured database. */
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, dataDir, dbMode, getDb } from "../db/client";
import { seedDemo } from "../db/seed";

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
await closeDb();
