import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { distDir, manifestActions } from "./actions-rsc";
import { acceptAndSignIn, act, form, inviteAthlete } from "./actions-targets";
import { apiSession, baseUrl } from "./api-session";
import { documentOps, fillPath, makeTarget, newId, today, type Target } from "./api-targets";
import { DEMO, expect, test } from "./fixtures";

/**
 * DESIGN "What an athlete sees": the staff write distinctive text into every staff-only field of
 * one athlete's records (the profile note, acknowledge and resolve notes on alerts, the reasons for
 * a program step, a dosage change and a return-to-run start), then the athlete walks everything
 * they can reach: every page of the build's (athlete) route group and their account page, as HTML
 * and as the RSC payload the router fetches; every GET of the API document an athlete may call;
 * the self-service export as JSON and as each CSV the My data page links to. No marker may appear.
 * Pages come from the build's route manifest and API routes from the OpenAPI document, so a new
 * page or route is walked without touching this spec.
 */
const STAMP = Date.now();
const MARK = {
  profile: `STAFFONLY-profile-${STAMP}`,
  acknowledge: `STAFFONLY-ack-${STAMP}`,
  resolve: `STAFFONLY-resolve-${STAMP}`,
  progress: `STAFFONLY-progress-${STAMP}`,
  dosage: `STAFFONLY-dosage-${STAMP}`,
  returnToRun: `STAFFONLY-rtr-${STAMP}`,
};
const PROGRAM = "app/(trainer)/athletes/[athleteId]/_components/program-actions.ts";
const RTR = "app/(trainer)/athletes/[athleteId]/_components/return-to-run-actions.ts";
const RTR_STAGE_2 = "5a0e0000-0000-4000-8000-000000000002";
const RTR_LADDER = "5a0e0000-0000-4000-8000-000000000000";

/** The athlete-facing pages and route handlers of the build: the (athlete) group and the account page. */
function athleteRoutes(): { pattern: string; kind: "page" | "route" }[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir(), "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((k) => k.startsWith("/(athlete)/") || k === "/(auth)/account/page")
    .map((k) => {
      const kind = k.endsWith("/route") ? ("route" as const) : ("page" as const);
      const pattern = `/${k
        .replace(/\/(page|route)$/, "")
        .split("/")
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .join("/")}`;
      return { pattern, kind };
    });
}

function markersIn(text: string): string[] {
  return Object.values(MARK).filter((m) => text.includes(m));
}

