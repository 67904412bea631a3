import { ALERT_SEVERITIES, type AlertSeverity } from "./types";

/**
 * DESIGN §2d display groups: alerts of one athlete with the same kind and subject on consecutive
 * dates are one thing to a trainer, shown once with their date span and highest severity. The
 * evaluation stores each member's group start (alerts.group_start), so grouping is by
 * (kind, subject, group start); a gap of a day starts a new group.
 */
export type GroupableAlert = { id: string; kind: string; subject: string | null; groupStart: string | null; date: string; severity: AlertSeverity; reason: string };

export type AlertGroup<T extends GroupableAlert> = {
  key: string;
  /** The newest member: its reason speaks for the group. */
  newest: T;
  earlier: T[];
  ids: string[];
  from: string;
  to: string;
  /** The highest severity of the members. */
  severity: AlertSeverity;
};

const rank = (s: AlertSeverity) => ALERT_SEVERITIES.indexOf(s);

export function groupKey(a: Pick<GroupableAlert, "kind" | "subject" | "groupStart" | "date">): string {
  return `${a.kind}:${a.subject ?? ""}:${a.groupStart ?? a.date}`;
}

/** Groups in the order of their first member in `alerts` (so a list sorted by severity stays so). */
export function groupAlerts<T extends GroupableAlert>(alerts: readonly T[]): AlertGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const a of alerts) {
    const key = groupKey(a);
    const list = groups.get(key);
    if (list) list.push(a);
    else groups.set(key, [a]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const sorted = [...list].sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
    const severity = list.reduce((s, a) => (rank(a.severity) < rank(s) ? a.severity : s), list[0]!.severity);
    return { key, newest: sorted[0]!, earlier: sorted.slice(1), ids: sorted.map((a) => a.id), from: sorted[sorted.length - 1]!.groupStart ?? sorted[sorted.length - 1]!.date, to: sorted[0]!.date, severity };
  });
}
