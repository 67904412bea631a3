import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Scope } from "@/lib/auth/scope";
import { recordCheckIn } from "@/lib/data/check-ins";
import { addDays, todayIn } from "@/lib/domain/dates";
import { BUILT_IN_RUN_LADDER, builtInStage, makeAthlete, makeClinic } from "@/tests/integration/factories";

// The session is the only thing faked: apiRoute, zod and the data layer run for real.
let session: Scope | null = null;
vi.mock("@/lib/auth/guards", () => ({ getScope: async () => session }));

const prescription = await import("@/app/api/v1/athletes/[athleteId]/prescription/route");
const checkInList = await import("@/app/api/v1/athletes/[athleteId]/check-ins/route");
const shoes = await import("@/app/api/v1/athletes/[athleteId]/shoes/route");
const shoe = await import("@/app/api/v1/shoes/[shoeId]/route");
const activity = await import("@/app/api/v1/activities/[activityId]/route");
const activities = await import("@/app/api/v1/activities/route");
const templates = await import("@/app/api/v1/templates/route");
const stageSessions = await import("@/app/api/v1/stage-sessions/route");
const { startReturnToRun } = await import("@/lib/data/return-to-run");
const { listActivities } = await import("@/lib/data/activities");
const { apiRoutes } = await import("@/app/api/v1/openapi.json/registry");
const { buildOpenApiDocument } = await import("@/lib/api/openapi");
const { documentValidator } = await import("@/tests/api-document");
const check = documentValidator(buildOpenApiDocument(apiRoutes));

/** The answer, after checking it against the API document (status listed, body fits its schema). */
async function fits(method: string, path: string, res: Response): Promise<Response> {
  expect(check(method, path, res.status, await res.clone().json())).toBeNull();
  return res;
}

const SAME = { origin: "http://test", host: "test" };
const get = (url: string) => new Request(`http://test${url}`);
const send = (method: string, url: string, body: unknown) =>
  new Request(`http://test${url}`, { method, headers: { "content-type": "application/json", ...SAME }, body: JSON.stringify(body) });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

let clinic: Awaited<ReturnType<typeof makeClinic>>;
let other: Awaited<ReturnType<typeof makeClinic>>;
let me: Awaited<ReturnType<typeof makeAthlete>>;
let sibling: Awaited<ReturnType<typeof makeAthlete>>;
const today = todayIn("Europe/London");

beforeAll(async () => {
  clinic = await makeClinic("Records API");
  other = await makeClinic("Other");
  me = await makeAthlete(clinic, "Api Runner");
  sibling = await makeAthlete(clinic, "Sibling");
});

describe("the running prescription over the API", () => {
  it("a trainer sets it in metres and seconds; it reads back exactly, with the one before in the history", async () => {
    session = clinic;
    const put = (body: unknown) => prescription.PUT(send("PUT", `/api/v1/athletes/${me.athleteId}/prescription`, body), ctx({ athleteId: me.athleteId }));
    expect((await put({ weeklyDistanceM: 30_000, longestRunM: 10_000 })).status).toBe(200);
    const res = await put({ weeklyDistanceM: 32_500, longestRunM: 12_345, runIntervalSec: 240, walkIntervalSec: 60, note: "Build slowly" });
    await fits("PUT", "/api/v1/athletes/{athleteId}/prescription", res);
    expect(await res.json()).toMatchObject({ current: { weeklyDistanceM: 32_500, longestRunM: 12_345, runIntervalSec: 240, walkIntervalSec: 60, note: "Build slowly" } });
    session = me;
    const read = (await (await fits("GET", "/api/v1/athletes/{athleteId}/prescription", await prescription.GET(get(`/api/v1/athletes/${me.athleteId}/prescription`), ctx({ athleteId: me.athleteId })))).json()) as { current: { weeklyDistanceM: number }; history: { weeklyDistanceM: number }[] };
    expect(read.current.weeklyDistanceM).toBe(32_500);
    expect(read.history.map((h) => h.weeklyDistanceM)).toEqual([30_000]);
  });

  it("refuses blanks, strings, a longest run over the weekly cap, and one interval without the other (422); athletes and other clinics cannot set it", async () => {
    session = clinic;
    const put = (body: unknown) => prescription.PUT(send("PUT", `/api/v1/athletes/${me.athleteId}/prescription`, body), ctx({ athleteId: me.athleteId }));
    for (const bad of [{ weeklyDistanceM: null, longestRunM: 1 }, { weeklyDistanceM: "30000", longestRunM: 1 }, { weeklyDistanceM: 10_000, longestRunM: 12_000 }, { weeklyDistanceM: 10_000, longestRunM: 5_000, runIntervalSec: 60 }, { weeklyDistanceM: 10_000, longestRunM: 5_000, extra: 1 }]) {
      expect((await fits("PUT", "/api/v1/athletes/{athleteId}/prescription", await put(bad))).status, JSON.stringify(bad)).toBe(422);
    }
    session = me;
    expect((await put({ weeklyDistanceM: 90_000, longestRunM: 30_000 })).status).toBe(404);
    session = other;
    expect((await put({ weeklyDistanceM: 90_000, longestRunM: 30_000 })).status).toBe(404);
    expect((await prescription.GET(get(`/api/v1/athletes/${me.athleteId}/prescription`), ctx({ athleteId: me.athleteId }))).status).toBe(404);
  });
});

