/** PostgreSQL error codes the trials area turns into CONFLICT answers. */
export const UNIQUE_VIOLATION = "23505";
export const FOREIGN_KEY_VIOLATION = "23503";

/**
 * Whether `error` (or an error it wraps, as drizzle does) is PostgreSQL's `code`, on `constraint` when given.
 */
export function isPgViolation(error: unknown, code: string, constraint?: string): boolean {
  const e = error as { code?: string; constraint_name?: string; cause?: unknown } | null;
  if (e?.code === code && (constraint === undefined || e.constraint_name === constraint)) return true;
  return e?.cause ? isPgViolation(e.cause, code, constraint) : false;
}
