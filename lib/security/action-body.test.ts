import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, checkActionBody, checkActionHeaders } from "./action-body";

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