describe("check-ins, shoes, activities and templates over the API", () => {
  it("lists check-ins in a date range, newest first; another athlete's list is not found", async () => {
    for (const [k, pain] of [[-3, 1], [-2, 2], [-1, 3]] as const) await recordCheckIn(me, { date: addDays(today, k), morningPain: pain, redFlags: {}, tapeYesterday: false });
    session = me;
    const list = async (qs: string, athleteId = me.athleteId) => checkInList.GET(get(`/api/v1/athletes/${athleteId}/check-ins${qs}`), ctx({ athleteId }));
    const body = (await (await fits("GET", "/api/v1/athletes/{athleteId}/check-ins", await list(`?from=${addDays(today, -3)}&to=${addDays(today, -2)}`))).json()) as { items: { date: string; morningPain: number }[] };
    expect(body.items.map((c) => [c.date, c.morningPain])).toEqual([[addDays(today, -2), 2], [addDays(today, -3), 1]]);
    expect((await list(`?from=${today}&to=${addDays(today, -1)}`)).status).toBe(422);
    expect((await list("", sibling.athleteId)).status).toBe(404);
  });

  it("adds, renames and retires a shoe; a blank reminder is refused, not zero", async () => {
    session = me;
    const added = await shoes.POST(send("POST", `/api/v1/athletes/${me.athleteId}/shoes`, { name: "Pegasus", reminderM: 600_000 }), ctx({ athleteId: me.athleteId }));
    expect((await fits("POST", "/api/v1/athletes/{athleteId}/shoes", added)).status).toBe(201);
    const { id } = (await added.json()) as { id: string };
    expect((await shoe.PATCH(send("PATCH", `/api/v1/shoes/${id}`, { reminderM: "" }), ctx({ shoeId: id }))).status).toBe(422);
    expect((await shoe.PATCH(send("PATCH", `/api/v1/shoes/${id}`, {}), ctx({ shoeId: id }))).status).toBe(422);
    expect((await shoe.PATCH(send("PATCH", `/api/v1/shoes/${id}`, { name: "Pegasus 41", retired: true }), ctx({ shoeId: id }))).status).toBe(200);
    const list = (await (await fits("GET", "/api/v1/athletes/{athleteId}/shoes", await shoes.GET(get(`/api/v1/athletes/${me.athleteId}/shoes`), ctx({ athleteId: me.athleteId })))).json()) as { items: { id: string; name: string; retired: boolean }[] };
    expect(list.items.find((s) => s.id === id)).toMatchObject({ name: "Pegasus 41", retired: true });
    session = sibling;
    expect((await shoe.PATCH(send("PATCH", `/api/v1/shoes/${id}`, { retired: false }), ctx({ shoeId: id }))).status).toBe(404);
    session = other;
    expect((await shoe.PATCH(send("PATCH", `/api/v1/shoes/${id}`, { retired: false }), ctx({ shoeId: id }))).status).toBe(404);
  });

  it("an activity is read, corrected and deleted; after the delete it is not found", async () => {
    session = me;
    const created = await activities.POST(send("POST", "/api/v1/activities", { clientId: crypto.randomUUID(), type: "bike", date: today, durationSec: 1800, rpe: 4, painAfter: 2 }));
    const { id } = (await (await fits("POST", "/api/v1/activities", created)).json()) as { id: string };
    const patched = await activity.PATCH(send("PATCH", `/api/v1/activities/${id}`, { painAfter: null, rpe: 5 }), ctx({ activityId: id }));
    await fits("PATCH", "/api/v1/activities/{activityId}", patched);
    expect(await patched.json()).toMatchObject({ id, painAfter: null, rpe: 5, durationSec: 1800 });
    session = sibling;
    expect((await activity.GET(get(`/api/v1/activities/${id}`), ctx({ activityId: id }))).status).toBe(404);
    expect((await activity.DELETE(send("DELETE", `/api/v1/activities/${id}`, {}), ctx({ activityId: id }))).status).toBe(404);
    session = me;
    expect((await fits("DELETE", "/api/v1/activities/{activityId}", await activity.DELETE(send("DELETE", `/api/v1/activities/${id}`, {}), ctx({ activityId: id })))).status).toBe(200);
    expect((await activity.GET(get(`/api/v1/activities/${id}`), ctx({ activityId: id }))).status).toBe(404);
  });

  it("templates are listed for trainers only", async () => {
    session = clinic;
    const body = (await (await fits("GET", "/api/v1/templates", await templates.GET(get("/api/v1/templates")))).json()) as { templates: { name: string; builtin: boolean }[] };
    expect(body.templates.some((t) => t.builtin)).toBe(true);
    session = me;
    expect((await templates.GET(get("/api/v1/templates"))).status).toBe(404);
  });
});

