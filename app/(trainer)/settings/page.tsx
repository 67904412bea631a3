import Link from "next/link";
import type { Metadata } from "next";
import { requireOwner } from "@/lib/auth/guards";
import { getClinic } from "@/lib/data/clinics";
import { getDailyEvaluationStatus, type DailyEvaluationStatus } from "@/lib/data/evaluation-runs";
import { listPendingTrainerInvites } from "@/lib/data/invites";
import { listStaff } from "@/lib/data/staff";
import { getTwoFactorStatus, staffWithTwoFactor } from "@/lib/data/two-factor";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";
import { ClinicSettingsForm, TrainerActiveForm, TrainerInviteForm, TwoFactorRequiredForm } from "./settings-forms";

export const metadata: Metadata = { title: "Clinic settings" };

export default async function SettingsPage() {
  const scope = await requireOwner();
  const [clinic, trainers, pending, evaluation, locale, twoFactor, withTwoFactor] = await Promise.all([
    getClinic(scope),
    listStaff(scope),
    listPendingTrainerInvites(scope),
    getDailyEvaluationStatus(scope),
    requestLocale(),
    getTwoFactorStatus(scope),
    staffWithTwoFactor(scope),
  ]);
  return (
    <>
      <h1 className="text-2xl font-bold">Clinic settings</h1>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="clinic-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="clinic-heading" className="mb-3 text-lg font-semibold">
            Clinic
          </h2>
          <ClinicSettingsForm name={clinic.name} timeZone={clinic.timeZone} />
        </section>
        <section aria-labelledby="trainers-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="trainers-heading" className="text-lg font-semibold">
            Trainers
          </h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {trainers.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className={t.deactivatedAt ? "text-slate-500" : undefined}>
                  {t.name} <span className="text-slate-600">({t.email})</span>
                  {withTwoFactor.has(t.id) ? <span className="ml-2 rounded bg-green-50 px-1.5 py-0.5 text-xs font-semibold text-green-800">Two-factor on</span> : null}
                </span>
                <span className="flex items-center gap-3 text-slate-600">
                  {t.role === "owner" ? "Owner" : t.deactivatedAt ? "Deactivated" : "Trainer"}
                  {t.role === "trainer" ? <TrainerActiveForm userId={t.id} name={t.name} active={t.deactivatedAt === null} /> : null}
                </span>
              </li>
            ))}
            {pending.map((p) => (
              <li key={p.id} className="flex justify-between py-2 text-sm">
                <span>
                  {p.name} ({p.email})
                </span>
                <span className="text-slate-600">Invited, until {formatDate(p.expiresAt, locale, clinic.timeZone)}</span>
              </li>
            ))}
          </ul>
          <h3 className="mt-5 mb-2 font-semibold">Invite a trainer</h3>
          <TrainerInviteForm />
        </section>
      </div>
      <section aria-labelledby="two-factor-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">
          {twoFactor.requiredByClinic
            ? "Required: every trainer signs in with a code from an app on their phone after the password. A trainer without it sets it up right after signing in and can do nothing else until it is on."
            : "Not required. Each trainer may turn it on for themselves under Your account."}
          {!twoFactor.enabled ? (
            <>
              {" "}
              To require it, first{" "}
              <Link href="/account/two-factor" className="font-semibold text-brand-700 underline">
                turn it on for your own account
              </Link>
              .
            </>
          ) : null}
        </p>
        <TwoFactorRequiredForm required={twoFactor.requiredByClinic} />
      </section>
      <section aria-labelledby="data-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="data-heading" className="text-lg font-semibold">
          Data and access
        </h2>
        <ul className="mt-2 flex flex-col gap-2 text-sm">
          <li>
            <a href="/settings/export" className="font-semibold text-brand-700 underline">
              Export the clinic&apos;s data (JSON)
            </a>
          </li>
          <li>
            <Link href="/settings/audit" className="font-semibold text-brand-700 underline">
              Audit log: who changed what, and when
            </Link>
          </li>
          <li>
            <Link href="/settings/outbox" className="font-semibold text-brand-700 underline">
              Outbox: the emails the app sent, and any it could not
            </Link>
          </li>
          <li>
            <Link href="/settings/tokens" className="font-semibold text-brand-700 underline">
              API tokens for your own scripts
            </Link>
          </li>
        </ul>
      </section>
      <DailyEvaluation status={evaluation} timeZone={clinic.timeZone} locale={locale} />
    </>
  );
}

/** DESIGN §2d: each athlete is evaluated when their day begins, so silent athletes are flagged without a write. */
function DailyEvaluation({ status, timeZone, locale }: { status: DailyEvaluationStatus; timeZone: string; locale: string }) {
  const when = (d: Date) => formatDateTime(d, locale, timeZone);
  const run = status.lastRun;
  return (
    <section aria-labelledby="evaluation-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="evaluation-heading" className="text-lg font-semibold">
        Daily evaluation
      </h2>
      <p className="mt-1 text-sm text-slate-600">Each athlete&apos;s alerts are checked again when their day begins, so an athlete who stops reporting is flagged.</p>
      {run ? (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-semibold">Last run</dt>
          <dd>{when(run.startedAt)}{run.finishedAt ? "" : " (did not finish; it is retried)"}</dd>
          <dt className="font-semibold">Athletes evaluated</dt>
          <dd>{run.athletesEvaluated}</dd>
          <dt className="font-semibold">Failures</dt>
          <dd className={run.failures > 0 ? "font-semibold text-red-700" : undefined}>
            {run.failures}
            {run.failures > 0 ? " (those athletes are tried again at the next run, every 15 minutes)" : ""}
          </dd>
        </dl>
      ) : (
        <p className="mt-3 text-sm">No run has evaluated this clinic&apos;s athletes yet.</p>
      )}
      {status.lastCheckAt ? <p className="mt-2 text-xs text-slate-600">The schedule last checked for athletes due at {when(status.lastCheckAt)}.</p> : null}
    </section>
  );
}
