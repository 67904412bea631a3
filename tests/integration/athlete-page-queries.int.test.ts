import { isValidElement, type ReactNode } from "react";
import { Client } from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import type { Scope } from "@/lib/auth/scope";
import { recordActivity } from "@/lib/data/activities";
import { listAlerts, listAthleteAlerts, listRetiredAlerts } from "@/lib/data/alerts";
import { recordCheckIn } from "@/lib/data/check-ins";
import { getEpisodesAndLinks, listNoteLinks } from "@/lib/data/clinical-notes";
import { listEpisodes, resolveEpisode, startEpisode } from "@/lib/data/episodes";
import { listPrescriptions, setRunningPrescription } from "@/lib/data/prescriptions";
import { getProgramPage } from "@/lib/data/program-page";
import { addProgramItem, getProgram, listProgramHistory, stepItem, updateItemDosage } from "@/lib/data/programs";
import { startReturnToRun } from "@/lib/data/return-to-run";
import { addDays, todayIn } from "@/lib/domain/dates";
import { episodeResolveSchema, episodeStartSchema } from "@/lib/validation/clinical";
import { prescriptionSchema } from "@/lib/validation/programs";
import { activitySchema, checkInSchema } from "@/lib/validation/reporting";
import { BUILT_IN_RUN_LADDER, builtinExercise, builtInStage, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

/**
 * Issue 21: how many SQL statements one view of the trainer's athlete page runs. The page's server
 * components are rendered for real (a small walker calls every async component and awaits it, in
 * parallel, as React does); only the session, the request headers and React's per-request `cache`
 * are stood in for, the last with a memo that lives for one "request", as it does under React.
 */
let session: Scope | null = null;
vi.mock("@/lib/auth/guards", () => ({
  getScope: async () => session,
  requireTrainer: async () => session,
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "accept-language": "en-GB" }),
  cookies: async () => ({ get: () => undefined }),
}));
let requestMemo = new Map<unknown, unknown>();
vi.mock("react", async (importOriginal) => {
  const react = await importOriginal<typeof import("react")>();
  const cache = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const key = Symbol("cache");
    return (...args: A): R => {
      let node = requestMemo as Map<unknown, unknown>;
      for (const arg of [key, ...args]) {
        if (!node.has(arg)) node.set(arg, new Map());
        node = node.get(arg) as Map<unknown, unknown>;
      }
      if (!node.has(RESULT)) node.set(RESULT, fn(...args));
      return node.get(RESULT) as R;
    };
  };
  return { ...react, cache, default: { ...react, cache } };
});
const RESULT = Symbol("result");
const { default: AthletePage } = await import("@/app/(trainer)/athletes/[athleteId]/page");

