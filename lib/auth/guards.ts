import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { AthleteScope, Scope, TrainerScope } from "./scope";
import { auth } from "./index";

/** The caller's scope, or null when signed out. Cached per request. */
export const getScope = cache(async (): Promise<Scope | null> => {
  const session = await auth();
  const u = session?.user;
  if (!u?.id || !u.clinicId || !u.role) return null;
  if (u.role === "athlete") {
    if (!u.athleteId) return null;
    return { userId: u.id, clinicId: u.clinicId, role: "athlete", athleteId: u.athleteId };
  }
  return { userId: u.id, clinicId: u.clinicId, role: u.role };
});

/** For trainer pages: signed out → sign-in; an athlete → not found (the page does not exist for them). */
export async function requireTrainer(): Promise<TrainerScope> {
  const scope = await getScope();
  if (!scope) redirect("/sign-in");
  if (scope.role === "athlete") notFound();
  return scope;
}

export async function requireOwner(): Promise<TrainerScope> {
  const scope = await requireTrainer();
  if (scope.role !== "owner") notFound();
  return scope;
}

/** For athlete pages: signed out → sign-in; a trainer → their own home. */
export async function requireAthlete(): Promise<AthleteScope> {
  const scope = await getScope();
  if (!scope) redirect("/sign-in");
  if (scope.role !== "athlete") redirect("/dashboard");
  return scope;
}
