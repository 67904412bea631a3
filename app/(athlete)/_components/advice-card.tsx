import { LIGHT_TEXT } from "@/app/_components/charts/traffic-light";
import type { AthleteAdvice, ContactCause } from "@/lib/domain/advice";
import { addDays } from "@/lib/domain/dates";
import { RED_FLAG_LABELS } from "@/lib/domain/red-flags";
import { lightInWords } from "./light-words";

const NEUTRAL = "border-slate-200 bg-white text-slate-900";
const URGENT = "border-red-300 bg-red-50 text-red-900";
const HOLD = "border-amber-300 bg-amber-50 text-amber-900";

function dayLabel(date: string, today: string): string {
  if (date === today) return "today";
  if (date === addDays(today, -1)) return "yesterday";
  return `on ${new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })}`;
}

const PAIN_WHERE = { morning: "in the morning", activity: "during or after an activity", exercise: "during an exercise" } as const;

function causeInWords(c: ContactCause, today: string): string {
  switch (c.kind) {
    case "paused":
      return "Your return-to-run plan is paused.";
    case "urgent_red_flag":
      return `You reported ${RED_FLAG_LABELS[c.flag]} ${dayLabel(c.date, today)}.`;
    case "pain":
      return `Your knee pain was ${c.value}/10 ${PAIN_WHERE[c.source]} ${dayLabel(c.date, today)}.`;
  }
}

function content(advice: AthleteAdvice, today: string, lastRunDate: string | null): { tone: string; dot: string | null; headline: string; details: string[] } {
  switch (advice.kind) {
    case "contact":
      return { tone: URGENT, dot: null, headline: advice.message, details: [...advice.causes.map((c) => causeInWords(c, today)), "Your trainer has been told."] };
    case "hold": {
      const [latest] = advice.flags;
      const more = advice.flags.length - 1;
      return {
        tone: HOLD,
        dot: null,
        headline: advice.message,
        details: [
          latest ? `You reported ${RED_FLAG_LABELS[latest.flag]} ${dayLabel(latest.date, today)}${more > 0 ? `, and ${more} other warning sign${more === 1 ? "" : "s"} before that` : ""}.` : "",
          "Your trainer has been told and will want to check your knee. Don't add distance until they have.",
        ].filter(Boolean),
      };
    }
    case "ladder":
      return { tone: NEUTRAL, dot: null, headline: advice.message, details: [] };
    case "light": {
      const words = lightInWords(advice.light, lastRunDate);
      const t = LIGHT_TEXT[advice.light.light];
      return { tone: t.box, dot: t.dot, headline: words.headline, details: [words.detail] };
    }
    case "check_in":
      return { tone: NEUTRAL, dot: null, headline: advice.message, details: ["Answer the morning check-in: it tells us how your knee is handling your running."] };
  }
}

/** The one message about running (DESIGN §2a Athlete advice), in a box whose colour matches it. */
export function AdviceCard({ advice, today, lastRunDate = null }: { advice: AthleteAdvice; today: string; lastRunDate?: string | null }) {
  const c = content(advice, today, lastRunDate);
  return (
    <section aria-labelledby="advice-heading" data-advice={advice.kind} className={`rounded-lg border p-4 ${c.tone}`}>
      <h2 id="advice-heading" className="flex items-start gap-2 text-lg font-semibold">
        {c.dot ? <span aria-hidden="true" className={`mt-1.5 inline-block h-3.5 w-3.5 shrink-0 rounded-full ${c.dot}`} /> : null}
        {c.headline}
      </h2>
      {c.details.map((d) => (
        <p key={d} className="mt-1">
          {d}
        </p>
      ))}
    </section>
  );
}
