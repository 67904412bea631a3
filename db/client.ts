import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import { env } from "../lib/env";
import * as schema from "./schema";
import { guardClient, guardTransactions } from "./tx-guard";

/**
 * The one database client of the app. PostgreSQL through `pg` when DATABASE_URL is set; otherwise
 * an embedded PGlite database in `.data/pglite`, so a newcomer needs nothing but Node.
 * Both expose the same drizzle query API, so everything above this file is driver-agnostic.
 */
export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; kind: "pg" | "pglite"; close: () => Promise<void>; pool?: Pool };

const globalForDb = globalThis as unknown as { strideDb?: Handle };

export function pgliteDir(): string {
  // turbopackIgnore keeps the build from tracing (and copying) the local data directory
  return env().PGLITE_DIR ?? path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "pglite");
}

function open(): Handle {
  const { DATABASE_URL, DB_POOL_MAX } = env();
  if (DATABASE_URL) {
    const pool = new Pool({ connectionString: DATABASE_URL, max: DB_POOL_MAX });
    // an idle client losing its connection must not crash the server
    pool.on("error", (err) => console.error("[db] idle client error:", err.message));
    // a query on the pool from inside a transaction is refused at once (db/tx-guard.ts)
    const db = guardTransactions(drizzlePg({ client: guardClient(pool, ["query", "connect"]), schema, casing: "snake_case" }));
    return { db, kind: "pg", close: () => pool.end(), pool };
  }
  const dir = pgliteDir();
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  // one connection: a query on it from inside a transaction would wait for ever, so it is refused
  const client = guardClient(new PGlite(dir), ["query", "exec", "transaction"]);
  const db = guardTransactions(drizzlePglite({ client, schema, casing: "snake_case" })) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

function handle(): Handle {
  globalForDb.strideDb ??= open();
  return globalForDb.strideDb;
}

export function getDb(): Db {
  return handle().db;
}

export function dbKind(): "pg" | "pglite" {
  return handle().kind;
}

export async function closeDb(): Promise<void> {
  const h = globalForDb.strideDb;
  globalForDb.strideDb = undefined;
  if (h) await h.close();
}

/** Plain SQL on the one pool, for a library that brings its own statements (the pg-boss job queue). */
export type SqlExecutor = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

/** The PostgreSQL pool as an executor (null on PGlite): no second pool beside the app's. */
export function pgExecutor(): SqlExecutor | null {
  const pool = handle().pool;
  if (!pool) return null;
  return { executeSql: async (text, values) => pool.query(text, values) };
}
