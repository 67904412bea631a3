import path from "node:path";

/** Where the e2e server's SMTP sink appends each message it receives (one JSON object a line). */
export function mailboxFile(port: string): string {
  return path.resolve(__dirname, "..", ".data", `e2e-mail-${port}.jsonl`);
}
