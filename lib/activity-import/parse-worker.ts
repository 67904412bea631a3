/**
 * Runs in a worker thread (see parse-pool.ts): reads one activity file per message, so a large
 * file's XML tree and CPU time stay off the server's request thread.
 */
import { parentPort } from "node:worker_threads";
import { isActivityFileError, parseActivityFile } from "./index";
import type { ParseReply, ParseRequest } from "./parse-messages";

parentPort?.on("message", (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: request.id, ok: true, activity: parseActivityFile(new Uint8Array(request.bytes), request.fileName) };
  } catch (err) {
    reply = isActivityFileError(err)
      ? { id: request.id, ok: false, fileError: { code: err.code, message: err.message, detail: err.detail } }
      : { id: request.id, ok: false, crash: String((err as Error)?.stack ?? err) };
  }
  parentPort?.postMessage(reply);
});
