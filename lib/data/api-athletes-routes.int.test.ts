import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { recordCheckIn } from "@/lib/data/check-ins";
import { startReturnToRun } from "@/lib/data/return-to-run";
import { addDays, todayIn } from "@/lib/domain/dates";
import { BUILT_IN_RUN_LADDER, builtinExercise, builtInStage, ensureLibrary, makeAthlete, makeClinic, makeTrainer } from "@/tests/integration/factories";
import { INVITE_SEND_LIMITS } from "@/lib/data/invites";

// Issue 20: the athletes, program, status and return-to-run answers fit their documented schemas
// for staff and for the athlete (who gets fewer fields), and invitations are created over the API.
// The session is the only thing faked: apiRoute, zod and the data layer run for real.
let session: Scope | null = null;
vi.mock("@/lib/auth/guards", () => ({ getScope: async () => session }));

const athletes = await import("@/app/api/v1/athletes/route");
const athlete = await import("@/app/api/v1/athletes/[athleteId]/route");
const program = await import("@/app/api/v1/athletes/[athleteId]/program/route");
const status = await import("@/app/api/v1/athletes/[athleteId]/status/route");
const returnToRun = await import("@/app/api/v1/athletes/[athleteId]/return-to-run/route");
const templates = await import("@/app/api/v1/templates/route");
const invitations = await import("@/app/api/v1/invitations/route");
const { apiRoutes } = await import("@/app/api/v1/openapi.json/registry");
const { buildOpenApiDocument } = await import("@/lib/api/openapi");
const { documentValidator } = await import("@/tests/api-document");
const check = documentValidator(buildOpenApiDocument(apiRoutes));

async function fits(method: string, path: string, res: Response): Promise<Response> {
  expect(check(method, path, res.status, await res.clone().json())).toBeNull();
  return res;
}
const json = async <T,>(res: Response) => (await res.json()) as T;

const SAME = { origin: "http://test", host: "test" };
const get = (url: string) => new Request(`http://test${url}`);
const send = (method: string, url: string, body: unknown) =>
  new Request(`http://test${url}`, { method, headers: { "content-type": "application/json", ...SAME }, body: JSON.stringify(body) });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

let clinic: Awaited<ReturnType<typeof makeClinic>>;
let other: Awaited<ReturnType<typeof makeClinic>>;
let me: Awaited<ReturnType<typeof makeAthlete>>;
const today = todayIn("Europe/London");

beforeAll(async () => {
  await ensureLibrary();
  clinic = await makeClinic("Athletes API");
  other = await makeClinic("Other");
  me = await makeAthlete(clinic, "Schema Runner");
});

