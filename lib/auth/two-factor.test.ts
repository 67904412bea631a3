import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, openSecret, sealSecret, totpQrSvg, totpUri } from "./two-factor";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const at = 1_800_000_015; // 15 s into a 30-second step
const codeAt = (epoch: number) => generate({ secret, epoch });

describe("TOTP codes", () => {
  it("accepts the current step and one step either side, nothing further", async () => {
    const step = Math.floor(at / 30);
    expect(await checkTotp(secret, await codeAt(at), { epochSec: at })).toBe(step);
    expect(await checkTotp(secret, await codeAt(at - 30), { epochSec: at })).toBe(step - 1);
    expect(await checkTotp(secret, await codeAt(at + 30), { epochSec: at })).toBe(step + 1);
    expect(await checkTotp(secret, await codeAt(at - 90), { epochSec: at })).toBeNull();
    expect(await checkTotp(secret, await codeAt(at + 90), { epochSec: at })).toBeNull();
  });

  it("refuses a code of a step already used (a replay) and anything that is not six digits", async () => {
    const code = await codeAt(at);
    const step = (await checkTotp(secret, code, { epochSec: at }))!;
    expect(await checkTotp(secret, code, { epochSec: at, afterTimeStep: step })).toBeNull();
    expect(await checkTotp(secret, await codeAt(at + 30), { epochSec: at, afterTimeStep: step })).toBe(step + 1);
    expect(await checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { epochSec: at })).toBe(step);
    for (const bad of ["", "12345", "1234567", "abcdef", "12345x"]) expect(await checkTotp(secret, bad, { epochSec: at })).toBeNull();
  });

  it("makes a fresh base32 secret and an otpauth address an app can read, with its QR code", async () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(s);
    const uri = totpUri(s, "kim@example.com");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Stride%20Clinic:kim%40example\.com\?/);
    expect(uri).toContain(`secret=${s}`);
    expect(await totpQrSvg(uri)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes of 50 random bits, hashed the same however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    const [c] = codes;
    const hash = hashRecoveryCode(c!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(c!.toUpperCase())).toBe(hash);
    expect(hashRecoveryCode(` ${c!.replace("-", " ")} `)).toBe(hash);
    expect(hashRecoveryCode(codes[1]!)).not.toBe(hash);
  });

  it("reads O as zero and I or L as one, and refuses what cannot be a code", () => {
    expect(normalizeRecoveryCode("O1ILa-bcdef")).toBe("0111abcdef");
    expect(hashRecoveryCode("abc")).toBeNull();
    expect(hashRecoveryCode("123456")).toBeNull();
    expect(hashRecoveryCode("uuuuu-uuuuu")).toBeNull();
  });
});

describe("the sealed secret", () => {
  const key = "unit-test-auth-secret-0123456789abcdef";
  it("opens with the same AUTH_SECRET only, and never stores the secret in clear", () => {
    const sealed = sealSecret(secret, key);
    expect(sealed).not.toContain(secret);
    expect(sealSecret(secret, key)).not.toBe(sealed);
    expect(openSecret(sealed, key)).toBe(secret);
    expect(openSecret(sealed, `${key}-other`)).toBeNull();
    const [v, iv, tag, body] = sealed.split(".");
    expect(openSecret([v, iv, tag, `${body![0] === "A" ? "B" : "A"}${body!.slice(1)}`].join("."), key)).toBeNull();
    expect(openSecret("garbage", key)).toBeNull();
  });

  it("needs AUTH_SECRET", () => {
    expect(() => sealSecret(secret, "")).toThrow(/AUTH_SECRET/);
  });
});
