import { call, documentOps, fillPath, makeCallers, makeTarget, newId, SAME_ORIGIN, validBody, type Callers, type DocOp, type Target } from "./api-targets";
import { DEMO, expect, signIn, test } from "./fixtures";

/**
 * Hostile input on every operation of the API document, as the clinic's owner (the caller who
 * gets furthest): wrong types, missing and extra fields, out-of-range and non-finite numbers,
 * huge strings, invalid UTF-8, SQL and <script> payloads, wrong content types, oversized and
 * malformed bodies, hostile path and query values. Never a 5xx; every 4xx says why in JSON.
 */
test.describe.configure({ mode: "serial" });

let callers: Callers;
let target: Target;
let ops: DocOp[];
let sent = 0;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  callers = await makeCallers(browser);
  target = await makeTarget(callers.owner);
  ops = await documentOps(callers.anon);
});

const SQL = "'; DROP TABLE athletes; -- \" OR 1=1";
const SCRIPT = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';
const HUGE = "x".repeat(1024 * 1024);
const BIG = "y".repeat(200 * 1024);

function valueVariants(v: unknown): unknown[] {
  // issue 18: null, blanks, booleans and arrays were once coerced to numbers; NUL, C0/bidi controls and invisible-only text reached the database
  const common = [null, {}, [], true, false, " ", "NaN", "Infinity", "-Infinity", SQL, SCRIPT, "\u0000", "a\u0000b", "\u200B\u202E\u2066", "\u001b[31m", BIG, "", 1e308, -1e308, -1, 0, 2 ** 53 + 1, 1.5];
  if (typeof v === "number") return [...common, String(v), [v], "12abc", 1e9];
  return common;
}

function bodyVariants(valid: Record<string, unknown>): { label: string; data: unknown }[] {
  const out: { label: string; data: unknown }[] = [
    { label: "empty object", data: {} },
    { label: "array", data: [valid] },
    { label: "string", data: "hello" },
    { label: "number", data: 42 },
    { label: "null", data: null },
    { label: "extra field", data: { ...valid, isAdmin: true, clinicId: newId() } },
    { label: "prototype pollution", data: JSON.parse(`{"__proto__":{"role":"owner"},"constructor":{"prototype":{"x":1}}}`) },
  ];
  for (const [k, v] of Object.entries(valid)) {
    if (k === "clientId") continue;
    const { [k]: _drop, ...without } = valid;
    out.push({ label: `missing ${k}`, data: without });
    for (const bad of valueVariants(v)) out.push({ label: `${k}=${typeof bad === "string" ? bad.slice(0, 20) : JSON.stringify(bad)}`, data: { ...valid, [k]: bad, ...("clientId" in valid ? { clientId: newId() } : {}) } });
  }
  return out;
}

async function expectAnswered(res: { status(): number; text(): Promise<string> }, label: string) {
  sent++;
  const status = res.status();
  expect(status, `${label} → ${status}`).toBeLessThan(500);
  // 414/431 come from Node's HTTP parser (URL or headers over 16 KB) before the app runs: no JSON
  if (status >= 400 && status !== 414 && status !== 431) {
    const text = await res.text();
    let message: unknown;
    try {
      message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    } catch {
      message = undefined;
    }
    expect(typeof message === "string" && message.length > 0, `${label} → ${status} without a message: ${text.slice(0, 200)}`).toBe(true);
  }
}

test("JSON bodies: wrong types, missing and extra fields, out-of-range, NaN/Infinity, huge, SQL and script values", async () => {
  test.setTimeout(300_000);
  for (const op of ops.filter((o) => o.hasBody && !o.multipart)) {
    const valid = validBody(`${op.method} ${op.path}`, target) as Record<string, unknown>;
    for (const v of bodyVariants(valid)) {
      const res = await call(callers.owner, op, target, { data: v.data });
      await expectAnswered(res, `${op.method} ${op.path} ${v.label}`);
    }
  }
});

