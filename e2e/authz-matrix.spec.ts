import { request as pwRequest, type APIRequestContext } from "@playwright/test";
import { baseUrl } from "./api-session";
import { call, createTokenViaUi, documentOps, makeActivity, makeCallers, makeTarget, validBody, type Callers, type DocOp, type Target } from "./api-targets";
import { DEMO, expect, test } from "./fixtures";
import { documentValidator } from "../tests/api-document";

/**
 * Every operation of /api/v1/openapi.json, called as: signed out (401); an athlete of the clinic
 * aimed at another athlete's records (404); a trainer of another clinic (404 for anything aimed at
 * the target; their own clinic's lists for collections); the clinic's owner (2xx). A refused
 * answer holds nothing of the target: not the name, email or any of its ids.
 */
test.describe.configure({ mode: "serial" });

let callers: Callers;
let target: Target;
let ops: DocOp[];
let writeToken: APIRequestContext;
let readToken: APIRequestContext;
let badToken: APIRequestContext;
let check: ReturnType<typeof documentValidator>;
/** Answers that do not fit the document; successes of operations the document gives no schema. */
const drift: string[] = [];
const undocumentedSuccess = new Set<string>();

/** Every answer the matrix receives is checked against /api/v1/openapi.json (issue 20). */
async function documented(op: DocOp, res: { status(): number; text(): Promise<string> }, who: string) {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    drift.push(`${who}: ${op.method} ${op.path} ${res.status()} is not JSON: ${text.slice(0, 80)}`);
    return;
  }
  const why = check(op.method, op.path, res.status(), body);
  if (why === null) return;
  if (res.status() < 300 && /has no response schema/.test(why)) undocumentedSuccess.add(`${op.method} ${op.path}`);
  else drift.push(`${who}: ${why}`);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  callers = await makeCallers(browser);
  target = await makeTarget(callers.owner);
  ops = await documentOps(callers.anon);
  check = documentValidator(await (await callers.anon.get("/api/v1/openapi.json")).json());
  const bearer = (token: string) => pwRequest.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  writeToken = await bearer(await createTokenViaUi(browser, DEMO.trainer.email, DEMO.trainer.password, "Read and write"));
  readToken = await bearer(await createTokenViaUi(browser, DEMO.trainer.email, DEMO.trainer.password, "Read only"));
  badToken = await bearer("stc_not-a-real-token-000000000000000000000000000");
});

const secrets = () => [target.name, target.email, target.athleteId, target.itemId, target.alertId, target.activityId, target.shoeId];

/** A delete that succeeds leaves nothing to delete: each successful caller deletes a fresh activity. */
async function aimedAt(op: DocOp): Promise<Target> {
  return op.method === "DELETE" && op.path.includes("{activityId}") ? { ...target, activityId: await makeActivity(callers.owner, target.athleteId) } : target;
}

async function expectNoTargetData(res: { text(): Promise<string> }, label: string) {
  const text = await res.text();
  for (const s of secrets()) expect(text, `${label} leaks ${s}`).not.toContain(s);
}

test("the document lists the routes and every body is known to the matrix", async () => {
  expect(ops.length).toBeGreaterThanOrEqual(20);
  for (const op of ops) {
    if (op.hasBody && !op.multipart) expect(validBody(`${op.method} ${op.path}`, target), `add a body for ${op.method} ${op.path}`).toBeDefined();
  }
});

test("signed out: 401 on every operation, with nothing of the target", async () => {
  for (const op of ops) {
    const res = await call(callers.anon, op, target);
    await documented(op, res, "signed out");
    expect(res.status(), `${op.method} ${op.path}`).toBe(401);
    await expectNoTargetData(res, `${op.method} ${op.path}`);
  }
});

test("an athlete of the clinic, aimed at another athlete: 404 on every operation", async () => {
  for (const op of ops) {
    const res = await call(callers.athlete, op, target);
    await documented(op, res, "athlete");
    if (op.targeted || op.role === "trainer") expect([403, 404], `${op.method} ${op.path} → ${res.status()}`).toContain(res.status());
    else expect(res.status(), `${op.method} ${op.path}`).toBeLessThan(300);
    await expectNoTargetData(res, `${op.method} ${op.path}`);
  }
});

test("a trainer of another clinic: 404 for the target, their own clinic's data for collections", async () => {
  for (const op of ops) {
    const res = await call(callers.other, op, target);
    await documented(op, res, "other clinic");
    if (op.targeted) expect([403, 404], `${op.method} ${op.path} → ${res.status()}`).toContain(res.status());
    else expect(res.status(), `${op.method} ${op.path} → ${res.status()}`).toBeLessThan(300);
    await expectNoTargetData(res, `${op.method} ${op.path}`);
  }
});

