import path from "node:path";

/** Where FieldLoop keeps its files (PGlite, blobs, demo secrets): FIELDLOOP_DATA_DIR or ./data. */
export function dataDir(): string {
  return process.env.FIELDLOOP_DATA_DIR ?? path.join(process.cwd(), "data");
}
