import sharp, { type Metadata } from "sharp";
import { AppError } from "./errors";

export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 100_000_000;
const FORMATS: Record<string, string> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  tiff: "image/tiff",
};

export type ImageInfo = { width: number; height: number; contentType: string };

/** Reads the header only; refuses what is not a supported image or exceeds the pixel limit. */
export async function probeImage(input: Buffer | string): Promise<ImageInfo> {
  let meta: Metadata;
  try {
    // header only: nothing is decoded here, so the pixel limit is checked below with a clear message
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError("invalid", "the file is not a decodable PNG, JPEG, WebP or TIFF image");
  }
  const contentType = meta.format ? FORMATS[meta.format] : undefined;
  if (!contentType || !meta.width || !meta.height) {
    throw new AppError("invalid", `unsupported image format: ${meta.format ?? "unknown"}`);
  }
  if (meta.width * meta.height > MAX_IMAGE_PIXELS) {
    throw new AppError(
      "too_large",
      `image is ${meta.width}x${meta.height} pixels; the limit is ${MAX_IMAGE_PIXELS.toLocaleString("en")} pixels`,
    );
  }
  return { width: meta.width, height: meta.height, contentType };
}