describe("athlete answers fit the document", () => {
  it("the roster, a new athlete (201), an edit and the profile: staff see the staff fields, the athlete does not", async () => {
    session = clinic;
    const created = await fits("POST", "/api/v1/athletes", await athletes.POST(send("POST", "/api/v1/athletes", { name: "Doc Athlete", email: "doc-athlete@example.com", birthYear: 1999, onsetDate: addDays(today, -20), notes: "Staff note" })));
    expect(created.status).toBe(201);
    const { id } = await json<{ id: string }>(created);
    const patched = await fits("PATCH", "/api/v1/athletes/{athleteId}", await athlete.PATCH(send("PATCH", `/api/v1/athletes/${id}`, { sportGroup: "Track", injuredSide: "left" }), ctx({ athleteId: id })));
    expect(await json(patched)).toMatchObject({ id, sportGroup: "Track", injuredSide: "left", notes: "Staff note", hasLogin: false });
    await recordCheckIn(me, { date: today, morningPain: 2, redFlags: {}, tapeYesterday: false });
    const roster = await json<{ items: { id: string; lastCheckIn: string | null }[] }>(await fits("GET", "/api/v1/athletes", await athletes.GET(get("/api/v1/athletes?status=all&pageSize=100"))));
    expect(roster.items.find((a) => a.id === me.athleteId)?.lastCheckIn).toBe(today);
    expect(roster.items.find((a) => a.id === id)?.lastCheckIn).toBeNull();

    const staffView = await json<Record<string, unknown>>(await fits("GET", "/api/v1/athletes/{athleteId}", await athlete.GET(get(`/api/v1/athletes/${me.athleteId}`), ctx({ athleteId: me.athleteId }))));
    expect(staffView).toHaveProperty("notes");
    session = me;
    const ownView = await json<Record<string, unknown>>(await fits("GET", "/api/v1/athletes/{athleteId}", await athlete.GET(get(`/api/v1/athletes/${me.athleteId}`), ctx({ athleteId: me.athleteId }))));
    expect(ownView).not.toHaveProperty("notes");
    expect(ownView).toMatchObject({ id: me.athleteId, name: "Schema Runner" });
  });

  it("the program: an item and a template added (201), read by staff and by the athlete", async () => {
    session = clinic;
    const url = `/api/v1/athletes/${me.athleteId}/program`;
    const item = await fits("POST", "/api/v1/athletes/{athleteId}/program", await program.POST(send("POST", url, { exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 12, daysPerWeek: 3, note: "Slowly" }), ctx({ athleteId: me.athleteId })));
    expect(item.status).toBe(201);
    const { templates: list } = await json<{ templates: { id: string }[] }>(await templates.GET(get("/api/v1/templates")));
    const applied = await fits("POST", "/api/v1/athletes/{athleteId}/program", await program.POST(send("POST", url, { templateId: list[0]!.id }), ctx({ athleteId: me.athleteId })));
    expect(applied.status).toBe(201);
    expect(await json(applied)).toMatchObject({ added: expect.any(Number), skipped: expect.any(Number) });

    const staff = await json<{ items: Record<string, unknown>[] }>(await fits("GET", "/api/v1/athletes/{athleteId}/program", await program.GET(get(url), ctx({ athleteId: me.athleteId }))));
    expect(staff.items.length).toBeGreaterThan(1);
    expect(staff.items[0]).toHaveProperty("progress");
    session = me;
    const own = await json<{ items: Record<string, unknown>[] }>(await fits("GET", "/api/v1/athletes/{athleteId}/program", await program.GET(get(url), ctx({ athleteId: me.athleteId }))));
    expect(own.items[0]).not.toHaveProperty("progress");
  });

  it("the status with open alerts, red flags and advice: staff and athlete answers both fit", async () => {
    await recordCheckIn(me, { date: addDays(today, -1), morningPain: 8, redFlags: { clicking: true, swelling: true }, tapeYesterday: false });
    const url = `/api/v1/athletes/${me.athleteId}/status`;
    session = clinic;
    const staff = await json<{ openAlerts: Record<string, unknown>[]; recentRedFlags: unknown[]; advice: { kind: string } }>(await fits("GET", "/api/v1/athletes/{athleteId}/status", await status.GET(get(url), ctx({ athleteId: me.athleteId }))));
    expect(staff.openAlerts.length).toBeGreaterThan(0);
    expect(staff.recentRedFlags.length).toBeGreaterThan(0);
    expect(staff.openAlerts[0]).toHaveProperty("note");
    session = me;
    const own = await json<{ openAlerts: Record<string, unknown>[] }>(await fits("GET", "/api/v1/athletes/{athleteId}/status", await status.GET(get(url), ctx({ athleteId: me.athleteId }))));
    expect(own.openAlerts[0]).not.toHaveProperty("note");
  });

  it("return to run: off the ladder, then on it with a stage, a session and its history", async () => {
    session = clinic;
    const other = await makeAthlete(clinic, "Ladder Runner");
    const url = `/api/v1/athletes/${other.athleteId}/return-to-run`;
    const off = await json<{ onLadder: boolean }>(await fits("GET", "/api/v1/athletes/{athleteId}/return-to-run", await returnToRun.GET(get(url), ctx({ athleteId: other.athleteId }))));
    expect(off.onLadder).toBe(false);
    await startReturnToRun(clinic, { athleteId: other.athleteId, ladderId: BUILT_IN_RUN_LADDER, stageId: builtInStage(1), reason: "Pain settled for two weeks" });
    const on = await json<{ onLadder: boolean; stage: { number: number }; history: unknown[] }>(await fits("GET", "/api/v1/athletes/{athleteId}/return-to-run", await returnToRun.GET(get(url), ctx({ athleteId: other.athleteId }))));
    expect(on).toMatchObject({ onLadder: true, stage: { number: 1 } });
    expect(on.history).toHaveLength(1);
  });
});

