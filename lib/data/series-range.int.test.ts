import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { seriesDays } from "@/db/schema";
import { recordCheckIn } from "@/lib/data/check-ins";
import { getAthleteSeriesJson } from "@/lib/data/series";
import { addDays, todayIn } from "@/lib/domain/dates";
import { seriesQuerySchema, type SeriesResponse } from "@/lib/validation/series";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

/** Issue 18 item 6: the limits hold for the range as resolved, not only for the parameters as sent. */
const today = todayIn("Europe/London");
const q = (raw: Record<string, string>) => seriesQuerySchema.parse(raw);
const stored = async (athleteId: string) => (await getDb().select({ date: seriesDays.date }).from(seriesDays).where(eq(seriesDays.athleteId, athleteId))).length;

describe("the series range, as resolved", () => {
  it("from=1900-01-01 without to is refused (422) and stores no chart days; so is a from after today", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    await recordCheckIn(me, { morningPain: 2, redFlags: {}, tapeYesterday: false });
    await expect(getAthleteSeriesJson(clinic, me.athleteId, q({ from: "1900-01-01" }))).rejects.toMatchObject({ code: "invalid", fieldErrors: { from: [expect.stringMatching(/3 years/)] } });
    await expect(getAthleteSeriesJson(me, me.athleteId, q({ from: addDays(today, 1) }))).rejects.toMatchObject({ code: "invalid", fieldErrors: { from: [expect.stringMatching(/on or before/)] } });
    expect(await stored(me.athleteId)).toBe(0);
    // to alone reaching back 12 weeks, and exactly 3 years' worth, still answer
    const body = JSON.parse(new TextDecoder().decode(await getAthleteSeriesJson(me, me.athleteId, q({ to: today })))) as SeriesResponse;
    expect(body.rows).toHaveLength(84);
    const longest = addDays(today, -(3 * 366 - 1));
    expect((JSON.parse(new TextDecoder().decode(await getAthleteSeriesJson(me, me.athleteId, q({ from: longest })))) as SeriesResponse).from).toBe(longest);
    await expect(getAthleteSeriesJson(me, me.athleteId, q({ from: addDays(longest, -1) }))).rejects.toMatchObject({ code: "invalid" });
  });

  it("with both dates the schema refuses a reversed or over-long range before any read", () => {
    expect(seriesQuerySchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(seriesQuerySchema.safeParse({ from: "1900-01-01", to: "2026-01-01" }).success).toBe(false);
    expect(seriesQuerySchema.safeParse({ from: "2025-01-01", to: "2026-01-01" }).success).toBe(true);
  });
});
