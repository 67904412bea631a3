import { request as pwRequest, type APIRequestContext } from "@playwright/test";
import { apiSession, baseUrl } from "./api-session";
import { makeActivity, makeTarget, newId, type Target } from "./api-targets";
import { callAction, describe, manifestActions, type ActionArgs, type Fields, type ManifestAction, type Outcome } from "./actions-rsc";
import { DEMO } from "./fixtures";
import { tokenOf, waitForLink } from "./mailbox";

/**
 * The world the action matrix runs in: clinic A (the demo clinic) with a target athlete who has a
 * login and a record of every kind an action can touch, and the people who call the actions.
 * Everything is built through the API or through the actions themselves, as their owner.
 */
export type Callers = {
  anon: APIRequestContext;
  /** an athlete of clinic A with a login: a fresh one, so "acting on yourself" changes no demo data */
  athlete: APIRequestContext;
  /** the owner of another clinic, signed up through signUpAction */
  other: APIRequestContext;
  /** the owner of clinic A */
  owner: APIRequestContext;
  /** a trainer of clinic A who is not its owner (for the owner-only actions) */
  trainer2: APIRequestContext;
  /** the target athlete, signed in: the rightful caller of the athlete-side actions */
  self: APIRequestContext;
  /** a trainer of clinic A made for the deactivation row, signed in */
  staff: APIRequestContext;
};

export type Targets = Target & {
  stamp: number;
  ownerUserId: string;
  clinicName: string;
  clinicTimeZone: string;
  activityId: string;
  /** a second activity of the target, which the trainer's delete row removes */
  wrongActivityId: string;
  activityClientId: string;
  activityNote: string;
  logId: string;
  shoeId: string;
  shoeName: string;
  customExerciseId: string;
  customExerciseName: string;
  ladderId: string;
  ladderName: string;
  templateId: string;
  templateName: string;
  templateItemId: string;
  tokenId: string;
  tokenName: string;
  inviteeId: string;
  inviteeName: string;
  inviteeEmail: string;
  inviteeToken: string;
  /** the target's invitation, spent when they chose a password */
  usedInviteToken: string;
  attackerAthleteId: string;
  /** a trainer of clinic A whom only the deactivation row acts on */
  staffTrainerId: string;
  staffTrainerName: string;
  /** a built-in exercise that is in no program or template of the target */
  otherExerciseId: string;
  otherExerciseName: string;
  /** a staff-only clinical note on the target (by the owner) and the target's active injury episode */
  noteId: string;
  noteBody: string;
  episodeId: string;
};

export type World = { callers: Callers; t: Targets; actions: Map<string, ManifestAction>; otherEmail: string; calls: { n: number } };

export const PASSWORD = "a-long-enough-password";
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
/** a private address per run, so refused sign-ins and invitations never throttle another spec's requests */
export const testIp = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;

/** Calls an action by file and export name, as the browser would on `page`. */
export async function act(w: Pick<World, "actions" | "calls">, ctx: APIRequestContext, key: string, page: string, args: ActionArgs, extra?: { bypassProxy?: boolean; headers?: Record<string, string> }): Promise<Outcome> {
  const a = w.actions.get(key);
  if (!a) throw new Error(`${key} is not in the server-action manifest`);
  w.calls.n += 1;
  return callAction(ctx, { id: a.id, page, args, ...extra });
}

export const form = (fields: Fields, prevState?: Record<string, unknown>): ActionArgs => ({ form: fields, prevState });

function expectOk(o: Outcome, what: string) {
  if (o.status !== 200 || (o.result && o.result.ok === false)) throw new Error(`${what}: ${describe(o)}`);
}

// ── Reading pages and the API ─────────────────────────────────────────────────────────────────

export async function getJson(ctx: APIRequestContext, path: string): Promise<unknown> {
  const res = await ctx.get(path);
  if (res.status() !== 200) throw new Error(`GET ${path}: ${res.status()} ${(await res.text()).slice(0, 200)}`);
  return res.json();
}

export async function getHtml(ctx: APIRequestContext, path: string): Promise<string> {
  const res = await ctx.get(path, { maxRedirects: 0 });
  if (res.status() !== 200) throw new Error(`GET ${path}: ${res.status()}`);
  return res.text();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: " " };