describe("the schemas are strict", () => {
  it("an undeclared field, a staff field of the wrong type and a missing field are refused", async () => {
    session = clinic;
    const profile = await json<Record<string, unknown>>(await athlete.GET(get(`/api/v1/athletes/${me.athleteId}`), ctx({ athleteId: me.athleteId })));
    const path = "/api/v1/athletes/{athleteId}";
    expect(check("GET", path, 200, profile)).toBeNull();
    expect(check("GET", path, 200, { ...profile, passwordHash: "x" })).toMatch(/additional properties/);
    expect(check("GET", path, 200, { ...profile, notes: 3 })).toMatch(/notes/);
    const { name: _n, ...nameless } = profile;
    expect(check("GET", path, 200, nameless)).toMatch(/required/);
    expect(check("POST", "/api/v1/invitations", 202, { role: "athlete", email: "a@b.co", expiresAt: new Date().toISOString(), link: "http://x/invite/abc" })).toMatch(/additional properties/);
    expect(check("POST", "/api/v1/invitations", 200, {})).toMatch(/does not list/);
  });
});

describe("POST /api/v1/invitations", () => {
  const invite = (body: unknown) => invitations.POST(send("POST", "/api/v1/invitations", body));
  const doc = (res: Response) => fits("POST", "/api/v1/invitations", res);

  it("emails an athlete of the clinic at their profile's email: 202, and the link is only in the email", async () => {
    session = clinic;
    const created = await json<{ id: string }>(await athletes.POST(send("POST", "/api/v1/athletes", { name: "Invitee", email: "invitee-api@example.com" })));
    const res = await doc(await invite({ role: "athlete", athleteId: created.id }));
    expect(res.status).toBe(202);
    const body = await json<Record<string, string>>(res);
    expect(body).toEqual({ role: "athlete", email: "invitee-api@example.com", expiresAt: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/invite\//);
    const mail = await getDb().select().from(outbox).where(eq(outbox.toAddress, "invitee-api@example.com"));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toMatch(/\/invite\//);
  });

  it("answers a trainer invitation the same whether or not the address has an account", async () => {
    session = clinic;
    const fresh = await doc(await invite({ role: "trainer", name: "New Coach", email: "New-Coach-Api@Example.com" }));
    const taken = await doc(await invite({ role: "trainer", name: "Known", email: other.email }));
    expect([fresh.status, taken.status]).toEqual([202, 202]);
    const [a, b] = [await json<Record<string, string>>(fresh), await json<Record<string, string>>(taken)];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(a).toMatchObject({ role: "trainer", email: "new-coach-api@example.com" });
    expect(b).toMatchObject({ role: "trainer", email: other.email });
    // the owner of the other clinic gets a mail saying they already have an account, not a link
    const [known] = await getDb().select().from(outbox).where(eq(outbox.toAddress, other.email));
    expect(known!.body).not.toMatch(/\/invite\//);
  });

  it("sends one address at most 10 invitations a day (429 with a message after that); other addresses are not held up", async () => {
    session = clinic;
    for (let i = 0; i < INVITE_SEND_LIMITS.perAddressPerDay; i++) {
      expect((await doc(await invite({ role: "trainer", name: "Flooded", email: "flooded@example.com" }))).status).toBe(202);
    }
    const refused = await doc(await invite({ role: "trainer", name: "Flooded", email: "FLOODED@example.com" }));
    expect(refused.status).toBe(429);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toMatch(/sent 10 invitations in the last 24 hours/);
    expect(await getDb().select().from(outbox).where(eq(outbox.toAddress, "flooded@example.com"))).toHaveLength(INVITE_SEND_LIMITS.perAddressPerDay);
    expect((await doc(await invite({ role: "trainer", name: "Someone else", email: "not-flooded@example.com" }))).status).toBe(202);
  });

  it("refuses: a trainer who is not the owner inviting a trainer (403), an athlete (404), another clinic's athlete (404), one with a login (409), bad bodies (422)", async () => {
    session = await makeTrainer(clinic);
    expect((await doc(await invite({ role: "trainer", name: "Sneaky", email: "sneaky@example.com" }))).status).toBe(403);
    session = me;
    expect((await doc(await invite({ role: "athlete", athleteId: me.athleteId }))).status).toBe(404);
    session = other;
    expect((await doc(await invite({ role: "athlete", athleteId: me.athleteId }))).status).toBe(404);
    session = clinic;
    const hasLogin = await json<{ error: { message: string } }>(await doc(await invite({ role: "athlete", athleteId: me.athleteId })));
    expect(hasLogin.error.message).toMatch(/already has a login/);
    for (const bad of [{}, { role: "coach" }, { role: "athlete" }, { role: "athlete", athleteId: "x" }, { role: "trainer", name: "", email: "a@b.co" }, { role: "trainer", name: "A", email: "not-an-email" }, { role: "athlete", athleteId: me.athleteId, link: "x" }]) {
      expect((await doc(await invite(bad))).status, JSON.stringify(bad)).toBe(422);
    }
  });
});
