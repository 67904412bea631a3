import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParseReply, ParseRequest } from "./parse-messages";
import { ActivityFileError, type ParsedActivity } from "./types";

/**
 * Activity files are read in worker threads, a few at a time, so that a 10 MB GPX (1.4 s and
 * ~160 MiB of XML tree on one core) never holds up the requests of other users.
 *
 * Hand-written rather than a pool library (piscina, tinypool): Turbopack bundles a worker only
 * from a literal `new Worker(new URL("./file.ts", import.meta.url))`, which a library's
 * filename option would hide from it; what is left is a queue and a handful of slots.
 */

/** One worker on a 2-core machine, two at most: the request thread keeps a core of its own. */
export const PARSE_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
/** Files waiting beyond this are refused with "busy" rather than queued without bound. */
export const MAX_WAITING_FILES = 20;
/** A file that takes longer than this (a 10 MB GPX takes 1.4 s on a quiet core) is not one activity; its worker is replaced. */
export const PARSE_TIMEOUT_MS = 120_000;
/** A worker that needs more heap than this (a crafted file) dies alone; the server lives on. */
const WORKER_HEAP_MB = 512;

type Job = { request: ParseRequest; resolve: (activity: ParsedActivity) => void; reject: (error: Error) => void };
type Slot = { worker: Worker | null; job: Job | null; timer: NodeJS.Timeout | null };

const slots: Slot[] = Array.from({ length: PARSE_WORKERS }, () => ({ worker: null, job: null, timer: null }));
const waiting: Job[] = [];
let nextId = 1;

const unreadable = (detail: string): ActivityFileError =>
  new ActivityFileError("unreadable", "We couldn't read this file. Export the activity again from your watch app and try once more.", detail);

function startWorker(slot: Slot): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  // In the Next.js server (NEXT_RUNTIME is set) Turbopack has bundled the worker from the literal
  // expression below. Under tsx and vitest the worker is TypeScript on disk, read by tsx's loader;
  // its path is built from this file's so that Turbopack does not copy the source as an asset.
  const worker = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./parse-worker.ts", import.meta.url), options)
    : new Worker(`require("tsx/cjs"); require(${JSON.stringify(fileURLToPath(import.meta.url).replace(/parse-pool\.ts$/, "parse-worker.ts"))});`, { ...options, eval: true });
  worker.on("message", (reply: ParseReply) => settle(slot, reply));
  worker.on("error", (err) => fail(slot, unreadable(`parse worker error: ${err.message}`)));
  worker.on("exit", (code) => fail(slot, unreadable(`parse worker exited with code ${code}`)));
  return worker;
}

function finish(slot: Slot): Job | null {
  const job = slot.job;
  if (slot.timer) clearTimeout(slot.timer);
  slot.job = null;
  slot.timer = null;
  // an idle worker must not keep a script or a test process alive
  slot.worker?.unref();
  return job;
}

function settle(slot: Slot, reply: ParseReply): void {
  if (!slot.job || slot.job.request.id !== reply.id) return;
  const job = finish(slot)!;
  if (reply.ok) job.resolve(reply.activity);
  else if ("fileError" in reply) job.reject(new ActivityFileError(reply.fileError.code, reply.fileError.message, reply.fileError.detail));
  else job.reject(unreadable(reply.crash));
  dispatch();
}

/** The worker died or hung: its job fails as unreadable, and the slot gets a fresh worker next time. */
function fail(slot: Slot, error: ActivityFileError): void {
  const worker = slot.worker;
  slot.worker = null;
  const job = finish(slot);
  worker?.removeAllListeners();
  void worker?.terminate();
  job?.reject(error);
  dispatch();
}

function dispatch(): void {
  for (const slot of slots) {
    if (slot.job || waiting.length === 0) continue;
    const job = waiting.shift()!;
    slot.worker ??= startWorker(slot);
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => fail(slot, new ActivityFileError("too_large", "This file took too long to read, which one activity never does. Export just the one activity and try again.", `over ${PARSE_TIMEOUT_MS} ms`)), PARSE_TIMEOUT_MS);
    slot.worker.postMessage(job.request, [job.request.bytes]);
  }
}

/**
 * Parses an activity file in a worker thread. The bytes are transferred to the worker (the
 * caller's buffer is emptied). Rejects with an ActivityFileError, as parseActivityFile throws.
 */
export function parseInWorker(bytes: Uint8Array, fileName: string): Promise<ParsedActivity> {
  if (waiting.length >= MAX_WAITING_FILES) {
    return Promise.reject(new ActivityFileError("busy", "The server is reading many files right now. Try this one again in a minute."));
  }
  // transfer a buffer of exactly these bytes (a view may share a larger one)
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
  return new Promise((resolve, reject) => {
    waiting.push({ request: { id: nextId++, bytes: own, fileName }, resolve, reject });
    dispatch();
  });
}
