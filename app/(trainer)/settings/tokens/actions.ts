"use server";

import { revalidatePath } from "next/cache";
import { requireTrainer } from "@/lib/auth/guards";
import { runValidated, trainerAction, type ActionState, isForm, NOT_A_FORM } from "@/lib/auth/action";
import { createApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { apiTokenSchema, revokeTokenSchema } from "@/lib/validation/api-tokens";

export type CreateTokenState = ActionState & { token?: string };

export async function createTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireTrainer();
  const state = await runValidated(apiTokenSchema, formData, scope, (input, s) => createApiToken(s, input));
  if (!state.ok || !state.result) return { ok: false, message: state.message, fieldErrors: state.fieldErrors, values: state.values };
  revalidatePath("/settings/tokens");
  return { ok: true, message: "Token created. Copy it now: it is shown only once.", token: state.result.token };
}

export const revokeTokenAction = trainerAction(revokeTokenSchema, async (input, scope) => {
  await revokeApiToken(scope, input.tokenId);
  revalidatePath("/settings/tokens");
});
