import { describe, expect, it } from "vitest";
import { triageHref } from "./triage-url";

describe("triageHref", () => {
  it("leaves defaults out and keeps filters with a new page or sort", () => {
    expect(triageHref({})).toBe("/dashboard");
    expect(triageHref({ sort: "severity", dir: "asc", page: 1 })).toBe("/dashboard");
    const q = { group: "Track & field", severity: "high" as const, page: 3 };
    expect(triageHref(q, { page: 4 })).toBe("/dashboard?group=Track+%26+field&severity=high&page=4");
    expect(triageHref(q, { sort: "name", dir: "desc", page: undefined })).toBe("/dashboard?group=Track+%26+field&severity=high&sort=name&dir=desc");
    expect(triageHref({ gpage: 2 })).toBe("/dashboard?gpage=2");
  });
});
