import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/**
 * The pieces of two-factor sign-in that need no database: TOTP codes (otplib, RFC 6238: SHA-1,
 * 6 digits, 30-second steps, what every authenticator app reads), the sealed secret, the QR code
 * and the recovery codes. lib/data/two-factor.ts stores and checks them.
 */
export const TOTP_ISSUER = "Stride Clinic";
export const RECOVERY_CODE_COUNT = 10;

/**
 * A code is accepted in its own 30-second step and one step either side (clocks of phones drift,
 * and a code typed at the end of its step arrives in the next one). Replays within that window
 * are refused by the caller with `afterTimeStep` (the last accepted step).
 */
export const TOTP_TOLERANCE_SEC = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret });
}

/** The QR code of the otpauth:// address, as an SVG document (rendered on the server). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** Six digits, spaces allowed ("123 456"), nothing else. */
export function normalizeTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/** The 30-second step of an accepted code, or null. `afterTimeStep`: steps up to it are refused. */
export async function checkTotp(secret: string, code: string, opts: { afterTimeStep?: number | null; epochSec?: number } = {}): Promise<number | null> {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  try {
    const result = await verify({
      secret,
      token,
      epochTolerance: TOTP_TOLERANCE_SEC,
      ...(opts.epochSec === undefined ? {} : { epoch: opts.epochSec }),
      ...(opts.afterTimeStep == null ? {} : { afterTimeStep: opts.afterTimeStep }),
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

// ── Recovery codes ──────────────────────────────────────────────────────────────────────────

// no 0/O, 1/I/L, U: read off paper without mistakes (Crockford's base32 alphabet, lower case)
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Ten codes like "k7m2q-9xr4t": 50 random bits each, shown once, stored as sha-256 only. */
export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => ALPHABET[b & 31]!).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
  });
}

/** What a person typed, as the stored form: lower case, no spaces or dashes; null when it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]+/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  return /^[0-9a-hjkmnp-tv-z]{10}$/.test(code) ? code : null;
}

/**
 * sha-256 is enough here (unlike for passwords): a code has 50 random bits and guessing is
 * throttled, so a slow hash would only slow sign-in down.
 */
export function hashRecoveryCode(code: string): string | null {
  const normal = normalizeRecoveryCode(code);
  return normal ? createHash("sha256").update(`stride-recovery:${normal}`).digest("hex") : null;
}

// ── The secret, sealed at rest ──────────────────────────────────────────────────────────────

function sealingKey(authSecret: string | undefined): Buffer {
  if (!authSecret) throw new Error("AUTH_SECRET is not set: two-factor secrets cannot be sealed or opened without it.");
  return Buffer.from(hkdfSync("sha256", authSecret, "stride-clinic", "totp-secret v1", 32));
}

/** AES-256-GCM under a key derived (HKDF) from AUTH_SECRET: "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export function sealSecret(secret: string, authSecret = process.env.AUTH_SECRET): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(authSecret), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The secret, or null when it was sealed under another AUTH_SECRET or tampered with. */
export function openSecret(sealed: string, authSecret = process.env.AUTH_SECRET): string | null {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !body) return null;
  const key = sealingKey(authSecret);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
