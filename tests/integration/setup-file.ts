import { Client } from "pg";
import { afterAll, inject } from "vitest";

// Runs before each integration test file is imported: point the app's one db client at a fresh database.
const template = inject("templateDb");
const adminUrl = inject("adminDbUrl");
let fileDb: string | null = null;

if (template && adminUrl) {
  fileDb = `stride_it_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${fileDb}" TEMPLATE "${template}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${fileDb}`;
  process.env.DATABASE_URL = url.toString();
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
  const { migrateWithLibrary } = await import("@/scripts/migrate");
  await migrateWithLibrary();
}

afterAll(async () => {
  const { closeDb } = await import("@/db/client");
  await closeDb();
  if (fileDb && adminUrl) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${fileDb}" WITH (FORCE)`);
    await admin.end();
  }
});
