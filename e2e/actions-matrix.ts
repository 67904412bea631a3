import { expect } from "@playwright/test";
import { RED_FLAGS } from "../lib/domain/types";
import { gpxFile } from "./api-targets";
import type { Fields, Outcome } from "./actions-rsc";
import { act, CLINICAL_ACTIONS as CLINICAL, daysAgo, exerciseFields, form, getHtml, getJson, invitationTokenFor, invitePage, newId, pageText, selfData, visibleText, type Targets, type World } from "./actions-targets";

/**
 * What every server action of the app is expected to do for each caller. The spec checks that
 * this table covers exactly the actions of the build's manifest and the exports of the
 * "use server" files: a new action fails the spec until it has a row here.
 *
 * Callers: signed out; an athlete of clinic A aimed at the target's records; the owner of another
 * clinic; the owner of clinic A (the rightful caller of trainer actions); a non-owner trainer of
 * clinic A (owner-only actions); the target athlete (the rightful caller of athlete actions).
 */
export type Caller = "anon" | "athlete" | "other" | "owner" | "trainer2";

/**
 * - notFound: a 404 (notFound() in a guard) or the form state "… was not found."
 * - dashboard: requireAthlete sends a trainer to /dashboard, the action does not run
 * - own: the action acts only on the caller's own clinic or own record (it names nothing of
 *   clinic A, or what it names is ignored); the call may succeed there, clinic A stays unchanged
 * - a RegExp: refused with that form-state message
 * - a function: a custom check of the answer
 */
export type Refusal = "notFound" | "dashboard" | "own" | RegExp | ((o: Outcome, w: World) => void | Promise<void>);

export type Access = "trainer" | "owner-only" | "athlete";

export type ActionSpec = {
  key: string;
  access: Access;
  /** the page the browser posts the action to (one of its workers in the manifest) */
  page: (t: Targets) => string;
  /** inputs aimed at clinic A's records; the first is also the rightful caller's */
  inputs: (t: Targets) => Fields[];
  /** expected refusals, where they differ from the defaults for `access` */
  refused?: Partial<Record<Caller, Refusal>>;
  /** what the action could change, as the owner (or the target athlete) sees it */
  state: (w: World) => Promise<unknown>;
  /** the rightful caller's effect, visible afterwards */
  success: (c: { w: World; before: unknown; after: unknown; o: Outcome }) => void | Promise<void>;
  /** puts clinic A back the way the other specs expect it */
  cleanup?: (w: World) => Promise<void>;
  /** why a caller's call is "own" rather than refused, and other notes for the report */
  note?: string;
};

export type PublicSpec = { key: string; reason: string };

/** Defaults: who is refused how, by the kind of guard the action has. */
export function expectedRefusal(spec: ActionSpec, caller: Exclude<Caller, "anon">): Refusal | undefined {
  if (spec.refused?.[caller] !== undefined) return spec.refused[caller];
  switch (spec.access) {
    case "trainer":
      return caller === "athlete" || caller === "other" ? "notFound" : undefined;
    case "owner-only":
      return caller === "athlete" || caller === "trainer2" ? "notFound" : caller === "other" ? "own" : undefined;
    case "athlete":
      return caller === "owner" || caller === "other" ? "dashboard" : caller === "athlete" ? "notFound" : undefined;
  }
}

// ── Readers ───────────────────────────────────────────────────────────────────────────────────

type Profile = { name: string; sportGroup: string | null; status: string; hasLogin: boolean };
type Program = { items: { id: string; exerciseId: string; exerciseName?: string; sets: number; reps: number | null; status: string }[]; runningPrescription: { weeklyDistanceM: number } | null };
type Activity = { id: string; durationSec: number; note: string | null; clientId: string };
type Exercise = { id: string; name: string; archived: boolean };
type Ladder = { id: string; name: string; steps: { exerciseId: string }[] };
type Mine = { unit: string; datasets: Record<string, { id: string; date?: string; morningPain?: number; name?: string; archivedAt?: string | null; retiredAt?: string | null; note?: string | null; durationSec?: number }[]> };

const roster = (w: World) => getJson(w.callers.owner, "/api/v1/athletes?status=all&q=Matrix&pageSize=100") as Promise<{ items: { id: string; name: string }[] }>;
const profile = (w: World, id = w.t.athleteId) => getJson(w.callers.owner, `/api/v1/athletes/${id}`) as Promise<Profile>;
const program = (w: World, id = w.t.athleteId) => getJson(w.callers.owner, `/api/v1/athletes/${id}/program`) as Promise<Program>;
const activities = async (w: World) => ((await getJson(w.callers.owner, `/api/v1/athletes/${w.t.athleteId}/activities?from=${daysAgo(30)}`)) as { items: Activity[] }).items;
const exercises = async (w: World) => ((await getJson(w.callers.owner, "/api/v1/exercises")) as { exercises: Exercise[] }).exercises;
const ladders = async (w: World) => ((await getJson(w.callers.owner, "/api/v1/ladders")) as { ladders: Ladder[] }).ladders;
const alerts = (w: World) => getJson(w.callers.owner, `/api/v1/alerts?athleteId=${w.t.athleteId}`) as Promise<{ items: { id: string; status: string }[] }>;
const templatesPage = (w: World) => pageText(w.callers.owner, "/templates");
const templatePage = async (w: World, id = w.t.templateId) => {
  const res = await w.callers.owner.get(`/templates/${id}`);
  return res.status() === 200 ? getHtml(w.callers.owner, `/templates/${id}`) : `HTTP ${res.status()}`;
};
const tokensPage = (w: World) => pageText(w.callers.owner, "/settings/tokens");
const settingsPage = (w: World) => pageText(w.callers.owner, "/settings");
const alertEmailsPage = (w: World) => pageText(w.callers.owner, "/settings/alert-emails");
const mine = (w: World) => selfData(w.callers.self) as Promise<Mine>;
/** The athlete page's Return to run section, as the owner reads it (stage, verdict, stage history). */
const rtrState = async (w: World) => {
  const html = await getHtml(w.callers.owner, `/athletes/${w.t.athleteId}`);
  const start = html.indexOf('id="return-to-run"');
  return start < 0 ? "no section" : visibleText(html.slice(start, html.indexOf("</section>", start)));
};

