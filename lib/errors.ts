import type { z } from "zod";

/**
 * Typed errors the data layer throws. Actions turn them into form state, route handlers into
 * HTTP statuses; database details never reach the person on the other end.
 */
export type ErrorCode = "unauthorized" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited";

export type FieldErrors = Record<string, string[] | undefined>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That record") => new AppError("not_found", `${what} was not found.`);
export const conflict = (message: string, fieldErrors?: FieldErrors) => new AppError("conflict", message, fieldErrors);
export const invalid = (message: string, fieldErrors?: FieldErrors) => new AppError("invalid", message, fieldErrors);
export const forbidden = (message = "You do not have access to this.") => new AppError("forbidden", message);
export const unauthorized = () => new AppError("unauthorized", "Please sign in.");

export const httpStatusOf: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
};

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Postgres unique-violation, whichever driver raised it. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const pg = e as { code?: string; constraint?: string };
  return pg?.code === "23505" && (!constraint || pg.constraint === constraint);
}

/**
 * Postgres refusing a value: a CHECK or NOT NULL constraint, a missing referenced row, or a
 * malformed/out-of-range value (class 22: bad text encoding, NUL bytes, numeric overflow, invalid
 * date or uuid). These come from input the zod schemas let through, so they are the caller's to
 * fix (422), never a 500. Unique violations are left to the data layer, which knows what they mean.
 */
export function isInvalidValueError(err: unknown): boolean {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== "string") return false;
  return code.startsWith("22") || code === "23514" || code === "23502" || code === "23503";
}

export const INVALID_VALUE_MESSAGE = "One of the values is not acceptable (out of range, wrongly formatted or referring to something that does not exist). Nothing was saved.";

/** A zod error as field messages keyed by path ("form" for the whole value). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}
