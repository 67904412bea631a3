import { describe, expect, it } from "vitest";
import { addReport, flush, markWaiting, outcomeOf, type OutboxStore, type QueuedReport, type SendOutcome, waitingOf, waitingWords } from "./queue";

function memoryStore(initial: QueuedReport[] = []): OutboxStore & { list: QueuedReport[] } {
  const store = {
    list: initial,
    read: async () => store.list,
    update: async (change: (l: QueuedReport[]) => QueuedReport[]) => {
      store.list = change(store.list);
    },
  };
  return store;
}

const report = (id: string, userId = "u1", body: Record<string, unknown> = {}) => ({ id, userId, kind: "check-in" as const, body: { clientId: id, ...body }, label: id });

/** A server that, like the JSON API, stores a clientId once and answers a repeat with the stored row. */
function server(opts: { refuse?: (r: QueuedReport) => string | null; offlineAfter?: number; loseAnswerOf?: string } = {}) {
  const stored = new Map<string, number>();
  const calls: string[] = [];
  let lostOnce = false;
  const send = async (r: QueuedReport): Promise<SendOutcome> => {
    if (opts.offlineAfter !== undefined && calls.length >= opts.offlineAfter) return { kind: "later" };
    calls.push(r.id);
    const reason = opts.refuse?.(r);
    if (reason) return outcomeOf(422, { error: { message: "Some fields are not valid.", fieldErrors: { date: [reason] } } });
    stored.set(r.id, (stored.get(r.id) ?? 0) + (stored.has(r.id) ? 0 : 1));
    if (r.id === opts.loseAnswerOf && !lostOnce) {
      lostOnce = true; // stored, but the connection dropped before the answer came back
      return { kind: "later" };
    }
    return outcomeOf(stored.get(r.id) === 1 && calls.filter((c) => c === r.id).length > 1 ? 200 : 201, {});
  };
  return { send, stored, calls };
}

describe("the outbox", () => {
  it("sends waiting reports in the order they were made, and empties", async () => {
    let list: QueuedReport[] = [];
    for (const id of ["a", "b", "c"]) list = addReport(list, report(id));
    const store = memoryStore(list);
    const s = server();
    expect(await flush(store, "u1", s.send)).toEqual({ stored: 3, refused: 0, left: 0 });
    expect(s.calls).toEqual(["a", "b", "c"]);
    expect(store.list).toEqual([]);
  });

  it("keeps a double tap as one report", () => {
    let list = addReport([], report("a"));
    list = addReport(list, report("a"));
    expect(list).toHaveLength(1);
  });

  it("stops at the first 'later' and keeps that report and the ones after it, in order", async () => {
    let list: QueuedReport[] = [];
    for (const id of ["a", "b", "c"]) list = addReport(list, report(id));
    const store = memoryStore(list);
    expect(await flush(store, "u1", server({ offlineAfter: 1 }).send)).toEqual({ stored: 1, refused: 0, left: 2 });
    expect(waitingOf(store.list, "u1").map((r) => r.id)).toEqual(["b", "c"]);
  });

  it("stores a report once when the answer to the first try was lost", async () => {
    let list: QueuedReport[] = [];
    for (const id of ["a", "b"]) list = addReport(list, report(id));
    const store = memoryStore(list);
    const s = server({ loseAnswerOf: "a" });
    expect(await flush(store, "u1", s.send)).toEqual({ stored: 0, refused: 0, left: 2 });
    expect(await flush(store, "u1", s.send)).toEqual({ stored: 2, refused: 0, left: 0 });
    expect(s.calls).toEqual(["a", "a", "b"]);
    expect([...s.stored.entries()]).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
  });

  it("keeps a refused report with the server's reason, sends the rest, and does not send it again by itself", async () => {
    let list: QueuedReport[] = [];
    list = addReport(list, report("a"));
    list = addReport(list, report("b", "u1", { date: "2099-01-01" }));
    list = addReport(list, report("c"));
    const store = memoryStore(list);
    const s = server({ refuse: (r) => (r.body.date === "2099-01-01" ? "The date cannot be in the future." : null) });
    expect(await flush(store, "u1", s.send)).toEqual({ stored: 2, refused: 1, left: 0 });
    expect(store.list).toHaveLength(1);
    expect(store.list[0]).toMatchObject({ id: "b", status: "refused", refusal: { message: "The date cannot be in the future." } });
    await flush(store, "u1", s.send);
    expect(s.calls).toEqual(["a", "b", "c"]);
    // sent again only when the athlete asks
    store.list = markWaiting(store.list, "b");
    expect(waitingOf(store.list, "u1").map((r) => r.id)).toEqual(["b"]);
  });

  it("sends only the signed-in user's reports", async () => {
    let list: QueuedReport[] = [];
    list = addReport(list, report("a", "u1"));
    list = addReport(list, report("b", "u2"));
    const store = memoryStore(list);
    const s = server();
    await flush(store, "u2", s.send);
    expect(s.calls).toEqual(["b"]);
    expect(store.list.map((r) => r.id)).toEqual(["a"]);
  });
});

describe("reading the API's answers", () => {
  it("treats 2xx as stored, 401/429/5xx as later, other 4xx as a refusal with the field messages", () => {
    expect(outcomeOf(201, {})).toEqual({ kind: "stored" });
    expect(outcomeOf(200, {})).toEqual({ kind: "stored" });
    expect(outcomeOf(401, {})).toEqual({ kind: "later" });
    expect(outcomeOf(429, {})).toEqual({ kind: "later" });
    expect(outcomeOf(503, null)).toEqual({ kind: "later" });
    expect(outcomeOf(404, { error: { message: "Not found." } })).toEqual({ kind: "refused", refusal: { message: "Not found.", fieldErrors: undefined } });
    expect(outcomeOf(422, { error: { message: "Some fields are not valid.", fieldErrors: { date: ["Not in the future."] } } }).kind).toBe("refused");
    expect(outcomeOf(400, null)).toEqual({ kind: "refused", refusal: { message: "The server refused this report (400).", fieldErrors: undefined } });
  });

  it("says how many are waiting", () => {
    expect(waitingWords(1)).toBe("1 report waiting to send");
    expect(waitingWords(2)).toBe("2 reports waiting to send");
  });
});