describe("return-to-run stage sessions over the API (the outbox replays them)", () => {
  const post = (body: unknown) => stageSessions.POST(send("POST", "/api/v1/stage-sessions", body));
  const session2 = (extra: Record<string, unknown> = {}) => ({ clientId: crypto.randomUUID(), stageId: builtInStage(2), date: today, durationSec: 1800, rpe: 3, painDuring: 1, painAfter: 2, outcome: "completed", ...extra });
  let runner: Awaited<ReturnType<typeof makeAthlete>>;
  const sessionsOf = async () => (await listActivities(clinic, runner.athleteId, {})).filter((a) => a.date === today);

  beforeAll(async () => {
    runner = await makeAthlete(clinic, "Ladder Runner");
    await startReturnToRun(clinic, { athleteId: runner.athleteId, ladderId: BUILT_IN_RUN_LADDER, stageId: builtInStage(2), reason: "Back to running, with the AT" });
  });

  it("the athlete's own session is stored once: 201, then 200 with the same record on a retry", async () => {
    session = runner;
    const body = session2({ note: "Felt fine" });
    const first = await fits("POST", "/api/v1/stage-sessions", await post(body));
    expect(first.status).toBe(201);
    const stored = (await first.json()) as { id: string; type: string; clientId: string };
    expect(stored).toMatchObject({ type: "run", clientId: body.clientId, durationSec: 1800, painDuring: 1, painAfter: 2, note: "Felt fine" });
    const again = await fits("POST", "/api/v1/stage-sessions", await post(body));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(stored.id);
    expect((await sessionsOf()).filter((a) => a.clientId === body.clientId)).toHaveLength(1);
  });

  it("two sends of one submission at once store one record", async () => {
    session = runner;
    const body = session2();
    const answers = await Promise.all([post(body), post(body)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    const ids = await Promise.all(answers.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(ids[0]).toBe(ids[1]);
    expect((await sessionsOf()).filter((a) => a.clientId === body.clientId)).toHaveLength(1);
  });

  it("numbers are JSON numbers: a blank, a string or null is never a zero (422); null for an optional pain is not reported", async () => {
    session = runner;
    for (const bad of [{ durationSec: "1800" }, { durationSec: "" }, { rpe: null }, { rpe: "3" }, { painDuring: "" }, { painDuring: true }, { distanceM: "" }, { outcome: "stopped_early" }, { note: "a\u0000b" }, { extra: 1 }]) {
      const res = await fits("POST", "/api/v1/stage-sessions", await post(session2(bad)));
      expect(res.status, JSON.stringify(bad)).toBe(422);
    }
    const res = await fits("POST", "/api/v1/stage-sessions", await post(session2({ painAfter: null, distanceM: null })));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ painAfter: null, distanceM: null });
  });

  it("the trainer logs one for the athlete; another athlete or clinic cannot (404); with no plan that day it is a 409 with why", async () => {
    session = clinic;
    expect((await fits("POST", "/api/v1/stage-sessions", await post(session2({ athleteId: runner.athleteId })))).status).toBe(201);
    session = sibling;
    expect((await fits("POST", "/api/v1/stage-sessions", await post(session2({ athleteId: runner.athleteId })))).status).toBe(404);
    const own = await fits("POST", "/api/v1/stage-sessions", await post(session2()));
    expect(own.status).toBe(409);
    expect(((await own.json()) as { error: { message: string } }).error.message).toMatch(/no return-to-run plan on that date/);
    session = other;
    expect((await post(session2({ athleteId: runner.athleteId }))).status).toBe(404);
    // a stage the athlete was not on that day
    session = runner;
    const wrong = await fits("POST", "/api/v1/stage-sessions", await post(session2({ stageId: builtInStage(5) })));
    expect(wrong.status).toBe(422);
  });

  it("a clientId already used by another athlete is a conflict, not their record", async () => {
    session = runner;
    const body = session2();
    expect((await post(body)).status).toBe(201);
    session = clinic;
    const res = await fits("POST", "/api/v1/stage-sessions", await post({ ...body, athleteId: sibling.athleteId }));
    expect(res.status).toBe(409);
    expect(await res.text()).not.toContain(runner.athleteId);
  });
});

describe("the document check itself", () => {
  it("refuses a body that does not fit and a status the document does not list", () => {
    expect(check("GET", "/api/v1/templates", 200, { templates: [{ id: "not-a-uuid", name: "x", description: "", builtin: true, itemCount: 1 }] })).toMatch(/templates/);
    expect(check("GET", "/api/v1/templates", 200, { templates: [{ name: "x" }] })).toMatch(/required/);
    expect(check("GET", "/api/v1/templates", 302, {})).toMatch(/does not list/);
    expect(check("POST", "/api/v1/activities", 422, { error: { message: "x", fieldErrors: { a: ["b"] } } })).toBeNull();
    // the import's 422 carries each file's outcome beside the error
    expect(check("POST", "/api/v1/activities/import", 422, { error: { message: "Nothing was imported." }, results: [{ fileName: "a.gpx", ok: false, error: "Not a GPX file." }] })).toBeNull();
    expect(check("POST", "/api/v1/activities", 422, { error: { message: "x" }, results: [] })).toMatch(/additional properties/);
  });
});
