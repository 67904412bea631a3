import type { Metadata } from "next";
import Link from "next/link";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { requireTrainer } from "@/lib/auth/guards";
import { getAthleteInviteStatus } from "@/lib/data/invites";
import { AlertsPanel } from "./_components/alerts-panel";
import { ArchiveToggle } from "./_components/archive-toggle";
import { AthleteSummary } from "./_components/athlete-summary";
import { ChangeHistory } from "./_components/change-history";
import { ChartsSection } from "./_components/charts/charts-section";
import { InvitePanel } from "./_components/invite-panel";
import { ProfileFacts } from "./_components/profile-facts";
import { ProgramHistorySection, ProgramSection, RunningPrescriptionSection } from "./_components/program-section";
import { RecentCheckIns } from "./_components/recent-check-ins";
import { RecentEntries } from "./_components/recent-entries";
import { ReturnToRunSection } from "./_components/return-to-run-section";
import { loadAthleteOr404 } from "./load-athlete";
import { PainByActivitySection } from "./_components/pain-by-activity-section";
import { EpisodesSection } from "./_components/episodes-section";
import { NotesSection } from "./_components/notes-section";
import { todayIn } from "@/lib/domain/dates";
import { noteSearchSchema } from "@/lib/validation/clinical";

export const metadata: Metadata = { title: "Athlete" };

const SIDE: Record<string, string> = { left: "Left", right: "Right", both: "Both" };

/**
 * One screen a trainer scans first (summary and open alerts), then the pain-vs-load chart and the
 * program; everything else below, each in its own section reached from the contents list.
 */
export default async function AthletePage({
  params,
  searchParams,
}: {
  params: Promise<{ athleteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requireTrainer();
  const { athleteId } = await params;
  const notesQuery = noteSearchSchema.parse((await searchParams).notes);
  const athlete = await loadAthleteOr404(scope, athleteId);
  const invite = athlete.hasLogin ? { pendingUntil: null } : await getAthleteInviteStatus(scope, athlete.id);
  const archived = athlete.status === "archived";
  const sections: [string, string][] = [
    ["summary", "Summary"],
    ["alerts", "Alerts"],
    ["charts", "Pain and load"],
    ...(archived
      ? []
      : ([
          ["return-to-run", "Return to run"],
          ["program", "Program"],
        ] as [string, string][])),
    ["episodes", "Injury episodes"],
    ["notes", "Clinical notes"],
    ...(archived
      ? []
      : ([
          ["running", "Running prescription"],
          ["entries", "Recent activities"],
          ["check-ins", "Recent check-ins"],
          ["program-history", "Program history"],
        ] as [string, string][])),
    ["change-history", "Change history"],
    ["profile", "Profile"],
  ];

  return (
    <div className="min-w-0">
      <Link href="/athletes" className="no-print text-sm font-semibold text-brand-700 underline">
        ← Athletes
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words">{athlete.name}</h1>
          <p className="break-words text-slate-700">
            {athlete.condition}
            {athlete.injuredSide ? `, ${SIDE[athlete.injuredSide]!.toLowerCase()} side` : ""}
            {athlete.sportGroup ? <> · {athlete.sportGroup}</> : null}
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          {!archived ? (
            <Link href={`/athletes/${athlete.id}/edit`} className={secondaryButton}>
              Edit profile
            </Link>
          ) : null}
          <a href={`/athletes/${athlete.id}/referral.pdf`} className={secondaryButton}>
            Referral summary (PDF)
          </a>
          {scope.role === "owner" ? (
            <a href={`/athletes/${athlete.id}/export`} className={secondaryButton}>
              Export record
            </a>
          ) : null}
          <a href={`/api/fhir/Patient/${athlete.id}/$everything`} download className={secondaryButton}>
            FHIR export
          </a>
          <ArchiveToggle athleteId={athlete.id} archived={archived} name={athlete.name} />
        </div>
      </div>

      <nav aria-label="On this page" className="no-print mt-3">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {sections.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`} className="font-semibold text-brand-700 underline">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {archived ? (
        <p role="status" className="mt-4 rounded-md bg-amber-50 px-4 py-3 text-amber-900">
          This athlete is archived: they are hidden from lists and alerts, and every record is kept. Restore them to work
          with them again.
        </p>
      ) : null}

      <div className="mt-4 grid min-w-0 gap-4 lg:grid-cols-5">
        <div className="flex min-w-0 flex-col gap-4 lg:col-span-2">
          <AthleteSummary scope={scope} athlete={athlete} />
          {!athlete.hasLogin && !archived ? (
            <section aria-label="Athlete login" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
              <InvitePanel athleteId={athlete.id} hasLogin={athlete.hasLogin} pendingUntil={invite.pendingUntil?.toISOString() ?? null} archived={archived} hasEmail={Boolean(athlete.email)} />
            </section>
          ) : null}
        </div>
        <div className="min-w-0 lg:col-span-3">
          <AlertsPanel athleteId={athlete.id} athleteName={athlete.name} timeZone={athlete.effectiveTimeZone} />
        </div>
      </div>

      <div className="mt-4 flex min-w-0 flex-col gap-4">
        <ChartsSection athleteId={athlete.id} athleteName={athlete.name} timeZone={athlete.effectiveTimeZone} dataVersion={athlete.dataVersion} />
        <PainByActivitySection athleteId={athlete.id} />
        {archived ? null : <ReturnToRunSection scope={scope} athleteId={athlete.id} />}
        {archived ? null : <ProgramSection athleteId={athlete.id} />}
        <div className="grid min-w-0 gap-4 lg:grid-cols-2">
          <EpisodesSection scope={scope} athleteId={athlete.id} today={todayIn(athlete.effectiveTimeZone)} archived={archived} />
          <NotesSection scope={scope} athleteId={athlete.id} q={notesQuery} timeZone={athlete.effectiveTimeZone} archived={archived} />
          {archived ? null : <RunningPrescriptionSection athleteId={athlete.id} />}
          {archived ? null : <RecentEntries scope={scope} athleteId={athlete.id} athleteName={athlete.name} />}
          {archived ? null : <RecentCheckIns scope={scope} athleteId={athlete.id} />}
          {archived ? null : <ProgramHistorySection athleteId={athlete.id} />}
          <ChangeHistory scope={scope} athleteId={athlete.id} />
        </div>
        <ProfileFacts athlete={athlete} />
      </div>
    </div>
  );
}
