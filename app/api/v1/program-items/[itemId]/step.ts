import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { steppedItemResponse } from "@/lib/validation/api-responses";
import { stepItem } from "@/lib/data/programs";
import { stepBodySchema, type StepDirection } from "@/lib/validation/programs";

/** POST { reason } moves the item one step along its ladder; 422 at the ends of the ladder. */
export function stepRoute(direction: StepDirection) {
  return apiRoute({ role: "trainer", params: z.object({ itemId: uuidParam }), body: stepBodySchema, response: steppedItemResponse }, async ({ scope, params, body }) => {
    const item = await stepItem(scope, { itemId: params.itemId, direction, reason: body.reason });
    return {
      item: { id: item.id, exerciseId: item.exerciseId, sets: item.sets, reps: item.reps, holdSec: item.holdSec, daysPerWeek: item.daysPerWeek, load: item.load, note: item.note, status: item.status },
    };
  });
}
