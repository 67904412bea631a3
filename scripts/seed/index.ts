import { closeDb, dbKind, getDb } from "../../db/client";
import { migrateWithLibrary } from "../migrate";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "./demo";

// `npm run db:seed`: migrations first, so a seed never runs against an old schema
async function main() {
  await migrateWithLibrary();
  const { clinicId } = await seedDemo(getDb());
  // alerts are derived data: compute them the way the app does after every report.
  // (this script runs with the react-server condition, so lib/data's `server-only` guard allows it)
  const { recomputeClinicAlerts } = await import("../../lib/data/alerts-backfill");
  await recomputeClinicAlerts(clinicId, 3);
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
