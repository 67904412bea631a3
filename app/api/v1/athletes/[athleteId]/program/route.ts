import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { getCurrentPrescription } from "@/lib/data/prescriptions";
import { addProgramItem, getProgram } from "@/lib/data/programs";
import { applyTemplate } from "@/lib/data/templates";
import { programPostSchema } from "@/lib/validation/programs";
import { programPostResponse, programResponse } from "@/lib/validation/api-responses-athletes";

export const dynamic = "force-dynamic";

const params = z.object({ athleteId: uuidParam });

/** Trainers of the athlete's clinic, or the athlete themselves; anyone else gets 404. */
export const GET = apiRoute({ role: "any", summary: "The current program (active and paused items) and the running prescription in force.", params, response: programResponse }, async ({ scope, params }) => {
  const [program, runningPrescription] = await Promise.all([getProgram(scope, params.athleteId), getCurrentPrescription(scope, params.athleteId)]);
  return { ...program, runningPrescription };
});

/** Body { exerciseId, sets, reps | holdSec, daysPerWeek, load?, note? } adds an item; { templateId } applies a template. */
export const POST = apiRoute({ role: "trainer", summary: "Add an exercise to the program, or apply a template ({ templateId }); answers the program after it.", params, body: programPostSchema, status: 201, response: programPostResponse }, async ({ scope, params, body }) => {
  if ("templateId" in body) {
    const result = await applyTemplate(scope, { athleteId: params.athleteId, templateId: body.templateId });
    return { ...result, program: await getProgram(scope, params.athleteId) };
  }
  const { id } = await addProgramItem(scope, { ...body, athleteId: params.athleteId });
  return { id, program: await getProgram(scope, params.athleteId) };
});
