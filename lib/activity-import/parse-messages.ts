import type { ActivityFileErrorCode, ParsedActivity } from "./types";

/** What the server sends a parse worker: the file's bytes are transferred, not copied. */
export type ParseRequest = { id: number; bytes: ArrayBuffer; fileName: string };

/** What a parse worker answers: the activity, the file's own fault, or a bug in the parser. */
export type ParseReply =
  | { id: number; ok: true; activity: ParsedActivity }
  | { id: number; ok: false; fileError: { code: ActivityFileErrorCode; message: string; detail: string | undefined } }
  | { id: number; ok: false; crash: string };