/** The athlete page's staff-only Injury episodes and Clinical notes sections, as the owner reads them. */
const clinicalState = async (w: World) => {
  const html = await getHtml(w.callers.owner, `/athletes/${w.t.athleteId}`);
  const section = (id: string) => {
    const start = html.indexOf(`id="${id}"`);
    return start < 0 ? `no ${id} section` : visibleText(html.slice(start, html.indexOf("</section>", start)));
  };
  return { episodes: section("episodes"), notes: section("notes") };
};

/** The photo and video the owner's exercise page shows (the clinic's media of that exercise). */
type MediaState = { photo: string | null; video: string | null };
const mediaState = async (w: World): Promise<MediaState> => {
  const html = await getHtml(w.callers.owner, `/exercises/${w.t.otherExerciseId}`);
  return { photo: /<img[^>]+src="(\/api\/media\/exercise-photos\/[^"]+)"/.exec(html)?.[1] ?? null, video: /<iframe[^>]+src="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&") ?? null };
};
/** A small PNG (64 × 48) for the photo upload. */
const matrixPhoto = () => ({
  name: "matrix.png",
  mimeType: "image/png",
  buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfUlEQVRoge2SAQkAURSDFsJ0y3ShL4Y8/sAAOha+nia6AQuoviK7UO8S3YAFVF+RXah3iW7AAqqvyC7Uu0Q3YAHVV2QX6l2iG7CA6iuyC/Uu0Q1YQPUV2YV6l+gGLKD6iuxCvUt0AxZQfUV2od4lugELqL4iu1DvEt2AxwN+iT64pilOzEwAAAAASUVORK5CYII=", "base64"),
});

const itemOf = (p: Program, id: string) => p.items.find((i) => i.id === id);
const dosage = (extra: Fields = {}): Fields => ({ sets: "3", reps: "10", holdSec: "", daysPerWeek: "3", load: "", note: "", ...extra });
const flagsNo = () => ({ redFlagsAny: "yes", ...Object.fromEntries(RED_FLAGS.map((f) => [`flag_${f}`, "no"])) });

