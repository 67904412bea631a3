import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import ts from "typescript";
import { baseUrl } from "./api-session";

/**
 * Calling a server action over HTTP exactly as the browser's router does, and reading the answer.
 *
 * Request (Next 16, react-server-dom-webpack 19.3, checked against `processReply`/`encodeReply` of
 * next/dist/compiled/react-server-dom-webpack and Next's server-action-reducer and action-handler):
 * - POST to the page the action is used on, with `Next-Action: <id>`, `Accept: text/x-component`
 *   and the app's own `Origin` (a cross-site Origin aborts the action).
 * - The body is React's reply encoding of the argument list. Plain JSON arguments are sent as one
 *   string (`[]` for no arguments). A FormData argument makes it multipart: the FormData's entries
 *   come first, each name prefixed `_<part>_` (part ids count from 1), then field `0` holds the
 *   argument list, with the FormData written `"$K<part in hex>"`; `(prevState, formData)` from
 *   useActionState is `0 = [{},"$K1"]` and `_1_name = value`. Strings that begin with `$` are
 *   escaped as `$$`.
 *
 * Answer: a fetch action never gets an HTTP redirect from Next; `redirect()` in an action is a 200
 * with `x-action-redirect: <url>;<push|replace>`, `notFound()` a 404 with the not-found tree. The
 * return value is the Flight row that row 0's `"a"` points at. A signed-out request to an app page
 * is redirected (307) by proxy.ts before the action is reached; proxy.ts skips requests with a
 * `next-router-prefetch` header, so `bypassProxy` reaches the action's own guard.
 */

export type FileField = { name: string; mimeType: string; buffer: Buffer };
export type FieldValue = string | FileField | (string | FileField)[];
export type Fields = Record<string, FieldValue>;
export type ActionArgs = { form: Fields; prevState?: Record<string, unknown> } | { plain: unknown[] };

export type Outcome = {
  status: number;
  /** HTTP Location (proxy redirects) */
  location: string | null;
  /** the `x-action-redirect` target, without `;push` */
  actionRedirect: string | null;
  /** the action's return value, when the answer carries one */
  result: Record<string, unknown> | undefined;
  text: string;
  setCookies: string[];
};

const escapeString = (v: string) => (v.startsWith("$") ? `$${v}` : v);

function escapeJson(value: unknown): unknown {
  if (typeof value === "string") return escapeString(value);
  if (Array.isArray(value)) return value.map(escapeJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeJson(v)]));
  return value;
}

/** React's encodeReply for the shapes the app's actions take: JSON arguments, or (prevState, FormData). */
export function encodeActionReply(args: ActionArgs): { body: string } | { multipart: FormData } {
  if ("plain" in args) return { body: JSON.stringify(escapeJson(args.plain)) };
  const fd = new FormData();
  for (const [name, value] of Object.entries(args.form)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === "string") fd.append(`_1_${name}`, v);
      else fd.append(`_1_${name}`, new Blob([new Uint8Array(v.buffer)], { type: v.mimeType }), v.name);
    }
  }
  fd.append("0", JSON.stringify([escapeJson(args.prevState ?? {}), "$K1"]));
  return { multipart: fd };
}

type Rows = Map<string, unknown>;

function flightRows(text: string): Rows {
  const rows: Rows = new Map();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):([[{].*)$/.exec(line);
    if (!m) continue;
    try {
      rows.set(m[1]!, JSON.parse(m[2]!));
    } catch {
      // a text or binary row; the action's return value is JSON
    }
  }
  return rows;
}

function resolve(value: unknown, rows: Rows, depth = 0): unknown {
  if (depth > 20) return value;
  if (typeof value === "string") {
    if (value === "$undefined") return undefined;
    if (value.startsWith("$$")) return value.slice(1);
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref && rows.has(ref[1]!)) return resolve(rows.get(ref[1]!), rows, depth + 1);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, rows, depth + 1));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, rows, depth + 1)]));
  return value;
}

export function actionResult(text: string): Record<string, unknown> | undefined {
  const rows = flightRows(text);
  const root = rows.get("0") as { a?: unknown } | undefined;
  if (!root || !("a" in root)) return undefined;
  const out = resolve(root.a, rows);
  return out && typeof out === "object" ? (out as Record<string, unknown>) : undefined;
}

export type CallOptions = { id: string; page: string; args: ActionArgs; bypassProxy?: boolean; headers?: Record<string, string> };

export async function callAction(ctx: APIRequestContext, opts: CallOptions): Promise<Outcome> {
  const headers: Record<string, string> = {
    origin: baseUrl(),
    accept: "text/x-component",
    "next-action": opts.id,
    ...(opts.bypassProxy ? { "next-router-prefetch": "1" } : {}),
    ...(opts.headers ?? {}),
  };
  const encoded = encodeActionReply(opts.args);
  const res = await ctx.fetch(opts.page, {
    method: "POST",
    headers: "body" in encoded ? { ...headers, "content-type": "text/plain;charset=UTF-8" } : headers,
    ...("body" in encoded ? { data: encoded.body } : { multipart: encoded.multipart }),
    maxRedirects: 0,
  });
  const text = await res.text();
  return {
    status: res.status(),
    location: res.headers()["location"] ?? null,
    actionRedirect: appPath(res.headers()["x-action-redirect"]?.replace(/;(push|replace)$/, "")),
    result: actionResult(text),
    text,
    setCookies: res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value),
  };
}

