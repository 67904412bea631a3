// DESIGN §2d: evaluating an athlete again keeps the alerts whose identity still holds, adds new
// ones, retires those that no longer hold, and keeps display groups (consecutive dates of one kind
// and subject) and their acknowledgements straight. Pure: the data layer loads and writes.
import { addDays } from "./dates";
import { ALERT_SEVERITIES, type Alert, type AlertFacts, type AlertSeverity, type IsoDate } from "./types";

export type StoredAlertStatus = "open" | "acknowledged" | "resolved";

export type StoredAlert = {
  id: string;
  dedupeKey: string;
  kind: string;
  subject: string | null;
  date: IsoDate;
  severity: AlertSeverity;
  reason: string;
  /** As stored (jsonb): null for alerts stored before alerts had facts. */
  facts: unknown;
  status: StoredAlertStatus;
  acknowledgedBy: string | null;
  groupStart: IsoDate | null;
  retired: boolean;
};

export type AlertInsert = {
  alert: Alert;
  groupStart: IsoDate;
  /** "acknowledged" when it continues an acknowledged or resolved group at no higher severity. */
  status: "open" | "acknowledged";
  acknowledgedBy: string | null;
};

export type AlertUpdate = {
  id: string;
  severity: AlertSeverity;
  reason: string;
  facts: AlertFacts;
  groupStart: IsoDate;
  /** Its severity rose: the acknowledgement and any resolution no longer cover it. */
  reopen: boolean;
  /** It was retired and holds again. */
  revive: boolean;
};

export type AlertRetirement = { id: string; reason: string };

export type ReconcilePlan = { inserts: AlertInsert[]; updates: AlertUpdate[]; retirements: AlertRetirement[] };

const rank = (s: AlertSeverity) => ALERT_SEVERITIES.indexOf(s);
/** True when `a` is more severe than `b` (urgent > high > moderate > good news). */
export const moreSevere = (a: AlertSeverity, b: AlertSeverity) => rank(a) < rank(b);

/** JSON with object keys sorted: jsonb does not keep key order, so facts compare by content. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

export const sameFacts = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const chainKey = (kind: string, subject: string | null) => `${kind}\u0000${subject ?? ""}`;

/**
 * The changes that make the stored alerts of one athlete equal to `derived` on every date in
 * `from…to` (both included). `stored` holds the athlete's alerts dated from `from − 1` on,
 * retired ones included (the day before `from` decides how groups and acknowledgements continue).
 * `because` completes the retirement reason: "no longer applies: <because>".
 */
export function reconcileAlerts({
  from,
  to,
  derived,
  stored,
  because,
}: {
  from: IsoDate;
  to: IsoDate;
  derived: readonly Alert[];
  stored: readonly StoredAlert[];
  because: string;
}): ReconcilePlan {
  const inRange = (d: IsoDate) => d >= from && d <= to;
  const byKey = new Map(stored.map((s) => [s.dedupeKey, s]));
  const wanted = new Map<string, Alert>();
  for (const a of derived) if (inRange(a.date)) wanted.set(a.dedupeKey, a);

  const retirements: AlertRetirement[] = [];
  for (const s of stored) {
    if (!s.retired && inRange(s.date) && !wanted.has(s.dedupeKey)) {
      retirements.push({ id: s.id, reason: `no longer applies: ${because}` });
    }
  }

  // the live members after this evaluation, per (kind, subject) and date, with their status
  type Live = { date: IsoDate; severity: AlertSeverity; status: StoredAlertStatus; acknowledgedBy: string | null; groupStart: IsoDate };
  const live = new Map<string, Map<IsoDate, Live>>();
  const chain = (kind: string, subject: string | null) => {
    const k = chainKey(kind, subject);
    let m = live.get(k);
    if (!m) live.set(k, (m = new Map()));
    return m;
  };
  // members before the range keep what they are
  for (const s of stored) {
    if (s.retired || inRange(s.date) || s.date > to) continue;
    chain(s.kind, s.subject).set(s.date, { date: s.date, severity: s.severity, status: s.status, acknowledgedBy: s.acknowledgedBy, groupStart: s.groupStart ?? s.date });
  }

  const inserts: AlertInsert[] = [];
  const updates: AlertUpdate[] = [];
  const ordered = [...wanted.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const a of ordered) {
    const members = chain(a.kind, a.subject);
    const prev = members.get(addDays(a.date, -1));
    const groupStart = prev ? prev.groupStart : a.date;
    const s = byKey.get(a.dedupeKey);
    if (s) {
      const reopen = s.status !== "open" && moreSevere(a.severity, s.severity);
      const status: StoredAlertStatus = reopen ? "open" : s.status;
      members.set(a.date, { date: a.date, severity: a.severity, status, acknowledgedBy: reopen ? null : s.acknowledgedBy, groupStart });
      const changed = s.severity !== a.severity || s.reason !== a.reason || !sameFacts(s.facts, a.facts) || s.groupStart !== groupStart || reopen || s.retired;
      if (changed) updates.push({ id: s.id, severity: a.severity, reason: a.reason, facts: a.facts, groupStart, reopen, revive: s.retired });
    } else {
      const carried = prev && prev.status !== "open" && !moreSevere(a.severity, prev.severity);
      const status = carried ? "acknowledged" : "open";
      const acknowledgedBy = carried ? prev.acknowledgedBy : null;
      members.set(a.date, { date: a.date, severity: a.severity, status, acknowledgedBy, groupStart });
      inserts.push({ alert: a, groupStart, status, acknowledgedBy });
    }
  }
  return { inserts, updates, retirements };
}