/** Every statement sent to the database, whichever driver runs it. */
const statements: string[] = [];
/** Where a statement came from: the innermost lib/data frame (only when SHOW_STATEMENTS is set). */
const origin = () =>
  process.env.SHOW_STATEMENTS
    ? ((new Error().stack ?? "").split("\n").filter((l) => l.includes("/lib/data/")).map((l) => l.trim().replace(/^at /, "").replace(/\(.*\/lib\/data\//, "(")).slice(0, 3).join(" < ") + " | ")
    : "";
function countStatements() {
  const client = (getDb() as unknown as { $client: Record<string, unknown> }).$client;
  if (client instanceof Object && "totalCount" in client) {
    const original = Client.prototype.query;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      statements.push(origin() + (typeof q === "string" ? q : (q.text ?? "")));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  } else {
    for (const name of ["query", "exec"]) {
      const original = client[name] as (...a: unknown[]) => unknown;
      client[name] = (...args: unknown[]) => {
        statements.push(origin() + String(args[0]));
        return original(...args);
      };
    }
  }
}

/** Renders a server tree far enough to run every data read: async components are called and awaited. */
async function walk(node: unknown): Promise<void> {
  if (node == null || typeof node !== "object") return;
  if (node instanceof Promise) return walk(await node);
  if (Array.isArray(node)) {
    await Promise.all(node.map(walk));
    return;
  }
  if (!isValidElement(node)) return;
  const type = node.type as unknown;
  const props = node.props as { children?: ReactNode };
  if (typeof type === "function" && type.constructor.name === "AsyncFunction") {
    return walk(await (type as (p: unknown) => Promise<ReactNode>)(props));
  }
  if (typeof type === "function") {
    // a synchronous server component renders; a client component (hooks) cannot here, and reads nothing
    let out: unknown;
    try {
      out = (type as (p: unknown) => unknown)(props);
    } catch {
      // a client component: hooks cannot run outside a renderer, and it reads nothing on the server
      return walk(props.children);
    }
    return walk(out);
  }
  return walk(props.children);
}

async function viewPage(scope: Scope, athleteId: string): Promise<string[]> {
  session = scope;
  requestMemo = new Map();
  const before = statements.length;
  const tree = await AthletePage({ params: Promise.resolve({ athleteId }), searchParams: Promise.resolve({}) });
  await walk(tree);
  return statements.slice(before);
}

const today = todayIn("Europe/London");
let clinic: Awaited<ReturnType<typeof makeClinic>>;
let athlete: Awaited<ReturnType<typeof makeAthlete>>;

beforeAll(async () => {
  await ensureLibrary();
  clinic = await makeClinic("Page queries");
  athlete = await makeAthlete(clinic, "Quinn Queries");
  await addProgramItem(clinic, { athleteId: athlete.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 2, reps: 20, daysPerWeek: 4, load: "none" });
  const bridge = await addProgramItem(clinic, { athleteId: athlete.athleteId, exerciseId: await builtinExercise("glute-bridge"), sets: 3, reps: 12, daysPerWeek: 3 });
  await updateItemDosage(clinic, bridge.id, { sets: 3, reps: 15, daysPerWeek: 3 }, "easy now");
  await stepItem(clinic, { itemId: bridge.id, direction: "progress", reason: "ready" });
  await setRunningPrescription(clinic, prescriptionSchema.parse({ athleteId: athlete.athleteId, unit: "km", weeklyDistance: "20", longestRun: "6" }));
  await setRunningPrescription(clinic, prescriptionSchema.parse({ athleteId: athlete.athleteId, unit: "km", weeklyDistance: "24", longestRun: "8" }));
  for (let k = 6; k >= 1; k--) {
    const date = addDays(today, -3 * k);
    await recordActivity(clinic, activitySchema.parse({ athleteId: athlete.athleteId, clientId: crypto.randomUUID(), type: "run", date, durationSec: 1800, distanceM: 5000, rpe: 5, painDuring: k % 3, painAfter: (k % 4) + 1 }));
  }
  await recordCheckIn(clinic, checkInSchema.parse({ athleteId: athlete.athleteId, morningPain: 6, redFlags: { swelling: true } }));
  await startReturnToRun(clinic, { athleteId: athlete.athleteId, ladderId: BUILT_IN_RUN_LADDER, stageId: builtInStage(3), reason: "cleared to start running" });
  const first = (await listEpisodes(clinic, athlete.athleteId)).find((e) => e.status === "active") ?? (await startEpisode(clinic, episodeStartSchema.parse({ athleteId: athlete.athleteId, condition: "Runner's knee", side: "left", onsetDate: addDays(today, -40) })));
  await resolveEpisode(clinic, episodeResolveSchema.parse({ athleteId: athlete.athleteId, episodeId: first.id, resolvedOn: addDays(today, -10), note: "settled" }));
  await startEpisode(clinic, episodeStartSchema.parse({ athleteId: athlete.athleteId, condition: "ITB syndrome" }));
  countStatements();
});

describe("the trainer's athlete page (issue 21)", () => {
  it("runs few SQL statements per view", async () => {
    await viewPage(clinic, athlete.athleteId); // warm: prepared statements, lazily read library rows
    const run = await viewPage(clinic, athlete.athleteId);
    if (process.env.SHOW_STATEMENTS) console.log(run.length, "\n" + run.map((s) => s.replace(/\s+/g, " ").slice(0, 220)).join("\n"));
    // 28 before issue 21 (the athlete read twice, the same records three times, one query per list)
    expect(run.length).toBeLessThanOrEqual(14);
  });

  it("lists the alerts in one query as the four per-list queries did", async () => {
    const id = athlete.athleteId;
    const lists = await listAthleteAlerts(clinic, id);
    expect(lists.open.length).toBeGreaterThan(0);
    expect(lists).toEqual({
      open: await listAlerts(clinic, { athleteId: id, status: "open" }),
      acknowledged: await listAlerts(clinic, { athleteId: id, status: "acknowledged" }, 200),
      resolved: await listAlerts(clinic, { athleteId: id, status: "resolved" }, 50),
      retired: await listRetiredAlerts(clinic, id, 50),
    });
    await expect(listAthleteAlerts(await makeClinic("Other"), id)).resolves.toEqual({ open: [], acknowledged: [], resolved: [], retired: [] });
  });

  it("reads program, prescriptions and program history in one statement as the three reads did", async () => {
    const id = athlete.athleteId;
    const page = await getProgramPage(clinic, id);
    expect(page.program.items.length).toBe(2);
    expect(page.prescriptions.length).toBe(2);
    expect(page.history.length).toBeGreaterThan(2);
    expect(page).toEqual({ program: await getProgram(clinic, id), prescriptions: await listPrescriptions(clinic, id), history: await listProgramHistory(clinic, id) });
    await expect(getProgramPage(await makeClinic("Elsewhere"), id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("reads the episodes with a note's link choices in one statement, as listEpisodes gives them", async () => {
    const id = athlete.athleteId;
    const both = await getEpisodesAndLinks(clinic, id);
    expect(both.episodes.length).toBeGreaterThan(1);
    expect(both.episodes).toEqual(await listEpisodes(clinic, id));
    expect(both.links).toEqual(await listNoteLinks(clinic, id));
    expect(both.links.alerts.length + both.links.programEvents.length).toBeGreaterThan(0);
    await expect(getEpisodesAndLinks(athlete, id)).rejects.toMatchObject({ code: "not_found" });
  });
});
