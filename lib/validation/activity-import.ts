import { z } from "zod";
import { clientIdField } from "./reporting";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const pain = (label: string) =>
  z.preprocess(blank, z.coerce.number({ error: `Enter ${label} as a number from 0 to 10.` }).int().min(0, `${label} must be between 0 and 10.`).max(10, `${label} must be between 0 and 10.`).optional());

/** The fields sent beside the file(s) of an import; one client id per file, in order. */
export const importMetaSchema = z.object({
  athleteId: z.preprocess(blank, z.uuid().optional()),
  clientIds: z.array(clientIdField).min(1, "Add a clientId for each file.").max(10, "Import at most 10 files at once."),
  rpe: z.preprocess(blank, z.coerce.number({ error: "Enter the session effort from 0 to 10." }).int().min(0).max(10, "Session effort must be between 0 and 10.").default(4)),
  painDuring: pain("Pain during"),
  painAfter: pain("Pain after"),
  shoeId: z.preprocess(blank, z.uuid().optional()),
});
export type ImportMeta = z.infer<typeof importMetaSchema>;

export const MAX_IMPORT_FILES = 10;
