import Link from "next/link";
import { ChangeList } from "@/app/(trainer)/_components/change-list";
import type { TrainerScope } from "@/lib/auth/scope";
import { listAthleteAudit } from "@/lib/data/audit-trail";
import { getClinic, getMe } from "@/lib/data/clinics";
import { todayIn } from "@/lib/domain/dates";

const SHOWN = 5;
const READ = 20;

/** Who changed what about this athlete, in sentences, newest first; the owner can open the whole log. */
export async function ChangeHistory({ scope, athleteId }: { scope: TrainerScope; athleteId: string }) {
  const [rows, me, clinic] = await Promise.all([listAthleteAudit(scope, athleteId, READ), getMe(scope), getClinic(scope)]);
  const view = { unit: me.unit, timeZone: clinic.timeZone, today: todayIn(clinic.timeZone) };
  return (
    <section id="change-history" aria-labelledby="change-history-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="change-history-heading" className="text-lg font-semibold">
        Change history
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No changes recorded yet.</p>
      ) : (
        <>
          <ChangeList rows={rows.slice(0, SHOWN)} view={view} label="Latest changes" />
          {rows.length > SHOWN ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">Earlier changes ({rows.length - SHOWN}{rows.length === READ ? "+" : ""})</summary>
              <ChangeList rows={rows.slice(SHOWN)} view={view} label="Earlier changes" />
            </details>
          ) : null}
        </>
      )}
      {scope.role === "owner" ? (
        <p className="mt-2 text-sm">
          <Link href={`/settings/audit?athlete=${athleteId}`} className="font-semibold text-brand-700 underline">
            Every change in the audit log
          </Link>
        </p>
      ) : null}
    </section>
  );
}
