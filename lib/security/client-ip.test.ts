import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIp (TRUST_PROXY_HOPS)", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: a client can write anything there", () => {
    expect(clientIp(h("203.0.113.9"), 0)).toBeNull();
    expect(clientIp(h("198.51.100.1, 203.0.113.9"), 0)).toBeNull();
    expect(clientIp(h(), 0)).toBeNull();
  });
  it("takes the entry the nearest trusted proxy appended, whatever the client put before it", () => {
    expect(clientIp(h("203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(h("6.6.6.6, 1.1.1.1, 203.0.113.9"), 1)).toBe("203.0.113.9");
  });
  it("with two proxies, takes the second entry from the right (the first proxy saw the client)", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });
  it("has no address when the header holds fewer entries than trusted proxies", () => {
    expect(clientIp(h("203.0.113.9"), 2)).toBeNull();
    expect(clientIp(h(), 1)).toBeNull();
    expect(clientIp(h(" , "), 1)).toBeNull();
  });
  it("normalises ports, brackets and IPv4-mapped IPv6, and refuses junk", () => {
    expect(clientIp(h("203.0.113.9:5123"), 1)).toBe("203.0.113.9");
    expect(clientIp(h("[2001:DB8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientIp(h("::ffff:203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(h("2001:db8::1"), 1)).toBe("2001:db8::1");
    expect(clientIp(h("not-an-address"), 1)).toBeNull();
    expect(clientIp(h(`1.2.3.4, ${"x".repeat(500)}`), 1)).toBeNull();
  });
});
