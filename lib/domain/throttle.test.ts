import { describe, expect, it } from "vitest";
import { decideThrottle, describeWait, SIGN_IN_ACCOUNT_ADDRESS_POLICY, SIGN_IN_ACCOUNT_POLICY, SIGN_IN_ADDRESS_POLICY, strictest, type ThrottlePolicy } from "./throttle";

const now = new Date("2026-11-20T12:00:00Z");
const ago = (sec: number) => new Date(now.getTime() - sec * 1000);
const times = (n: number, everySec = 10) => Array.from({ length: n }, (_, i) => ago((i + 1) * everySec));

const HARD_20: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, hardLimit: 20, baseDelayMs: 250, maxDelayMs: 4_000 };

describe("decideThrottle (5 free, doubling delay, 20 in 15 minutes refused)", () => {
  it("lets the first five failures through without delay", () => {
    expect(decideThrottle(times(4), now, HARD_20)).toEqual({ allowed: true, delayMs: 0 });
  });
  it("delays from the fifth failure on, doubling up to the cap", () => {
    expect(decideThrottle(times(5), now, HARD_20)).toEqual({ allowed: true, delayMs: 250 });
    expect(decideThrottle(times(6), now, HARD_20)).toEqual({ allowed: true, delayMs: 500 });
    expect(decideThrottle(times(8), now, HARD_20)).toEqual({ allowed: true, delayMs: 2000 });
    expect(decideThrottle(times(19), now, HARD_20)).toEqual({ allowed: true, delayMs: 4000 });
  });
  it("refuses at 20 failures until the oldest leaves the 15-minute window", () => {
    // failures 10 s … 200 s ago: the oldest (200 s ago) leaves the window in 900 − 200 = 700 s
    expect(decideThrottle(times(20), now, HARD_20)).toEqual({ allowed: false, retryAfterSec: 700 });
    // with 22 failures, three must leave: the third oldest (200 s ago with 10 s steps) → 700 s
    expect(decideThrottle(times(22), now, HARD_20)).toEqual({ allowed: false, retryAfterSec: 700 });
  });
  it("ignores failures older than the window", () => {
    const old = Array.from({ length: 30 }, (_, i) => ago(901 + i));
    expect(decideThrottle(old, now, HARD_20)).toEqual({ allowed: true, delayMs: 0 });
  });
});

describe("sign-in policies: a stranger's failures never block the owner's right password", () => {
  it("the account alone only ever delays, at most 3 s, however many failures from however many addresses", () => {
    expect(decideThrottle(times(5), now, SIGN_IN_ACCOUNT_POLICY)).toEqual({ allowed: true, delayMs: 250 });
    expect(decideThrottle(times(50, 1), now, SIGN_IN_ACCOUNT_POLICY)).toEqual({ allowed: true, delayMs: 3000 });
    expect(decideThrottle(times(5000, 0.1), now, SIGN_IN_ACCOUNT_POLICY)).toEqual({ allowed: true, delayMs: 3000 });
  });
  it("the owner at their own address: the stranger's 50 failures elsewhere give a delay, not a refusal", () => {
    const owner = strictest([
      decideThrottle(times(50, 1), now, SIGN_IN_ACCOUNT_POLICY),
      decideThrottle([], now, SIGN_IN_ACCOUNT_ADDRESS_POLICY),
      decideThrottle([], now, SIGN_IN_ADDRESS_POLICY),
    ]);
    expect(owner).toEqual({ allowed: true, delayMs: 3000 });
  });
  it("the stranger's own address is refused: 10 against one account, or 50 against any", () => {
    expect(decideThrottle(times(9), now, SIGN_IN_ACCOUNT_ADDRESS_POLICY)).toMatchObject({ allowed: true });
    expect(decideThrottle(times(10), now, SIGN_IN_ACCOUNT_ADDRESS_POLICY)).toEqual({ allowed: false, retryAfterSec: 800 });
    expect(decideThrottle(times(49, 1), now, SIGN_IN_ADDRESS_POLICY)).toMatchObject({ allowed: true });
    expect(decideThrottle(times(50, 1), now, SIGN_IN_ADDRESS_POLICY)).toEqual({ allowed: false, retryAfterSec: 850 });
  });
  it("takes the strictest of account and IP", () => {
    expect(strictest([{ allowed: true, delayMs: 250 }, { allowed: true, delayMs: 1000 }])).toEqual({ allowed: true, delayMs: 1000 });
    expect(strictest([{ allowed: true, delayMs: 250 }, { allowed: false, retryAfterSec: 30 }])).toEqual({ allowed: false, retryAfterSec: 30 });
  });
  it("words the wait", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(45)).toBe("45 seconds");
    expect(describeWait(700)).toBe("12 minutes");
  });
});
