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
