import { ApiClientRef, ApiRequestResultEnum } from "../apiaccess/types.js";
import { builder } from "../core/builder.js";
import { ClientRef } from "../organizations/refs.js";
import { exportFilters, MAX_EXPORT_ROWS } from "./api-requests.js";
import { downloadLink, ReportFormatEnum, requestLink } from "./mutations.js";

builder.relayMutationField(
  "requestApiRequestLogExport",
  {
    description: "Whose log, filtered as apiRequestLog filters it, and in which format.",
    inputFields: (t) => ({
      clientId: t.globalID({ for: ClientRef, description: "The client whose API requests to export." }),
      apiClientId: t.globalID({
        for: ApiClientRef,
        required: false,
        description: "Only these credentials' requests (an API client of that client).",
      }),
      operationName: t.string({ required: false, description: "Only operations of this name." }),
      result: t.field({
        type: ApiRequestResultEnum,
        required: false,
        description: "Only requests that ended so.",
      }),
      from: t.field({
        type: "DateTime",
        required: false,
        description: "Only requests received at or after this.",
      }),
      to: t.field({ type: "DateTime", required: false, description: "Only requests received before this." }),
      format: t.field({ type: ReportFormatEnum, required: false, description: "CSV (the default) or XLSX." }),
    }),
  },
  {
    description: `A link to download a client's API request log (its API clients' every request) as a file: the rows apiRequestLog gives with the same filters, newest first, at most ${MAX_EXPORT_ROWS}. Text that a spreadsheet would run as a formula is quoted. The file is built when downloaded; the link works only for you, only while you hold manage_api_clients on the client, and expires after REPORT_LINK_MINUTES (15 by default). Needs manage_api_clients on the client.`,
    resolve: async (_root, { input }, ctx) => {
      const filters = await exportFilters(ctx.access, input.clientId.id, {
        ...input,
        apiClientId: input.apiClientId?.id,
      });
      return requestLink(
        ctx,
        "api_request_log",
        input.clientId.id,
        input.format ?? "csv",
        Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)),
      );
    },
  },
  downloadLink,
);
