import type { Metadata } from "next";
import Link from "next/link";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { requireTrainer } from "@/lib/auth/guards";
import { getAthleteInviteStatus } from "@/lib/data/invites";
import { STATUS_LABELS } from "@/lib/validation/athletes";
import { AlertsPanel } from "./_components/alerts-panel";
import { ArchiveToggle } from "./_components/archive-toggle";
import { ChartsSection } from "./_components/charts/charts-section";
import { InvitePanel } from "./_components/invite-panel";
import { ProgramSection } from "./_components/program-section";
import { RecentEntries } from "./_components/recent-entries";
import { ReturnToRunSection } from "./_components/return-to-run-section";
import { loadAthleteOr404 } from "./load-athlete";
import { AuditTrail } from "./_components/audit-trail";

export const metadata: Metadata = { title: "Athlete" };

const SIDE: Record<string, string> = { left: "Left", right: "Right", both: "Both" };

export default async function AthletePage({ params }: { params: Promise<{ athleteId: string }> }) {
  const scope = await requireTrainer();
  const { athleteId } = await params;
  const athlete = await loadAthleteOr404(scope, athleteId);
  const invite = athlete.hasLogin ? { pendingUntil: null } : await getAthleteInviteStatus(scope, athlete.id);
  const archived = athlete.status === "archived";

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
  ];

  return (
    <>
      <Link href="/athletes" className="no-print text-sm font-semibold text-brand-700 underline">
        ← Athletes
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{athlete.name}</h1>
          <p className="text-slate-700">
            {athlete.condition}
            {athlete.injuredSide ? `, ${SIDE[athlete.injuredSide]!.toLowerCase()} side` : ""}
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          {!archived ? (
            <Link href={`/athletes/${athlete.id}/edit`} className={secondaryButton}>
              Edit profile
            </Link>
          ) : null}
          <ArchiveToggle athleteId={athlete.id} archived={archived} name={athlete.name} />
        </div>
      </div>

      {archived ? (
        <p role="status" className="mt-4 rounded-md bg-amber-50 px-4 py-3 text-amber-900">
          This athlete is archived: they are hidden from lists and alerts, and every record is kept. Restore them to work
          with them again.
        </p>
      ) : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="profile-heading" className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-1">
          <h2 id="profile-heading" className="text-lg font-semibold">
            Profile
          </h2>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium text-slate-600">{k}</dt>
                <dd className="break-words">{v}</dd>
              </div>
            ))}
          </dl>
          {athlete.notes ? <p className="mt-4 text-sm whitespace-pre-line text-slate-800">{athlete.notes}</p> : null}
          <div className="mt-5 border-t border-slate-100 pt-4">
            <InvitePanel athleteId={athlete.id} hasLogin={athlete.hasLogin} pendingUntil={invite.pendingUntil?.toISOString() ?? null} archived={archived} />
          </div>
        </section>

        <div className="flex flex-col gap-6 lg:col-span-2">
          <AlertsPanel athleteId={athlete.id} athleteName={athlete.name} timeZone={athlete.effectiveTimeZone} />
          <ChartsSection athleteId={athlete.id} athleteName={athlete.name} timeZone={athlete.effectiveTimeZone} />
          {archived ? null : <RecentEntries scope={scope} athleteId={athlete.id} athleteName={athlete.name} />}
          {archived ? null : <ReturnToRunSection scope={scope} athleteId={athlete.id} />}
          {archived ? null : <ProgramSection athleteId={athlete.id} />}
        </div>
      </div>
      <AuditTrail athleteId={athlete.id} />
    </>
  );
}
