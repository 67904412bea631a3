import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { TrainerScope } from "@/lib/auth/scope";
import { getAthleteOnce } from "@/lib/data/athletes";
import { isAppError } from "@/lib/errors";

/** A malformed id, another clinic's athlete and a missing one all look the same: not found. */
export async function loadAthleteOr404(scope: TrainerScope, athleteId: string) {
  if (!z.uuid().safeParse(athleteId).success) notFound();
  try {
    return await getAthleteOnce(scope, athleteId);
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  }
}
