import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Scope } from "@/lib/auth/scope";
import { todayIn } from "@/lib/domain/dates";
import { getDb } from "@/db/client";
import { checkIns } from "@/db/schema";
import { listAlerts } from "@/lib/data/alerts";
import { evaluateAthlete } from "@/lib/data/derived/evaluate";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

// The session is the only thing faked: apiRoute, zod and the data layer run for real.
let session: Scope | null = null;
vi.mock("@/lib/auth/guards", () => ({ getScope: async () => session }));

const series = await import("@/app/api/v1/athletes/[athleteId]/series/route");
const status = await import("@/app/api/v1/athletes/[athleteId]/status/route");
const list = await import("@/app/api/v1/alerts/route");
const ack = await import("@/app/api/v1/alerts/[alertId]/acknowledge/route");
const resolve = await import("@/app/api/v1/alerts/[alertId]/resolve/route");

const get = (url: string) => new Request(`http://test${url}`);
const post = (url: string, body: unknown) =>
  new Request(`http://test${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

let clinic: Awaited<ReturnType<typeof makeClinic>>;
let other: Awaited<ReturnType<typeof makeClinic>>;
let athlete: Awaited<ReturnType<typeof makeAthlete>>;
let sibling: Awaited<ReturnType<typeof makeAthlete>>;
let alertId: string;

beforeAll(async () => {
  clinic = await makeClinic("Routes");
  other = await makeClinic("Other");
  athlete = await makeAthlete(clinic, "Route Runner");
  sibling = await makeAthlete(clinic, "Sibling");
  await getDb().insert(checkIns).values({ clinicId: clinic.clinicId, athleteId: athlete.athleteId, date: todayIn("Europe/London"), morningPain: 2, clicking: true });
  await evaluateAthlete({ clinicId: clinic.clinicId, athleteId: athlete.athleteId });
  alertId = (await listAlerts(clinic, { athleteId: athlete.athleteId }))[0]!.id;
});

describe("issue 6 routes: who may call them", () => {
  const calls = () => [
    ["series", () => series.GET(get(`/api/v1/athletes/${athlete.athleteId}/series`), ctx({ athleteId: athlete.athleteId }))],
    ["status", () => status.GET(get(`/api/v1/athletes/${athlete.athleteId}/status`), ctx({ athleteId: athlete.athleteId }))],
    ["acknowledge", () => ack.POST(post(`/api/v1/alerts/${alertId}/acknowledge`, {}), ctx({ alertId }))],
    ["resolve", () => resolve.POST(post(`/api/v1/alerts/${alertId}/resolve`, {}), ctx({ alertId }))],
  ] as const;

  it("signed out → 401 on every route", async () => {
    session = null;
    for (const [, call] of calls()) expect((await call()).status).toBe(401);
    expect((await list.GET(get("/api/v1/alerts"))).status).toBe(401);
  });

  it("another clinic's trainer → 404, and sees no alerts", async () => {
    session = other;
    for (const [, call] of calls()) expect((await call()).status).toBe(404);
    const res = await list.GET(get(`/api/v1/alerts?athleteId=${athlete.athleteId}`));
    expect(await res.json()).toEqual({ items: [] });
  });

  it("an athlete reads only their own series and status, and no alert routes", async () => {
    session = sibling;
    for (const [, call] of calls()) expect((await call()).status).toBe(404);
    expect((await list.GET(get("/api/v1/alerts"))).status).toBe(404);
    session = athlete;
    expect((await series.GET(get(`/api/v1/athletes/${athlete.athleteId}/series`), ctx({ athleteId: athlete.athleteId }))).status).toBe(200);
    expect((await status.GET(get(`/api/v1/athletes/${athlete.athleteId}/status`), ctx({ athleteId: athlete.athleteId }))).status).toBe(200);
  });

  it("422 with readable messages for a bad range", async () => {
    session = clinic;
    const bad = await series.GET(get(`/api/v1/athletes/${athlete.athleteId}/series?from=2026-03-02&to=2026-03-01`), ctx({ athleteId: athlete.athleteId }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fieldErrors).toEqual({ from: ["The start date must be on or before the end date."] });
    const long = await series.GET(get(`/api/v1/athletes/${athlete.athleteId}/series?from=2020-01-01&to=2026-03-01&bucket=month`), ctx({ athleteId: athlete.athleteId }));
    expect((await long.json()).error.fieldErrors).toEqual({ bucket: ["bucket must be day or week."] });
    const listBad = await list.GET(get("/api/v1/alerts?status=closed"));
    expect(listBad.status).toBe(422);
  });

  it("the clinic's trainer acknowledges then resolves through the API", async () => {
    session = clinic;
    const open = await (await list.GET(get(`/api/v1/alerts?status=open&athleteId=${athlete.athleteId}`))).json();
    expect(open.items).toHaveLength(1);
    const a = await ack.POST(post(`/api/v1/alerts/${alertId}/acknowledge`, { note: "Phoned" }), ctx({ alertId }));
    expect(await a.json()).toMatchObject({ status: "acknowledged", note: "Acknowledged: Phoned" });
    const r = await resolve.POST(post(`/api/v1/alerts/${alertId}/resolve`, { note: "x".repeat(1001) }), ctx({ alertId }));
    expect(r.status).toBe(422);
    const r2 = await resolve.POST(post(`/api/v1/alerts/${alertId}/resolve`, {}), ctx({ alertId }));
    expect(await r2.json()).toMatchObject({ status: "resolved" });
  });
});
