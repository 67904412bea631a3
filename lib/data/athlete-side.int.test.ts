import { describe, expect, it } from "vitest";
import { recordActivity } from "@/lib/data/activities";
import { recordCheckIn } from "@/lib/data/check-ins";
import { getPainByActivity } from "@/lib/data/pain-by-activity";
import { setRunningPrescription } from "@/lib/data/prescriptions";
import { getRunCapContext, getRunCapNotice } from "@/lib/data/running-caps";
import { addShoe, getDefaultShoeId, listShoes, updateShoe } from "@/lib/data/shoes";
import { getToday } from "@/lib/data/today";
import { addDays, todayIn } from "@/lib/domain/dates";
import { describeActivityPain } from "@/lib/domain/pain-by-activity";
import { formatWeekSoFar } from "@/lib/domain/week-so-far";
import { prescriptionSchema } from "@/lib/validation/programs";
import { activitySchema } from "@/lib/validation/reporting";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");
const run = (date: string, km: number, over: Record<string, unknown> = {}) =>
  activitySchema.parse({ clientId: crypto.randomUUID(), type: "run", date, startTime: "07:30", durationSec: Math.round(km * 360), distanceM: km * 1000, rpe: 5, ...over });

describe("what the athlete sees about the running caps", () => {
  it("Today reads the week so far; a run over the cap is stored and its notice says so", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    await setRunningPrescription(clinic, prescriptionSchema.parse({ athleteId: me.athleteId, unit: "km", weeklyDistance: "20", longestRun: "8" }));
    await recordActivity(me, run(addDays(today, -6), 8));
    await recordActivity(me, run(addDays(today, -2), 4.4));
    await recordActivity(me, run(addDays(today, -7), 9)); // outside §2a's week
    const t = await getToday(me);
    expect(formatWeekSoFar(t.weekSoFar, "km")).toBe("12.4 of 20 km this week, longest 8 of 8 km");

    const within = await recordActivity(me, run(today, 5));
    expect(await getRunCapNotice(me, within.activity.id)).toBeNull();
    const over = await recordActivity(me, run(today, 5.6));
    expect(await getRunCapNotice(me, over.activity.id)).toBe("This run takes you to 23 of 20 km this week — your trainer will see it.");

    // the form's context covers the week before today and the prescription
    const context = await getRunCapContext(me, me.athleteId);
    expect(context).toMatchObject({ today, coversFrom: addDays(today, -13), periods: [{ weeklyDistanceCapM: 20_000, longestRunCapM: 8_000 }] });
    expect(context.runs.map((r) => r.distanceM).sort((a, b) => a! - b!)).toEqual([4400, 5000, 5600, 8000, 9000]);
  });

  it("the notice is the caller's own: another athlete or clinic and a malformed id get none", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic, "Me");
    const other = await makeAthlete(clinic, "Other");
    await setRunningPrescription(clinic, prescriptionSchema.parse({ athleteId: me.athleteId, unit: "km", weeklyDistance: "10", longestRun: "5" }));
    const { activity } = await recordActivity(me, run(today, 12));
    expect(await getRunCapNotice(me, activity.id)).toMatch(/^This run takes you to 12 of 10 km this week, and is longer than your longest-run limit: 12 of 5 km/);
    expect(await getRunCapNotice(other, activity.id)).toBeNull();
    expect(await getRunCapNotice(await makeClinic("Stranger"), activity.id)).toBeNull();
    expect(await getRunCapNotice(me, "not-a-uuid")).toBeNull();
    await expect(getRunCapContext(other, me.athleteId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the shoe a new run starts with", () => {
  it("is the only pair, then the pair used last, and not a retired one", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const first = await addShoe(me, { name: "Blue" });
    expect(await getDefaultShoeId(me, await listShoes(me))).toBe(first.id);
    const second = await addShoe(me, { name: "Red", reminderM: 804_672 });
    expect(await getDefaultShoeId(me, await listShoes(me))).toBeNull(); // two pairs, none used yet
    await recordActivity(me, run(addDays(today, -1), 5, { shoeId: second.id }));
    await recordActivity(me, run(addDays(today, -3), 5, { shoeId: first.id }));
    expect(await getDefaultShoeId(me, await listShoes(me))).toBe(second.id); // the latest run's, not the latest entered
    await updateShoe(me, second.id, { retired: true });
    expect(await getDefaultShoeId(me, await listShoes(me))).toBe(first.id);
    await updateShoe(me, first.id, { reminderM: 650_000 });
    expect((await listShoes(me)).find((s) => s.id === first.id)?.reminderM).toBe(650_000);
    expect((await listShoes(me)).find((s) => s.id === second.id)?.reminderM).toBe(804_672);
  });
});

describe("pain by activity", () => {
  it("summarises the last 4 weeks for the athlete and their trainer alike", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const d = (n: number) => addDays(today, n);
    for (const [date, pain] of [[d(-5), 1], [d(-4), 1], [d(-3), 1], [d(-2), 2]] as const) {
      await recordCheckIn(me, { date, morningPain: pain, redFlags: {}, tapeYesterday: false });
    }
    await recordActivity(me, run(d(-5), 0, { type: "water_jog", distanceM: undefined, durationSec: 1800, painDuring: 0, painAfter: 1 }));
    await recordActivity(me, run(d(-3), 0, { type: "bike", distanceM: undefined, durationSec: 2400, painDuring: 4, painAfter: 4 }));
    const mine = await getPainByActivity(me, me.athleteId);
    expect(mine.map(describeActivityPain)).toEqual([
      "cycling, 1 session: pain 4 during and after; next morning up by 1",
      "water jogging, 1 session: pain during 0, after 1; next morning settled",
    ]);
    expect(await getPainByActivity(clinic, me.athleteId)).toEqual(mine);
    await expect(getPainByActivity(await makeClinic("Stranger"), me.athleteId)).rejects.toMatchObject({ code: "not_found" });
  });
});
