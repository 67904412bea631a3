import type { ReportKind } from "./routes";

/**
 * The outbox of reports made without a signal: pure rules over a list, plus one `flush` that sends
 * them through a transport. The browser store (IndexedDB) and the fetch transport are in outbox.ts;
 * tests use an in-memory store. Each report keeps the clientId the form made, so a report that was
 * stored but whose answer was lost is answered with the stored row on the next try: stored once.
 */
export type Refusal = { message: string; fieldErrors?: Record<string, string[] | undefined> };

export type QueuedReport = {
  /** the report's clientId (also its key here) */
  id: string;
  /** whose report it is: only that user's session sends it or sees it */
  userId: string;
  kind: ReportKind;
  /** the JSON API body, already checked with the same schema as the server */
  body: Record<string, unknown>;
  /** how the athlete recognises it ("Check-in of 30 Nov", "Run of 29 Nov") */
  label: string;
  /** the order reports were made in; they are sent in this order */
  seq: number;
  status: "waiting" | "refused";
  refusal?: Refusal;
};

/** What one attempt to send a report came to. */
export type SendOutcome =
  | { kind: "stored" }
  | { kind: "refused"; refusal: Refusal }
  /** no connection, signed out, or a server hiccup: keep it and try again later */
  | { kind: "later" };

export type OutboxStore = {
  read(): Promise<QueuedReport[]>;
  /** read-modify-write in one step (an IndexedDB transaction in the browser) */
  update(change: (list: QueuedReport[]) => QueuedReport[]): Promise<void>;
};

export type Transport = (report: QueuedReport) => Promise<SendOutcome>;

export function addReport(list: QueuedReport[], report: Omit<QueuedReport, "seq" | "status">): QueuedReport[] {
  // the same clientId twice (a double tap) is one report
  if (list.some((r) => r.id === report.id)) return list;
  const seq = list.reduce((max, r) => Math.max(max, r.seq), 0) + 1;
  return [...list, { ...report, seq, status: "waiting" }];
}

export function removeReport(list: QueuedReport[], id: string): QueuedReport[] {
  return list.filter((r) => r.id !== id);
}

export function markRefused(list: QueuedReport[], id: string, refusal: Refusal): QueuedReport[] {
  return list.map((r) => (r.id === id ? { ...r, status: "refused", refusal } : r));
}

/** A refused report the athlete asks to send again (say after a trainer put the exercise back). */
export function markWaiting(list: QueuedReport[], id: string): QueuedReport[] {
  return list.map((r) => (r.id === id ? { ...r, status: "waiting", refusal: undefined } : r));
}

export function reportsOf(list: QueuedReport[], userId: string): QueuedReport[] {
  return list.filter((r) => r.userId === userId).sort((a, b) => a.seq - b.seq);
}

export function waitingOf(list: QueuedReport[], userId: string): QueuedReport[] {
  return reportsOf(list, userId).filter((r) => r.status === "waiting");
}

export type FlushResult = { stored: number; refused: number; left: number };

/**
 * Sends this user's waiting reports one at a time, oldest first. A stored report leaves the outbox;
 * a refused one stays, marked with the server's reason, and the next one is sent (reports do not
 * depend on each other); "later" stops the round, keeping that report and every one after it, so
 * order is kept. Callers run one flush at a time (outbox.ts holds a lock across tabs).
 */
export async function flush(store: OutboxStore, userId: string, send: Transport): Promise<FlushResult> {
  const result: FlushResult = { stored: 0, refused: 0, left: 0 };
  for (const report of waitingOf(await store.read(), userId)) {
    const outcome = await send(report);
    if (outcome.kind === "later") break;
    if (outcome.kind === "stored") {
      await store.update((list) => removeReport(list, report.id));
      result.stored += 1;
    } else {
      await store.update((list) => markRefused(list, report.id, outcome.refusal));
      result.refused += 1;
    }
  }
  result.left = waitingOf(await store.read(), userId).length;
  return result;
}

/**
 * How an HTTP answer to a queued report is read: 2xx stored (201 new, 200 the row a first attempt
 * stored); 401 signed out, 408/429 and 5xx a hiccup: later; any other 4xx a refusal with the
 * server's reason, shown to the athlete and kept.
 */
export function outcomeOf(status: number, body: unknown): SendOutcome {
  if (status >= 200 && status < 300) return { kind: "stored" };
  if (status === 401 || status === 408 || status === 429 || status >= 500) return { kind: "later" };
  const error = (body as { error?: { message?: unknown; fieldErrors?: unknown } } | null)?.error;
  const fieldErrors = error?.fieldErrors && typeof error.fieldErrors === "object" ? (error.fieldErrors as Record<string, string[]>) : undefined;
  const fieldMessages = fieldErrors ? Object.values(fieldErrors).flat().filter((m): m is string => typeof m === "string") : [];
  const message = fieldMessages.length ? fieldMessages.join(" ") : typeof error?.message === "string" ? error.message : `The server refused this report (${status}).`;
  return { kind: "refused", refusal: { message, fieldErrors } };
}

export function waitingWords(count: number): string {
  return `${count} report${count === 1 ? "" : "s"} waiting to send`;
}
