import { z } from "zod";
import { formNumber, nameText } from "./fields";

export const apiTokenSchema = z.object({
  name: nameText("the token's name", { error: "Name the token." }).trim().min(1, "Name the token, like 'Team spreadsheet'.").max(80, "Keep the name under 80 characters."),
  scope: z.enum(["read", "write"], { error: "Choose read-only or read and write." }),
  expiresInDays: formNumber(z.number({ error: "Choose when it expires." }).int("Choose 7, 30, 90 or 365 days.").refine((d) => [7, 30, 90, 365].includes(d), "Choose 7, 30, 90 or 365 days.")),
});
export type ApiTokenInput = z.infer<typeof apiTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: z.uuid({ error: "That token was not found." }) });
