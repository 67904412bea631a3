import "server-only";

/**
 * What follows a report: alerts for the athlete are derived again from the stored data.
 * Kept in one place so every write path (forms, API, imports) does the same.
 */
export async function afterReport(_written: { athleteId: string; date: string }): Promise<void> {
  // wired to recomputeAlerts once the alert engine's data layer lands (issue 6)
}
