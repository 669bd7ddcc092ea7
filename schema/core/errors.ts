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
  /** A passing fault (the database was unreachable); sending the same request again is safe. */
  TRY_AGAIN: "TRY_AGAIN",
  /** The connection was lost while the change was being saved: it may or may not have been made. */
  OUTCOME_UNKNOWN: "OUTCOME_UNKNOWN",
  /** The operation could return more objects than the cost limit allows; nothing of it ran. */
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  /** The caller's rate limit is spent (HTTP 429, Retry-After); nothing of the operation ran. */
  RATE_LIMITED: "RATE_LIMITED",
  /** TRUSTED_DOCUMENTS=required: this caller may run only the apps' trusted documents (HTTP 400); nothing ran. */
  TRUSTED_DOCUMENT_REQUIRED: "TRUSTED_DOCUMENT_REQUIRED",
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
export const PG_CHECK_VIOLATION = "23514";

/** Whether `error` (or an error it wraps, as drizzle does) is PostgreSQL's `code`, on `constraint` when given. */
function isPgViolation(error: unknown, code: string, constraint?: string): boolean {
  const e = error as { code?: string; constraint_name?: string; cause?: unknown } | null;
  if (e?.code === code && (constraint === undefined || e.constraint_name === constraint)) return true;
  return e?.cause ? isPgViolation(e.cause, code, constraint) : false;
}

/** A database rule (a violation `code`, on `constraint` or on any) and the error that answers its breaking. */
export interface ViolationAnswer {
  code: string;
  constraint?: string;
  error: () => Error;
}

/**
 * Runs `work`, answering a violation of a database rule with the error a person can act on: the first answer
 * that matches. Rules are checked before writing where possible; this catches the same rule broken by a
 * concurrent request. It is the one way a PostgreSQL violation becomes a domain error.
 */
export async function onViolation<T>(work: () => Promise<T>, ...answers: ViolationAnswer[]): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const answer = answers.find((a) => isPgViolation(error, a.code, a.constraint));
    throw answer ? answer.error() : error;
  }
}

/** The server ending the session, and postgres.js's and Node's names for a closed or refused socket. */
const CONNECTION_LOST = new Set([
  "57P01",
  "57P02",
  "57P03",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
]);

/**
 * Why a transaction failed, when the reason is of the moment rather than of its work: PostgreSQL rolled it back to
 * settle a clash with another transaction (a serialization failure or a deadlock), or the connection went away
 * (class 08, or CONNECTION_LOST). Null for anything else.
 */
export function transientFailure(error: unknown): "clash" | "connection lost" | null {
  for (let e = error as { code?: unknown; cause?: unknown } | null; e; e = e.cause as typeof e) {
    const code = typeof e.code === "string" ? e.code : "";
    if (code === "40001" || code === "40P01") return "clash";
    if (code.startsWith("08") || CONNECTION_LOST.has(code)) return "connection lost";
  }
  return null;
}

export const tryAgain = () =>
  new DomainError(
    "TRY_AGAIN",
    "The database was briefly unavailable. Send the same request again (with the same Idempotency-Key, if it had " +
      "one): it will not be carried out twice.",
  );
export const outcomeUnknown = () =>
  new DomainError(
    "OUTCOME_UNKNOWN",
    "The connection to the database was lost while this change was being saved: it may or may not have been made. " +
      "Check before repeating it (a request sent with an Idempotency-Key is never left in doubt).",
  );

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do this.") =>
  new DomainError("FORBIDDEN", message);
export const unauthenticated = () =>
  new DomainError("UNAUTHENTICATED", "You are not logged in, or your session has expired.");

/**
 * BAD_USER_INPUT for one or more problems: `extensions.fields` lists each ({ field, message }) for programs; the
 * message lists them for people, one after another, separated by "; " so that they do not run together.
 */
export function badInput(problems: FieldProblem[], extensions: Record<string, unknown> = {}): DomainError {
  const each = problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message));
  const message =
    each.length > 1
      ? `${each.length} inputs are invalid: ${each.map((m) => m.replace(/\.$/, "")).join("; ")}.`
      : each.join("");
  return new DomainError("BAD_USER_INPUT", message, { ...extensions, fields: problems });
}

/**
 * The answer to an id inside an input that names an object outside the resource the request was decided on
 * (README, Access): BAD_USER_INPUT naming the field when the viewer may see that object (`seen`), otherwise
 * NOT_FOUND for `what`, exactly as for an id that names nothing.
 */
export const foreignId = (seen: boolean, what: string, problem: FieldProblem): DomainError =>
  seen ? badInput([problem]) : notFound(what);

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
