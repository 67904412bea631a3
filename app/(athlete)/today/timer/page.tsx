import type { Metadata } from "next";
import Link from "next/link";
import { requireAthlete } from "@/lib/auth/guards";
import { getReturnToRun } from "@/lib/data/return-to-run";
import { RTR_CONTACT } from "@/lib/domain/return-to-run";
import { TimerLoader } from "./timer-loader";

export const metadata: Metadata = { title: "Interval timer" };

/**
 * The run/walk timer for today's stage (DESIGN §2c, issue 19 item 4). Everything after this page
 * has loaded runs on the phone: the timer needs no network, and its log form posts through the
 * same action as the form on Today.
 */
export default async function TimerPage() {
  const scope = await requireAthlete();
  const rtr = await getReturnToRun(scope, scope.athleteId);
  const stage = rtr.stage;
  if (!rtr.onLadder || !stage || rtr.paused) {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Interval timer</h1>
        <p className="text-base">{rtr.paused ? `${RTR_CONTACT}.` : "The timer is for a return-to-run stage, and you are not on one."}</p>
        <Link href="/today" className="font-semibold text-brand-700 underline">
          Back to Today
        </Link>
      </div>
    );
  }
  const words = rtr.ladder?.stages.find((s) => s.id === stage.id)?.words ?? `Stage ${stage.number}`;
  return (
    <TimerLoader
      stage={{ id: stage.id, number: stage.number, runMin: stage.runMin, walkMin: stage.walkMin, repeats: stage.repeats, words }}
      restDay={rtr.today?.kind === "rest"}
      today={rtr.todayDate}
    />
  );
}
