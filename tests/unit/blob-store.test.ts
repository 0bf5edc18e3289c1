import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FsBlobStore } from "@/lib/storage/blob-store";

let root = "";
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "fl-blobs-"));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
async function allFiles(): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

describe("FsBlobStore", () => {
  it("streams in, addresses by sha256, and stores a second copy only once", async () => {
    const store = new FsBlobStore(root);
    const body = Buffer.alloc(300_000, 7);
    const chunks = Readable.from([body.subarray(0, 100_000), body.subarray(100_000)]);
    const first = await store.put(chunks, { maxBytes: 1_000_000 });
    expect(first).toEqual({ sha256: sha(body), size: body.length, created: true });
    expect((await store.put(body, { maxBytes: 1_000_000 })).created).toBe(false);
    const back: Buffer[] = [];
    for await (const c of await store.open(first.sha256)) back.push(c as Buffer);
    expect(Buffer.concat(back).equals(body)).toBe(true);
    expect(await allFiles()).toEqual([first.sha256]);
  });

  it("refuses a body over the limit (413) and leaves no file behind", async () => {
    const store = new FsBlobStore(root);
    await expect(store.put(Buffer.alloc(2048), { maxBytes: 1024 })).rejects.toMatchObject({ status: 413 });
    expect(await allFiles()).toEqual([]);
  });

  it("refuses a body whose hash is not the one promised (422)", async () => {
    const store = new FsBlobStore(root);
    await expect(store.put(Buffer.from("abc"), { maxBytes: 10, expectedSha256: "0".repeat(64) })).rejects.toMatchObject({ status: 422 });
    expect(await allFiles()).toEqual([]);
    expect((await store.put(Buffer.from("abc"), { maxBytes: 10, expectedSha256: sha(Buffer.from("abc")) })).created).toBe(true);
  });

  it("rejects paths that are not a sha256", async () => {
    const store = new FsBlobStore(root);
    await expect(store.open("../../etc/passwd")).rejects.toMatchObject({ status: 400 });
    await expect(store.open("f".repeat(64))).rejects.toMatchObject({ status: 404 });
  });
});
