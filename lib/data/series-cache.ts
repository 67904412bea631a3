import "server-only";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { LRUCache } from "lru-cache";

const gzip = promisify(gzipCallback);

/**
 * Serialized chart series, each valid for one athletes.data_version. The version is read with the
 * access check on every request, and database triggers bump it in the same transaction as any
 * change to the athlete's records (drizzle/0007), so an entry is never served after a write, on
 * this server or any other. Bodies are kept as UTF-8 bytes, ready to send and sized exactly:
 * a year by day is about 150 KB, the default 12 weeks about 35 KB. A browser asks for gzip on
 * every request, and compressing 150 KB costs more than serving it, so the gzip of an entry is
 * kept beside it once a client has asked for it (a tenth of the size). SERIES_CACHE_MB sets the
 * bound (default 64 MB per server process).
 */
type Bytes = Uint8Array<ArrayBuffer>;
type Entry = { version: number; body: Bytes; gzip?: Bytes };
export type SeriesBody = { bytes: Bytes; encoding: "gzip" | null };

const MAX_BYTES = (Number(process.env.SERIES_CACHE_MB) || 64) * 1024 * 1024;

const store = new LRUCache<string, Entry>({
  maxSize: MAX_BYTES,
  sizeCalculation: (e) => e.body.byteLength + (e.gzip?.byteLength ?? 0) + 64,
});

let hits = 0;
let misses = 0;

/**
 * The cached body for `key` at `version`, or the one `compute` returns (then cached); gzipped when
 * the client accepts it.
 */
export async function cachedSeriesBody(key: string, version: number, compute: () => Promise<Bytes>, { acceptsGzip = false } = {}): Promise<SeriesBody> {
  const hit = store.get(key);
  let entry: Entry;
  if (hit && hit.version === version) {
    hits++;
    entry = hit;
  } else {
    misses++;
    entry = { version, body: await compute() };
  }
  if (acceptsGzip && !entry.gzip) entry = { ...entry, gzip: new Uint8Array(await gzip(entry.body)) };
  if (entry !== hit) {
    // a slower request computed at an older version must not replace a newer entry
    const current = store.get(key);
    if (!current || current.version <= entry.version) store.set(key, entry);
  }
  return acceptsGzip ? { bytes: entry.gzip!, encoding: "gzip" } : { bytes: entry.body, encoding: null };
}

export function seriesCacheStats() {
  return { hits, misses, entries: store.size, bytes: store.calculatedSize };
}

export function clearSeriesCache() {
  store.clear();
  hits = 0;
  misses = 0;
}
