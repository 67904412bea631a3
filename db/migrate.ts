import path from "node:path";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { dbKind, getDb } from "./client";

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "drizzle");

/**
 * Applies `drizzle/` to the app's database. Schema only: the built-in exercise library (reference
 * data built from lib/exercise-library) is loaded by scripts/migrate.ts, which `npm run db:migrate`
 * runs, so that db/ imports nothing from lib/ but the environment.
 */
export async function runMigrations(): Promise<void> {
  const db = getDb();
  if (dbKind() === "pg") await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
  else await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
}
