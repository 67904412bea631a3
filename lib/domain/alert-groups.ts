/**
 * Alerts are stored one per kind per date (DESIGN §2a), so a rule that holds all week (weekly
 * distance over the cap, say) stores seven. A trainer reads them as one thing: the newest, with
 * how many earlier days said the same. Red flags stay apart per flag, progressions per exercise.
 */
export type GroupableAlert = { id: string; kind: string; date: string; reason: string; flag?: string | null };

export type AlertGroup<T extends GroupableAlert> = { key: string; newest: T; earlier: T[]; ids: string[] };

export function groupAlerts<T extends GroupableAlert>(alerts: T[]): AlertGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const a of alerts) {
    // a red flag per flag, and "ready to progress" per exercise (its reason names it)
    const key = a.kind === "red_flag" ? `red_flag:${a.flag ?? a.reason}` : a.kind === "ready_to_progress" ? `${a.kind}:${a.reason}` : a.kind;
    const list = groups.get(key);
    if (list) list.push(a);
    else groups.set(key, [a]);
  }
  return [...groups.entries()].map(([key, list]) => {
    const sorted = [...list].sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
    return { key, newest: sorted[0]!, earlier: sorted.slice(1), ids: sorted.map((a) => a.id) };
  });
}
