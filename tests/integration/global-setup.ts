import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import * as schema from "../../db/schema";
import { seedLibrary } from "../../scripts/seed/library";

/**
 * Against PostgreSQL (DATABASE_URL set): one migrated template database per run; every test file
 * clones it (tests/integration/setup-file.ts) and drops its clone. Without DATABASE_URL each file
 * migrates an in-memory PGlite instead.
 */
declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string | null;
    adminDbUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    project.provide("templateDb", null);
    project.provide("adminDbUrl", null);
    return;
  }
  const name = `stride_tpl_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  const db = drizzle({ client, schema, casing: "snake_case" });
  await migrate(db, { migrationsFolder: path.resolve(__dirname, "../../drizzle") });
  // the same reference data migrateWithLibrary() (scripts/migrate.ts) loads into every database
  await seedLibrary(db);
  await client.end();
  project.provide("templateDb", name);
  project.provide("adminDbUrl", base);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}
