import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { INVALID_VALUE_MESSAGE, isAppError, isInvalidValueError, zodFieldErrors, type FieldErrors } from "@/lib/errors";
import { requireAthlete, requireTrainer } from "./guards";
import type { AthleteScope, TrainerScope } from "./scope";
import { formToObject, formValues } from "@/lib/validation/form-data";

export { formToObject, formValues };

/** What every form action returns to useActionState. `values` lets a failed form keep what was typed. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
};

/**
 * Next decodes an action's arguments from the request body, so a hand-made request can pass
 * anything where a form action expects its FormData. Every form action checks first.
 */
export const NOT_A_FORM: ActionState = { ok: false, message: "This form could not be read. Reload the page and try again." };

export function isForm(value: unknown): value is FormData {
  return value instanceof FormData;
}

type Handler<S extends z.ZodType, Sc, R> = (input: z.output<S>, scope: Sc, formData: FormData) => Promise<R>;

/** Parse with zod, run the handler, and map every expected failure to form state. */
export async function runValidated<S extends z.ZodType, Sc, R>(
  schema: S,
  formData: FormData,
  scope: Sc,
  handler: Handler<S, Sc, R>,
): Promise<ActionState & { result?: R }> {
  if (!isForm(formData)) return NOT_A_FORM;
  const values = formValues(formData);
  const parsed = schema.safeParse(formToObject(formData));
  if (!parsed.success) {
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: zodFieldErrors(parsed.error), values };
  }
  try {
    const result = await handler(parsed.data, scope, formData);
    return { ok: true, result };
  } catch (err) {
    unstable_rethrow(err);
    if (isAppError(err)) return { ok: false, message: err.message, fieldErrors: err.fieldErrors, values };
    if (isInvalidValueError(err)) return { ok: false, message: INVALID_VALUE_MESSAGE, values };
    console.error("[action] unexpected error", err);
    return { ok: false, message: "Something went wrong on our side. Your entry was not saved; please try again.", values };
  }
}

/** The one door for trainer-side mutations: session → zod → data layer → state. */
export function trainerAction<S extends z.ZodType, R>(schema: S, handler: Handler<S, TrainerScope, R>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const scope = await requireTrainer();
    const { result: _r, ...state } = await runValidated(schema, formData, scope, handler);
    return state;
  };
}

export function athleteAction<S extends z.ZodType, R>(schema: S, handler: Handler<S, AthleteScope, R>) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const scope = await requireAthlete();
    const { result: _r, ...state } = await runValidated(schema, formData, scope, handler);
    return state;
  };
}
