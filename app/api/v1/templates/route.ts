import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { templateResponse } from "@/lib/validation/api-responses";
import { listTemplates } from "@/lib/data/templates";

export const dynamic = "force-dynamic";

/** Program templates the clinic may apply: the built-in ones and its own (apply with POST …/program { templateId }). */
export const GET = apiRoute({ role: "trainer", summary: "Program templates: built-in and the clinic's own, with their item counts.", response: z.object({ templates: z.array(templateResponse) }) }, async ({ scope }) => ({
  templates: await listTemplates(scope),
}));
