import { describe, expect, it } from "vitest";
import { FALLBACK_LOCALE, pickLocale } from "./locale";

describe("pickLocale", () => {
  it("takes the most preferred English locale with a region", () => {
    expect(pickLocale("en-US,en;q=0.9")).toBe("en-US");
    expect(pickLocale("en-au")).toBe("en-AU");
    expect(pickLocale("de-DE,de;q=0.9,en-GB;q=0.8,en-US;q=0.7")).toBe("en-GB");
    expect(pickLocale("en-US;q=0.5, en-IE")).toBe("en-IE");
  });

  it("falls back to en-GB without a usable English region", () => {
    expect(FALLBACK_LOCALE).toBe("en-GB");
    for (const header of [null, undefined, "", "*", "en", "de-DE,de;q=0.9", "fr;q=0.9,en;q=0.8", "en-US;q=0", "???,en-"]) {
      expect(pickLocale(header)).toBe("en-GB");
    }
  });
});
