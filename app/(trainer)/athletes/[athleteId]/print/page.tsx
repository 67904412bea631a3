import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HomeProgram } from "@/app/(athlete)/program/_components/home-program";
import { requireTrainer } from "@/lib/auth/guards";
import { getClinic, getMe } from "@/lib/data/clinics";
import { getCurrentPrescription } from "@/lib/data/prescriptions";
import { mediaForProgram } from "@/lib/data/exercise-media";
import { getProgram } from "@/lib/data/programs";
import { isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";

export const metadata: Metadata = { title: "Home program" };

export default async function TrainerPrintPage({ params }: { params: Promise<{ athleteId: string }> }) {
  const scope = await requireTrainer();
  const { athleteId } = await params;
  if (!z.uuid().safeParse(athleteId).success) notFound();
  const [program, prescription, clinic, me, media] = await Promise.all([
    getProgram(scope, athleteId),
    getCurrentPrescription(scope, athleteId),
    getClinic(scope),
    getMe(scope),
    mediaForProgram(scope, athleteId),
  ]).catch((err: unknown) => {
    // another clinic's athlete, or none at all, is simply not found
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  const printedOn = formatDate(new Date(), await requestLocale(), clinic.timeZone, { long: true });
  return (
    <HomeProgram
      program={program}
      prescription={prescription}
      clinicName={clinic.name}
      trainerName={program.athlete.trainerName ?? me.name}
      unit={me.unit}
      printedOn={printedOn}
      media={media}
    />
  );
}
