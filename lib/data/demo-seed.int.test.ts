import { and, count, eq, gte, lt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activities, athletes, checkIns, clinics, exerciseLogs, users } from "@/db/schema";
import type { AthleteScope } from "@/lib/auth/scope";
import { getToday } from "@/lib/data/today";
import { todayIn } from "@/lib/domain/dates";
import { DEMO_LOGINS, seedDemo } from "@/scripts/seed/demo";

/**
 * What a newcomer meets after `npm run demo`: the athlete login has exercises due today and no
 * check-in today (in the clinic's time zone), so both can be tried at once, on top of twelve weeks
 * of history.
 */
const ATHLETE_EMAIL = DEMO_LOGINS.find((l) => l.role === "Athlete")!.email;

let scope: AthleteScope;
let today: string;

async function countWhere(table: typeof checkIns | typeof activities | typeof exerciseLogs, when: "before" | "from") {
  const dateCol = table.date;
  const [row] = await getDb()
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.clinicId, scope.clinicId), eq(table.athleteId, scope.athleteId), when === "before" ? lt(dateCol, today) : gte(dateCol, today)));
  return row!.n;
}

describe("the demo seed", () => {
  beforeAll(async () => {
    const { clinicId } = await seedDemo(getDb());
    const [clinic] = await getDb().select({ timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, clinicId));
    expect(clinic!.timeZone).toBe("Europe/London");
    today = todayIn("Europe/London");
    const [row] = await getDb()
      .select({ userId: users.id, athleteId: athletes.id, name: athletes.name })
      .from(users)
      .innerJoin(athletes, eq(athletes.userId, users.id))
      .where(and(eq(users.email, ATHLETE_EMAIL), eq(users.clinicId, clinicId)));
    expect(row!.name).toBe("Alex Morgan");
    scope = { userId: row!.userId, clinicId, role: "athlete", athleteId: row!.athleteId };
  });

  it("gives the demo athlete exercises due today and no check-in today", async () => {
    const view = await getToday(scope);
    expect(view.today).toBe(today);
    expect(view.checkIn).toBeNull();
    expect(view.items.map((i) => i.exerciseName)).toEqual(["Standing banded hip abduction", "Marching bridge", "Toe yoga (seated)"]);
    expect(view.items.every((i) => i.doneToday === null)).toBe(true);
    expect(await countWhere(checkIns, "from")).toBe(0);
    expect(await countWhere(exerciseLogs, "from")).toBe(0);
  });

  it("keeps the history before today", async () => {
    // the 84 days before today, about 8% of check-ins skipped at random (scripts/seed/demo-history.ts)
    expect(await countWhere(checkIns, "before")).toBeGreaterThanOrEqual(60);
    expect(await countWhere(activities, "before")).toBeGreaterThanOrEqual(30);
    expect(await countWhere(exerciseLogs, "before")).toBeGreaterThan(0);
  });

  it("leaves today open when it runs again", async () => {
    await seedDemo(getDb());
    expect(await countWhere(checkIns, "from")).toBe(0);
    expect((await getToday(scope)).items).toHaveLength(3);
  });
});
