import { and, eq } from "drizzle-orm";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { listAlerts, transitionAlerts } from "../../lib/data/alerts";
import { addDays, todayIn } from "../../lib/domain/dates";

/**
 * The demo clinic's owner acknowledges the open alerts dated before the last `keepDays` days, through
 * the data layer (audited like any acknowledgement), so Needs attention shows what is current.
 * Returns how many were acknowledged. Idempotent: a second run finds none open.
 */
export async function acknowledgeHistory(clinicId: string, keepDays: number): Promise<number> {
  const [owner] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.clinicId, clinicId), eq(users.role, "owner")));
  if (!owner) return 0;
  const scope = { userId: owner.id, clinicId, role: "owner" as const };
  const before = addDays(todayIn("UTC"), -keepDays);
  let total = 0;
  for (;;) {
    const open = await listAlerts(scope, { status: "open", to: before }, 60);
    if (open.length === 0) return total;
    await transitionAlerts(scope, open.map((a) => a.id), "acknowledged", "Reviewed at the weekly check (demo history)");
    total += open.length;
  }
}
