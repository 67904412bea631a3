import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { storedObjects } from "@/db/schema";

/**
 * Where uploaded files live: put/get/delete by key. This one keeps them in PostgreSQL (bytea in
 * stored_objects; PGlite alike), so a file commits or rolls back with the row that points at it,
 * one backup holds everything, and several app servers need no shared disk. At a clinic's scale
 * (a photo per exercise, ~100 KB each) that is a few MB. An object store (S3 and the like) can
 * implement the same interface; `conn` then only orders the write and the database row.
 */
export type StoredObject = { contentType: string; bytes: Buffer };

export interface ObjectStorage {
  put(conn: Db | Tx, key: string, object: StoredObject & { clinicId: string }): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(conn: Db | Tx, key: string): Promise<void>;
}

export const databaseStorage: ObjectStorage = {
  async put(conn, key, { clinicId, contentType, bytes }) {
    // content-addressed keys: the same key is the same bytes, so a second put changes nothing
    await conn.insert(storedObjects).values({ key, clinicId, contentType, bytes, size: bytes.byteLength }).onConflictDoNothing();
  },
  async get(key) {
    const [row] = await getDb().select({ contentType: storedObjects.contentType, bytes: storedObjects.bytes }).from(storedObjects).where(eq(storedObjects.key, key));
    return row ?? null;
  },
  async delete(conn, key) {
    await conn.delete(storedObjects).where(eq(storedObjects.key, key));
  },
};

/** The storage the app uses. */
export const objectStorage: ObjectStorage = databaseStorage;
