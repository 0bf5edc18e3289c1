import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import { AppError } from "../errors";

export type ZipLimits = { maxEntries: number; maxTotalBytes: number; maxEntryBytes: number; maxRatio: number };

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxTotalBytes: 50 * 1024 ** 3,
  maxEntryBytes: 200 * 1024 ** 2,
  // a real image or label file compresses by far less; a bomb by far more
  maxRatio: 200,
};

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Extracts a zip into destDir. Refuses (422) the whole archive on an absolute or `..` path and
 * on anything bomb-like; skips symlinks. The central directory is checked in full before a
 * single byte is written, so a refused archive writes nothing.
 */
export async function extractZip(zipPath: string, destDir: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<{ files: number; skippedLinks: string[] }> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }).catch(() => {
    throw new AppError("invalid", "the upload is not a readable .zip archive");
  });
  try {
    const entries = await readAllEntries(zip);
    if (entries.length > limits.maxEntries) throw new AppError("too_large", `the archive has ${entries.length} entries; the limit is ${limits.maxEntries}`);
    let total = 0;
    const skippedLinks: string[] = [];
    const files: yauzl.Entry[] = [];
    for (const e of entries) {
      const name = e.fileName;
      if (name.startsWith("/") || name.startsWith("\\") || /^[a-zA-Z]:/.test(name)) throw new AppError("invalid", `zip entry "${name}" has an absolute path`);
      if (name.split(/[\\/]/).includes("..")) throw new AppError("invalid", `zip entry "${name}" points outside the archive ("..")`);
      if (((e.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
        skippedLinks.push(name);
        continue;
      }
      if (name.endsWith("/")) continue;
      if (e.uncompressedSize > limits.maxEntryBytes) throw new AppError("too_large", `zip entry "${name}" is ${e.uncompressedSize} bytes; the limit is ${limits.maxEntryBytes}`);
      if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > limits.maxRatio && e.uncompressedSize > 1024 * 1024) {
        throw new AppError("invalid", `zip entry "${name}" expands ${Math.round(e.uncompressedSize / e.compressedSize)}x: refused as a decompression bomb`);
      }
      total += e.uncompressedSize;
      if (total > limits.maxTotalBytes) throw new AppError("too_large", `the archive expands to more than ${limits.maxTotalBytes} bytes`);
      files.push(e);
    }
    const root = path.resolve(destDir);
    for (const e of files) {
      const target = path.resolve(root, e.fileName);
      if (!target.startsWith(root + path.sep)) throw new AppError("invalid", `zip entry "${e.fileName}" points outside the archive`);
      await mkdir(path.dirname(target), { recursive: true });
      // validateEntrySizes makes the stream fail if the data is longer than the header says
      await pipeline(await zip.openReadStreamPromise(e), createWriteStream(target, { flags: "wx" }));
    }
    return { files: files.length, skippedLinks };
  } finally {
    zip.close();
  }
}

function readAllEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (err: Error) => {
      // yauzl checks names itself while reading the central directory
      const m = /^(absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(err.message);
      if (m?.[1] === "absolute path") reject(new AppError("invalid", `zip entry "${m[2]}" has an absolute path`));
      else if (m?.[1] === "invalid relative path") reject(new AppError("invalid", `zip entry "${m[2]}" points outside the archive ("..")`));
      else if (m) reject(new AppError("invalid", `zip entry "${m[2]}" has a backslash in its name`));
      else reject(new AppError("invalid", "the .zip archive is corrupt"));
    });
    zip.readEntry();
  });
}
