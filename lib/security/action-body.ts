/**
 * A first look at a server-action request before Next decodes it (proxy.ts). Next 16 answers a
 * body it cannot decode (garbage, broken multipart, over 1 MB, more than 1,000 arguments, a
 * reference to a part that is not there) with a bare 500; these are refused here with a 4xx and a
 * sentence instead. What React's client sends always passes: a JSON argument list as text/plain,
 * or multipart whose field "0" is that list and whose other fields are the forms it refers to.
 */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/**
 * The exercise page's photo upload (≤ 5 MB file): the one place a form may be larger, and then
 * only by the size of its file parts (a 2 MB text field is refused there as anywhere).
 * next.config.js raises Next's own limit to match.
 */
export const UPLOAD_BODY_LIMIT = 6 * 1024 * 1024;
const UPLOAD_PAGE = /^\/exercises\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The largest action body a page's forms may send. */
export function actionBodyLimit(pathname: string): number {
  return UPLOAD_PAGE.test(pathname) ? UPLOAD_BODY_LIMIT : ACTION_BODY_LIMIT;
}
const MAX_ARGUMENTS = 1000;
const MAX_DEPTH = 64;

export type ActionBodyRefusal = { status: 400 | 413 | 415; message: string };

const tooLarge = (limit: number) => `The form is too large to send (over ${Math.round(limit / (1024 * 1024))} MB).`;
const refuse = (status: ActionBodyRefusal["status"], message: string): ActionBodyRefusal => ({ status, message });
const UNREADABLE = "This form could not be read. Reload the page and try again.";

/** Strings React's reply format writes inline; any other "$…" points at a part of a multipart body. */
const INLINE_SPECIAL = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|n-?\d+$|D)/;

function depthWithin(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return false;
    } else if (c === 93 || c === 125) depth--;
  }
  return true;
}

/** Every string in the decoded arguments that refers to another part of the body. */
function references(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") {
    if (value.startsWith("$") && !INLINE_SPECIAL.test(value)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) references(v, out);
  return out;
}

function argumentList(text: string): unknown[] | null {
  if (!depthWithin(text, MAX_DEPTH)) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.length <= MAX_ARGUMENTS ? parsed : null;
  } catch {
    return null;
  }
}

/** The declared size and type; null when the body is worth reading. */
export function checkActionHeaders(contentType: string | null, contentLength: string | null, limit = ACTION_BODY_LIMIT): ActionBodyRefusal | null {
  if (contentLength !== null && Number(contentLength) > limit) return refuse(413, tooLarge(limit));
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data") ? !/boundary=/.test(type) : !type.startsWith("text/plain")) return refuse(415, UNREADABLE);
  return null;
}

/** The body itself: null when Next can decode it. */
export async function checkActionBody(contentType: string, body: ArrayBuffer, asForm: () => Promise<FormData>, limit = ACTION_BODY_LIMIT): Promise<ActionBodyRefusal | null> {
  if (body.byteLength > limit) return refuse(413, tooLarge(limit));
  const isText = contentType.toLowerCase().startsWith("text/plain");
  if (isText && body.byteLength > ACTION_BODY_LIMIT) return refuse(413, tooLarge(ACTION_BODY_LIMIT));
  if (isText) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      return refuse(400, UNREADABLE);
    }
    const args = argumentList(text);
    // a text body has no other parts, so it cannot refer to one
    return args && references(args).length === 0 ? null : refuse(400, UNREADABLE);
  }
  let form: FormData;
  try {
    form = await asForm();
  } catch {
    return refuse(400, UNREADABLE);
  }
  // past 1 MB only files may take the room (the photo upload), never text fields
  let fileBytes = 0;
  for (const v of form.values()) if (typeof v !== "string") fileBytes += v.size;
  if (body.byteLength - fileBytes > ACTION_BODY_LIMIT) return refuse(413, tooLarge(ACTION_BODY_LIMIT));
  const list = form.get("0");
  const args = typeof list === "string" ? argumentList(list) : null;
  if (!args) return refuse(400, UNREADABLE);
  const names = [...form.keys()];
  for (const ref of references(args)) {
    // "$K<id>" is a FormData argument (fields "_<id>_name"; a form with no named field has none);
    // "$@<id>", "$B<id>"… are parts of their own, which must be there
    const m = /^\$([A-Za-z@])([0-9a-f]+)$/.exec(ref);
    if (!m) return refuse(400, UNREADABLE);
    if (m[1] !== "K" && !names.includes(m[2]!) && !names.includes(`_${m[2]}`)) return refuse(400, UNREADABLE);
  }
  return null;
}