export const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e: string) => ENTITIES[e]!);

/** The visible text of a page: no scripts (they carry nonces and the RSC payload), no tags. */
export function visibleText(html: string): string {
  const body = html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<style[\s\S]*?<\/style>/g, " ").replace(/<!--[\s\S]*?-->/g, "");
  return decode(body.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();
}

/** The (name, value) of every form control, as rendered; a select's value is its selected option. */
export function controls(html: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  let select: string | undefined;
  for (const m of html.matchAll(/<(input|select|option)\b([^>]*)>/g)) {
    const attrs = m[2]!;
    const name = /\sname="([^"]*)"/.exec(attrs)?.[1];
    const value = /\svalue="([^"]*)"/.exec(attrs)?.[1];
    if (m[1] === "select") select = name;
    else if (m[1] === "option") {
      if (select !== undefined && value !== undefined && /\sselected(=""|\s|$)/.test(attrs)) out.push({ name: select, value: decode(value) });
    } else if (name !== undefined) out.push({ name, value: decode(value ?? "") });
  }
  return out;
}

export const pageText = async (ctx: APIRequestContext, path: string) => visibleText(await getHtml(ctx, path));

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The target athlete's own view of their data: the full export and their unit. */
export async function selfData(self: APIRequestContext): Promise<unknown> {
  const data = (await getJson(self, "/my-data/download")) as Record<string, unknown>;
  delete data.exportedAt;
  const unit = controls(await getHtml(self, "/shoes")).find((c) => c.name === "unit")?.value;
  return { ...data, unit };
}

/** An invitation link's page, as anyone sees it: works (and for whom) or does not. */
export async function invitePage(anon: APIRequestContext, token: string): Promise<string> {
  const text = await pageText(anon, `/invite/${encodeURIComponent(token)}`);
  return /does not work/.test(text) ? "dead link" : (/Welcome[^.]*\.[^.]*invited you to Stride Clinic[^.]*/.exec(text)?.[0] ?? text.slice(0, 200));
}

// ── Building the world ────────────────────────────────────────────────────────────────────────

/**
 * A new clinic through the two public actions, as a person does it: signUpAction, then the link
 * from the email to confirmSignUpAction with the same password. `ctx` ends up signed in.
 */
export async function signUpThroughActions(w: Pick<World, "actions" | "calls">, ctx: APIRequestContext, c: { clinicName: string; name: string; email: string }): Promise<void> {
  const asked = await act(w, ctx, "app/(auth)/actions.ts#signUpAction", "/sign-up", form({ ...c, password: PASSWORD, timeZone: "UTC" }));
  expectOk(asked, `sign-up of ${c.email}`);
  const token = tokenOf(await waitForLink(c.email, "/sign-up/confirm/"));
  const o = await act(w, ctx, "app/(auth)/actions.ts#confirmSignUpAction", `/sign-up/confirm/${token}`, form({ token, password: PASSWORD }));
  if (o.actionRedirect !== "/dashboard") throw new Error(`confirm the sign-up of ${c.email}: ${describe(o)}`);
}

async function signUpOther(w: Pick<World, "actions" | "calls">): Promise<{ email: string }> {
  const email = `matrix-other-${Date.now()}@example.com`;
  // its own context: a confirmed sign-up signs the context in
  const anon = await pwRequest.newContext({ baseURL: baseUrl() });
  await signUpThroughActions(w, anon, { clinicName: "Other Matrix Clinic", name: "Other Owner", email });
  await anon.dispose();
  return { email };
}

/** A working invitation link's token from the mail to `email` (the newest one that works). */
export async function invitationTokenFor(email: string, works: (page: string) => boolean = (p) => p !== "dead link"): Promise<string> {
  const anon = await pwRequest.newContext({ baseURL: baseUrl() });
  try {
    return tokenOf(await waitForLink(email, "/invite/", async (path) => works(await invitePage(anon, tokenOf(path)))));
  } finally {
    await anon.dispose();
  }
}