test.describe("what an athlete sees", () => {
  let owner: APIRequestContext;
  let self: APIRequestContext;
  let t: Target;
  let activityId: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    owner = await apiSession(baseUrl(), DEMO.trainer.email, DEMO.trainer.password);
    t = await makeTarget(owner);
    const w = { actions: new Map(manifestActions().map((a) => [`${a.filename}#${a.exportedName}`, a])), calls: { n: 0 } };
    const ok = async (res: Awaited<ReturnType<APIRequestContext["get"]>>, what: string) => expect(res.status(), `${what}: ${await res.text()}`).toBeLessThan(300);

    // the staff's own text in every staff-only field
    await ok(await owner.patch(`/api/v1/athletes/${t.athleteId}`, { data: { notes: MARK.profile } }), "profile note");
    const { items: alerts } = (await (await owner.get(`/api/v1/alerts?athleteId=${t.athleteId}`)).json()) as { items: { id: string }[] };
    expect(alerts.length).toBeGreaterThanOrEqual(2);
    await ok(await owner.post(`/api/v1/alerts/${alerts[0]!.id}/acknowledge`, { data: { note: MARK.acknowledge }, headers: { origin: baseUrl() } }), "acknowledge");
    await ok(await owner.post(`/api/v1/alerts/${alerts[1]!.id}/resolve`, { data: { note: MARK.resolve }, headers: { origin: baseUrl() } }), "resolve");
    await ok(await owner.post(`/api/v1/program-items/${t.itemId}/progress`, { data: { reason: MARK.progress }, headers: { origin: baseUrl() } }), "progress");
    const program = (await (await owner.get(`/api/v1/athletes/${t.athleteId}/program`)).json()) as { items: { id: string }[] };
    const dosage = await act(w, owner, `${PROGRAM}#updateDosageAction`, `/athletes/${t.athleteId}`, form({ itemId: program.items[0]!.id, sets: "3", reps: "15", holdSec: "", daysPerWeek: "3", load: "", note: "Knee over toe", reason: MARK.dosage }));
    expect(dosage.result?.ok, JSON.stringify(dosage.result)).toBe(true);
    const rtr = await act(w, owner, `${RTR}#startReturnToRunAction`, `/athletes/${t.athleteId}`, form({ athleteId: t.athleteId, placement: `${RTR_LADDER}:${RTR_STAGE_2}`, reason: MARK.returnToRun }));
    expect(rtr.status).toBe(200);

    // the athlete gets a login and logs a run of their own
    self = await acceptAndSignIn(w, await inviteAthlete(w, owner, t.athleteId), t.email);
    const run = await self.post("/api/v1/activities", {
      data: { athleteId: t.athleteId, clientId: newId(), type: "run", date: today(), durationSec: 1200, distanceM: 3000, rpe: 3 },
      headers: { origin: baseUrl() },
    });
    await ok(run, "log a run");
    activityId = ((await run.json()) as { id: string }).id;

    // every marker is really stored: the owner's export of the clinic holds them all
    const clinic = await (await owner.get("/settings/export")).text();
    expect(markersIn(clinic).sort()).toEqual(Object.values(MARK).sort());
  });

  test.afterAll(async () => {
    await self?.dispose();
    await owner?.dispose();
  });

  test("no staff-only text on any athlete page, as HTML or as the RSC payload", async () => {
    const routes = athleteRoutes().filter((r) => r.kind === "page");
    expect(routes.map((r) => r.pattern)).toEqual(expect.arrayContaining(["/today", "/history", "/program", "/progress", "/my-data", "/account"]));
    const fill = (p: string) => p.replace("[activityId]", activityId);
    for (const { pattern } of routes) {
      expect(pattern, "a page with a dynamic segment this spec cannot fill").not.toMatch(/\[(?!activityId\])/);
      const url = fill(pattern);
      const html = await self.get(url, { maxRedirects: 0 });
      expect(html.status(), `GET ${url}`).toBe(200);
      expect(markersIn(await html.text()), `GET ${url}`).toEqual([]);
      // Next may first redirect an RSC request to the same path with its cache-busting `_rsc` query
      const rsc = await self.get(url, { headers: { RSC: "1" } });
      expect(rsc.status(), `RSC ${url}`).toBe(200);
      expect(new URL(rsc.url()).pathname, `RSC ${url}`).toBe(url);
      expect(rsc.headers()["content-type"], `RSC ${url}`).toContain("text/x-component");
      expect(markersIn(await rsc.text()), `RSC ${url}`).toEqual([]);
    }
    // the walk saw the athlete's program, with the instruction written for them
    expect(await (await self.get("/program")).text()).toContain("Knee over toe");
  });

  test("no staff-only text in any API answer an athlete may get", async () => {
    const ops = (await documentOps(self)).filter((op) => op.method === "GET" && op.role !== "trainer");
    expect(ops.map((op) => op.path)).toEqual(expect.arrayContaining(["/api/v1/athletes/{athleteId}", "/api/v1/athletes/{athleteId}/program", "/api/v1/athletes/{athleteId}/status"]));
    for (const op of ops) {
      const url = fillPath(op.path, t);
      const res = await self.get(url);
      expect(res.status(), `GET ${url}`).toBe(200);
      expect(markersIn(await res.text()), `GET ${url}`).toEqual([]);
    }
    // the profile is there, without the staff's note; the staff still read it
    const mine = (await (await self.get(`/api/v1/athletes/${t.athleteId}`)).json()) as Record<string, unknown>;
    expect(mine).toMatchObject({ id: t.athleteId, name: t.name });
    expect(mine).not.toHaveProperty("notes");
    expect(await (await owner.get(`/api/v1/athletes/${t.athleteId}`)).json()).toMatchObject({ notes: MARK.profile });
  });

  test("no staff-only text in the self-service export, as JSON or as any CSV", async () => {
    const json = await self.get("/my-data/download?format=json");
    expect(json.status()).toBe(200);
    const text = await json.text();
    expect(markersIn(text)).toEqual([]);
    const data = JSON.parse(text) as { datasets: Record<string, unknown[]> };
    expect(data.datasets.alerts!.length).toBeGreaterThanOrEqual(2);
    expect(data.datasets.program_history!.length).toBeGreaterThanOrEqual(2);
    // every CSV the My data page offers, so a new dataset is checked too
    const page = await (await self.get("/my-data")).text();
    const links = [...page.matchAll(/href="(\/my-data\/download\?format=csv&amp;dataset=[a-z_]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    expect(links.length).toBe(Object.keys(data.datasets).length);
    for (const link of links) {
      const csv = await self.get(link);
      expect(csv.status(), link).toBe(200);
      expect(markersIn(await csv.text()), link).toEqual([]);
    }
  });
});
