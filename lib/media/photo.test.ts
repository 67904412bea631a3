import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES, PHOTO_TYPE_MESSAGE, processPhoto, sniffPhotoType } from "./photo";

const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });

describe("sniffPhotoType", () => {
  it("reads the type from the bytes", async () => {
    expect(sniffPhotoType(await image(4, 4).jpeg().toBuffer())).toBe("jpeg");
    expect(sniffPhotoType(await image(4, 4).png().toBuffer())).toBe("png");
    expect(sniffPhotoType(await image(4, 4).webp().toBuffer())).toBe("webp");
    expect(sniffPhotoType(await image(4, 4).gif().toBuffer())).toBeNull();
    expect(sniffPhotoType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffPhotoType(Buffer.from([0xff, 0xd8]))).toBeNull();
  });
});

describe("processPhoto", () => {
  it("re-encodes as WebP at most 1200 px wide, keeping the aspect ratio", async () => {
    const out = await processPhoto(await image(2400, 1600).png().toBuffer());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect([out.width, out.height]).toEqual([1200, 800]);
    expect(sniffPhotoType(out.bytes)).toBe("webp");
    expect(out.hash).toMatch(/^[0-9a-f]{64}$/);
    const meta = await sharp(out.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 1200, 800]);
  });

  it("does not enlarge a small photo", async () => {
    const out = await processPhoto(await image(300, 200).jpeg().toBuffer());
    expect(out.ok && [out.width, out.height]).toEqual([300, 200]);
  });

  it("strips EXIF, GPS included", async () => {
    const withGps = await image(640, 480)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Make: "PhoneCo", Model: "X1" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } } })
      .toBuffer();
    const before = await sharp(withGps).metadata();
    expect(before.exif).toBeDefined();
    expect(before.exif!.includes(Buffer.from("PhoneCo"))).toBe(true);
    const out = await processPhoto(withGps);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const after = await sharp(out.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(out.bytes.includes(Buffer.from("PhoneCo"))).toBe(false);
    expect(out.bytes.includes(Buffer.from("GPS"))).toBe(false);
  });

  it("refuses what is not a JPEG, PNG or WebP by its bytes, whatever it is called", async () => {
    expect(await processPhoto(await image(10, 10).gif().toBuffer())).toEqual({ ok: false, message: PHOTO_TYPE_MESSAGE });
    expect(await processPhoto(Buffer.from("%PDF-1.7 pretending to be photo.jpg"))).toEqual({ ok: false, message: PHOTO_TYPE_MESSAGE });
  });

  it("refuses a damaged image and one over 5 MB", async () => {
    const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
    expect((await processPhoto(damaged)).ok).toBe(false);
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 1, 0);
    big.set([0xff, 0xd8, 0xff]);
    expect(await processPhoto(big)).toEqual({ ok: false, message: "The photo is too large: at most 5 MB." });
    expect((await processPhoto(new Uint8Array())).ok).toBe(false);
  });
});
