import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { alertResponse } from "@/lib/validation/api-responses";
import { acknowledgeAlert } from "@/lib/data/alerts";
import { alertNoteSchema } from "@/lib/validation/alerts";

export const dynamic = "force-dynamic";

/** Body { note? }: records who and when, with the note, in the alert and the audit log. */
export const POST = apiRoute({ role: "trainer", params: z.object({ alertId: uuidParam }), body: alertNoteSchema, response: alertResponse }, ({ scope, params, body }) =>
  acknowledgeAlert(scope, params.alertId, body.note),
);