/** Emails an invitation to an athlete as the owner, through createInviteAction; returns the token from that email. */
export async function inviteAthlete(w: Pick<World, "actions" | "calls">, owner: APIRequestContext, athleteId: string): Promise<string> {
  const o = await act(w, owner, "app/(trainer)/athletes/actions.ts#createInviteAction", `/athletes/${athleteId}`, form({ athleteId }));
  expectOk(o, "create invite");
  const email = /Invitation emailed to (\S+)\. /.exec(String(o.result?.message ?? ""))?.[1];
  if (!email) throw new Error(`no invitation emailed: ${describe(o)}`);
  return invitationTokenFor(email);
}

/** Accepts an invitation through acceptInviteAction (password PASSWORD) and signs the new login in. */
export async function acceptAndSignIn(w: Pick<World, "actions" | "calls">, token: string, email: string): Promise<APIRequestContext> {
  const anon = await pwRequest.newContext({ baseURL: baseUrl() });
  const o = await act(w, anon, "app/(auth)/actions.ts#acceptInviteAction", `/invite/${token}`, form({ token, password: PASSWORD }));
  await anon.dispose();
  if (!o.actionRedirect) throw new Error(`accept invite: ${describe(o)}`);
  return apiSession(baseUrl(), email, PASSWORD);
}

