import { SEVERITY_LABEL } from "@/app/_components/charts/severity";
import { requireTrainer } from "@/lib/auth/guards";
import { listAthleteAlerts, type AlertView } from "@/lib/data/alerts";
import { groupAlerts, type AlertGroup } from "@/lib/domain/alert-groups";
import { AlertActionForm } from "../../../dashboard/_components/alert-action-form";
import { formatDateTime, formatDay } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";

const when = (d: Date | null, tz: string, locale: string) => (d ? formatDateTime(d, locale, tz) : "");

/** One display group (§2d): the same alert on consecutive days, shown once with its span. */
function AlertItem({ g, timeZone, locale }: { g: AlertGroup<AlertView>; timeZone: string; locale: string }) {
  const a = g.newest;
  const sev = SEVERITY_LABEL[g.severity];
  const members = [a, ...g.earlier];
  const notes = [...new Set(members.map((m) => m.note).filter((n): n is string => Boolean(n)))];
  const stillOpen = members.some((m) => m.status === "open");
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 border-t border-slate-100 pt-3">
      <div className="min-w-0 flex-1 text-sm">
        <p>
          <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-semibold ${sev.className}`}>{sev.label}</span>
          <span className="font-medium">{a.reason}</span>
          <span className="text-slate-600"> · {g.from === g.to ? formatDay(g.to, locale) : `${formatDay(g.from, locale)} to ${formatDay(g.to, locale)}`}</span>
        </p>
        {a.acknowledgedAt ? (
          <p className="mt-1 text-slate-600">
            Acknowledged by {a.acknowledgedBy ?? "a former trainer"}, {when(a.acknowledgedAt, timeZone, locale)}
            {a.resolvedAt ? ` · resolved by ${a.resolvedBy ?? "a former trainer"}, ${when(a.resolvedAt, timeZone, locale)}` : ""}
          </p>
        ) : null}
        {a.retiredAt ? <p className="mt-1 text-slate-600">Retired {when(a.retiredAt, timeZone, locale)}: {a.retiredReason}</p> : null}
        {notes.length ? <p className="mt-1 whitespace-pre-line text-slate-800">{notes.join("\n")}</p> : null}
      </div>
      {a.status === "resolved" || a.retiredAt ? null : <AlertActionForm alertId={g.ids} reason={a.reason} allowResolve acknowledged={!stillOpen} />}
    </li>
  );
}

/** The athlete's alerts: open and acknowledged ones to act on, the latest resolved ones below. */
export async function AlertsPanel({ athleteId, athleteName, timeZone }: { athleteId: string; athleteName: string; timeZone: string }) {
  const scope = await requireTrainer();
  const locale = await requestLocale();
  const { open: openMembers, acknowledged: acknowledgedMembers, resolved: resolvedMembers, retired: retiredMembers } = await listAthleteAlerts(scope, athleteId);
  // §2d: a group is open while any member is neither acknowledged nor resolved, so a group with an
  // open member is listed once, under open, with every member's id for its buttons
  const active = groupAlerts([...openMembers, ...acknowledgedMembers]);
  const open = active.filter((g) => [g.newest, ...g.earlier].some((m) => m.status === "open"));
  const acknowledged = active.filter((g) => !open.includes(g));
  const [resolved, retired] = [groupAlerts(resolvedMembers), groupAlerts(retiredMembers)];
  return (
    <section id="alerts" aria-labelledby="alerts-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="alerts-heading" className="text-lg font-semibold">
        Alerts
      </h2>
      {open.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">No open alerts for {athleteName}.</p>
      ) : (
        <ul aria-label="Open alerts" className="mt-2 flex flex-col gap-3">
          {open.map((g) => (
            <AlertItem key={g.key} g={g} timeZone={timeZone} locale={locale} />
          ))}
        </ul>
      )}
      {acknowledged.length > 0 ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Acknowledged, not resolved ({acknowledged.length})</summary>
          <ul aria-label="Acknowledged alerts" className="mt-1 flex flex-col gap-3">
            {acknowledged.map((g) => (
              <AlertItem key={g.key} g={g} timeZone={timeZone} locale={locale} />
            ))}
          </ul>
        </details>
      ) : null}
      {retired.length > 0 ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">No longer apply ({retired.length})</summary>
          <ul aria-label="Alerts that no longer apply" className="mt-1 flex flex-col gap-3">
            {retired.map((g) => (
              <AlertItem key={g.key} g={g} timeZone={timeZone} locale={locale} />
            ))}
          </ul>
        </details>
      ) : null}
      {resolved.length > 0 ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Recently resolved ({resolved.length})</summary>
          <ul className="mt-1 flex flex-col gap-3">
            {resolved.map((g) => (
              <AlertItem key={g.key} g={g} timeZone={timeZone} locale={locale} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
