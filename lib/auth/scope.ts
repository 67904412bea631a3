/**
 * What the data layer needs to know about the caller. Produced from the session by
 * requireTrainer()/requireAthlete(); every data function takes one and filters by its clinicId.
 */
export type TrainerScope = {
  userId: string;
  clinicId: string;
  role: "owner" | "trainer";
};

export type AthleteScope = {
  userId: string;
  clinicId: string;
  role: "athlete";
  athleteId: string;
};

export type Scope = TrainerScope | AthleteScope;

export function isTrainerScope(scope: Scope): scope is TrainerScope {
  return scope.role === "owner" || scope.role === "trainer";
}