test("raw bodies: 1 MB and oversized, invalid UTF-8, malformed JSON, wrong content types", async () => {
  test.setTimeout(180_000);
  const url = (op: DocOp) => fillPath(op.path, target);
  for (const op of ops.filter((o) => o.method !== "GET")) {
    const label = `${op.method} ${op.path}`;
    const valid = (validBody(label, target) ?? {}) as Record<string, unknown>;
    const raws: { label: string; body: Buffer | string; type: string }[] = [
      { label: "1 MB string field", body: JSON.stringify({ ...valid, note: HUGE, name: HUGE }), type: "application/json" },
      { label: "3 MB body", body: Buffer.alloc(3 * 1024 * 1024, 0x20), type: "application/json" },
      { label: "invalid UTF-8", body: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('","reason":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), type: "application/json" },
      { label: "malformed JSON", body: '{"name": "x",', type: "application/json" },
      // sent raw: Playwright's own serializer overflows on it
      { label: "deep nesting", body: "[".repeat(100_000) + "]".repeat(100_000), type: "application/json" },
      { label: "JSON with NaN literal", body: '{"morningPain": NaN, "sets": Infinity}', type: "application/json" },
      { label: "text/plain", body: JSON.stringify(valid), type: "text/plain" },
      { label: "form-urlencoded", body: "name=x&morningPain=2", type: "application/x-www-form-urlencoded" },
      { label: "xml", body: "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>", type: "application/xml" },
      { label: "multipart garbage", body: "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.gpx\"\r\n\r\nnot a gpx\r\n--b--\r\n", type: "multipart/form-data; boundary=b" },
      { label: "multipart no boundary", body: "abc", type: "multipart/form-data" },
    ];
    for (const r of raws) {
      const res = await callers.owner.fetch(url(op), { method: op.method, headers: { ...SAME_ORIGIN(), "content-type": r.type }, data: r.body });
      await expectAnswered(res, `${label} ${r.label}`);
    }
  }
});

test("hostile path and query values", async () => {
  const values = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", SQL, "..%2F..%2Fetc%2Fpasswd", "%00", "%FF%FE", "a".repeat(1000), SCRIPT];
  for (const op of ops) {
    for (const v of values) {
      const enc = /%/.test(v) ? v : encodeURIComponent(v);
      if (op.path.includes("{")) {
        const url = op.path.replace(/\{[^}]+\}/g, enc);
        const res = await callers.owner.fetch(url, { method: op.method, headers: SAME_ORIGIN(), data: op.method === "GET" ? undefined : validBody(`${op.method} ${op.path}`, target) });
        await expectAnswered(res, `${op.method} ${url.slice(0, 80)}`);
      }
      if (op.method === "GET") {
        const qs = ["q", "status", "from", "to", "athleteId", "bucket", "page", "pageSize", "region", "kind", "sort"].map((k) => `${k}=${enc}`).join("&");
        const res = await callers.owner.get(`${fillPath(op.path, target)}?${qs}`);
        await expectAnswered(res, `GET ${op.path}?…=${v.slice(0, 20)}`);
      }
    }
    if (op.method === "GET") {
      for (const qs of ["page=-1", "page=1e308", "pageSize=NaN", "pageSize=Infinity", "from=2026-02-30", "from=9999-99-99", "to=0000-01-01", "page=1&page=2"]) {
        const res = await callers.owner.get(`${fillPath(op.path, target)}?${qs}`);
        await expectAnswered(res, `GET ${op.path}?${qs}`);
      }
    }
  }
});

test("the owner's athlete record export (a page route, not in the API document): hostile ids and queries", async () => {
  const values = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", SQL, "..%2F..%2Fetc%2Fpasswd", "%00", "%FF%FE", "a".repeat(1000), SCRIPT];
  for (const v of values) {
    const enc = /%/.test(v) ? v : encodeURIComponent(v);
    // a value the router cannot match gets Next's not-found page (HTML); one it matches, the route's JSON 404
    const res = await callers.owner.get(`/athletes/${enc}/export`);
    sent++;
    expect(res.status(), `GET /athletes/${v.slice(0, 20)}/export`).toBeLessThan(500);
    expect(res.status(), `GET /athletes/${v.slice(0, 20)}/export`).not.toBe(200);
    await expectAnswered(await callers.owner.get(`/athletes/${target.athleteId}/export?format=${enc}&dataset=${enc}`), `GET export?…=${v.slice(0, 20)}`);
  }
  for (const ctx of [callers.athlete, callers.other]) {
    const res = await ctx.get(`/athletes/${target.athleteId}/export`);
    await expectAnswered(res, "export as a caller who may not");
    expect(res.status()).toBe(404);
  }
  const ok = await callers.owner.get(`/athletes/${target.athleteId}/export`);
  expect(ok.status()).toBe(200);
  expect(Object.keys(((await ok.json()) as { datasets: Record<string, unknown> }).datasets)).toEqual(expect.arrayContaining(["clinical_notes", "injury_episodes"]));
});

test("the referral summary PDF (a page route, not in the API document): hostile ids; trainers of the clinic only", async () => {
  const values = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", SQL, "..%2F..%2Fetc%2Fpasswd", "%00", "%FF%FE", "a".repeat(1000), SCRIPT];
  for (const v of values) {
    const enc = /%/.test(v) ? v : encodeURIComponent(v);
    const res = await callers.owner.get(`/athletes/${enc}/referral.pdf`);
    sent++;
    expect(res.status(), `GET /athletes/${v.slice(0, 20)}/referral.pdf`).toBeLessThan(500);
    expect(res.status(), `GET /athletes/${v.slice(0, 20)}/referral.pdf`).not.toBe(200);
    await expectAnswered(await callers.owner.get(`/athletes/${target.athleteId}/referral.pdf?from=${enc}&weeks=${enc}`), `GET referral.pdf?…=${v.slice(0, 20)}`);
  }
  // staff-only content: the athlete themselves and another clinic's trainer are told it is not there
  for (const ctx of [callers.athlete, callers.other]) {
    const res = await ctx.get(`/athletes/${target.athleteId}/referral.pdf`);
    await expectAnswered(res, "referral PDF as a caller who may not");
    expect(res.status()).toBe(404);
  }
  const anon = await callers.anon.get(`/athletes/${target.athleteId}/referral.pdf`, { maxRedirects: 0 });
  expect([302, 303, 307, 401]).toContain(anon.status());
  const ok = await callers.owner.get(`/athletes/${target.athleteId}/referral.pdf`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("application/pdf");
  expect((await ok.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("the FHIR export (outside the API document): hostile ids, and bad dates in start, end and _since are a 400 that says which", async () => {
  const values = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", SQL, "..%2F..%2Fetc%2Fpasswd", "%00", "%FF%FE", "a".repeat(1000), SCRIPT];
  for (const v of values) {
    const enc = /%/.test(v) ? v : encodeURIComponent(v);
    const res = await callers.owner.get(`/api/fhir/Patient/${enc}/$everything`);
    sent++;
    expect(res.status(), `GET /api/fhir/Patient/${v.slice(0, 20)}/$everything`).toBeLessThan(500);
    expect(res.status(), `GET /api/fhir/Patient/${v.slice(0, 20)}/$everything`).not.toBe(200);
  }
  const url = `/api/fhir/Patient/${target.athleteId}/$everything`;
  const bad: [string, RegExp][] = [
    ["start=2026-02-30", /start/],
    ["end=9999-99-99", /end/],
    ["start=yesterday", /start/],
    ["end=2026-13-01", /end/],
    ["start=2026-05-01&end=2026-04-01", /start must be on or before end/],
    ["_since=not-a-date", /_since/],
    ["_since=2026-02-30T00:00:00Z", /_since/],
    ["_since=2026-11-01T25:00:00Z", /_since/],
    [`_since=${encodeURIComponent(SQL)}`, /_since/],
    [`start=${encodeURIComponent(SCRIPT)}`, /start/],
  ];
  for (const [qs, names] of bad) {
    const res = await callers.owner.get(`${url}?${qs}`);
    await expectAnswered(res, `GET $everything?${qs}`);
    expect(res.status(), qs).toBe(400);
    const message = ((await res.json()) as { error: { message: string } }).error.message;
    expect(message, qs).toMatch(names);
  }
  for (const qs of ["start=2026-01-01&end=2026-12-31", "_since=2026-11-01T00:00:00Z", "_since=2026-11-01", "_count=abc&unknown=1"]) {
    expect((await callers.owner.get(`${url}?${qs}`)).status(), qs).toBe(200);
  }
});

test("the watch-file import: wrong files and fields", async () => {
  const op = ops.find((o) => o.multipart)!;
  const url = fillPath(op.path, target);
  const cases: Record<string, unknown>[] = [
    { file: { name: "a.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from("<gpx><trk>broken") }, clientId: newId() },
    { file: { name: "a.fit", mimeType: "application/octet-stream", buffer: Buffer.from([0xff, 0x00, 0x12]) }, clientId: newId() },
    { file: { name: "a.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from(SCRIPT) }, clientId: "not-a-uuid" },
    { clientId: newId() },
    { file: { name: "a.tcx", mimeType: "text/xml", buffer: Buffer.from("<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>") }, clientId: newId(), rpe: "NaN", athleteId: SQL },
  ];
  for (const multipart of cases) {
    const res = await callers.owner.fetch(url, { method: "POST", headers: SAME_ORIGIN(), multipart: multipart as never });
    await expectAnswered(res, `import ${Object.keys(multipart).join(",")}`);
  }
  test.info().annotations.push({ type: "hostile requests sent", description: String(sent) });
  console.log(`[hostile-input] ${sent} hostile requests, none answered 5xx`);
});

test("a <script> saved as a name and a note renders as text", async ({ page }) => {
  const created = await callers.owner.post("/api/v1/athletes", { headers: SAME_ORIGIN(), data: { name: SCRIPT.slice(0, 110), notes: SCRIPT, sportGroup: "<b>bold</b>" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto(`/athletes/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>window.__xss=1</script>");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("img[src=x]").count()).toBe(0);
  await page.goto("/athletes");
  await expect(page.getByText("<script>window.__xss=1</script>", { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});
