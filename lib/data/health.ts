import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** A real round trip, bounded so a hung database answers "down" instead of hanging the probe. */
export async function pingDatabase(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    });
    await Promise.race([getDb().execute(sql`select 1`), timeout]);
    return true;
  } catch (err) {
    console.error("[health] database unreachable:", (err as Error).message);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
