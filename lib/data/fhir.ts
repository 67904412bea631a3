import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Bundle } from "@medplum/fhirtypes";
import { getDb } from "@/db/client";
import { injuryEpisodes } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { isTrainerScope } from "@/lib/auth/scope";
import { everythingBundle, type FhirRange, type FhirSource, type Side } from "@/lib/domain/fhir/bundle";
import { athleteAccess } from "./access";
import { athleteRecords } from "./export";
import { visibleAllTo, visibleTo } from "./visibility";

/**
 * Patient/$everything (FHIR R4) for one athlete: staff of the clinic (or their API token) get the
 * staff-only injury episodes as Conditions; the athlete gets their own records, each cut by
 * ./visibility to what they may see, and their profile's condition instead of the episodes.
 * Clinical notes are in neither (they stay in the owner's record export). Entries archived as
 * entered in error are left out.
 */
export async function getFhirEverything(scope: Scope, athleteId: string, range: FhirRange): Promise<Bundle> {
  const target = await athleteAccess(scope, athleteId);
  const staff = isTrainerScope(scope);
  const [{ athlete, rows }, episodes] = await Promise.all([
    athleteRecords(target.clinicId, target.athleteId),
    staff
      ? getDb()
          .select()
          .from(injuryEpisodes)
          .where(and(eq(injuryEpisodes.clinicId, target.clinicId), eq(injuryEpisodes.athleteId, target.athleteId)))
          .orderBy(asc(injuryEpisodes.createdAt))
      : Promise.resolve(null),
  ]);
  if (!athlete) throw new Error("athleteAccess passed for a missing athlete");
  const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

  const person = visibleTo(scope, "athlete", athlete);
  const checkIns = visibleAllTo(scope, "checkIn", rows.checkIn);
  const activities = visibleAllTo(scope, "activity", rows.activity).filter((a) => !a.archivedAt);
  const logs = visibleAllTo(scope, "exerciseLog", rows.exerciseLog).filter((l) => !l.archivedAt);
  const items = visibleAllTo(scope, "programItem", rows.programItem);
  const nameOfItem = new Map(items.map((i) => [i.id, i.exerciseName]));
  const latestRx = rows.prescription.at(-1);
  const rx = latestRx ? visibleTo(scope, "prescription", latestRx) : null;

  const source: FhirSource = {
    patient: {
      id: person.id,
      name: person.name,
      email: person.email,
      birthYear: person.birthYear,
      sportGroup: person.sportGroup,
      injuredSide: person.injuredSide as Side,
      condition: person.condition,
      onsetDate: person.onsetDate ? iso(person.onsetDate) : null,
      status: person.status,
      updatedAt: iso(person.updatedAt),
    },
    episodes: episodes
      ? episodes.map((e) => ({
          id: e.id,
          condition: e.condition,
          side: e.side as Side,
          onsetDate: e.onsetDate,
          status: e.status,
          resolvedOn: e.resolvedOn,
          resolutionNote: e.resolutionNote,
          createdAt: iso(e.createdAt),
          updatedAt: iso(e.updatedAt),
        }))
      : null,
    checkIns: checkIns.map((c) => ({
      id: c.id,
      date: iso(c.date),
      morningPain: c.morningPain,
      redFlags: {
        clicking: c.clicking,
        locking: c.locking,
        giving_way: c.givingWay,
        swelling: c.swelling,
        night_pain: c.nightPain,
        cannot_bear_weight: c.cannotBearWeight,
        hot_red_fever: c.hotRedFever,
      },
      updatedAt: iso(c.updatedAt),
    })),
    activities: activities.map((a) => ({
      id: a.id,
      type: a.type,
      startedAt: iso(a.startedAt),
      date: iso(a.date),
      durationSec: a.durationSec,
      distanceM: a.distanceM,
      rpe: a.rpe,
      painDuring: a.painDuring,
      painAfter: a.painAfter,
      updatedAt: iso(a.updatedAt),
    })),
    exerciseLogs: logs.map((l) => ({ id: l.id, date: iso(l.date), exerciseName: nameOfItem.get(l.programItemId) ?? "Exercise", exercisePain: l.exercisePain, updatedAt: iso(l.updatedAt) })),
    programItems: items.map((i) => ({
      id: i.id,
      exerciseName: i.exerciseName,
      sets: i.sets,
      reps: i.reps,
      holdSec: i.holdSec,
      daysPerWeek: i.daysPerWeek,
      load: i.load,
      note: i.note,
      status: i.status,
      updatedAt: iso(i.updatedAt),
    })),
    prescription: rx
      ? { id: rx.id, weeklyDistanceM: rx.weeklyDistanceM, longestRunM: rx.longestRunM, runIntervalSec: rx.runIntervalSec, walkIntervalSec: rx.walkIntervalSec, note: rx.note, createdAt: iso(rx.createdAt) }
      : null,
  };
  const timestamp = new Date().toISOString();
  return everythingBundle(source, range, { id: crypto.randomUUID(), timestamp });
}
