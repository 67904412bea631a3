import { closeDb, dbKind, getDb } from "../client";
import { runMigrations } from "../migrate";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "./demo";

// `npm run db:seed`: migrations first, so a seed never runs against an old schema
async function main() {
  await runMigrations();
  await seedDemo(getDb());
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
