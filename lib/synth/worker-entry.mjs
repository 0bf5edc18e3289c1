// Worker threads start without tsx's hooks on Node 20; register them, then load the TS worker.
import { register } from "tsx/esm/api";
register();
await import("./worker.ts");