/** A redirect target as a path when it is this app's (Auth.js redirects to absolute URLs), else as sent. */
function appPath(url: string | undefined): string | null {
  if (!url) return null;
  const u = new URL(url, baseUrl());
  return u.origin === new URL(baseUrl()).origin ? `${u.pathname}${u.search}` : url;
}

/** How a call was answered, in one line for messages. */
export function describe(o: Outcome): string {
  const parts = [`HTTP ${o.status}`];
  if (o.location) parts.push(`Location ${o.location}`);
  if (o.actionRedirect) parts.push(`x-action-redirect ${o.actionRedirect}`);
  if (o.result) parts.push(`result ${JSON.stringify(o.result).slice(0, 300)}`);
  else if (o.status >= 400 && o.status !== 404) parts.push(o.text.slice(0, 300));
  return parts.join(", ");
}

export const redirectedToSignIn = (o: Outcome) =>
  ([302, 303, 307, 308].includes(o.status) && Boolean(o.location && new URL(o.location, "http://x").pathname === "/sign-in")) ||
  Boolean(o.actionRedirect && o.actionRedirect.split("?")[0] === "/sign-in");

// ── The server-action manifest and the "use server" sources ───────────────────────────────────

export type ManifestAction = { id: string; filename: string; exportedName: string; workers: string[] };

export function distDir(): string {
  return path.resolve(__dirname, "..", process.env.NEXT_DIST_DIR ?? ".next");
}

/** Every action the production build can run: `server/server-reference-manifest.json` (node runtime). */
export function manifestActions(): ManifestAction[] {
  const file = path.join(distDir(), "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
    edge: Record<string, unknown>;
  };
  if (Object.keys(manifest.edge ?? {}).length) throw new Error("edge-runtime actions appeared: the matrix only knows the node runtime");
  return Object.entries(manifest.node).map(([id, a]) => {
    if (!a.filename || !a.exportedName) throw new Error(`manifest entry ${id} has no filename/exportedName: the manifest format changed`);
    return { id, filename: a.filename.replace(/\\/g, "/"), exportedName: a.exportedName, workers: Object.keys(a.workers) };
  });
}

/** A manifest worker (`app/(trainer)/athletes/[athleteId]/page`) as a route pattern (`/athletes/[athleteId]`). */
export function workerRoute(worker: string): string {
  const segments = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

export function routeMatches(route: string, pathname: string): boolean {
  const r = route.split("/").filter(Boolean);
  const p = pathname.split("?")[0]!.split("/").filter(Boolean);
  return r.length === p.length && r.every((seg, i) => /^\[.+\]$/.test(seg) || seg === p[i]);
}

const root = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(name) && !/\.test\.|\.spec\./.test(name)) out.push(full);
  }
  return out;
}

export type SourceAction = { filename: string; exportedName: string };

const isUseServer = (st: ts.Statement | undefined) => Boolean(st && ts.isExpressionStatement(st) && ts.isStringLiteral(st.expression) && st.expression.text === "use server");

function hasInlineDirective(node: ts.Node): boolean {
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) && node.body && ts.isBlock(node.body)) {
    if (isUseServer(node.body.statements[0])) return true;
  }
  return ts.forEachChild(node, (child) => (hasInlineDirective(child) ? true : undefined)) ?? false;
}

/**
 * Every export of every file whose first statement is "use server" (what `grep -rl '"use server"'`
 * finds and Next turns into actions), read with the TypeScript parser: functions, consts, `export {}`
 * lists and default exports; types are not actions. Inline "use server" functions inside other
 * files are reported as `<inline>` so the matrix cannot miss them.
 */
export function sourceActions(dirs = ["app", "lib"]): SourceAction[] {
  const out: SourceAction[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(path.join(root, d)))) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("use server")) continue;
    const rel = path.relative(root, file).replace(/\\/g, "/");
    const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const fileLevel = isUseServer(sf.statements[0]);
    if (!fileLevel) {
      if (hasInlineDirective(sf)) out.push({ filename: rel, exportedName: "<inline>" });
      continue;
    }
    const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st) && exported(st)) out.push({ filename: rel, exportedName: isDefault(st) ? "default" : st.name!.text });
      else if (ts.isVariableStatement(st) && exported(st)) {
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.push({ filename: rel, exportedName: d.name.text });
      } else if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.exportClause && ts.isNamedExports(st.exportClause)) {
        for (const e of st.exportClause.elements) if (!e.isTypeOnly) out.push({ filename: rel, exportedName: e.name.text });
      } else if (ts.isExportAssignment(st)) out.push({ filename: rel, exportedName: "default" });
    }
  }
  return out;
}

export const actionKey = (a: { filename: string; exportedName: string }) => `${a.filename}#${a.exportedName}`;
