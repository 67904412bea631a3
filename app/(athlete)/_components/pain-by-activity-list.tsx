import { describeActivityPain, type ActivityPain } from "@/lib/domain/pain-by-activity";

const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}.`;

/**
 * Pain per activity type over the last 4 weeks, in words: the athlete's /progress and the
 * trainer's athlete page show the same lines. Plain text, so it needs no table alternative.
 */
export function PainByActivityList({ summaries, who, headingLevel = 2, className = "" }: { summaries: ActivityPain[]; who: "athlete" | "trainer"; headingLevel?: 2 | 3; className?: string }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="pain-by-activity-heading" className={className}>
      <Heading id="pain-by-activity-heading" className="text-lg font-semibold">
        Pain by activity, last 4 weeks
      </Heading>
      <p className="mt-1 text-sm text-slate-700">
        {who === "athlete"
          ? "When one activity makes your knee worse, try another. Next morning compares the morning after with the morning of that day."
          : "Pain during and after each kind of session; next morning compares the morning after with the morning of that day."}
      </p>
      {summaries.length ? (
        <ul className="mt-2 flex flex-col gap-1 text-sm">
          {summaries.map((s) => (
            <li key={s.type}>{sentence(describeActivityPain(s))}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">No activities logged in the last 4 weeks.</p>
      )}
    </section>
  );
}
