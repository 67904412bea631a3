import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { prescriptionResponse } from "@/lib/validation/api-responses";
import { listPrescriptions, setRunningPrescription } from "@/lib/data/prescriptions";
import { prescriptionBodySchema, prescriptionFromBody } from "@/lib/validation/programs";

export const dynamic = "force-dynamic";

const params = z.object({ athleteId: uuidParam });

/** The running prescription in force (null when none) and the ones before it, newest first. */
export const GET = apiRoute({ role: "any", summary: "The running prescription in force and its history (metres, seconds).", params, response: z.object({ current: prescriptionResponse.nullable(), history: z.array(prescriptionResponse) }) }, async ({ scope, params }) => {
  const [current = null, ...history] = await listPrescriptions(scope, params.athleteId);
  return { current, history };
});

/** A new prescription replaces the one in force (the old one stays in the history); the alerts follow it. */
export const PUT = apiRoute(
  { role: "trainer", summary: "Set the running prescription: weekly and longest-run caps in metres, optional run/walk intervals in seconds.", params, body: prescriptionBodySchema, response: z.object({ current: prescriptionResponse.nullable() }) },
  async ({ scope, params, body }) => {
    await setRunningPrescription(scope, prescriptionFromBody(params.athleteId, body));
    const [current] = await listPrescriptions(scope, params.athleteId, 1);
    return { current: current ?? null };
  },
);
