import "server-only";
import type { TrainerScope } from "@/lib/auth/scope";
import { listTrainers } from "@/lib/data/athletes";
import { getClinic } from "@/lib/data/clinics";
import { STATUS_LABELS } from "@/lib/validation/athletes";

export async function athleteFormOptions(scope: TrainerScope) {
  const [trainers, clinic] = await Promise.all([listTrainers(scope), getClinic(scope)]);
  return {
    trainers: trainers.map((t) => ({ value: t.id, label: t.name })),
    statuses: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
    clinicTimeZone: clinic.timeZone,
  };
}
