import { signUpClinic } from "@/lib/data/accounts";
import type { TrainerScope } from "@/lib/auth/scope";

let n = 0;

/** A clinic with its owner, signed up through the real data layer. */
export async function makeClinic(label = "Clinic"): Promise<TrainerScope & { email: string }> {
  n += 1;
  const email = `owner${n}-${Date.now()}@example.com`;
  const owner = await signUpClinic({
    clinicName: `${label} ${n}`,
    name: `Owner ${n}`,
    email,
    password: "correct-horse-battery",
    timeZone: "Europe/London",
  });
  return { userId: owner.id, clinicId: owner.clinicId, role: "owner", email };
}
