import { z } from "zod";

export const apiTokenSchema = z.object({
  name: z.string({ error: "Name the token." }).trim().min(1, "Name the token, like 'Team spreadsheet'.").max(80, "Keep the name under 80 characters."),
  scope: z.enum(["read", "write"], { error: "Choose read-only or read and write." }),
  expiresInDays: z.coerce.number({ error: "Choose when it expires." }).int().refine((d) => [7, 30, 90, 365].includes(d), "Choose 7, 30, 90 or 365 days."),
});
export type ApiTokenInput = z.infer<typeof apiTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: z.uuid({ error: "That token was not found." }) });
