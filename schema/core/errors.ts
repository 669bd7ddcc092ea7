import { GraphQLError } from "graphql";
import type { z } from "zod";

/**
 * The stable codes clients can branch on. Each expected failure carries one in `extensions.code` with a
 * message a person can act on; anything else is reported as INTERNAL_SERVER_ERROR without details.
 */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  ACCOUNT_LOCKED: "ACCOUNT_LOCKED",
  INVALID_TOKEN: "INVALID_TOKEN",
  INSUFFICIENT_FUNDS: "INSUFFICIENT_FUNDS",
} as const;
export type ErrorCode = keyof typeof ErrorCode;

export interface FieldProblem {
  field: string;
  message: string;
}

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  new DomainError("CONFLICT", message, extensions);

export const PG_UNIQUE_VIOLATION = "23505";
export const PG_FOREIGN_KEY_VIOLATION = "23503";

/** Whether `error` (or an error it wraps, as drizzle does) is PostgreSQL's `code`, on `constraint` when given. */
export function isPgViolation(error: unknown, code: string, constraint?: string): boolean {
  const e = error as { code?: string; constraint_name?: string; cause?: unknown } | null;
  if (e?.code === code && (constraint === undefined || e.constraint_name === constraint)) return true;
  return e?.cause ? isPgViolation(e.cause, code, constraint) : false;
}

/**
 * Runs `work`, answering a violation of a database rule with the error a person can act on. Rules are checked
 * before writing where possible; this catches the same rule broken by a concurrent request.
 */
export async function onViolation<T>(
  work: () => Promise<T>,
  violation: { code: string; constraint?: string },
  toError: () => Error,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isPgViolation(error, violation.code, violation.constraint)) throw toError();
    throw error;
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do this.") =>
  new DomainError("FORBIDDEN", message);
export const unauthenticated = () =>
  new DomainError("UNAUTHENTICATED", "You are not logged in, or your session has expired.");

export function badInput(problems: FieldProblem[], extensions: Record<string, unknown> = {}): DomainError {
  const message = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join(" ");
  return new DomainError("BAD_USER_INPUT", message, { ...extensions, fields: problems });
}

/** Parses input with a zod schema, turning every problem into one BAD_USER_INPUT error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw badInput(result.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
}

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  // Raised by graphql-js, Apollo and graphql-armor before any resolver runs.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

export function isExpectedError(code: unknown): boolean {
  return typeof code === "string" && KNOWN_CODES.has(code);
}
