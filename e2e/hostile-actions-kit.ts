import type { APIRequestContext } from "@playwright/test";
import { baseUrl } from "./api-session";
import { actionResult, callAction, encodeActionReply, type FieldValue, type Fields, type FileField, type Outcome } from "./actions-rsc";

/**
 * Hostile variants of a server action's valid input, and the means to send the ones the browser's
 * own encoder cannot produce (raw bytes, other content types, broken and oversized bodies).
 * Used by hostile-actions.spec.ts; the encoding of well-formed calls is actions-rsc.ts's.
 */

export const SQL = "'; drop table athletes; --";
/** the brief's payload, plus one that would run without a <script> element if it were ever parsed as HTML */
export const SCRIPT = '<script>alert(1)</script><img src=x onerror="window.__xss=1">';
/** 1,000,000 characters: a "1 MB" value that still fits Next's 1 MiB action body limit with the other fields */
export const HUGE = "x".repeat(1_000_000);
/** over the server-action body limit (1 MB; only the exercise photo upload may send more, and only as a file) */
export const OVERSIZED = 2 * 1024 * 1024;
/** overlong, surrogate, truncated and impossible sequences: none of them valid UTF-8 */
export const INVALID_UTF8 = Buffer.from([0x41, 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80, 0xc0, 0xaf, 0x42]);
/** stands for INVALID_UTF8 in a field until the body is written byte by byte */
const BAD_BYTES_MARK = "\u0000hostile-invalid-utf-8\u0000";

/** Next's default server-action body limit, in bytes */
export const BODY_LIMIT = 1024 * 1024;
const sizeOf = (fields: Fields) =>
  Object.values(fields)
    .flat()
    .reduce((n, v) => n + (typeof v === "string" ? Buffer.byteLength(v) : v.buffer.length), 0);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isFile = (v: unknown): v is FileField => Boolean(v && typeof v === "object" && "buffer" in (v as object));

export type FieldVariant = { label: string; make: (valid: Fields) => Fields; prevState?: Record<string, unknown> };

/**
 * Each field replaced in turn: missing, empty, wrong types, repeated, out of range, NaN and
 * Infinity, 1 MB, invalid UTF-8, SQL and script. Numeric values are not tried on fields whose
 * valid value is an id (they are just more wrong strings there). A family of fields of one kind
 * (`flag_clicking`, `flag_locking`, …) is tried through its first member. Then the whole form:
 * extra unknown fields, no fields, a forged previous state.
 */
