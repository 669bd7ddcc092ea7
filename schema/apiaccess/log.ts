import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { apiRequestLog } from "../../db/schema/index.js";

export type ApiRequest = typeof apiRequestLog.$inferSelect;

/** Variable names whose values are never logged: secrets, anything about a person, and files' bytes (data). */
const SENSITIVE =
  /secret|password|token|key|code|email|phone|name|birth|address|street|post|city|account|routing|card|ssn|tax|note|answer|text|body|message|data/i;

/** The variables with every sensitive value (by its name, at any depth) replaced by "[redacted]". */
export function redactVariables(value: unknown, name = ""): unknown {
  if (name && SENSITIVE.test(name)) return "[redacted]";
  if (Array.isArray(value)) return value.map((item) => redactVariables(item));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, redactVariables(inner, key)]),
    );
  return value;
}

export interface ApiRequestRecord {
  apiClientId: string;
  clientId: string;
  operationName: string | null;
  documentHash: string | null;
  variables: Record<string, unknown>;
  ip: string | null;
  result: "ok" | "error" | "partial";
  errorCodes: string[];
  durationMs: number;
}

/** Appends one machine request to its client's log (the variables redacted here, whatever the caller sent). */
export async function recordApiRequest(db: Executor, record: ApiRequestRecord) {
  await db
    .insert(apiRequestLog)
    .values({ ...record, variables: redactVariables(record.variables) as Record<string, unknown> });
}

export interface ApiRequestFilter {
  /** The viewer's reach (managedBy); undefined for all. */
  managed: SQL | undefined;
  clientId?: string | null;
  apiClientId?: string | null;
  operationName?: string | null;
  result?: ApiRequest["result"] | null;
  from?: Date | null;
  to?: Date | null;
}

/** The condition of a client's log filtered by credential, operation, result and time ([from, to)). */
export const apiRequestCondition = (filter: ApiRequestFilter) =>
  and(
    filter.managed,
    filter.clientId ? eq(apiRequestLog.clientId, filter.clientId) : undefined,
    filter.apiClientId ? eq(apiRequestLog.apiClientId, filter.apiClientId) : undefined,
    filter.operationName ? eq(apiRequestLog.operationName, filter.operationName) : undefined,
    filter.result ? eq(apiRequestLog.result, filter.result) : undefined,
    filter.from ? gte(apiRequestLog.createdAt, filter.from) : undefined,
    filter.to ? lt(apiRequestLog.createdAt, filter.to) : undefined,
  );
