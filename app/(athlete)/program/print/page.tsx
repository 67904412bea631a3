import type { Metadata } from "next";
import { requireAthlete } from "@/lib/auth/guards";
import { getClinic, getMe } from "@/lib/data/clinics";
import { getCurrentPrescription } from "@/lib/data/prescriptions";
import { mediaForProgram } from "@/lib/data/exercise-media";
import { getProgram } from "@/lib/data/programs";
import { formatDate } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";
import { HomeProgram } from "../_components/home-program";

export const metadata: Metadata = { title: "Print my program" };

export default async function AthletePrintPage() {
  const scope = await requireAthlete();
  const [program, prescription, clinic, me, media] = await Promise.all([
    getProgram(scope, scope.athleteId),
    getCurrentPrescription(scope, scope.athleteId),
    getClinic(scope),
    getMe(scope),
    mediaForProgram(scope, scope.athleteId),
  ]);
  const printedOn = formatDate(new Date(), await requestLocale(), clinic.timeZone, { long: true });
  return <HomeProgram program={program} prescription={prescription} clinicName={clinic.name} trainerName={program.athlete.trainerName} unit={me.unit} printedOn={printedOn} media={media} />;
}
