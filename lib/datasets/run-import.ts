import "server-only";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDir, type Db } from "../../db/client";
import { createImport, markImportFailed, runImport } from "../../db/queries/imports";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { extractZip } from "./zip";

export const MAX_UPLOAD_BYTES = Number(process.env.FIELDLOOP_MAX_UPLOAD_BYTES ?? 10 * 1024 ** 3);

/** Server-side folders an ML lead may import from; nothing outside them is readable this way. */
export function importRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.FIELDLOOP_IMPORT_DIR ?? path.join(dataDir(), "imports"));
}

export function resolveServerPath(p: string): string {
  const root = importRoot();
  const full = path.resolve(root, p);
  if (full !== root && !full.startsWith(root + path.sep)) throw new AppError("forbidden", `server imports are limited to ${root}`);
  return full;
}

/** Streams an uploaded .zip to a temporary file, refusing more than MAX_UPLOAD_BYTES (413). */
export async function saveUpload(body: ReadableStream<Uint8Array>, declaredLength: number | null): Promise<string> {
  if (declaredLength !== null && declaredLength > MAX_UPLOAD_BYTES) throw new AppError("too_large", `upload is ${declaredLength} bytes; the limit is ${MAX_UPLOAD_BYTES}`);
  const dir = path.join(dataDir(), "tmp");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `upload-${Date.now()}-${Math.random().toString(36).slice(2)}.zip`);
  let size = 0;
  try {
    await pipeline(
      Readable.fromWeb(body as import("node:stream/web").ReadableStream),
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const c of chunks) {
          size += c.byteLength;
          if (size > MAX_UPLOAD_BYTES) throw new AppError("too_large", `upload exceeds the limit of ${MAX_UPLOAD_BYTES} bytes`);
          yield c;
        }
      },
      createWriteStream(file),
    );
  } catch (e) {
    await rm(file, { force: true });
    throw e;
  }
  if (!size) {
    await rm(file, { force: true });
    throw new AppError("invalid", "the upload is empty");
  }
  return file;
}

/**
 * Starts an import and returns its id at once; the work continues in this process and reports
 * progress in dataset_imports. A zip is extracted to a temporary folder that is always removed.
 */
export async function startImport(db: Db, input: { projectId: number; actor: Actor; source: { zip: string } | { dir: string }; label: string }) {
  if ("dir" in input.source) {
    const s = await stat(input.source.dir).catch(() => null);
    if (!s) throw new AppError("not_found", `no such file or folder: ${input.label}`);
    if (s.isFile() && input.source.dir.endsWith(".zip")) input.source = { zip: input.source.dir };
    else if (!s.isDirectory()) throw new AppError("invalid", `${input.label} is neither a folder nor a .zip file`);
  }
  const run = await createImport(db, { projectId: input.projectId, source: input.label, actor: input.actor });
  const source = input.source;
  void (async () => {
    let tmp: string | null = null;
    try {
      let dir: string;
      if ("zip" in source) {
        tmp = await mkdtemp(path.join(dataDir(), "tmp", "extract-"));
        await extractZip(source.zip, tmp);
        dir = tmp;
      } else dir = source.dir;
      await runImport(db, { importId: run.id, projectId: input.projectId, dir, actor: input.actor });
    } catch (e) {
      // runImport records its own failures; this catches extraction errors
      await markImportFailed(db, run.id, e);
    } finally {
      if (tmp) await rm(tmp, { recursive: true, force: true });
      if ("zip" in source && source.zip.includes(`${path.sep}tmp${path.sep}upload-`)) await rm(source.zip, { force: true });
    }
  })();
  return run;
}
