import { describe, expect, it } from "vitest";
import { acceptsGzip } from "./accept-encoding";

const asking = (value?: string) => ({ headers: new Headers(value === undefined ? {} : { "accept-encoding": value }) });

describe("acceptsGzip", () => {
  it("accepts what browsers send, any case and spacing", () => {
    expect(acceptsGzip(asking("gzip, deflate, br, zstd"))).toBe(true);
    expect(acceptsGzip(asking("br;q=1.0, GZIP;q=0.5"))).toBe(true);
    expect(acceptsGzip(asking("*"))).toBe(true);
  });

  it("refuses no header, identity only, other codings and q=0", () => {
    expect(acceptsGzip(asking())).toBe(false);
    expect(acceptsGzip(asking("identity"))).toBe(false);
    expect(acceptsGzip(asking("br, deflate"))).toBe(false);
    expect(acceptsGzip(asking("gzip;q=0, br"))).toBe(false);
    expect(acceptsGzip(asking("x-gzip-ish"))).toBe(false);
  });
});
