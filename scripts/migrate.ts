/**
 * `npm run db:migrate`: the migrations in drizzle/, then the built-in exercise library (reference
 * data every database needs, demo or production; an idempotent upsert keyed by slug). The seeds and
 * the integration tests prepare a database through the same function.
 */
import { closeDb, dbKind, getDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedLibrary } from "./seed/library";

export async function migrateWithLibrary(): Promise<void> {
  await runMigrations();
  await seedLibrary(getDb());
}

if (process.argv[1] && /scripts[\\/]migrate\.ts$/.test(process.argv[1])) {
  migrateWithLibrary()
    .then(async () => {
      console.log(`Migrations applied and exercise library loaded (${dbKind() === "pg" ? "PostgreSQL" : "embedded PGlite"}).`);
      await closeDb();
    })
    .catch(async (err) => {
      console.error("Migration failed:", err);
      await closeDb();
      process.exit(1);
    });
}
