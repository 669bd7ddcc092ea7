import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { apiClients, apiRequestLog, clients } from "../../db/schema/index.js";
import { apiRequestCondition } from "../apiaccess/log.js";
import { clientOfApiClient } from "../apiaccess/requests.js";
import type { Access } from "../core/authorization.js";
import { badInput, notFound } from "../core/errors.js";
import { encodeGlobalId } from "../core/ids.js";
import type { ReportTable } from "./render.js";

/** The most rows one export holds; narrow the time range for more. */
export const MAX_EXPORT_ROWS = 100_000;

/** The longest operation name an export filters by (GraphQL names are short). */
const MAX_OPERATION_NAME = 200;

/** The filters of an API request log export, as a download link keeps them (text only). */
export const logFilters = z.object({
  apiClientId: z.string().optional(),
  operationName: z.string().optional(),
  result: z.enum(["ok", "error", "partial"]).optional(),
  from: z.string().datetime().optional(),
  to: z.string().datetime().optional(),
});
export type LogFilters = z.output<typeof logFilters>;

/**
 * The filters of an export asked for `clientId`: the API client named, if any, must be one of that client's
 * (BAD_USER_INPUT to whoever manages its own client, NOT_FOUND to anyone else, so it tells nothing).
 */
export async function exportFilters(
  access: Access,
  clientId: string,
  filters: {
    apiClientId?: string | null;
    operationName?: string | null;
    result?: LogFilters["result"] | null;
    from?: Date | null;
    to?: Date | null;
  },
): Promise<LogFilters> {
  if (filters.apiClientId) {
    const owner = await clientOfApiClient(access.db, filters.apiClientId);
    if (owner !== clientId) {
      const seen =
        owner !== null && (await access.holds("manage_api_clients", { type: "client", id: owner }));
      if (!seen) throw notFound("API client");
      throw badInput([{ field: "apiClientId", message: "is not an API client of this client" }]);
    }
  }
  if (filters.operationName && filters.operationName.length > MAX_OPERATION_NAME)
    throw badInput([{ field: "operationName", message: `must be at most ${MAX_OPERATION_NAME} characters` }]);
  if (filters.from && filters.to && filters.from > filters.to)
    throw badInput([{ field: "to", message: "must not be before from" }]);
  return {
    apiClientId: filters.apiClientId ?? undefined,
    operationName: filters.operationName ?? undefined,
    result: filters.result ?? undefined,
    from: filters.from?.toISOString(),
    to: filters.to?.toISOString(),
  };
}

const COLUMNS = [
  "Received at",
  "ID",
  "Client ID (OAuth)",
  "Credential name",
  "Operation",
  "Result",
  "Error codes",
  "Duration (ms)",
  "IP address",
  "Document SHA-256",
  "Variables (redacted)",
];

/**
 * A client's API request log as a table, filtered as apiRequestLog filters it and in its order (newest first), so
 * the file's rows are the connection's. At most MAX_EXPORT_ROWS rows.
 */
export async function apiRequestLogReport(
  db: Executor,
  clientId: string,
  stored: unknown,
): Promise<ReportTable | null> {
  const filters = logFilters.safeParse(stored ?? {});
  if (!filters.success) return null;
  const [client] = await db.select({ name: clients.name }).from(clients).where(eq(clients.id, clientId));
  if (!client) return null;
  const { from, to, ...rest } = filters.data;
  const rows = await db
    .select({ request: apiRequestLog, identifier: apiClients.clientIdentifier, name: apiClients.name })
    .from(apiRequestLog)
    .innerJoin(apiClients, eq(apiClients.id, apiRequestLog.apiClientId))
    .where(
      apiRequestCondition({
        managed: undefined,
        clientId,
        ...rest,
        from: from ? new Date(from) : null,
        to: to ? new Date(to) : null,
      }),
    )
    .orderBy(desc(apiRequestLog.createdAt), desc(apiRequestLog.id))
    .limit(MAX_EXPORT_ROWS);
  return {
    name: `api-requests-${client.name}`,
    sheetName: "API requests",
    header: COLUMNS,
    rows: rows.map(({ request, identifier, name }) => [
      request.createdAt,
      encodeGlobalId("ApiRequest", request.id),
      identifier,
      name,
      request.operationName,
      request.result.toUpperCase(),
      request.errorCodes.join(" "),
      String(request.durationMs),
      request.ip,
      request.documentHash,
      JSON.stringify(request.variables),
    ]),
  };
}
