import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { closeDb, dbKind, getDb } from "./client";
import { seedLibrary } from "./seed/library";

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "drizzle");

export async function runMigrations(): Promise<void> {
  const db = getDb();
  if (dbKind() === "pg") await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
  else await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  // the built-in exercise library is reference data every database needs, demo or production
  await seedLibrary(db);
}

// `npm run db:migrate`
if (process.argv[1] && /db[\\/]migrate\.ts$/.test(process.argv[1])) {
  runMigrations()
    .then(async () => {
      console.log(`Migrations applied (${dbKind() === "pg" ? "PostgreSQL" : "embedded PGlite"}).`);
      await closeDb();
    })
    .catch(async (err) => {
      console.error("Migration failed:", err);
      await closeDb();
      process.exit(1);
    });
}