/** The owner's template page as its controls and text, to tell items apart. */
const templateState = async (w: World, id = w.t.templateId) => {
  const html = await templatePage(w, id);
  return html.startsWith("HTTP") ? html : { items: [...new Set([...html.matchAll(/name="templateItemId" value="([^"]+)"/g)].map((m) => m[1]))], html: html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/nonce="[^"]*"/g, "") };
};

// ── The matrix ────────────────────────────────────────────────────────────────────────────────

export const PUBLIC: PublicSpec[] = [
  { key: "app/(auth)/actions.ts#signInAction", reason: "the sign-in form: anyone may try; a wrong password gets the same generic answer for any email and no session" },
  { key: "app/(auth)/actions.ts#signUpAction", reason: "asks for a new clinic: emails a confirmation link to the address typed (or, if it has an account, a note saying so) and answers the same either way; creates nothing" },
  { key: "app/(auth)/actions.ts#confirmSignUpAction", reason: "the sign-up confirmation page: the secret token in the emailed link and the password chosen at sign-up create a new, empty clinic; it cannot join, name or read an existing clinic" },
  { key: "app/(auth)/actions.ts#signOutAction", reason: "ends the caller's own session; it takes no input and touches no record" },
  { key: "app/(auth)/actions.ts#acceptInviteAction", reason: "the invitation page: the secret token in the link is the credential; a wrong, used or replaced token is refused" },
  { key: "app/(auth)/actions.ts#requestResetAction", reason: "\"forgot your password\": emails a link to the address typed, only if it has an account, and answers the same either way; limited per address and network" },
  { key: "app/(auth)/actions.ts#resetPasswordAction", reason: "the reset page: the secret token in the emailed link is the credential (one hour, once); a wrong, used or replaced token is refused" },
  { key: "app/(auth)/account/actions.ts#changePasswordAction", reason: "changes the caller's own password, given their current one; takes no id" },
  { key: "app/(auth)/account/actions.ts#signOutEverywhereAction", reason: "ends the caller's own sessions; takes no input and touches no record" },
  {
    key: "app/(auth)/actions.ts#verifySecondFactorAction",
    reason: "the sign-in's code step: acts only on the caller's own session whose password was right and whose second factor is owed; anyone else gets \"this sign-in has expired\"; throttled like passwords",
  },
  { key: "app/(auth)/account/two-factor/actions.ts#startTwoFactorSetupAction", reason: "makes a new two-factor secret for the caller's own staff account (not yet in force); takes no input; athletes get not-found" },
  { key: "app/(auth)/account/two-factor/actions.ts#confirmTwoFactorAction", reason: "puts the caller's own waiting secret in force given a code from it; takes no id" },
  { key: "app/(auth)/account/two-factor/actions.ts#regenerateRecoveryCodesAction", reason: "replaces the caller's own recovery codes given a current code; takes no id" },
  { key: "app/(auth)/account/two-factor/actions.ts#disableTwoFactorAction", reason: "turns off the caller's own two-factor sign-in given their password and a code; takes no id" },
];

const ATHLETES = "app/(trainer)/athletes/actions.ts";
const PROGRAM = "app/(trainer)/athletes/[athleteId]/_components/program-actions.ts";
const ENTRY = "app/(trainer)/athletes/[athleteId]/entry-actions.ts";
const EXERCISES = "app/(trainer)/exercises/actions.ts";
const TEMPLATES = "app/(trainer)/templates/actions.ts";
const SETTINGS = "app/(trainer)/settings/actions.ts";
const TOKENS = "app/(trainer)/settings/tokens/actions.ts";
const ALERT_EMAILS = "app/(trainer)/settings/alert-emails/actions.ts";
const DASHBOARD = "app/(trainer)/dashboard/actions.ts";
const ATHLETE = "app/(athlete)/actions.ts";
const RTR = "app/(trainer)/athletes/[athleteId]/_components/return-to-run-actions.ts";
const RTR_ATHLETE = "app/(athlete)/today/return-to-run-actions.ts";
/** The built-in return-to-run ladder and its stages (fixed ids, drizzle/0016). */
const RTR_LADDER = "5a0e0000-0000-4000-8000-000000000000";
const rtrStage = (n: number) => `5a0e0000-0000-4000-8000-00000000000${n}`;

/** How many reset emails the owner's outbox lists for `email` (the body is not kept once sent). */
const resetMailsTo = async (w: World, email: string) => {
  const text = await pageText(w.callers.owner, "/settings/outbox");
  return text.split(`Choose a new Stride Clinic password To ${email}`).length - 1;
};

const csvOf = (rows: string[][]) => ["name,email", ...rows.map((r) => r.join(","))].join("\n") + "\n";
let importId = "";

/**
 * In the order the rightful callers run them: reports first (they need an active athlete and an
 * active item), then the program and library, destructive steps (archive, revoke) last.
 */
export const MATRIX: ActionSpec[] = [
  // ── the athlete's own reports ──
  {
    key: `${ATHLETE}#saveCheckInAction`,
    access: "athlete",
    page: () => "/today",
    // athleteId is not a field of the form: whatever is sent there, the check-in is the caller's own
    inputs: (t) => [{ athleteId: t.athleteId, date: daysAgo(2), morningPain: "3", tapeYesterday: "", note: "", clientId: newId(), ...flagsNo() }],
    refused: { athlete: "own" },
    note: "an athlete's check-in is always their own: a named athleteId is not a field and is ignored",
    state: mine,
    success: ({ after, o }) => {
      expect(o.actionRedirect).toBe("/today?saved=check-in");
      expect((after as Mine).datasets.check_ins!.find((c) => c.date === daysAgo(2))?.morningPain).toBe(3);
    },
  },
  {
    key: `${ATHLETE}#logExerciseAction`,
    access: "athlete",
    page: () => "/today",
    inputs: (t) => [{ clientId: newId(), programItemId: t.itemId, setsDone: "2", exercisePain: "1", couldNotFinish: "" }],
    state: mine,
    success: ({ before, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Mine).datasets.exercise_logs!.length).toBe((before as Mine).datasets.exercise_logs!.length + 1);
    },
  },
  {
    key: `${ATHLETE}#undoExerciseLogAction`,
    access: "athlete",
    page: () => "/today",
    inputs: (t) => [{ id: t.logId }],
    state: mine,
    success: ({ w, after }) => {
      const row = (after as Mine).datasets.exercise_logs!.find((l) => l.id === w.t.logId);
      expect(row === undefined || Boolean(row.archivedAt)).toBe(true);
    },
  },
  {
    key: `${ATHLETE}#saveActivityAction`,
    access: "athlete",
    page: (t) => `/history/activities/${t.activityId}/edit`,
    inputs: (t): Fields[] => [
      // correct the target's activity
      { activityId: t.activityId, clientId: newId(), type: "run", date: daysAgo(2), startTime: "", duration: "45", distance: "8", rpe: "5", painDuring: "", painAfter: "", shoeId: "", note: "Matrix corrected by the athlete" },
      // replay the target's submission id: answers with the stored row unless it is someone else's
      { clientId: t.activityClientId, type: "run", date: daysAgo(1), duration: "30", distance: "5", rpe: "4", painDuring: "", painAfter: "", shoeId: "", note: "" },
      // run in the target's shoe
      { clientId: newId(), type: "run", date: daysAgo(1), duration: "30", distance: "5", rpe: "4", painDuring: "", painAfter: "", shoeId: t.shoeId, note: "" },
    ],
    refused: { athlete: /was not found|already used for another record/ },
    state: mine,
    success: ({ w, after, o }) => {
      expect(o.actionRedirect).toBe(`/history?saved=activity&run=${w.t.activityId}`);
      const row = (after as Mine).datasets.activities!.find((a) => a.id === w.t.activityId);
      expect(row?.durationSec).toBe(45 * 60);
      expect(row?.note).toBe("Matrix corrected by the athlete");
    },
  },
  {
    key: `${ATHLETE}#importFilesAction`,
    access: "athlete",
    page: () => "/log/import",
    inputs: (t) => [{ file: gpxFile(), intent: "save", clientIds: newId(), rpe: "4", painDuring: "", painAfter: "", shoeId: t.shoeId }],
    refused: {
      athlete: (o) => {
        // another athlete's shoe: the form says so and nothing is stored (checked by the caller)
        expect(o.result?.ok, JSON.stringify(o.result)).toBe(false);
        expect(JSON.stringify(o.result)).toMatch(/Shoe was not found/);
      },
    },
    state: mine,
    success: ({ before, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Mine).datasets.activities!.length).toBe((before as Mine).datasets.activities!.length + 1);
    },
  },
  {
    key: `${ATHLETE}#archiveActivityAction`,
    access: "athlete",
    page: () => "/history",
    inputs: (t) => [{ id: t.activityId }],
    state: mine,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      const row = (after as Mine).datasets.activities!.find((a) => a.id === w.t.activityId);
      expect(row === undefined || Boolean(row.archivedAt)).toBe(true);
    },
  },
  {
    key: `${ATHLETE}#addShoeAction`,
    access: "athlete",
    page: () => "/shoes",
    // the shoe form has an athleteId field (trainers may add shoes): naming another athlete is not found
    inputs: (t) => [{ athleteId: t.athleteId, name: `Matrix Planted Shoe ${t.stamp}`, reminder: "" }],
    state: mine,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Mine).datasets.shoes!.some((s) => s.name === `Matrix Planted Shoe ${w.t.stamp}`)).toBe(true);
    },
  },
  {
    key: `${ATHLETE}#updateShoeAction`,
    access: "athlete",
    page: () => "/shoes",
    inputs: (t) => [{ id: t.shoeId, name: "Matrix renamed shoe", retired: "yes" }],
    state: mine,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      const shoe = (after as Mine).datasets.shoes!.find((s) => s.id === w.t.shoeId);
      expect(shoe?.name).toBe("Matrix renamed shoe");
      expect(shoe?.retiredAt).toBeTruthy();
    },
  },
  {
    key: `${ATHLETE}#setUnitAction`,
    access: "athlete",
    page: () => "/shoes",
    // the unit is the caller's own setting; a named athleteId is not a field
    inputs: (t) => [{ unit: "mi", athleteId: t.athleteId }],
    refused: { athlete: "own" },
    note: "the unit is the caller's own setting: a named athleteId is not a field and is ignored",
    state: mine,
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Mine).unit).toBe("mi");
    },
  },
  // ── trainer entries and the program ──
  {
    key: `${ENTRY}#saveAthleteActivityAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}/log`,
    inputs: (t): Fields[] => [
      { athleteId: t.athleteId, clientId: newId(), type: "bike", date: daysAgo(1), startTime: "", duration: "50", distance: "", rpe: "3", painDuring: "", painAfter: "", shoeId: "", note: "Matrix entered by the trainer" },
      { athleteId: t.athleteId, activityId: t.activityId, clientId: newId(), type: "run", date: daysAgo(2), duration: "20", distance: "3", rpe: "3", note: "" },
    ],
    state: activities,
    success: ({ before, after, o, w }) => {
      expect(o.actionRedirect).toBe(`/athletes/${w.t.athleteId}?saved=activity`);
      const added = (after as Activity[]).filter((a) => !(before as Activity[]).some((b) => b.id === a.id));
      expect(added.map((a) => a.note)).toEqual(["Matrix entered by the trainer"]);
    },
  },
  {
    key: `${ENTRY}#archiveAthleteActivityAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}/activities/${t.wrongActivityId}/edit`,
    inputs: (t) => [{ id: t.wrongActivityId }],
    state: activities,
    success: ({ before, after, o, w }) => {
      expect(o.actionRedirect).toBe(`/athletes/${w.t.athleteId}?saved=activity-deleted`);
      expect((before as Activity[]).some((a) => a.id === w.t.wrongActivityId)).toBe(true);
      expect((after as Activity[]).some((a) => a.id === w.t.wrongActivityId)).toBe(false);
    },
  },
  {
    key: `${PROGRAM}#addItemAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, exerciseId: t.customExerciseId, ...dosage() }],
    state: (w) => program(w),
    success: ({ w, before, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Program).items.length).toBe((before as Program).items.length + 1);
      expect((after as Program).items.some((i) => i.exerciseId === w.t.customExerciseId)).toBe(true);
    },
  },
  {
    key: `${PROGRAM}#updateDosageAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ itemId: t.itemId, ...dosage({ sets: "4", reps: "12" }), reason: "Matrix check" }],
    state: (w) => program(w),
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(itemOf(after as Program, w.t.itemId)).toMatchObject({ sets: 4, reps: 12 });
    },
  },
  {
    key: `${PROGRAM}#stepItemAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ itemId: t.itemId, direction: "progress", reason: "Matrix check" }],
    state: (w) => program(w),
    success: ({ w, before, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      // the item stays, on the next exercise of its ladder
      expect(itemOf(after as Program, w.t.itemId)?.exerciseId).toBeTruthy();
      expect(itemOf(after as Program, w.t.itemId)?.exerciseId).not.toBe(itemOf(before as Program, w.t.itemId)?.exerciseId);
    },
  },
  {
    key: `${PROGRAM}#itemStatusAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ itemId: t.itemId, status: "paused", reason: "Matrix check" }],
    state: (w) => program(w),
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(itemOf(after as Program, w.t.itemId)?.status).toBe("paused");
    },
  },
  {
    key: `${PROGRAM}#prescriptionAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, unit: "km", weeklyDistance: "21", longestRun: "8", runMinutes: "", walkMinutes: "", note: "" }],
    state: (w) => program(w),
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Program).runningPrescription?.weeklyDistanceM).toBe(21_000);
    },
  },
  {
    key: `${PROGRAM}#saveTemplateAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, name: `Matrix Saved ${t.stamp}`, description: "" }],
    state: templatesPage,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(after as string).toContain(`Matrix Saved ${w.t.stamp}`);
    },
  },
  {
    key: `${PROGRAM}#applyTemplateAction`,
    access: "trainer",
    // applied to the invitee, whose program is empty, so the template's items show up
    page: (t) => `/athletes/${t.inviteeId}`,
    inputs: (t) => [{ athleteId: t.inviteeId, templateId: t.templateId }],
    state: (w) => program(w, w.t.inviteeId),
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Program).items.length).toBeGreaterThan(0);
    },
  },
  {
    key: `${DASHBOARD}#alertAction`,
    access: "trainer",
    page: () => "/dashboard",
    inputs: (t) => [{ alertId: t.alertId, intent: "acknowledge", note: "Matrix check" }],
    state: alerts,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Awaited<ReturnType<typeof alerts>>).items.find((a) => a.id === w.t.alertId)?.status).toBe("acknowledged");
    },
  },
  // ── return to run (DESIGN §2c): start, steps, a session, stop, finish; the athlete is active again after ──
  {
    key: `${RTR}#startReturnToRunAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, placement: `${RTR_LADDER}:${rtrStage(3)}`, reason: "Matrix start at stage 3" }],
    state: rtrState,
    success: ({ o, after }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(after).toMatch(/stage 3/i);
    },
  },
  {
    key: `${RTR}#mayStepUpAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, allowed: "on" }],
    state: rtrState,
    success: ({ o }) => expect(o.result?.ok, JSON.stringify(o.result)).toBe(true),
  },
  {
    key: `${RTR}#stageStepAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, direction: "down", reason: "Matrix step down" }],
    state: rtrState,
    success: ({ o, after }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(after).toContain("Matrix step down");
    },
  },
  {
    key: `${RTR_ATHLETE}#logStageSessionAction`,
    access: "athlete",
    page: () => "/today",
    inputs: () => [{ clientId: newId(), stageId: rtrStage(2), date: daysAgo(0), minutes: "30", rpe: "3", painDuring: "1", painAfter: "1", outcome: "completed", note: "Matrix stage session" }],
    // another athlete of the clinic acts on their own record, where no plan is in force: refused
    refused: { athlete: /no return-to-run plan on that date/ },
    state: rtrState,
    success: async ({ w, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((await activities(w)).some((a) => a.note === "Matrix stage session")).toBe(true);
    },
  },
  {
    key: `${RTR_ATHLETE}#athleteStageStepAction`,
    access: "athlete",
    page: () => "/today",
    inputs: () => [{ direction: "down" }],
    // another athlete acts on their own record (they are on no plan), never on the target's: refused
    refused: { athlete: /not on a return-to-run stage/ },
    state: rtrState,
    success: ({ o, after }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(after).toContain("by the athlete");
    },
  },
  {
    key: `${RTR}#stopReturnToRunAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, reason: "Matrix stop" }],
    state: rtrState,
    success: async ({ w, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((await profile(w)).status).toBe("active");
    },
    // the next row finishes a plan from its last stage
    cleanup: async (w) => {
      const o = await act(w, w.callers.owner, `${RTR}#startReturnToRunAction`, `/athletes/${w.t.athleteId}`, form({ athleteId: w.t.athleteId, placement: `${RTR_LADDER}:${rtrStage(8)}`, reason: "Matrix: at the last stage" }));
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
    },
  },
  {
    key: `${RTR}#finishReturnToRunAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, unit: "km", weeklyDistance: "20", longestRun: "8", runMinutes: "", walkMinutes: "", note: "", reason: "Matrix finish" }],
    state: rtrState,
    success: async ({ w, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((await profile(w)).status).toBe("active");
    },
  },
  // ── the staff-only clinical record (issue 18): notes, then the episode resolved and a new one started ──
  {
    key: `${CLINICAL}#addNoteAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, body: `Matrix note added ${t.stamp}`, alertId: "", programEventId: "", episodeId: "", correctsNoteId: "" }],
    state: clinicalState,
    success: ({ o, after }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as { notes: string }).notes).toContain("Matrix note added");
    },
  },
  {
    key: `${CLINICAL}#editNoteAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, noteId: t.noteId, body: `Matrix note edited ${t.stamp}` }],
    state: clinicalState,
    success: ({ o, after }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as { notes: string }).notes).toContain("Matrix note edited");
    },
  },
  {
    key: `${CLINICAL}#archiveNoteAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, noteId: t.noteId }],
    state: clinicalState,
    success: ({ o, after }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as { notes: string }).notes).not.toContain("Matrix note edited");
    },
  },
  {
    key: `${CLINICAL}#resolveEpisodeAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, episodeId: t.episodeId, resolvedOn: daysAgo(0), note: "Matrix resolved" }],
    state: clinicalState,
    success: ({ o, after }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as { episodes: string }).episodes).toMatch(/No active episode[\s\S]*Matrix resolved/);
    },
  },
  {
    key: `${CLINICAL}#startEpisodeAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId, condition: `Matrix episode ${t.stamp}`, side: "left", onsetDate: "" }],
    state: clinicalState,
    success: ({ o, after }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as { episodes: string }).episodes).toMatch(/Current episode[\s\S]*Matrix episode/);
    },
  },
  // ── the roster ──
  {
    key: `${ATHLETES}#createAthleteAction`,
    access: "trainer",
    page: () => "/athletes/new",
    // assigned to clinic A's owner: another clinic's trainer cannot name a trainer of clinic A
    inputs: (t) => [{ name: `Matrix Created ${t.stamp}`, email: "", sportGroup: "", birthYear: "", injuredSide: "", condition: "", onsetDate: "", trainerId: t.ownerUserId, timeZone: "", notes: "" }],
    refused: { other: /Choose a trainer from your clinic/ },
    state: roster,
    success: async ({ w, o }) => {
      const id = /^\/athletes\/([0-9a-f-]{36})$/.exec(o.actionRedirect ?? "")?.[1];
      expect(id, `redirect to the new athlete: ${o.actionRedirect}`).toBeTruthy();
      expect((await profile(w, id)).name).toBe(`Matrix Created ${w.t.stamp}`);
    },
  },
  {
    key: `${ATHLETES}#updateAthleteAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}/edit`,
    inputs: (t) => [{ athleteId: t.athleteId, sportGroup: "Matrix group changed" }],
    state: (w) => profile(w),
    success: ({ w, after, o }) => {
      expect(o.actionRedirect).toBe(`/athletes/${w.t.athleteId}`);
      expect((after as Profile).sportGroup).toBe("Matrix group changed");
    },
  },
  {
    key: `${ATHLETES}#createInviteAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.inviteeId}`,
    inputs: (t) => [{ athleteId: t.inviteeId }],
    // a new invitation replaces the live one: a refused call must leave the invitee's link working
    state: async (w) => ({ live: await invitePage(w.callers.anon, w.t.inviteeToken), profile: await profile(w, w.t.inviteeId) }),
    success: async ({ w, before, after, o }) => {
      expect((before as { live: string }).live).toContain("invited you");
      // the new link is only in the invitee's mailbox, never in the answer
      expect(JSON.stringify(o.result)).not.toContain("/invite/");
      const token = await invitationTokenFor(w.t.inviteeEmail);
      expect(await invitePage(w.callers.anon, token)).toContain(`Welcome, ${w.t.inviteeName}`);
      expect((after as { live: string }).live).toBe("dead link");
      w.t.inviteeToken = token;
    },
  },
  {
    key: `${ATHLETES}#previewImportAction`,
    access: "trainer",
    page: () => "/athletes/import",
    // the target's own name and email: only clinic A's preview may say they are on the roster
    inputs: (t) => [{ csv: csvOf([[t.name, t.email]]), fileName: "roster.csv" }],
    refused: {
      other: (o) => {
        expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
        expect(JSON.stringify(o.result?.preview)).not.toMatch(/already on your roster/);
      },
    },
    note: "another clinic gets a preview against its own roster: the target's email is not 'already on your roster' there",
    state: roster,
    success: ({ o }) => {
      expect(JSON.stringify(o.result?.preview)).toMatch(/already on your roster/);
    },
  },
  {
    key: `${ATHLETES}#confirmImportAction`,
    access: "trainer",
    page: () => "/athletes/import",
    // one import id for every caller: another clinic's use of it must not make clinic A's a replay
    inputs: (t) => [{ csv: csvOf([[`Matrix Imported ${t.stamp}`, ""]]), fileName: "roster.csv", importId: (importId ||= newId()) }],
    refused: { other: "own" },
    note: "another clinic imports into its own roster",
    state: roster,
    success: ({ w, after, o }) => {
      expect(o.result, JSON.stringify(o.result)).toMatchObject({ ok: true, imported: 1 });
      expect((after as Awaited<ReturnType<typeof roster>>).items.some((a) => a.name === `Matrix Imported ${w.t.stamp}`)).toBe(true);
    },
  },
  // ── the library ──
  {
    key: `${EXERCISES}#saveExerciseAction`,
    access: "trainer",
    page: (t) => `/exercises/${t.customExerciseId}`,
    inputs: (t) => [exerciseFields(t.customExerciseId, `Matrix Exercise renamed ${t.stamp}`)],
    state: exercises,
    success: ({ w, after, o }) => {
      expect(o.actionRedirect).toBe(`/exercises/${w.t.customExerciseId}`);
      expect((after as Exercise[]).find((e) => e.id === w.t.customExerciseId)?.name).toBe(`Matrix Exercise renamed ${w.t.stamp}`);
    },
  },
  {
    key: `${EXERCISES}#copyExerciseAction`,
    access: "trainer",
    page: (t) => `/exercises/${t.customExerciseId}`,
    inputs: (t) => [{ exerciseId: t.customExerciseId }],
    state: exercises,
    success: ({ w, before, after, o }) => {
      const id = /^\/exercises\/([0-9a-f-]{36})$/.exec(o.actionRedirect ?? "")?.[1];
      expect(id && id !== w.t.customExerciseId, `redirect to the copy: ${o.actionRedirect}`).toBeTruthy();
      expect((after as Exercise[]).length).toBe((before as Exercise[]).length + 1);
      expect((after as Exercise[]).find((e) => e.id === id)?.name).toMatch(/\(copy\)$/);
    },
  },
  {
    key: `${EXERCISES}#saveLadderAction`,
    access: "trainer",
    page: () => "/exercises",
    inputs: (t) => [{ ladderId: t.ladderId, name: `Matrix Ladder renamed ${t.stamp}`, region: "hip", description: "" }],
    state: ladders,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Ladder[]).find((l) => l.id === w.t.ladderId)?.name).toBe(`Matrix Ladder renamed ${w.t.stamp}`);
    },
  },
  {
    key: `${EXERCISES}#insertStepAction`,
    access: "trainer",
    page: (t) => `/exercises/${t.customExerciseId}`,
    inputs: (t) => [{ exerciseId: t.customExerciseId, ladderId: t.ladderId, afterExerciseId: "" }],
    state: ladders,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Ladder[]).find((l) => l.id === w.t.ladderId)?.steps.map((s) => s.exerciseId)).toContain(w.t.customExerciseId);
    },
  },
  {
    key: `${EXERCISES}#archiveLadderAction`,
    access: "trainer",
    page: () => "/exercises",
    inputs: (t) => [{ ladderId: t.ladderId }],
    state: ladders,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Ladder[]).some((l) => l.id === w.t.ladderId)).toBe(false);
    },
  },
  // a clinic's photo and video of a built-in exercise (the target's otherExercise), on its exercise page
  {
    key: `${EXERCISES}#uploadExercisePhotoAction`,
    access: "trainer",
    page: (t) => `/exercises/${t.otherExerciseId}`,
    refused: { other: "own" },
    note: "a built-in exercise is in every clinic's library: another clinic's media for it are its own (keyed by clinic + exercise); clinic A's stay unchanged",
    inputs: (t) => [{ exerciseId: t.otherExerciseId, photo: matrixPhoto() }],
    state: (w) => mediaState(w),
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as MediaState).photo).toMatch(new RegExp(`^/api/media/exercise-photos/${w.t.otherExerciseId}/[0-9a-f]{64}$`));
    },
  },
  {
    key: `${EXERCISES}#removeExercisePhotoAction`,
    access: "trainer",
    page: (t) => `/exercises/${t.otherExerciseId}`,
    refused: { other: "own" },
    note: "a built-in exercise is in every clinic's library: another clinic's media for it are its own (keyed by clinic + exercise); clinic A's stay unchanged",
    inputs: (t) => [{ exerciseId: t.otherExerciseId }],
    state: (w) => mediaState(w),
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as MediaState).photo).toBeNull();
    },
  },
  {
    key: `${EXERCISES}#saveExerciseVideoAction`,
    access: "trainer",
    page: (t) => `/exercises/${t.otherExerciseId}`,
    refused: { other: "own" },
    note: "a built-in exercise is in every clinic's library: another clinic's media for it are its own (keyed by clinic + exercise); clinic A's stay unchanged",
    inputs: (t) => [{ exerciseId: t.otherExerciseId, videoLink: "https://youtu.be/dQw4w9WgXcQ" }],
    state: (w) => mediaState(w),
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as MediaState).video).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    },
  },
  {
    key: `${EXERCISES}#removeExerciseVideoAction`,
    access: "trainer",
    page: (t) => `/exercises/${t.otherExerciseId}`,
    refused: { other: "own" },
    note: "a built-in exercise is in every clinic's library: another clinic's media for it are its own (keyed by clinic + exercise); clinic A's stay unchanged",
    inputs: (t) => [{ exerciseId: t.otherExerciseId }],
    state: (w) => mediaState(w),
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as MediaState).video).toBeNull();
    },
  },
  {
    key: `${EXERCISES}#archiveExerciseAction`,
    access: "trainer",
    page: (t) => `/exercises/${t.customExerciseId}`,
    inputs: (t) => [{ exerciseId: t.customExerciseId, archived: "true" }],
    state: exercises,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Exercise[]).some((e) => e.id === w.t.customExerciseId)).toBe(false);
    },
  },
  // ── templates ──
  {
    key: `${TEMPLATES}#updateTemplateAction`,
    access: "trainer",
    page: (t) => `/templates/${t.templateId}`,
    inputs: (t) => [{ templateId: t.templateId, name: `Matrix Template renamed ${t.stamp}`, description: "Matrix description" }],
    state: (w) => templateState(w),
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as { html: string }).html).toContain(`Matrix Template renamed ${w.t.stamp}`);
    },
  },
  {
    key: `${TEMPLATES}#addTemplateItemAction`,
    access: "trainer",
    page: (t) => `/templates/${t.templateId}`,
    inputs: (t) => [{ templateId: t.templateId, exerciseId: t.otherExerciseId, ...dosage() }],
    state: (w) => templateState(w),
    success: ({ before, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as { items: string[] }).items.length).toBe((before as { items: string[] }).items.length + 1);
    },
  },
  {
    key: `${TEMPLATES}#updateTemplateItemAction`,
    access: "trainer",
    page: (t) => `/templates/${t.templateId}`,
    inputs: (t) => [{ templateItemId: t.templateItemId, sets: "5", reps: "7", holdSec: "", daysPerWeek: "2", load: "", note: "Matrix dosage note" }],
    state: (w) => templateState(w),
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as { html: string }).html).toContain("Matrix dosage note");
    },
  },
  {
    key: `${TEMPLATES}#removeTemplateItemAction`,
    access: "trainer",
    page: (t) => `/templates/${t.templateId}`,
    inputs: (t) => [{ templateItemId: t.templateItemId }],
    state: (w) => templateState(w),
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as { items: string[] }).items).not.toContain(w.t.templateItemId);
    },
  },
  {
    key: `${TEMPLATES}#copyTemplateAction`,
    access: "trainer",
    page: (t) => `/templates/${t.templateId}`,
    inputs: (t) => [{ templateId: t.templateId }],
    state: templatesPage,
    success: ({ w, after, o }) => {
      expect(o.actionRedirect, JSON.stringify(o.result)).toMatch(/^\/templates\/[0-9a-f-]{36}$/);
      expect(o.actionRedirect).not.toBe(`/templates/${w.t.templateId}`);
      expect(after as string).toContain(`Matrix Template renamed ${w.t.stamp} (copy)`);
    },
  },
  {
    key: `${TEMPLATES}#archiveTemplateAction`,
    access: "trainer",
    page: (t) => `/templates/${t.templateId}`,
    inputs: (t) => [{ templateId: t.templateId }],
    state: (w) => templateState(w),
    success: ({ after, o }) => {
      expect(o.actionRedirect).toBe("/templates");
      expect(after).toBe("HTTP 404");
    },
  },
  // ── settings and tokens ──
  {
    key: `${TOKENS}#createTokenAction`,
    access: "trainer",
    page: () => "/settings/tokens",
    inputs: (t) => [{ name: `Matrix Created Token ${t.stamp}`, scope: "read", expiresInDays: "7" }],
    refused: {
      // another clinic's trainer gets a token of their own, and it does not open clinic A
      other: async (o, w) => {
        const token = String(o.result?.token ?? "");
        expect(token, JSON.stringify(o.result)).toMatch(/^stc_/);
        const res = await w.callers.anon.get(`/api/v1/athletes/${w.t.athleteId}`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status()).toBe(404);
      },
    },
    note: "another clinic's trainer creates a token for themselves; it gets 404 for clinic A's athlete",
    state: tokensPage,
    success: ({ w, after, o }) => {
      expect(String(o.result?.token)).toMatch(/^stc_/);
      expect(after as string).toContain(`Matrix Created Token ${w.t.stamp}`);
    },
  },
  {
    key: `${TOKENS}#revokeTokenAction`,
    access: "trainer",
    page: () => "/settings/tokens",
    inputs: (t) => [{ tokenId: t.tokenId }],
    state: tokensPage,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(after as string).toMatch(new RegExp(`${w.t.tokenName}.{0,120}revoked`));
    },
  },
  {
    key: `${ALERT_EMAILS}#setAlertEmailAction`,
    access: "trainer",
    page: () => "/settings/alert-emails",
    inputs: () => [{ alertEmail: "digest", digestHour: "6" }],
    // it takes no user id: another clinic's trainer sets their own choice, clinic A's owner keeps theirs
    refused: { other: "own" },
    note: "another clinic's owner sets their own alert emails",
    state: alertEmailsPage,
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(after as string).toContain("a daily summary at 06:00");
    },
    cleanup: async (w) => {
      const o = await act(w, w.callers.owner, `${ALERT_EMAILS}#setAlertEmailAction`, "/settings/alert-emails", form({ alertEmail: "immediate", digestHour: "7" }));
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
    },
  },
  {
    key: `${SETTINGS}#updateClinicAction`,
    access: "owner-only",
    page: () => "/settings",
    inputs: (t) => [{ name: `Matrix Clinic ${t.stamp}`, timeZone: "Pacific/Auckland" }],
    // a non-owner trainer reaches the data layer, which refuses with a message
    refused: { trainer2: /Only the clinic owner can change clinic settings/, other: "own" },
    note: "another clinic's owner renames their own clinic",
    state: settingsPage,
    success: ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(after as string).toContain(`Matrix Clinic ${w.t.stamp}`);
    },
    cleanup: async (w) => {
      const o = await act(w, w.callers.owner, `${SETTINGS}#updateClinicAction`, "/settings", form({ name: w.t.clinicName, timeZone: w.t.clinicTimeZone }));
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
    },
  },
  {
    key: `${SETTINGS}#inviteTrainerAction`,
    access: "owner-only",
    page: () => "/settings",
    inputs: (t) => [{ name: "Matrix Trainer", email: `matrix-trainer-${t.stamp}@example.com` }],
    refused: {
      // another clinic's owner invites a trainer to their own clinic, never to clinic A
      other: async (o, w) => {
        expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
        expect(JSON.stringify(o.result)).not.toContain("/invite/");
        const token = await invitationTokenFor(`matrix-trainer-${w.t.stamp}@example.com`, (p) => p.includes("invited you to Stride Clinic as a trainer") && !p.includes(w.t.clinicName));
        expect(await invitePage(w.callers.anon, token)).not.toContain(w.t.clinicName);
      },
    },
    note: "another clinic's owner invites a trainer to their own clinic",
    state: settingsPage,
    success: async ({ w, after, o }) => {
      expect(JSON.stringify(o.result)).not.toContain("/invite/");
      const token = await invitationTokenFor(`matrix-trainer-${w.t.stamp}@example.com`, (p) => p.includes(`${w.t.clinicName} invited you to Stride Clinic as a trainer`));
      expect(await invitePage(w.callers.anon, token)).toContain(`${w.t.clinicName} invited you to Stride Clinic as a trainer`);
      expect(after as string).toContain(`matrix-trainer-${w.t.stamp}@example.com`);
    },
  },
  {
    key: `${ATHLETES}#sendResetLinkAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId }],
    state: (w) => resetMailsTo(w, w.t.email),
    success: ({ w, before, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(String(o.result?.message)).toContain(`emailed to ${w.t.email}`);
      // the link itself goes only to the athlete
      expect(JSON.stringify(o.result)).not.toMatch(/reset-password\//);
      expect(after).toBe((before as number) + 1);
    },
  },
  {
    key: `${SETTINGS}#setTrainerActiveAction`,
    access: "owner-only",
    page: () => "/settings",
    inputs: (t) => [{ userId: t.staffTrainerId, active: "false" }],
    refused: { trainer2: /Only the clinic owner manages trainers/, other: "notFound" },
    state: settingsPage,
    success: async ({ w, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(after as string).toMatch(new RegExp(`${w.t.staffTrainerName}.{0,80}Deactivated`));
      expect((await w.callers.staff.get("/api/v1/athletes")).status(), "the deactivated trainer's session ends at once").toBe(401);
    },
    cleanup: async (w) => {
      const o = await act(w, w.callers.owner, `${SETTINGS}#setTrainerActiveAction`, "/settings", form({ userId: w.t.staffTrainerId, active: "true" }));
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
    },
  },
  {
    key: `${SETTINGS}#setTwoFactorRequiredAction`,
    access: "owner-only",
    page: () => "/settings",
    // "false" (already so): a no-op the rightful owner may make; "true" would need the owner's own two-factor first
    inputs: () => [{ required: "false" }],
    refused: { trainer2: /Only the clinic owner can require two-factor sign-in/ },
    state: settingsPage,
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect(after as string).toContain("Require two-factor sign-in for every trainer");
    },
    note: "another clinic's owner acts on their own clinic only (the action takes no clinic id)",
  },
  // ── archive and restore last: an archived athlete takes no reports ──
  {
    key: `${ATHLETES}#archiveAthleteAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId }],
    state: (w) => profile(w),
    success: ({ after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((after as Profile).status).toBe("archived");
    },
  },
  {
    key: `${ATHLETES}#restoreAthleteAction`,
    access: "trainer",
    page: (t) => `/athletes/${t.athleteId}`,
    inputs: (t) => [{ athleteId: t.athleteId }],
    state: (w) => profile(w),
    success: ({ before, after, o }) => {
      expect(o.result?.ok, JSON.stringify(o.result)).toBe(true);
      expect((before as Profile).status).toBe("archived");
      expect((after as Profile).status).toBe("active");
    },
  },
];

/** What must never appear in a refused answer: the target's data, minus whatever the request itself sent. */
export function secretsFor(w: World, caller: Caller, sent: string): string[] {
  const { t } = w;
  const all = [
    t.name, t.email, t.athleteId, t.itemId, t.alertId, t.activityId, t.activityClientId, t.activityNote, t.logId, t.shoeId, t.shoeName,
    t.customExerciseId, t.customExerciseName, t.ladderId, t.ladderName, t.templateId, t.templateName, t.templateItemId, t.tokenId, t.tokenName,
    t.inviteeId, t.inviteeName, t.inviteeToken, t.noteId, t.noteBody, t.episodeId,
    // the athlete and the second trainer are members of clinic A and see its name on every page
    ...(caller === "athlete" || caller === "trainer2" ? [] : [t.clinicName]),
  ];
  return all.filter((s) => s && !sent.includes(s));
}
