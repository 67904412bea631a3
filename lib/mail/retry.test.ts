import { describe, expect, it } from "vitest";
import { afterFailedSend, MAX_ATTEMPTS } from "./retry";

describe("afterFailedSend", () => {
  it("waits 1, 2, 4, 8 and 16 minutes between attempts, then gives up", () => {
    const waits = [1, 2, 3, 4, 5].map((n) => afterFailedSend(n, { message: "timeout" }));
    expect(waits).toEqual([1, 2, 4, 8, 16].map((m) => ({ retry: true, afterMs: m * 60_000 })));
    expect(afterFailedSend(MAX_ATTEMPTS, { message: "timeout" })).toEqual({ retry: false, reason: "gave up after 6 attempts: timeout" });
  });

  it("does not retry what the server refused for good (5xx), and does retry a 4xx", () => {
    expect(afterFailedSend(1, { responseCode: 550, message: "no such user" })).toEqual({ retry: false, reason: "refused by the mail server (550): no such user" });
    expect(afterFailedSend(1, { responseCode: 451, message: "try later" })).toEqual({ retry: true, afterMs: 60_000 });
  });
});