test("the clinic's owner: success on every operation", async () => {
  const results: string[] = [];
  for (const op of ops) {
    const res = await call(callers.owner, op, await aimedAt(op));
    await documented(op, res, "owner");
    const label = `${op.method} ${op.path} → ${res.status()}`;
    results.push(label);
    // stepping an item at the end of its ladder is a 422 with a reason, not a failure of access
    if (/progress|regress/.test(op.path) && res.status() === 422) continue;
    // the target is not on a return-to-run ladder: a step is refused by §2c (409 with why), past the access check
    if (/return-to-run\/step/.test(op.path) && res.status() === 409) {
      expect(await res.text()).toContain("not on a return-to-run stage");
      continue;
    }
    // nor is a stage session: refused by §2c (409 with why), past the access check
    if (/stage-sessions/.test(op.path) && res.status() === 409) {
      expect(await res.text()).toContain("no return-to-run plan on that date");
      continue;
    }
    expect(res.status(), `${label}: ${res.status() >= 300 ? await res.text() : ""}`).toBeLessThan(300);
  }
  test.info().annotations.push({ type: "operations", description: results.join("\n") });
});

test("API tokens: a wrong token 401, a read-only token reads and is refused writes (403), a read-write token acts as its trainer", async () => {
  for (const op of ops) {
    const label = `${op.method} ${op.path}`;
    const bad = await call(badToken, op, target, { headers: { origin: "" } });
    expect(bad.status(), label).toBe(401);
    await expectNoTargetData(bad, label);
    const ro = await call(readToken, op, target);
    if (op.method === "GET") expect(ro.status(), `${label} → ${ro.status()}`).toBeLessThan(300);
    else {
      expect(ro.status(), `${label} → ${ro.status()}`).toBe(403);
      await expectNoTargetData(ro, label);
    }
  }
  for (const op of ops) {
    const rw = await call(writeToken, op, await aimedAt(op));
    await documented(op, rw, "read-write token");
    if (/progress|regress/.test(op.path) && rw.status() === 422) continue;
    if (/return-to-run\/step/.test(op.path) && rw.status() === 409) continue;
    if (/stage-sessions/.test(op.path) && rw.status() === 409) continue;
    // acknowledging an alert twice, or resolving a resolved one, is a conflict, not a refusal of access
    if (/alerts\/\{alertId\}/.test(op.path) && rw.status() === 409) continue;
    // the same watch file again is refused as already imported: access was granted
    if (op.multipart && [409, 422].includes(rw.status())) continue;
    expect(rw.status(), `${op.method} ${op.path} → ${rw.status()} ${rw.status() >= 300 ? await rw.text() : ""}`).toBeLessThan(300);
  }
});

test("every answer above fits the API document: its status is listed and its body matches the schema", () => {
  expect(drift, drift.join("\n")).toEqual([]);
  // every operation documents what its success answers (issue 20): none may be left without
  expect([...undocumentedSuccess].sort(), "successes without a response schema").toEqual([]);
});

/**
 * The FHIR export lives outside /api/v1 (its answer is FHIR's, not in the API document), so the
 * loops above do not see it: the same callers, by hand.
 */
test("FHIR Patient/$everything: 401 signed out or with a wrong token, 404 for another clinic and another athlete, the bundle for staff, their token and the athlete themself", async () => {
  const url = (id: string) => `/api/fhir/Patient/${id}/$everything`;
  const label = "GET /api/fhir/Patient/{athleteId}/$everything";
  for (const [who, ctx, status] of [
    ["signed out", callers.anon, 401],
    ["wrong token", badToken, 401],
    ["athlete, another athlete", callers.athlete, 404],
    ["other clinic", callers.other, 404],
  ] as const) {
    const res = await ctx.get(url(target.athleteId));
    expect(res.status(), `${label} as ${who}`).toBe(status);
    await expectNoTargetData(res, `${label} as ${who}`);
  }
  for (const [who, ctx] of [
    ["owner", callers.owner],
    ["read-only token", readToken],
    ["read-write token", writeToken],
  ] as const) {
    const res = await ctx.get(url(target.athleteId));
    expect(res.status(), `${label} as ${who}`).toBe(200);
    expect(res.headers()["content-type"], who).toContain("application/fhir+json");
    const bundle = (await res.json()) as { resourceType: string; entry: { resource: { resourceType: string; id: string } }[] };
    expect(bundle.entry[0]!.resource).toMatchObject({ resourceType: "Patient", id: target.athleteId });
  }
  // the athlete's own: their id from the owner's roster
  const { items } = (await (await callers.owner.get("/api/v1/athletes?q=Alex%20Morgan")).json()) as { items: { id: string; email: string | null }[] };
  const own = items.find((a) => a.email === DEMO.athlete.email)!.id;
  const mine = await callers.athlete.get(url(own));
  expect(mine.status()).toBe(200);
  const text = await mine.text();
  expect(text).not.toContain(target.athleteId);
  expect(JSON.parse(text).entry[0].resource.id).toBe(own);
  // another clinic's trainer cannot reach the demo athlete either
  expect((await callers.other.get(url(own))).status()).toBe(404);
});
