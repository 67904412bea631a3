import { describe, expect, it } from "vitest";
import { appUrl, parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills the defaults when a variable is unset or empty", () => {
    expect(parseEnv({})).toMatchObject({ DB_POOL_MAX: 10, SERIES_CACHE_MB: 64 });
    const empty = parseEnv({ DB_POOL_MAX: "", SERIES_CACHE_MB: "", DATABASE_URL: "" });
    expect(empty).toMatchObject({ DB_POOL_MAX: 10, SERIES_CACHE_MB: 64 });
    expect(empty.DATABASE_URL).toBeUndefined();
    expect(parseEnv({ DAY_START_WORKER: "" }).DAY_START_WORKER).toBe("in-process");
    expect(parseEnv({ DAY_START_WORKER: "off" }).DAY_START_WORKER).toBe("off");
    expect(parseEnv({}).BENCH_CEILING).toBe("off");
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUST_PROXY_HOPS: "1" }).TRUST_PROXY_HOPS).toBe(1);
    expect(parseEnv({ BENCH_CEILING: "on" }).BENCH_CEILING).toBe("on");
    expect(parseEnv({ DB_POOL_MAX: "30", SERIES_CACHE_MB: "256" })).toMatchObject({ DB_POOL_MAX: 30, SERIES_CACHE_MB: 256 });
  });

  it("refuses values that are not whole numbers in range, naming each", () => {
    expect(() => parseEnv({ SERIES_CACHE_MB: "lots" })).toThrow("SERIES_CACHE_MB: SERIES_CACHE_MB must be a whole number.");
    expect(() => parseEnv({ DB_POOL_MAX: "1.5" })).toThrow("DB_POOL_MAX must be a whole number.");
    expect(() => parseEnv({ DB_POOL_MAX: "0", SERIES_CACHE_MB: "99999" })).toThrow(/DB_POOL_MAX must be at least 1\..*SERIES_CACHE_MB must be at most 4096\./);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow("DATABASE_URL must be a postgres:// connection string");
    expect(() => parseEnv({ DAY_START_WORKER: "sometimes" })).toThrow('DAY_START_WORKER must be "in-process" or "off".');
    expect(() => parseEnv({ TRUST_PROXY_HOPS: "-1" })).toThrow("TRUST_PROXY_HOPS must be at least 0.");
    expect(() => parseEnv({ BENCH_CEILING: "yes" })).toThrow('BENCH_CEILING must be "on" or "off".');
  });

  it("reads the mail settings and builds links from APP_URL only", () => {
    expect(() => parseEnv({ SMTP_URL: "http://mail" })).toThrow("SMTP_URL must be an smtp:// or smtps:// URL.");
    expect(() => parseEnv({ APP_URL: "not a url" })).toThrow("APP_URL must be a URL");
    expect(parseEnv({ SMTP_URL: "smtp://u:p@127.0.0.1:2525" }).SMTP_URL).toBe("smtp://u:p@127.0.0.1:2525");
    expect(appUrl(parseEnv({ APP_URL: "https://clinic.example.com/" }))).toBe("https://clinic.example.com");
    expect(appUrl(parseEnv({ PORT: "3226" }))).toBe("http://localhost:3226");
    expect(appUrl(parseEnv({}))).toBe("http://localhost:3000");
  });
});
