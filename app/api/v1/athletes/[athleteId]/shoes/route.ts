import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { itemsOf, shoeResponse } from "@/lib/validation/api-responses";
import { addShoe, listShoes } from "@/lib/data/shoes";
import { shoeSchema } from "@/lib/validation/reporting";

export const dynamic = "force-dynamic";

const params = z.object({ athleteId: uuidParam });

export const GET = apiRoute({ role: "any", summary: "The athlete's shoes with the distance run in each (metres), in use first.", params, response: itemsOf(shoeResponse) }, async ({ scope, params }) => ({
  items: await listShoes(scope, params.athleteId),
}));

/** Body { name, reminderM? }: the reminder distance in metres (800 km when left out). */
export const POST = apiRoute(
  { role: "any", summary: "Add a shoe (name, optional reminder distance in metres).", params, body: shoeSchema.omit({ athleteId: true }).strict(), status: 201, response: shoeResponse },
  async ({ scope, params, body }) => {
    const { id } = await addShoe(scope, { ...body, athleteId: params.athleteId });
    return (await listShoes(scope, params.athleteId)).find((s) => s.id === id);
  },
);
