import type { LightAssessment } from "@/lib/domain/pain";
import { formatNumber } from "@/lib/domain/units";

const weekday = (iso: string) => new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/**
 * The traffic light as a sentence for the runner: what we saw, then what to do (DESIGN §2:
 * green continue and may build, amber hold, red reduce). Plain words, no jargon.
 */
export function lightInWords(light: LightAssessment | null, lastRunDate: string | null): { headline: string; detail: string } {
  if (!light) return { headline: "No guidance yet", detail: "Check in each morning and log your runs: after a few days we can tell you how your knee is handling your running." };
  const afterRun = lastRunDate && lastRunDate < light.date ? ` after ${weekday(lastRunDate)}'s run` : "";
  const base = light.baseline === null ? "" : ` (your usual is about ${formatNumber(light.baseline)})`;
  switch (light.light) {
    case "green":
      if (light.baseline === null) {
        return {
          headline: "Green: keep your running as it is this week",
          detail: "Your pain has stayed at 5 out of 10 or under. After a few more morning check-ins we can also compare each morning with your usual.",
        };
      }
      return {
        headline: "Green: keep your running as it is this week",
        detail: `Your knee settled by the next morning${afterRun} and your morning pain is not creeping up. You may build gently if your trainer agrees.`,
      };
    case "amber":
      return light.causes.includes("rise_1")
        ? {
            headline: "Amber: hold your running where it is",
            detail: `Your knee was a little sorer this morning${afterRun}: ${light.morningPain}/10${base}. Don't add distance this week, and tell your trainer if it keeps rising.`,
          }
        : {
            headline: "Amber: hold your running where it is",
            detail: "Your morning pain has crept up this week compared with last week. Don't add distance this week.",
          };
    case "red": {
      const why = light.causes.includes("running_pain")
        ? `a run in the last week hurt more than 5 out of 10 (${light.maxRunningPain}/10)`
        : light.causes.includes("morning_pain")
          ? `your knee was ${light.morningPain}/10 this morning, which is more than 5`
          : `your knee was ${light.morningPain}/10 this morning${afterRun}, 2 or more above your usual${base}`;
      return { headline: "Red: cut back your running", detail: `Because ${why}, run less until it settles, and talk to your trainer. Cross-training that doesn't hurt is fine.` };
    }
  }
}
