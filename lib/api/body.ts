import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "../errors";

/** Reads a request body, refusing (413) more than `max` bytes before buffering it all. */
export async function readBodyLimited(req: NextRequest, max: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw new AppError("too_large", `request body is ${declared} bytes; the limit is ${max}`);
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new AppError("too_large", `request body exceeds the limit of ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Parses multipart/form-data from an already size-checked body. */
export async function parseMultipart(body: Buffer, contentType: string): Promise<FormData> {
  if (!contentType.startsWith("multipart/form-data")) throw new AppError("bad_request", "send multipart/form-data with an `image` file and a `metadata` JSON field");
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "the multipart body could not be parsed");
  }
}