async function createAthlete(owner: APIRequestContext, name: string, email: string): Promise<string> {
  const res = await owner.post("/api/v1/athletes", { data: { name, email, sportGroup: "Matrix" } });
  if (res.status() !== 201) throw new Error(`create athlete: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function buildWorld(): Promise<World> {
  const base = baseUrl();
  const actions = new Map(manifestActions().map((a) => [`${a.filename}#${a.exportedName}`, a]));
  const calls = { n: 0 };
  const w0 = { actions, calls };
  const anon = await pwRequest.newContext({ baseURL: base });
  const owner = await apiSession(base, DEMO.trainer.email, DEMO.trainer.password);
  const trainer2 = await apiSession(base, "trainer2@example.com", DEMO.trainer.password);
  const { email: otherEmail } = await signUpOther(w0);
  const other = await apiSession(base, otherEmail, PASSWORD);

  const target = await makeTarget(owner);
  const stamp = Date.now();
  const profile = (await getJson(owner, `/api/v1/athletes/${target.athleteId}`)) as { trainerId: string };
  const settings = controls(await getHtml(owner, "/settings"));
  const clinicName = settings.find((c) => c.name === "name")?.value;
  const clinicTimeZone = settings.find((c) => c.name === "timeZone")?.value;
  if (!clinicName || !clinicTimeZone) throw new Error("clinic name or time zone not found on /settings");

  // logins for the target and for an attacker athlete of the same clinic, through invitations
  const usedInviteToken = await inviteAthlete(w0, owner, target.athleteId);
  const self = await acceptAndSignIn(w0, usedInviteToken, target.email);
  const attackerEmail = `matrix-attacker-${stamp}@example.com`;
  const attackerAthleteId = await createAthlete(owner, `Matrix Attacker ${stamp}`, attackerEmail);
  const athlete = await acceptAndSignIn(w0, await inviteAthlete(w0, owner, attackerAthleteId), attackerEmail);
  // an athlete without a login, with a live invitation link
  const inviteeName = `Matrix Invitee ${stamp}`;
  const inviteeEmail = `matrix-invitee-${stamp}@example.com`;
  const inviteeId = await createAthlete(owner, inviteeName, inviteeEmail);
  const inviteeToken = await inviteAthlete(w0, owner, inviteeId);
  // a trainer of clinic A whom the deactivation row deactivates, so no other caller's session ends
  const staffTrainerName = `Matrix Staff ${stamp}`;
  const staffEmail = `matrix-staff-${stamp}@example.com`;
  const staffInvite = await act(w0, owner, "app/(trainer)/settings/actions.ts#inviteTrainerAction", "/settings", form({ name: staffTrainerName, email: staffEmail }));
  expectOk(staffInvite, "invite the staff trainer");
  const staffToken = await invitationTokenFor(staffEmail);
  const staff = await acceptAndSignIn(w0, staffToken, staffEmail);
  const staffTrainerId = new RegExp(`${escapeRe(staffTrainerName)}[\\s\\S]*?name="userId" value="(${UUID})"`).exec(await getHtml(owner, "/settings"))?.[1];
  if (!staffTrainerId) throw new Error("the staff trainer is not on /settings");

  // the target's reports: an activity and an exercise log (by the owner), a shoe (by the athlete)
  const activityClientId = newId();
  const activityNote = `Matrix private note ${stamp}`;
  const act1 = await owner.post("/api/v1/activities", {
    data: { athleteId: target.athleteId, clientId: activityClientId, type: "run", date: daysAgo(2), durationSec: 1800, distanceM: 5000, rpe: 4, note: activityNote },
  });
  if (act1.status() !== 201) throw new Error(`activity: ${act1.status()} ${await act1.text()}`);
  const activityId = ((await act1.json()) as { id: string }).id;
  const wrongActivityId = await makeActivity(owner, target.athleteId);
  const log = await owner.post("/api/v1/exercise-logs", { data: { athleteId: target.athleteId, clientId: newId(), programItemId: target.itemId, setsDone: 3 } });
  if (log.status() !== 201) throw new Error(`exercise log: ${log.status()} ${await log.text()}`);
  const logId = ((await log.json()) as { id: string }).id;
  const shoeName = `Matrix Shoe ${stamp}`;
  expectOk(await act(w0, self, "app/(athlete)/actions.ts#addShoeAction", "/shoes", form({ name: shoeName, reminder: "" })), "add shoe");
  const shoeHtml = await getHtml(self, "/shoes");
  const shoeId = new RegExp(`name="id" value="(${UUID})"`).exec(shoeHtml)?.[1];
  if (!shoeId) throw new Error("the target's shoe is not on /shoes");

  // the clinic's own library: an exercise, a ladder, a template with an item, a token of the owner
  const customExerciseName = `Matrix Exercise ${stamp}`;
  const ex = await act(w0, owner, "app/(trainer)/exercises/actions.ts#saveExerciseAction", "/exercises/new", form(exerciseFields("", customExerciseName)));
  const customExerciseId = /^\/exercises\/([0-9a-f-]{36})$/.exec(ex.actionRedirect ?? "")?.[1];
  if (!customExerciseId) throw new Error(`create exercise: ${describe(ex)}`);
  const ladderName = `Matrix Ladder ${stamp}`;
  expectOk(await act(w0, owner, "app/(trainer)/exercises/actions.ts#saveLadderAction", "/exercises", form({ ladderId: "", name: ladderName, region: "hip", description: "" })), "create ladder");
  const { ladders } = (await getJson(owner, "/api/v1/ladders")) as { ladders: { id: string; name: string }[] };
  const ladderId = ladders.find((l) => l.name === ladderName)?.id;
  if (!ladderId) throw new Error("the new ladder is not listed");

  const { exercises } = (await getJson(owner, "/api/v1/exercises")) as { exercises: { id: string; name: string; builtin: boolean }[] };
  const otherExercise = exercises.find((e) => e.builtin && /single-leg bridge|side plank|glute bridge/i.test(e.name)) ?? exercises.find((e) => e.builtin && e.id !== target.exerciseId)!;

  const templateName = `Matrix Template ${stamp}`;
  expectOk(
    await act(w0, owner, "app/(trainer)/athletes/[athleteId]/_components/program-actions.ts#saveTemplateAction", `/athletes/${target.athleteId}`, form({ athleteId: target.athleteId, name: templateName, description: "" })),
    "save template",
  );
  const templatesHtml = await getHtml(owner, "/templates");
  const templateId = new RegExp(`href="/templates/(${UUID})"[^>]*>\\s*${escapeRe(templateName)}\\s*<`).exec(templatesHtml)?.[1];
  if (!templateId) throw new Error("the new template is not on /templates");
  const templateItemId = controls(await getHtml(owner, `/templates/${templateId}`)).find((c) => c.name === "templateItemId")?.value;
  if (!templateItemId) throw new Error("the template has no item");

  const tokenName = `Matrix Token ${stamp}`;
  expectOk(await act(w0, owner, "app/(trainer)/settings/tokens/actions.ts#createTokenAction", "/settings/tokens", form({ name: tokenName, scope: "read", expiresInDays: "7" })), "create token");
  const tokensHtml = await getHtml(owner, "/settings/tokens");
  const after = tokensHtml.slice(tokensHtml.indexOf(tokenName));
  const tokenId = new RegExp(`name="tokenId" value="(${UUID})"`).exec(after)?.[1];
  if (!tokenId) throw new Error("the new token is not on /settings/tokens");

  // the staff-only clinical record of the target: a note by the owner, and the active injury episode
  const noteBody = `Matrix staff-only note ${stamp}`;
  expectOk(
    await act(w0, owner, CLINICAL_ACTIONS + "#addNoteAction", `/athletes/${target.athleteId}`, form({ athleteId: target.athleteId, body: noteBody, alertId: "", programEventId: "", episodeId: "", correctsNoteId: "" })),
    "add clinical note",
  );
  const athleteHtml = await getHtml(owner, `/athletes/${target.athleteId}`);
  const noteId = new RegExp(`id="note-(${UUID})"`).exec(athleteHtml)?.[1];
  const episodeId = new RegExp(`name="episodeId" value="(${UUID})"`).exec(athleteHtml)?.[1];
  if (!noteId || !episodeId) throw new Error("the clinical note or the active episode is not on the athlete page");

  const t: Targets = {
    ...target,
    stamp,
    ownerUserId: profile.trainerId,
    clinicName,
    clinicTimeZone,
    activityId,
    wrongActivityId,
    activityClientId,
    activityNote,
    logId,
    shoeId,
    shoeName,
    customExerciseId,
    customExerciseName,
    ladderId,
    ladderName,
    templateId,
    templateName,
    templateItemId,
    tokenId,
    tokenName,
    inviteeId,
    inviteeName,
    inviteeEmail,
    inviteeToken,
    usedInviteToken,
    attackerAthleteId,
    staffTrainerId,
    staffTrainerName,
    otherExerciseId: otherExercise.id,
    otherExerciseName: otherExercise.name,
    noteId,
    noteBody,
    episodeId,
  };
  return { callers: { anon, athlete, other, owner, trainer2, self, staff }, t, actions, otherEmail, calls };
}

export const CLINICAL_ACTIONS = "app/(trainer)/athletes/[athleteId]/_components/clinical-actions.ts";

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function exerciseFields(exerciseId: string, name: string): Fields {
  return { exerciseId, name, region: "hip", howTo: "Lie on your side\nLift the knee", cues: "Slow", equipment: "band", sets: "3", reps: "10", holdSec: "", daysPerWeek: "3" };
}

/** Everything of the target in clinic A that any action could change, as the owner and the athlete see it. */
export async function clinicSnapshot(w: World): Promise<Record<string, unknown>> {
  const { owner, anon, self } = w.callers;
  const { t } = w;
  const [roster, profile, program, alerts, activities, exercises, ladders, templates, template, tokens, settings, invite, mine] = await Promise.all([
    getJson(owner, "/api/v1/athletes?status=all&q=Matrix&pageSize=100"),
    getJson(owner, `/api/v1/athletes/${t.athleteId}`),
    getJson(owner, `/api/v1/athletes/${t.athleteId}/program`),
    getJson(owner, `/api/v1/alerts?athleteId=${t.athleteId}`),
    getJson(owner, `/api/v1/athletes/${t.athleteId}/activities`),
    getJson(owner, "/api/v1/exercises"),
    getJson(owner, "/api/v1/ladders"),
    pageText(owner, "/templates"),
    pageText(owner, `/templates/${t.templateId}`),
    pageText(owner, "/settings/tokens"),
    pageText(owner, "/settings"),
    invitePage(anon, t.inviteeToken),
    selfData(self),
  ]);
  // the attacker's own reports (they may act on themselves) show in their roster row
  const others = (roster as { items: { id: string }[] }).items.filter((a) => a.id !== t.attackerAthleteId);
  return { roster: others, profile, program, alerts, activities, exercises, ladders, templates, template, tokens, settings, invite, mine };
}

export { newId };
