import { and, eq } from "drizzle-orm";
import { apiAccessRequests, apiClients, apiRequestLog, webhookEndpoints } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { pageOfRows } from "../core/pagination.js";
import { ClientRef } from "../organizations/refs.js";
import { apiRequestCondition } from "./log.js";
import { DATA_USE_AGREEMENT, managedBy } from "./requests.js";
import {
  ApiAccessRequestRef,
  ApiAccessRequestStatusEnum,
  ApiClientRef,
  ApiRequestRef,
  ApiRequestResultEnum,
  DataUseAgreementType,
  WebhookEndpointRef,
} from "./types.js";

builder.queryFields((t) => ({
  dataUseAgreement: t.field({
    type: DataUseAgreementType,
    description: "The API License & Data Use Agreement in force. Anyone logged in.",
    resolve: () => DATA_USE_AGREEMENT,
  }),
  apiAccessRequests: t.connection(
    {
      type: ApiAccessRequestRef,
      description:
        "API access requests, newest first: all of them for Mural admins, else those of clients where you hold manage_api_clients.",
      args: {
        clientId: t.arg.globalID({ for: ClientRef, required: false, description: "Only this client's." }),
        status: t.arg({
          type: ApiAccessRequestStatusEnum,
          required: false,
          description: "Only at this step.",
        }),
      },
      resolve: async (_root, args, ctx) =>
        pageOfRows(
          ctx.db,
          apiAccessRequests,
          and(
            await managedBy(ctx.access, apiAccessRequests.clientId),
            args.clientId ? eq(apiAccessRequests.clientId, args.clientId.id) : undefined,
            args.status ? eq(apiAccessRequests.status, args.status) : undefined,
          ),
          args,
        ),
    },
    { name: "ApiAccessRequestConnection", description: "A page of API access requests." },
    { name: "ApiAccessRequestEdge", description: "An access request in a page, with its cursor." },
  ),
  apiClients: t.connection(
    {
      type: ApiClientRef,
      description:
        "API credentials, newest first: all of them for Mural admins, else those of clients where you hold manage_api_clients.",
      args: {
        clientId: t.arg.globalID({ for: ClientRef, required: false, description: "Only this client's." }),
      },
      resolve: async (_root, args, ctx) =>
        pageOfRows(
          ctx.db,
          apiClients,
          and(
            await managedBy(ctx.access, apiClients.clientId),
            args.clientId ? eq(apiClients.clientId, args.clientId.id) : undefined,
          ),
          args,
        ),
    },
    { name: "ApiClientConnection", description: "A page of API credentials." },
    { name: "ApiClientEdge", description: "An API credential in a page, with its cursor." },
  ),
  apiRequestLog: t.connection(
    {
      type: ApiRequestRef,
      description:
        "Every GraphQL request of API credentials, newest first (the audit trail of machine access): of the clients where you hold manage_api_clients (all, for Mural admins).",
      args: {
        clientId: t.arg.globalID({
          for: ClientRef,
          required: false,
          description: "Only this client's (you need manage_api_clients on it).",
        }),
        apiClientId: t.arg.globalID({
          for: ApiClientRef,
          required: false,
          description: "Only these credentials'.",
        }),
        operationName: t.arg.string({ required: false, description: "Only operations of this name." }),
        result: t.arg({
          type: ApiRequestResultEnum,
          required: false,
          description: "Only requests that ended so.",
        }),
        from: t.arg({
          type: "DateTime",
          required: false,
          description: "Only requests received at or after this.",
        }),
        to: t.arg({ type: "DateTime", required: false, description: "Only requests received before this." }),
      },
      resolve: async (_root, args, ctx) =>
        pageOfRows(
          ctx.db,
          apiRequestLog,
          apiRequestCondition({
            managed: await managedBy(ctx.access, apiRequestLog.clientId),
            clientId: args.clientId?.id,
            apiClientId: args.apiClientId?.id,
            operationName: args.operationName,
            result: args.result,
            from: args.from,
            to: args.to,
          }),
          args,
        ),
    },
    { name: "ApiRequestConnection", description: "A page of an API request log." },
    { name: "ApiRequestEdge", description: "A logged API request in a page, with its cursor." },
  ),
  webhookEndpoints: t.connection(
    {
      type: WebhookEndpointRef,
      description:
        "Webhook endpoints, newest first: an API client's own (scope webhooks:manage); for people, those of the credentials of clients where they hold manage_api_clients (all, for Mural admins).",
      args: {
        apiClientId: t.arg.globalID({
          for: ApiClientRef,
          required: false,
          description: "Only the endpoints of these credentials.",
        }),
      },
      resolve: async (_root, args, ctx) =>
        pageOfRows(
          ctx.db,
          webhookEndpoints,
          and(
            ctx.machine
              ? eq(webhookEndpoints.apiClientId, ctx.machine.apiClientId)
              : await managedBy(ctx.access, webhookEndpoints.clientId),
            args.apiClientId ? eq(webhookEndpoints.apiClientId, args.apiClientId.id) : undefined,
          ),
          args,
        ),
    },
    { name: "WebhookEndpointConnection", description: "A page of webhook endpoints." },
    { name: "WebhookEndpointEdge", description: "A webhook endpoint in a page, with its cursor." },
  ),
}));
