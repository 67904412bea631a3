import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Inside a transaction every query must use that transaction's `tx`. A query on the shared handle
 * (`getDb()`) from inside one is a mistake on both drivers, and on PGlite a fatal one: PGlite has a
 * single connection, its transaction holds it, and the shared-handle query queues behind the
 * transaction that is waiting for it, for ever. This module makes that mistake fail at once with a
 * sentence that names it, instead of freezing the server.
 *
 * How: `db.transaction(fn)` runs `fn` in an async context marked "in a transaction"; the driver's
 * entry points on the shared handle (pg: Pool#query / Pool#connect; PGlite: query / exec /
 * transaction) refuse to run in that context. Work outside the transaction (another request) is
 * in no such context and simply waits its turn, as before.
 */
type Mark = { open: boolean; afterCommit: (() => void)[] };
// on globalThis: Next.js bundles instrumentation.ts (which may open the one database handle) and the
// routes separately, each with its own copy of this module; the handle's guard and afterCommit must
// read the same store whichever copy made the handle
const globalForGuard = globalThis as unknown as { strideOpenTransaction?: AsyncLocalStorage<Mark> };
const openTransaction = (globalForGuard.strideOpenTransaction ??= new AsyncLocalStorage<Mark>());

export class SharedHandleInTransactionError extends Error {
  constructor(method: string) {
    super(
      `A query used the shared database handle (getDb(); driver call ${method}) inside a transaction. ` +
        "Inside db.transaction(async (tx) => …) every query must go through `tx` (pass it down); " +
        "on PGlite, which has one connection, this query would wait for ever.",
    );
    this.name = "SharedHandleInTransactionError";
  }
}

/** True while the caller runs inside a transaction callback started through a guarded handle. */
export function inTransaction(): boolean {
  return openTransaction.getStore()?.open === true;
}

/**
 * Run `fn` once the transaction the caller is in has committed (not at all if it rolls back); at
 * once when the caller is in none. For side effects that must see the committed rows, such as
 * waking the mail worker for a message queued in the transaction. `fn` must not throw.
 */
export function afterCommit(fn: () => void): void {
  const mark = openTransaction.getStore();
  if (mark?.open) mark.afterCommit.push(fn);
  else fn();
}

/**
 * Wrap the named methods of a driver client (a pg Pool or a PGlite instance) so they refuse to run
 * inside a guarded transaction. Returns the same object. Promise-returning methods reject instead
 * of throwing, as the driver would.
 */
export function guardClient<T extends object>(client: T, methods: readonly (keyof T & string)[]): T {
  for (const name of methods) {
    const original = client[name];
    if (typeof original !== "function") continue;
    const bound = (original as (...args: unknown[]) => unknown).bind(client);
    Object.defineProperty(client, name, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        if (inTransaction()) return Promise.reject(new SharedHandleInTransactionError(name));
        return bound(...args);
      },
    });
  }
  return client;
}

type Transactional = { transaction: (fn: (tx: never) => Promise<unknown>, config?: never) => Promise<unknown> };

/**
 * Make `db.transaction(fn)` run `fn` marked as inside a transaction (nested savepoints inherit the
 * mark). The mark is switched off when the transaction ends, so a promise started inside and left
 * running may use the shared handle afterwards.
 */
export function guardTransactions<D extends object>(db: D): D {
  const target = db as unknown as Transactional;
  const original = target.transaction.bind(db);
  Object.defineProperty(db, "transaction", {
    configurable: true,
    writable: true,
    value: async (fn: (tx: never) => Promise<unknown>, config?: never) => {
      if (inTransaction()) throw new SharedHandleInTransactionError("transaction");
      const mark: Mark = { open: true, afterCommit: [] };
      const result = await original(async (tx: never) => {
        try {
          return await openTransaction.run(mark, () => fn(tx));
        } finally {
          mark.open = false;
        }
      }, config);
      // committed: only now may another connection see what the transaction wrote
      for (const run of mark.afterCommit) run();
      return result;
    },
  });
  return db;
}
