import "server-only";
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";

/**
 * Serialized chart series, each valid for one athletes.data_version. The version is read with the
 * access check on every request, and database triggers bump it in the same transaction as any
 * change to the athlete's records (drizzle/0007 and 0009), so an entry is never served after a write, on
 * this server or any other. Bodies are kept as UTF-8 bytes, ready to send and sized exactly:
 * a year by day is about 150 KB, the default 12 weeks about 35 KB. SERIES_CACHE_MB sets the
 * bound (default 64 MB per server process).
 */
type Entry = { version: number; body: Uint8Array<ArrayBuffer> };

const store = new LRUCache<string, Entry>({
  maxSize: env().SERIES_CACHE_MB * 1024 * 1024,
  sizeCalculation: (e) => e.body.byteLength + 64,
});

let hits = 0;
let misses = 0;

/** The cached body for `key` at `version`, or the one `compute` returns (then cached). */
export async function cachedSeriesBody(key: string, version: number, compute: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
  const hit = store.get(key);
  if (hit && hit.version === version) {
    hits++;
    return hit.body;
  }
  misses++;
  const body = await compute();
  // a slower request computed at an older version must not replace a newer entry
  const current = store.get(key);
  if (!current || current.version <= version) store.set(key, { version, body });
  return body;
}

export function seriesCacheStats() {
  return { hits, misses, entries: store.size, bytes: store.calculatedSize };
}

export function clearSeriesCache() {
  store.clear();
  hits = 0;
  misses = 0;
}
