import { z } from "zod";
import { fromFormText, optionalFormNumber, painScore } from "./fields";
import { clientIdField } from "./reporting";

const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/**
 * The fields sent beside the file(s) of an import (multipart form fields, so text); one client id
 * per file, in order. An empty pain field is "not reported"; an empty effort takes the default 4.
 */
export const importMetaSchema = z.object({
  athleteId: z.preprocess(blank, z.uuid().optional()),
  clientIds: z.array(clientIdField).min(1, "Add a clientId for each file.").max(10, "Import at most 10 files at once."),
  rpe: z.preprocess((v) => fromFormText(v), painScore("the session effort").default(4)),
  painDuring: optionalFormNumber(painScore("pain during")),
  painAfter: optionalFormNumber(painScore("pain after")),
  shoeId: z.preprocess(blank, z.uuid().optional()),
});
export type ImportMeta = z.infer<typeof importMetaSchema>;

export const MAX_IMPORT_FILES = 10;
