import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { scopeFromClaims, scopeFromSessionCookie, sessionFromCookie } from "./session-cookie";

const secret = "unit-test-secret-0123456789-abcdefghijklmnop";
const name = "authjs.session-token";
const trainer = { uid: "u1", clinicId: "c1", role: "trainer" };

describe("scopeFromSessionCookie", () => {
  it("reads the scope next-auth put in the cookie", async () => {
    const token = await encode({ token: trainer, secret, salt: name });
    expect(await scopeFromSessionCookie(name, token, secret)).toEqual({ userId: "u1", clinicId: "c1", role: "trainer" });
    const athlete = await encode({ token: { uid: "u2", clinicId: "c1", role: "athlete", athleteId: "a2" }, secret, salt: name });
    expect(await scopeFromSessionCookie(name, athlete, secret)).toEqual({ userId: "u2", clinicId: "c1", role: "athlete", athleteId: "a2" });
  });

  it("refuses a token made with another secret, for another cookie name, tampered with, or expired", async () => {
    const token = await encode({ token: trainer, secret, salt: name });
    expect(await scopeFromSessionCookie(name, await encode({ token: trainer, secret: `${secret}-other`, salt: name }), secret)).toBeNull();
    expect(await scopeFromSessionCookie(`__Secure-${name}`, token, secret)).toBeNull();
    expect(await scopeFromSessionCookie(name, `${token.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await scopeFromSessionCookie(name, "not-a-token", secret)).toBeNull();
    const expired = await encode({ token: { uid: "u3", clinicId: "c1", role: "owner" }, secret, salt: name, maxAge: -60 });
    expect(await scopeFromSessionCookie(name, expired, secret)).toBeNull();
  });

  it("needs a user, a clinic and a known role", () => {
    expect(scopeFromClaims({ uid: "u", clinicId: "c", role: "owner" })).toEqual({ userId: "u", clinicId: "c", role: "owner" });
    expect(scopeFromClaims({ uid: "u", clinicId: "c", role: "admin" })).toBeNull();
    expect(scopeFromClaims({ uid: "u", role: "owner" })).toBeNull();
    expect(scopeFromClaims({ uid: "u", clinicId: "c", role: "athlete" })).toBeNull();
    expect(scopeFromClaims(null)).toBeNull();
  });

  it("carries the server-side session id, or null for a cookie made before sessions had one", async () => {
    const withSid = await encode({ token: { ...trainer, sid: "s-1" }, secret, salt: name });
    expect(await sessionFromCookie(name, withSid, secret)).toEqual({ scope: { userId: "u1", clinicId: "c1", role: "trainer" }, sessionId: "s-1" });
    const without = await encode({ token: { ...trainer, uid: "u9" }, secret, salt: name });
    expect((await sessionFromCookie(name, without, secret))?.sessionId).toBeNull();
  });
});
