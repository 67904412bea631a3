import { requireTrainer } from "@/lib/auth/guards";
import { listAthleteAudit, type AuditRow } from "@/lib/data/audit-trail";

/** Who changed what about this athlete, and when (newest first; before → after as recorded). */
export async function AuditTrail({ athleteId }: { athleteId: string }) {
  const scope = await requireTrainer();
  const rows = await listAthleteAudit(scope, athleteId, 50);
  return (
    <section aria-labelledby="audit-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="audit-heading" className="text-lg font-semibold">
        Change history
      </h2>
      {rows.length === 0 ? <p className="mt-2 text-slate-700">No changes recorded yet.</p> : <AuditTable rows={rows} />}
    </section>
  );
}

const brief = (v: unknown) => {
  if (v === null || v === undefined) return "—";
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
};

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    // a long unbroken value (ids in JSON) can make it scroll: keyboard users reach it too
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Change history as a table">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-slate-700">
            <th scope="col" className="py-2 pr-3">When (UTC)</th>
            <th scope="col" className="py-2 pr-3">Who</th>
            <th scope="col" className="py-2 pr-3">What</th>
            <th scope="col" className="py-2 pr-3">Before</th>
            <th scope="col" className="py-2">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top">
              <td className="py-2 pr-3 whitespace-nowrap">{r.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              <td className="py-2 pr-3">{r.actorName ?? "system"}</td>
              <td className="py-2 pr-3">{r.action.replace(/[._]/g, " ")}</td>
              <td className="py-2 pr-3 font-mono text-xs break-all">{brief(r.before)}</td>
              <td className="py-2 font-mono text-xs break-all">{brief(r.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
