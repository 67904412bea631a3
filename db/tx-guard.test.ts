import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SharedHandleInTransactionError, afterCommit, guardClient, guardTransactions, inTransaction } from "./tx-guard";

// A real PGlite (one connection), guarded exactly as db/client.ts guards the app's handle.
const client = guardClient(new PGlite("memory://"), ["query", "exec", "transaction"]);
const db = guardTransactions(drizzle({ client }));
// starting PGlite (loading its wasm) can take seconds on a busy machine: not part of what is timed
beforeAll(() => client.waitReady, 60_000);
afterAll(() => client.close());

/** drizzle wraps driver errors in DrizzleQueryError; the guard's error is its cause. */
const isGuardError = (e: unknown) =>
  e instanceof SharedHandleInTransactionError || (e as { cause?: unknown })?.cause instanceof SharedHandleInTransactionError;

const withTimeout = <T,>(p: Promise<T>, ms = 2000) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))]);

describe("the transaction guard", () => {
  it("runs afterCommit callbacks once the transaction committed (where the shared handle sees its rows), never after a rollback", async () => {
    await db.execute(sql`create table if not exists after_commit_probe (n int)`);
    const seen: unknown[] = [];
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into after_commit_probe values (1)`);
      afterCommit(() => seen.push("committed"));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(["committed"]);
    expect((await db.execute(sql`select count(*)::int as n from after_commit_probe`)).rows).toEqual([{ n: 1 }]);
    await expect(
      db.transaction(async () => {
        afterCommit(() => seen.push("rolled back"));
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(seen).toEqual(["committed"]);
    afterCommit(() => seen.push("outside"));
    expect(seen).toEqual(["committed", "outside"]);
  });

  it("is one guard across copies of the module (Next bundles instrumentation and the routes apart)", async () => {
    vi.resetModules();
    const copy = await import("./tx-guard");
    const seen: string[] = [];
    await db.transaction(async () => {
      expect(copy.inTransaction()).toBe(true);
      copy.afterCommit(() => seen.push("after"));
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(["after"]);
  });

  it("refuses, at once and by name, a query on the shared handle inside a transaction", async () => {
    const attempt = db.transaction(async () => {
      await db.execute(sql`select 1`);
    });
    await expect(withTimeout(attempt)).rejects.toSatisfy(isGuardError);
    const error = await db.transaction(async () => db.execute(sql`select 1`)).then(
      () => null,
      (e: Error) => e.cause as Error,
    );
    expect(error?.message).toMatch(/shared database handle .* inside a transaction.*through `tx`/s);
  });

  it("refuses a second transaction opened on the shared handle from inside one", async () => {
    const attempt = db.transaction(async () => {
      await db.transaction(async (inner) => inner.execute(sql`select 1`));
    });
    await expect(withTimeout(attempt)).rejects.toSatisfy(isGuardError);
  });

  it("lets the transaction's own queries and savepoints run", async () => {
    const n = await db.transaction(async (tx) => {
      expect(inTransaction()).toBe(true);
      await tx.execute(sql`create temporary table if not exists t (n int)`);
      await tx.transaction(async (sp) => sp.execute(sql`insert into t values (1)`));
      const { rows } = await tx.execute<{ n: number }>(sql`select count(*)::int as n from t`);
      return rows[0]!.n;
    });
    expect(n).toBe(1);
    expect(inTransaction()).toBe(false);
  });

  it("lets work outside the transaction (another request) wait its turn instead of failing", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = db.transaction(async (t) => {
      await t.execute(sql`select 1`);
      await held;
    });
    // started outside the transaction's async context: queued by PGlite, answered once it ends
    const outside = db.execute<{ x: number }>(sql`select 2 as x`);
    setTimeout(release, 50);
    await tx;
    const { rows } = await withTimeout(outside);
    expect(rows[0]!.x).toBe(2);
  });

  it("leaves the handle usable after a refused query rolled the transaction back", async () => {
    await db.transaction(async () => db.execute(sql`select 1`)).catch(() => undefined);
    const { rows } = await withTimeout(db.execute<{ ok: number }>(sql`select 1 as ok`));
    expect(rows[0]!.ok).toBe(1);
  });
});
