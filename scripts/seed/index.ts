import { closeDb, dbKind, getDb } from "../../db/client";
import { migrateWithLibrary } from "../migrate";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "./demo";

// `npm run db:seed`: migrations first, so a seed never runs against an old schema
async function main() {
  await migrateWithLibrary();
  const { clinicId } = await seedDemo(getDb());
  // the seed writes rows directly; the triggers noted the dates they touched, and the data layer's
  // entrance brings every athlete up to date from there, as after any write
  // (this script runs with the react-server condition, so lib/data's `server-only` guard allows it)
  const { bringClinicUpToDate } = await import("../../lib/data/derived/clinic");
  await bringClinicUpToDate(clinicId, 3);
  // the history's alerts hold on every date since the records began (DESIGN §2d); a clinic that has
  // been running reviewed the older ones, so the owner acknowledges those before the last three days
  const { acknowledgeHistory } = await import("./demo-review");
  const reviewed = await acknowledgeHistory(clinicId, 3);
  if (reviewed > 0) console.log(`Acknowledged ${reviewed} alerts of the demo history (older than 3 days) as reviewed.`);
  console.log(`Demo data ready (${dbKind() === "pg" ? "PostgreSQL" : "embedded PGlite"}).`);
  for (const l of DEMO_LOGINS) console.log(`  ${l.role}: ${l.email} / ${DEMO_PASSWORD}`);
}

main()
  .then(() => closeDb())
  .catch(async (err) => {
    console.error("Seeding failed:", err);
    await closeDb();
    process.exit(1);
  });
