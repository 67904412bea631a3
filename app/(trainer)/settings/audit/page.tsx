import type { Metadata } from "next";
import { AuditTable } from "@/app/(trainer)/athletes/[athleteId]/_components/audit-trail";
import { requireOwner } from "@/lib/auth/guards";
import { listClinicAudit } from "@/lib/data/audit-trail";

export const metadata: Metadata = { title: "Audit log" };

export default async function ClinicAuditPage() {
  const scope = await requireOwner();
  const rows = await listClinicAudit(scope);
  return (
    <>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-1 text-slate-700">Every change in the clinic: who, when, what, and the values before and after (latest 300).</p>
      {rows.length === 0 ? <p className="mt-4">Nothing recorded yet.</p> : <AuditTable rows={rows} />}
    </>
  );
}
