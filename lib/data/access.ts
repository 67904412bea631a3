import "server-only";
import { cache } from "react";
import { getDb, type Db, type Tx } from "@/db/client";
import { isTrainerScope, type Scope } from "@/lib/auth/scope";
import { conflict, invalid, notFound } from "@/lib/errors";
import { loadAthleteContext, loadAthleteWithContext, type AthleteContext } from "./athlete-records";

/** The athlete the caller may act on, as read for the check, and whether the caller is staff. */
export type AthleteAccess = AthleteContext & { byTrainer: boolean };

/**
 * One read of an athlete per request for read-only callers: a page's sections share it, and so
 * does the page's profile read (getAthleteOnce). Callers check the scope before asking.
 */
export const athleteOnce = cache((clinicId: string, athleteId: string) => loadAthleteWithContext(getDb(), clinicId, athleteId));

/**
 * The one check of who may see or change an athlete's records (every lib/data function that takes
 * an athlete id goes through it):
 * - a trainer (or a trainer's API token): any athlete of their clinic; naming none is invalid;
 * - an athlete: only themselves; naming anyone else is "not found", as is another clinic's athlete,
 *   so a foreign id reveals nothing;
 * - `write`: an archived athlete takes no changes (restore them first); reads stay allowed, so their
 *   record remains available to staff.
 * Inside a write's transaction pass its `tx` as `db`, so the read belongs to the transaction.
 */
export async function athleteAccess(scope: Scope, athleteId: string | undefined, { write = false, db }: { write?: boolean; db?: Db | Tx } = {}): Promise<AthleteAccess> {
  let id: string;
  if (!isTrainerScope(scope)) {
    if (athleteId && athleteId !== scope.athleteId) throw notFound("Athlete");
    id = scope.athleteId;
  } else {
    if (!athleteId) throw invalid("Say which athlete this is for.", { athleteId: ["Choose an athlete."] });
    id = athleteId;
  }
  const context = db ? await loadAthleteContext(db, scope.clinicId, id) : (await athleteOnce(scope.clinicId, id)).context;
  if (write && context.status === "archived") throw conflict("This athlete is archived. Restore them before adding records.");
  return { ...context, byTrainer: isTrainerScope(scope) };
}
