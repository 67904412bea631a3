import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** wide enough for a phone at 3× density in a card, small enough to load on a weak connection */
export const PHOTO_MAX_WIDTH = 1200;
const MAX_INPUT_PIXELS = 40_000_000;

export type PhotoKind = "jpeg" | "png" | "webp";

/** The image type by its first bytes (never by the file name or the browser's guess). */
export function sniffPhotoType(bytes: Uint8Array): PhotoKind | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return "png";
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP") return "webp";
  return null;
}

export type PhotoRefusal = { ok: false; message: string };
export type ProcessedPhoto = { ok: true; bytes: Buffer; width: number; height: number; hash: string; contentType: "image/webp" };

export const PHOTO_TYPE_MESSAGE = "The photo must be a JPEG, PNG or WebP image.";
export const PHOTO_SIZE_MESSAGE = "The photo is too large: at most 5 MB.";

/**
 * Checks an upload by its bytes and re-encodes it as WebP at most 1200 px wide, turned upright by
 * its EXIF orientation. Re-encoding writes no metadata, so EXIF (GPS, camera, time) and ICC/XMP
 * are gone from what is stored.
 */
export async function processPhoto(input: Uint8Array): Promise<ProcessedPhoto | PhotoRefusal> {
  if (input.byteLength === 0) return { ok: false, message: "Choose a photo to upload." };
  if (input.byteLength > MAX_PHOTO_BYTES) return { ok: false, message: PHOTO_SIZE_MESSAGE };
  if (!sniffPhotoType(input)) return { ok: false, message: PHOTO_TYPE_MESSAGE };
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate()
      .resize({ width: PHOTO_MAX_WIDTH, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    const hash = createHash("sha256").update(data).digest("hex");
    return { ok: true, bytes: data, width: info.width, height: info.height, hash, contentType: "image/webp" };
  } catch {
    return { ok: false, message: "The photo could not be read: the file may be damaged. Try another one." };
  }
}
