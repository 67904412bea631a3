import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { updateShoe } from "@/lib/data/shoes";
import { shoePatchSchema } from "@/lib/validation/reporting";

export const dynamic = "force-dynamic";

/** Rename a shoe, change its reminder distance (metres) or retire it (`retired: false` puts it back in use). */
export const PATCH = apiRoute(
  { role: "any", summary: "Change a shoe: name, reminderM, retired. An athlete their own; a trainer any of the clinic.", params: z.object({ shoeId: uuidParam }), body: shoePatchSchema, response: z.object({ ok: z.literal(true), id: z.uuid() }) },
  async ({ scope, params, body }) => {
    await updateShoe(scope, params.shoeId, body);
    return { ok: true, id: params.shoeId };
  },
);
