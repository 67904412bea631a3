import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "./origin";

const req = (method: string, headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/v1/check-ins", { method, headers });

describe("isCrossSiteWrite", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossSiteWrite(req("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBe(false);
  });
  it("refuses a POST from another origin", () => {
    expect(isCrossSiteWrite(req("POST", { host: "127.0.0.1:3000", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(req("PATCH", { host: "127.0.0.1:3000", origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite(req("POST", { host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteWrite(req("POST", { host: "127.0.0.1:3000", "sec-fetch-site": "same-site" }))).toBe(true);
  });
  it("accepts the same origin, behind a proxy too, and non-browser clients", () => {
    expect(isCrossSiteWrite(req("POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteWrite(req("POST", { host: "10.0.0.5:3000", "x-forwarded-host": "clinic.example", origin: "https://clinic.example" }))).toBe(false);
    expect(isCrossSiteWrite(req("POST", { host: "127.0.0.1:3000" }))).toBe(false);
  });
});
