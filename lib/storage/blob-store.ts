import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, link, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDir } from "../data-dir";
import { AppError } from "../errors";

/**
 * Content-addressed storage for page images, weights and artifacts. The interface is small so
 * an S3-compatible store can implement it later; FsBlobStore is the default.
 */
export interface BlobStore {
  /** Streams `body` in, hashing as it goes; refuses more than maxBytes (413) or a hash mismatch (422). */
  put(body: Readable | AsyncIterable<Uint8Array> | Uint8Array, opts: PutOptions): Promise<StoredBlob>;
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  size(sha256: string): Promise<number>;
  /** Puts a copy at `dest` (a hard link where the file system allows: datasets are read-only). */
  copyTo(sha256: string, dest: string): Promise<void>;
}

export type PutOptions = { maxBytes: number; expectedSha256?: string };
export type StoredBlob = { sha256: string; size: number; created: boolean };

const SHA256 = /^[0-9a-f]{64}$/;

export function assertSha256(value: string): void {
  if (!SHA256.test(value)) throw new AppError("bad_request", `not a sha256 hex digest: ${value}`);
}

export class FsBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(body: Readable | AsyncIterable<Uint8Array> | Uint8Array, opts: PutOptions): Promise<StoredBlob> {
    const tmpDir = path.join(this.root, "tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const hash = createHash("sha256");
    let size = 0;
    const source = body instanceof Uint8Array ? Readable.from([body]) : body;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Uint8Array>) {
          for await (const chunk of chunks) {
            size += chunk.byteLength;
            if (size > opts.maxBytes) {
              throw new AppError("too_large", `file is larger than the limit of ${opts.maxBytes} bytes`);
            }
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(tmp, { flags: "wx" }),
      );
      const sha256 = hash.digest("hex");
      if (opts.expectedSha256 && opts.expectedSha256.toLowerCase() !== sha256) {
        throw new AppError("invalid", `sha256 mismatch: expected ${opts.expectedSha256}, got ${sha256}`);
      }
      const final = this.pathOf(sha256);
      if (await exists(final)) {
        await rm(tmp, { force: true });
        return { sha256, size, created: false };
      }
      await mkdir(path.dirname(final), { recursive: true });
      await rename(tmp, final); // atomic: readers never see a partial blob
      return { sha256, size, created: true };
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const p = this.pathOf(sha256);
    if (!(await exists(p))) throw new AppError("not_found", `blob ${sha256} not found`);
    return createReadStream(p);
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async size(sha256: string): Promise<number> {
    return (await stat(this.pathOf(sha256))).size;
  }

  async copyTo(sha256: string, dest: string): Promise<void> {
    const src = this.pathOf(sha256);
    try {
      await link(src, dest);
    } catch {
      await copyFile(src, dest);
    }
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

let store: BlobStore | undefined;

/** The process-wide store: FIELDLOOP_BLOB_DIR, else <data dir>/blobs. */
export function blobStore(): BlobStore {
  store ??= new FsBlobStore(process.env.FIELDLOOP_BLOB_DIR ?? path.join(dataDir(), "blobs"));
  return store;
}
