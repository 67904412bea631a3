import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import { apiSession, baseUrl } from "./api-session";
import { DEMO } from "./fixtures";
import { signUpClinic } from "./sign-up";

/**
 * Shared by the authorization matrix and the hostile-input spec: the callers, and a target athlete
 * of the demo clinic with a program item and an alert, created through the API as the owner.
 */
export type Target = { athleteId: string; name: string; email: string; itemId: string; alertId: string; exerciseId: string; activityId: string; shoeId: string };
export type Callers = { anon: APIRequestContext; athlete: APIRequestContext; other: APIRequestContext; owner: APIRequestContext };

export const SAME_ORIGIN = () => ({ origin: baseUrl() });

export async function makeCallers(browser: Browser): Promise<Callers> {
  const base = baseUrl();
  const { request } = await import("@playwright/test");
  const anon = await request.newContext({ baseURL: base });
  const owner = await apiSession(base, DEMO.trainer.email, DEMO.trainer.password);
  const athlete = await apiSession(base, DEMO.athlete.email, DEMO.athlete.password);
  // a trainer of another clinic: signs up through the form like anyone would
  const ctx = await browser.newContext({ baseURL: base });
  const page = await ctx.newPage();
  const email = `other-owner-${Date.now()}@example.com`;
  await signUpClinic(page, { clinicName: "Other Clinic", name: "Other Owner", email, password: "a-long-enough-password" });
  await ctx.close();
  const other = await apiSession(base, email, "a-long-enough-password");
  return { anon, athlete, other, owner };
}

export async function makeTarget(owner: APIRequestContext): Promise<Target> {
  const stamp = Date.now();
  const name = `Matrix Target ${stamp}`;
  const email = `matrix-target-${stamp}@example.com`;
  const created = await owner.post("/api/v1/athletes", { data: { name, email, sportGroup: "Cross country" } });
  if (created.status() !== 201) throw new Error(`create athlete: ${created.status()} ${await created.text()}`);
  const athleteId = ((await created.json()) as { id: string }).id;
  const { exercises } = (await (await owner.get("/api/v1/exercises")).json()) as { exercises: { id: string; name: string }[] };
  const exerciseId = exercises.find((e) => /clamshell/i.test(e.name))?.id ?? exercises[0]!.id;
  const added = await owner.post(`/api/v1/athletes/${athleteId}/program`, { data: { exerciseId, sets: 3, reps: 12, daysPerWeek: 3 } });
  if (added.status() !== 201) throw new Error(`add item: ${added.status()} ${await added.text()}`);
  const itemId = ((await added.json()) as { id: string }).id;
  const checkIn = await owner.post("/api/v1/check-ins", { data: { athleteId, morningPain: 8, redFlags: { clicking: true } } });
  if (checkIn.status() >= 300) throw new Error(`check-in: ${checkIn.status()} ${await checkIn.text()}`);
  const alerts = (await (await owner.get(`/api/v1/alerts?athleteId=${athleteId}`)).json()) as { items: { id: string }[] };
  if (!alerts.items[0]) throw new Error("no alert for the target");
  const shoe = await owner.post(`/api/v1/athletes/${athleteId}/shoes`, { data: { name: `Matrix Shoe ${stamp}` } });
  if (shoe.status() !== 201) throw new Error(`shoe: ${shoe.status()} ${await shoe.text()}`);
  const shoeId = ((await shoe.json()) as { id: string }).id;
  return { athleteId, name, email, itemId, alertId: alerts.items[0].id, exerciseId, activityId: await makeActivity(owner, athleteId), shoeId };
}

