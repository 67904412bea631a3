import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, actionBodyLimit, checkActionBody, checkActionHeaders, UPLOAD_BODY_LIMIT } from "./action-body";

const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
const text = (s: string) => checkActionBody("text/plain;charset=UTF-8", enc(s), async () => new FormData());
function multipart(fields: [string, string][]) {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return checkActionBody("multipart/form-data; boundary=x", new ArrayBuffer(10), async () => form);
}

describe("checkActionHeaders", () => {
  it("lets through what React sends, refuses other types and bodies over 1 MB", () => {
    expect(checkActionHeaders("text/plain;charset=UTF-8", "12")).toBeNull();
    expect(checkActionHeaders("multipart/form-data; boundary=----x", null)).toBeNull();
    expect(checkActionHeaders("multipart/form-data", "10")).toMatchObject({ status: 415 });
    expect(checkActionHeaders("application/json", "10")).toMatchObject({ status: 415 });
    expect(checkActionHeaders(null, "10")).toMatchObject({ status: 415 });
    expect(checkActionHeaders("text/plain", String(ACTION_BODY_LIMIT + 1))).toMatchObject({ status: 413, message: expect.stringMatching(/too large/) });
  });
});

describe("checkActionBody", () => {
  it("accepts argument lists React writes as text", async () => {
    expect(await text("[]")).toBeNull();
    expect(await text('["abc",42,null,{"a":"$$literal dollar"},"$undefined","$NaN","$D2026-01-01T00:00:00.000Z","$n12"]')).toBeNull();
  });

  it("refuses text that is not an argument list, refers to parts it does not have, or is too deep, long or large", async () => {
    for (const bad of ['not a reply {{{ "$K1"', '{"a":1}', '[{},"$K1"]', '["$@1"]', "[".repeat(65) + "]".repeat(65), JSON.stringify(Array(1001).fill("x"))]) {
      expect(await text(bad), bad.slice(0, 30)).toMatchObject({ status: 400 });
    }
    const invalidUtf8 = new Uint8Array([0x5b, 0x22, 0xc3, 0x28, 0x22, 0x5d]).buffer;
    expect(await checkActionBody("text/plain", invalidUtf8, async () => new FormData())).toMatchObject({ status: 400 });
    expect(await checkActionBody("text/plain", new ArrayBuffer(ACTION_BODY_LIMIT + 1), async () => new FormData())).toMatchObject({ status: 413 });
  });

  it("accepts a form argument, with fields or without, and refuses broken multipart", async () => {
    expect(await multipart([["_1_name", "Ada"], ["0", '[{},"$K1"]']])).toBeNull();
    expect(await multipart([["0", '["$K1"]']])).toBeNull();
    expect(await multipart([["_1_name", "x"]])).toMatchObject({ status: 400 });
    expect(await multipart([["0", '[{},"$K1"']])).toMatchObject({ status: 400 });
    expect(await multipart([["0", '["$@2"]']])).toMatchObject({ status: 400 });
    expect(await multipart([["0", '["$@2"]'], ["2", "{}"]])).toBeNull();
    const broken = await checkActionBody("multipart/form-data; boundary=x", new ArrayBuffer(3), async () => {
      throw new TypeError("bad multipart");
    });
    expect(broken).toMatchObject({ status: 400 });
  });
});

describe("the photo upload's larger limit", () => {
  const MB = 1024 * 1024;
  const uploadForm = (fileBytes: number, textBytes = 10) => {
    const form = new FormData();
    form.append("_1_exerciseId", "x".repeat(textBytes));
    form.append("_1_photo", new File([new Uint8Array(fileBytes)], "p.jpg", { type: "image/jpeg" }));
    form.append("0", '[{},"$K1"]');
    return form;
  };
  const send = (bodyBytes: number, form: FormData, limit: number) => checkActionBody("multipart/form-data; boundary=x", new ArrayBuffer(bodyBytes), async () => form, limit);

  it("is only for the exercise page", () => {
    expect(actionBodyLimit("/exercises/0b6a1f9e-6b1c-4a55-9d0e-2f3b7c1d9a10")).toBe(UPLOAD_BODY_LIMIT);
    for (const p of ["/exercises", "/exercises/new", "/today", "/exercises/0b6a1f9e-6b1c-4a55-9d0e-2f3b7c1d9a10/x"]) expect(actionBodyLimit(p)).toBe(ACTION_BODY_LIMIT);
    expect(checkActionHeaders("multipart/form-data; boundary=x", String(5 * MB), UPLOAD_BODY_LIMIT)).toBeNull();
    expect(checkActionHeaders("multipart/form-data; boundary=x", String(UPLOAD_BODY_LIMIT + 1), UPLOAD_BODY_LIMIT)).toMatchObject({ status: 413 });
  });

  it("lets a 5 MB file through, but not 2 MB of text or a body over 6 MB", async () => {
    expect(await send(5 * MB + 500, uploadForm(5 * MB), UPLOAD_BODY_LIMIT)).toBeNull();
    expect(await send(3 * MB, uploadForm(10, 2 * MB), UPLOAD_BODY_LIMIT)).toMatchObject({ status: 413 });
    expect(await send(UPLOAD_BODY_LIMIT + 1, uploadForm(UPLOAD_BODY_LIMIT), UPLOAD_BODY_LIMIT)).toMatchObject({ status: 413 });
    expect(await checkActionBody("text/plain", new ArrayBuffer(2 * MB), async () => new FormData(), UPLOAD_BODY_LIMIT)).toMatchObject({ status: 413 });
    // elsewhere the file counts like anything else
    expect(await send(2 * MB, uploadForm(2 * MB - 500), ACTION_BODY_LIMIT)).toMatchObject({ status: 413 });
  });
});
