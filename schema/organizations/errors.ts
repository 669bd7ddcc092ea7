import { DomainError } from "../errors.js";

const FOREIGN_KEY_VIOLATION = "23503";

/** Whether `error` (or an error it wraps, as drizzle does) is a PostgreSQL foreign-key violation. */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: unknown } | null;
  if (e?.code === FOREIGN_KEY_VIOLATION) return true;
  return e?.cause ? isForeignKeyViolation(e.cause) : false;
}

export const conflict = (message: string) => new DomainError("CONFLICT", message);

/**
 * Runs a deletion whose ON DELETE RESTRICT keys are checked first; if a row referencing it appears
 * concurrently, the database refuses and the caller gets the same CONFLICT answer instead of a server error.
 */
export async function restrictedDelete<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict(message);
    throw error;
  }
}