/** An activity of the target, entered by its trainer: deleting one needs a fresh one each time. */
export async function makeActivity(owner: APIRequestContext, athleteId: string): Promise<string> {
  const res = await owner.post("/api/v1/activities", { data: validBody("POST /api/v1/activities", { athleteId } as Target) });
  if (res.status() !== 201) throw new Error(`activity: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export const gpxFile = () => ({
  name: "run.gpx",
  mimeType: "application/gpx+xml",
  buffer: readFileSync(path.join(__dirname, "..", "test", "fixtures", "activities", "garmin-connect-run.gpx")),
});

export const newId = () => crypto.randomUUID();
export const today = () => new Date().toISOString().slice(0, 10);

/** A valid request for each operation of the document, aimed at the target (athleteId in bodies too). */
export function validBody(key: string, t: Target): unknown {
  switch (key) {
    case "POST /api/v1/activities":
      return { athleteId: t.athleteId, clientId: newId(), type: "bike", date: today(), durationSec: 1800, distanceM: 10_000, rpe: 4, painDuring: 1, painAfter: 2 };
    case "PATCH /api/v1/activities/{activityId}":
      return { rpe: 5, painAfter: null };
    case "PUT /api/v1/athletes/{athleteId}/prescription":
      return { weeklyDistanceM: 30_000, longestRunM: 10_000, note: "Matrix check" };
    case "POST /api/v1/athletes/{athleteId}/shoes":
      return { name: `Matrix shoe ${Date.now()}`, reminderM: 600_000 };
    case "PATCH /api/v1/shoes/{shoeId}":
      return { reminderM: 700_000 };
    case "POST /api/v1/athletes/{athleteId}/return-to-run/step":
      return { direction: "up", reason: "Matrix check" };
    case "POST /api/v1/alerts/{alertId}/acknowledge":
    case "POST /api/v1/alerts/{alertId}/resolve":
      return { note: "Matrix check" };
    case "POST /api/v1/athletes":
      return { name: `Matrix New ${Date.now()}` };
    case "PATCH /api/v1/athletes/{athleteId}":
      return { sportGroup: "Track" };
    case "POST /api/v1/athletes/{athleteId}/program":
      return { exerciseId: t.exerciseId, sets: 2, reps: 10, daysPerWeek: 3 };
    case "POST /api/v1/invitations":
      // the target has an email and no login: the owner's call emails it an invitation (202)
      return { role: "athlete", athleteId: t.athleteId };
    case "POST /api/v1/check-ins":
      return { athleteId: t.athleteId, morningPain: 2 };
    case "POST /api/v1/stage-sessions":
      // the built-in ladder's stage 2 (fixed id, drizzle/0016); the target is on no plan, so the owner gets a 409 with why
      return { athleteId: t.athleteId, clientId: newId(), stageId: "5a0e0000-0000-4000-8000-000000000002", date: today(), durationSec: 1800, rpe: 3, painDuring: 1, painAfter: 1, outcome: "completed", note: "Matrix stage session" };
    case "POST /api/v1/exercise-logs":
      return { athleteId: t.athleteId, clientId: newId(), programItemId: t.itemId, setsDone: 3, exercisePain: 1 };
    case "POST /api/v1/program-items/{itemId}/progress":
    case "POST /api/v1/program-items/{itemId}/regress":
      return { reason: "Matrix check" };
    default:
      return undefined;
  }
}

export function fillPath(openApiPath: string, t: Target): string {
  return openApiPath.replace("{athleteId}", t.athleteId).replace("{alertId}", t.alertId).replace("{itemId}", t.itemId).replace("{activityId}", t.activityId).replace("{shoeId}", t.shoeId);
}

export type DocOp = { method: string; path: string; role: string; hasBody: boolean; multipart: boolean; targeted: boolean };

export async function documentOps(ctx: APIRequestContext): Promise<DocOp[]> {
  const doc = (await (await ctx.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, Record<string, { "x-required-role": string; requestBody?: { content: Record<string, unknown> } }>>;
  };
  const ops: DocOp[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const key = `${m.toUpperCase()} ${p}`;
      const multipart = Boolean(op.requestBody?.content["multipart/form-data"]);
      const body = validBody(key, { athleteId: "x", name: "", email: "", itemId: "", alertId: "", exerciseId: "", activityId: "", shoeId: "" }) as Record<string, unknown> | undefined;
      const targeted = p.includes("{") || Boolean(body && "athleteId" in body) || multipart;
      ops.push({ method: m.toUpperCase(), path: p, role: op["x-required-role"], hasBody: Boolean(op.requestBody), multipart, targeted });
    }
  }
  return ops;
}

export async function call(ctx: APIRequestContext, op: DocOp, t: Target, override?: { data?: unknown; headers?: Record<string, string> }) {
  const url = fillPath(op.path, t);
  const headers = { ...SAME_ORIGIN(), ...(override?.headers ?? {}) };
  if (op.multipart) {
    return ctx.fetch(url, { method: op.method, headers, multipart: { file: gpxFile(), clientId: newId(), athleteId: t.athleteId } });
  }
  const data = override && "data" in override ? override.data : validBody(`${op.method} ${op.path}`, t);
  return ctx.fetch(url, { method: op.method, headers, ...(data === undefined ? {} : { data }) });
}

/** Creates a personal API token through the settings page, as the signed-in trainer of `page`. */
export async function createTokenViaUi(browser: Browser, email: string, password: string, access: "Read only" | "Read and write"): Promise<string> {
  const ctx = await browser.newContext({ baseURL: baseUrl() });
  const page = await ctx.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill(`Matrix ${access}`);
  await page.getByLabel("Access").selectOption({ label: access });
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  await ctx.close();
  return token;
}
