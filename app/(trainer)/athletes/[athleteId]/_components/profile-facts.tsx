import type { AthleteProfile } from "@/lib/data/athletes";
import { STATUS_LABELS } from "@/lib/validation/athletes";

const SIDE: Record<string, string> = { left: "Left", right: "Right", both: "Both" };

/** The athlete's record as entered: rarely needed while treating, so it sits last and folded. */
export function ProfileFacts({ athlete }: { athlete: AthleteProfile }) {
  const facts: [string, string][] = [
    ["Status", STATUS_LABELS[athlete.status]],
    ["Group", athlete.sportGroup ?? "—"],
    ["Condition", athlete.condition],
    ["Injured side", athlete.injuredSide ? SIDE[athlete.injuredSide]! : "—"],
    ["Onset", athlete.onsetDate ?? "—"],
    ["Birth year", athlete.birthYear?.toString() ?? "—"],
    ["Trainer", athlete.trainerName ?? "—"],
    ["Email", athlete.email ?? "—"],
    ["Time zone", athlete.effectiveTimeZone],
    ["Login", athlete.hasLogin ? "Has a login and checks in from their phone" : "No login yet"],
  ];
  return (
    <section id="profile" aria-labelledby="profile-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <details>
        <summary className="cursor-pointer">
          <h2 id="profile-heading" className="inline text-lg font-semibold">
            Profile
          </h2>
        </summary>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-600">{k}</dt>
              <dd className="min-w-0 break-words">{v}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