export function fieldVariants(sample: Fields): FieldVariant[] {
  const out: FieldVariant[] = [];
  const families = new Set<string>();
  for (const [k, v] of Object.entries(sample)) {
    const family = /^([a-z]+)_[a-z_]+$/.exec(k)?.[1];
    if (family) {
      if (families.has(family)) continue;
      families.add(family);
    }
    const put = (label: string, value: FieldValue | undefined | ((v: FieldValue, valid: Fields) => FieldValue)) =>
      out.push({
        label: `${k}: ${label}`,
        make: (valid) => {
          const f = { ...valid };
          if (value === undefined) delete f[k];
          else f[k] = typeof value === "function" ? value(valid[k]!, valid) : value;
          return f;
        },
      });
    put("missing", undefined);
    put("empty", "");
    put("wrong type (abc)", "abc");
    put("[object Object]", "[object Object]");
    if (isFile(v)) {
      put("two files", (x) => [x, x].flat());
      put("empty file", { name: "empty.gpx", mimeType: "application/gpx+xml", buffer: Buffer.alloc(0) });
      put("garbage file", { name: "garbage.fit", mimeType: "application/octet-stream", buffer: Buffer.from([0x0e, 0x10, 0xff, 0x00, 0x12, 0x34]) });
      put("1 MB file", { name: "huge.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from(HUGE.slice(0, 1_000_000 - 100)) });
      put("invalid UTF-8 file", { name: "bad.gpx", mimeType: "application/gpx+xml", buffer: INVALID_UTF8 });
      put("script file and name", { name: "<script>alert(1)</script>.gpx", mimeType: "text/html", buffer: Buffer.from(`<gpx>${SCRIPT}</gpx>`) });
      put("XXE file", { name: "xxe.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from("<?xml version='1.0'?><!DOCTYPE gpx [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><gpx><trk><name>&e;</name></trk></gpx>") });
      continue;
    }
    put("repeated", (x) => [x, x].flat());
    // a million characters, less whatever else the form carries (a GPX file), so the body stays under Next's limit
    put("1 MB string", (_x, valid) => HUGE.slice(0, Math.min(HUGE.length, BODY_LIMIT - 32 * 1024 - sizeOf(valid))));
    put("invalid UTF-8", BAD_BYTES_MARK);
    put("SQL", SQL);
    put("script", SCRIPT);
    // issue 18: blanks were read as 0
    put("blank", "  ");
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string" && UUID.test(first)) continue;
    for (const n of ["-1", "1e308", "999999999999", "NaN", "Infinity"]) put(n, n);
    // issue 18: "true" and "[5]" were read as numbers; NUL reached the database; invisible-only names were accepted
    if (typeof first === "string" && /^\d+$/.test(first)) for (const n of ["true", "[5]"]) put(n, n);
    else if (typeof first === "string" && first !== "") {
      put("NUL", "a\u0000b");
      put("invisible only", "\u200B\u202E\u2066");
    }
  }
  out.push({
    label: "extra unknown fields",
    make: (valid) => Object.fromEntries([...Object.entries(valid), ["isAdmin", "true"], ["role", "owner"], ["clinicId", crypto.randomUUID()], ["userId", crypto.randomUUID()], ["__proto__", "polluted"], ["constructor", "polluted"]]),
  });
  out.push({ label: "no fields at all", make: () => ({}) });
  out.push({ label: "forged previous state", make: (valid) => valid, prevState: Object.fromEntries([["ok", true], ["message", SCRIPT], ["values", { role: "owner" }], ["__proto__", { admin: true }]]) });
  return out;
}

export type Sent = { page: string; id: string; headers?: Record<string, string> };

/** A raw POST to an action, with the headers the browser sends; the answer read like callAction's. */
export async function rawCall(ctx: APIRequestContext, to: Sent, body: Buffer | string, contentType: string | null): Promise<Outcome> {
  const res = await ctx.fetch(to.page, {
    method: "POST",
    headers: { origin: baseUrl(), accept: "text/x-component", "next-action": to.id, ...(contentType ? { "content-type": contentType } : {}), ...(to.headers ?? {}) },
    data: body,
    maxRedirects: 0,
    timeout: 60_000,
  });
  const text = await res.text();
  return {
    status: res.status(),
    location: res.headers()["location"] ?? null,
    actionRedirect: res.headers()["x-action-redirect"]?.replace(/;(push|replace)$/, "").replace(baseUrl(), "") ?? null,
    result: actionResult(text),
    text,
    setCookies: res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value),
  };
}

/** A FormData written out byte by byte, so a field can carry bytes that are not UTF-8. */
async function multipartBytes(fd: FormData, swap: (value: string) => Buffer | undefined): Promise<{ body: Buffer; contentType: string }> {
  const boundary = `----hostile${crypto.randomUUID().replace(/-/g, "")}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fd.entries()) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
    let data: Buffer;
    if (typeof value === "string") data = swap(value) ?? Buffer.from(value);
    else {
      head += `; filename="${value.name}"\r\nContent-Type: ${value.type || "application/octet-stream"}`;
      data = Buffer.from(await value.arrayBuffer());
    }
    chunks.push(Buffer.from(`${head}\r\n\r\n`), data, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The form as the browser would send it (actions-rsc.ts), or byte by byte when a field holds invalid UTF-8. */
export async function sendForm(ctx: APIRequestContext, to: Sent, fields: Fields, prevState?: Record<string, unknown>): Promise<Outcome> {
  const raw = Object.values(fields).flat().includes(BAD_BYTES_MARK);
  if (!raw) return callAction(ctx, { id: to.id, page: to.page, args: { form: fields, prevState }, headers: to.headers });
  const encoded = encodeActionReply({ form: fields, prevState });
  if (!("multipart" in encoded)) throw new Error("a form is encoded as multipart");
  const { body, contentType } = await multipartBytes(encoded.multipart, (v) => (v === BAD_BYTES_MARK ? INVALID_UTF8 : undefined));
  return rawCall(ctx, to, body, contentType);
}

/**
 * `reaches`: "action" when Next decodes the body into arguments and calls the action with them
 * (the action must cope with arguments that are not a FormData); "next" when Next's own decoding
 * of the body fails before any app code runs.
 */
export type BodyVariant = { label: string; reaches: "action" | "next"; send: (ctx: APIRequestContext, to: Sent, valid: Fields) => Promise<Outcome> };

const multipart = (parts: [string, string][], boundary = "hostileboundary", close = true) =>
  parts.map(([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join("") + (close ? `--${boundary}--\r\n` : "");

/**
 * Whole bodies that no form produces: other argument shapes, other content types, garbage,
 * broken multipart, invalid UTF-8, deep nesting, too many arguments, and bodies over the limit.
 */
export const BODY_VARIANTS: BodyVariant[] = [
  { label: "no arguments (text/plain [])", reaches: "action", send: (ctx, to) => callAction(ctx, { id: to.id, page: to.page, args: { plain: [] }, headers: to.headers }) },
  { label: "a plain object instead of FormData", reaches: "action", send: (ctx, to, valid) => callAction(ctx, { id: to.id, page: to.page, args: { plain: [{}, valid] }, headers: to.headers }) },
  { label: "strings, a number and null as arguments", reaches: "action", send: (ctx, to) => callAction(ctx, { id: to.id, page: to.page, args: { plain: ["abc", 42, null] }, headers: to.headers }) },
  { label: "1001 arguments", reaches: "next", send: (ctx, to) => callAction(ctx, { id: to.id, page: to.page, args: { plain: Array.from({ length: 1001 }, () => "x") }, headers: to.headers }) },
  { label: "garbage text/plain", reaches: "next", send: (ctx, to) => rawCall(ctx, to, 'not a react reply {{{ ]]] "$K1" $@0', "text/plain;charset=UTF-8") },
  { label: "invalid UTF-8 text/plain", reaches: "action", send: (ctx, to) => rawCall(ctx, to, Buffer.concat([Buffer.from('["'), INVALID_UTF8, Buffer.from('"]')]), "text/plain;charset=UTF-8") },
  { label: "deeply nested JSON", reaches: "next", send: (ctx, to) => rawCall(ctx, to, "[".repeat(100_000) + "]".repeat(100_000), "text/plain;charset=UTF-8") },
  { label: "application/json body", reaches: "action", send: (ctx, to, valid) => rawCall(ctx, to, JSON.stringify(valid), "application/json") },
  { label: "form-urlencoded body", reaches: "next", send: (ctx, to, valid) => rawCall(ctx, to, new URLSearchParams(Object.entries(valid).filter(([, v]) => typeof v === "string") as [string, string][]).toString(), "application/x-www-form-urlencoded") },
  { label: "XML with an external entity", reaches: "next", send: (ctx, to) => rawCall(ctx, to, "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>", "application/xml") },
  { label: "no content type", reaches: "action", send: (ctx, to) => rawCall(ctx, to, "[]", null) },
  { label: "multipart without a boundary", reaches: "next", send: (ctx, to) => rawCall(ctx, to, multipart([["0", "[]"]]), "multipart/form-data") },
  { label: "truncated multipart", reaches: "next", send: (ctx, to) => rawCall(ctx, to, multipart([["_1_name", "x"], ["0", '[{},"$K1"]']], "hostileboundary", false).slice(0, -5), "multipart/form-data; boundary=hostileboundary") },
  { label: "multipart without the argument list", reaches: "next", send: (ctx, to) => rawCall(ctx, to, multipart([["_1_name", "x"]]), "multipart/form-data; boundary=hostileboundary") },
  { label: "multipart pointing at a missing part", reaches: "next", send: (ctx, to) => rawCall(ctx, to, multipart([["_1_name", "x"], ["0", '[{},"$K9"]']]), "multipart/form-data; boundary=hostileboundary") },
  { label: "multipart with malformed JSON", reaches: "next", send: (ctx, to) => rawCall(ctx, to, multipart([["_1_name", "x"], ["0", '[{},"$K1"']]), "multipart/form-data; boundary=hostileboundary") },
  {
    label: "oversized multipart (2 MB field)",
    reaches: "next",
    send: (ctx, to, valid) => sendForm(ctx, to, { ...valid, padding: "z".repeat(OVERSIZED) }),
  },
  { label: "oversized text/plain (2 MB)", reaches: "next", send: (ctx, to) => rawCall(ctx, to, JSON.stringify(["z".repeat(OVERSIZED)]), "text/plain;charset=UTF-8") },
];

// ── Reading the answers ───────────────────────────────────────────────────────────────────────

type Row = { json: unknown } | { text: string };

/**
 * The action's return value, read from Flight rows including text rows (`<id>:T<hex byte length>,`
 * followed by the bytes and no newline: React writes strings over 1 KB that way, so a form state
 * echoing a 1 MB value has its next row glued to the text). actions-rsc's line reader skips those.
 */
export function flightResult(text: string): Record<string, unknown> | undefined {
  const buf = Buffer.from(text, "utf8");
  const rows = new Map<string, Row>();
  let i = 0;
  while (i < buf.length) {
    const colon = buf.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = buf.toString("latin1", i, colon);
    if (buf[colon + 1] === 0x54 && /^[0-9a-f]+$/.test(id)) {
      const comma = buf.indexOf(0x2c, colon);
      const len = parseInt(buf.toString("latin1", colon + 2, comma), 16);
      rows.set(id, { text: buf.toString("utf8", comma + 1, comma + 1 + len) });
      i = comma + 1 + len;
      continue;
    }
    const nl = buf.indexOf(0x0a, colon);
    const end = nl < 0 ? buf.length : nl;
    if (/^[0-9a-f]+$/.test(id)) {
      try {
        rows.set(id, { json: JSON.parse(buf.toString("utf8", colon + 1, end)) });
      } catch {
        // a row of another kind (module, hint, error)
      }
    }
    i = end + 1;
  }
  const resolve = (value: unknown, depth = 0): unknown => {
    if (depth > 30) return value;
    if (typeof value === "string") {
      if (value === "$undefined") return undefined;
      if (value.startsWith("$$")) return value.slice(1);
      const ref = /^\$@?([0-9a-f]+)$/.exec(value);
      const row = ref ? rows.get(ref[1]!) : undefined;
      if (row) return "text" in row ? row.text : resolve(row.json, depth + 1);
      return value;
    }
    if (Array.isArray(value)) return value.map((v) => resolve(v, depth + 1));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, depth + 1)]));
    return value;
  };
  const root = rows.get("0");
  if (!root || !("json" in root) || !root.json || typeof root.json !== "object" || !("a" in root.json)) return undefined;
  const out = resolve((root.json as { a: unknown }).a);
  return out && typeof out === "object" ? (out as Record<string, unknown>) : undefined;
}

/** Phrases of an internal failure that must never reach a form. */
const LEAK = /\n\s+at\s|\bat\s+\S+\s+\(\S+:\d+:\d+\)|node_modules|\.next\/server|TypeError|ReferenceError|SyntaxError|RangeError|ZodError|PostgresError|duplicate key|violates|relation "|syntax error at|invalid input syntax/i;
const MASKED = /Something went wrong on our side/;

export type Kind = string;

/** How an answer is counted in the summary. */
export function kindOf(o: Outcome): Kind {
  if (o.status >= 500) return `${o.status} server error`;
  if (o.status >= 400) return `${o.status}`;
  if (o.status >= 300) return `${o.status} redirect to ${o.location?.split("?")[0]}`;
  if (o.actionRedirect) return /^\/sign-in\b/.test(o.actionRedirect) ? "redirect to sign-in" : "success (redirect)";
  if (!o.result) return "200 without a form state";
  if (o.result.ok === false) return MASKED.test(String(o.result.message)) ? "internal error shown as a message" : "refused with a message";
  return "success";
}

/** What is wrong with an answer to hostile input: nothing (undefined), or why. */
export function problemWith(o: Outcome, { allowSignIn = false } = {}): string | undefined {
  if (o.status >= 500) return `HTTP ${o.status}`;
  if (o.status >= 400) {
    // a 404 is notFound()'s page; other 4xx must say why in their body
    if (o.status !== 404 && o.text.trim().length === 0) return `HTTP ${o.status} with an empty body`;
    return undefined;
  }
  if (o.status >= 300) return allowSignIn && o.location?.startsWith("/sign-in") ? undefined : `HTTP ${o.status} to ${o.location}`;
  if (o.actionRedirect) return /^\/sign-in\b/.test(o.actionRedirect) && !allowSignIn ? "the rightful caller was sent to sign-in" : undefined;
  if (/"digest":/.test(o.text)) return "an error digest in the answer";
  if (!o.result) return "no form state and no redirect";
  const json = JSON.stringify(o.result);
  if (LEAK.test(json)) return `internals in the form state: ${json.slice(0, 200)}`;
  if (o.result.ok === false) {
    const message = o.result.message;
    if (typeof message !== "string" || message.trim().length < 4) return `a refusal without a message: ${json.slice(0, 200)}`;
    if (MASKED.test(message)) return "an unexpected server error, shown as a message";
  }
  return undefined;
}

/** A tally of answers by kind, and the calls that went wrong. */
export class Tally {
  calls = 0;
  byKind = new Map<Kind, number>();
  problems: string[] = [];
  accepted: string[] = [];
  add(label: string, answer: Outcome, opts?: { allowSignIn?: boolean }) {
    const o = answer.result || answer.status !== 200 ? answer : { ...answer, result: flightResult(answer.text) };
    this.calls += 1;
    const kind = kindOf(o);
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    if (kind.startsWith("success") && /1 MB/.test(label)) this.accepted.push(label);
    const problem = problemWith(o, opts);
    if (problem) this.problems.push(`${label} → ${problem}${o.status >= 500 ? `: ${o.text.replace(/\s+/g, " ").slice(0, 160)}` : ""}`);
  }
  /** the problems counted by variant (the label after the action's name) */
  problemsByVariant(): string[] {
    const by = new Map<string, string[]>();
    for (const p of this.problems) {
      const [action, ...rest] = p.split(" → ")[0]!.split(" ");
      const variant = rest.join(" ");
      by.set(variant, [...(by.get(variant) ?? []), action!]);
    }
    return [...by.entries()].map(([v, actions]) => `${v}: ${actions.length} (${actions.slice(0, 50).join(", ")})`);
  }
  summary(): string {
    return [...this.byKind.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(", ");
  }
}
