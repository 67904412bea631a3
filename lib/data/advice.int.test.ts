import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts } from "@/db/schema";
import { acknowledgeAlert, resolveAlert } from "@/lib/data/alerts";
import { recordCheckIn } from "@/lib/data/check-ins";
import { getAthleteStatus } from "@/lib/data/series";
import { getToday } from "@/lib/data/today";
import { CONTACT_ADVICE, HOLD_ADVICE } from "@/lib/domain/advice";
import type { RedFlag } from "@/lib/domain/types";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

async function redFlagAlertId(athleteId: string, flag: RedFlag): Promise<string> {
  const [row] = await getDb()
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.athleteId, athleteId), eq(alerts.kind, "red_flag"), eq(alerts.subject, flag)));
  if (!row) throw new Error(`no ${flag} alert`);
  return row.id;
}

/** Today's and Progress's reads say the same thing. */
async function adviceOf(me: Awaited<ReturnType<typeof makeAthlete>>) {
  const [today, status] = await Promise.all([getToday(me), getAthleteStatus(me, me.athleteId)]);
  expect(status.advice).toEqual(today.advice);
  return today.advice;
}

describe("athlete advice (DESIGN §2a) from the stored red-flag alerts", () => {
  it("a non-urgent flag holds until a trainer resolves it; acknowledging is not enough", async () => {
    const clinic = await makeClinic("Advice");
    const me = await makeAthlete(clinic, "Holding");
    // morning pain 2 and no baseline yet: the light alone would be green
    await recordCheckIn(me, { morningPain: 2, redFlags: { swelling: true }, tapeYesterday: false });
    expect(await adviceOf(me)).toMatchObject({ kind: "hold", message: HOLD_ADVICE, flags: [{ flag: "swelling" }] });

    const alertId = await redFlagAlertId(me.athleteId, "swelling");
    await acknowledgeAlert(clinic, alertId, "Seen, will call");
    expect(await adviceOf(me)).toMatchObject({ kind: "hold" });

    await resolveAlert(clinic, alertId, "Examined: no effusion");
    expect(await adviceOf(me)).toMatchObject({ kind: "light", light: { light: "green" } });
  });

  it("an urgent flag means contact the AT today, until a trainer resolves it", async () => {
    const clinic = await makeClinic("Advice urgent");
    const me = await makeAthlete(clinic, "Locking");
    await recordCheckIn(me, { morningPain: 3, redFlags: { locking: true, clicking: true }, tapeYesterday: false });
    const advice = await adviceOf(me);
    expect(advice).toMatchObject({ kind: "contact", message: CONTACT_ADVICE, causes: [{ kind: "urgent_red_flag", flag: "locking" }] });

    await acknowledgeAlert(clinic, await redFlagAlertId(me.athleteId, "locking"));
    expect(await adviceOf(me)).toMatchObject({ kind: "contact" });

    // resolving the urgent flag leaves the unresolved clicking: hold
    await resolveAlert(clinic, await redFlagAlertId(me.athleteId, "locking"));
    expect(await adviceOf(me)).toMatchObject({ kind: "hold", flags: [{ flag: "clicking" }] });

    await resolveAlert(clinic, await redFlagAlertId(me.athleteId, "clicking"));
    expect(await adviceOf(me)).toMatchObject({ kind: "light", light: { light: "green" } });
  });

  it("a flag taken back by the athlete (its alert retired) no longer holds; another clinic sees nothing", async () => {
    const clinic = await makeClinic("Advice retired");
    const me = await makeAthlete(clinic, "Changed mind");
    await recordCheckIn(me, { morningPain: 1, redFlags: { night_pain: true }, tapeYesterday: false });
    expect(await adviceOf(me)).toMatchObject({ kind: "hold" });
    await recordCheckIn(me, { morningPain: 1, redFlags: {}, tapeYesterday: false });
    expect(await adviceOf(me)).toMatchObject({ kind: "light" });

    const stranger = await makeClinic("Stranger");
    await expect(getAthleteStatus(stranger, me.athleteId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("before any check-in the athlete is asked to check in", async () => {
    const clinic = await makeClinic("Advice none");
    const me = await makeAthlete(clinic, "New");
    expect(await adviceOf(me)).toEqual({ kind: "check_in", message: "Check in for today's advice" });
  });
});
