import DataLoader from "dataloader";
import { and, eq, inArray } from "drizzle-orm";
import {
  apiAccessRequests,
  apiClients,
  apiClientTrials,
  apiRequestLog,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
} from "../../db/schema/index.js";
import { UserRef } from "../accounts/types.js";
import { builder } from "../core/builder.js";
import { SCOPES, type Scope } from "../core/machine.js";
import { countRows, newestFirst, withTotalCount } from "../core/pagination.js";
import { perRequest } from "../core/request-cache.js";
import { WEBHOOK_EVENTS, type WebhookEventType } from "../core/webhooks.js";
import { ClientRef, ContractRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import type { ApiClient } from "./clients.js";
import type { ApiRequest } from "./log.js";
import type { ApiAccessRequest } from "./requests.js";
import { loadDeliveries, type WebhookDelivery, type WebhookEndpoint, webhookBody } from "./webhooks.js";

/** Each scope as a GraphQL enum value: `trials:read` is TRIALS_READ. */
export const ApiScopeEnum = builder.enumType("ApiScope", {
  description: "What an API client's token may do (OAuth scope strings such as trials:read, in the token).",
  values: Object.fromEntries(
    (Object.entries(SCOPES) as [Scope, string][]).map(([scope, description]) => [
      scope.replace(":", "_").toUpperCase(),
      { value: scope, description: `\`${scope}\`: ${description}` },
    ]),
  ) as Record<string, { value: Scope; description: string }>,
});

export const ApiEnvironmentEnum = builder.enumType("ApiEnvironment", {
  description: "Where credentials work.",
  values: {
    SANDBOX: { value: "sandbox", description: "Only trials marked sandbox (demo and test data)." },
    PRODUCTION: {
      value: "production",
      description: "The client's real trials, within the credential's reach.",
    },
  } as const,
});

export const ApiAccessRequestStatusEnum = builder.enumType("ApiAccessRequestStatus", {
  description: "Where an API access request is in its workflow.",
  values: {
    REQUESTED: { value: "requested", description: "Waiting for a Mural admin's review." },
    APPROVED: { value: "approved", description: "Approved: the client must accept the data use agreement." },
    REJECTED: { value: "rejected", description: "Rejected by a Mural admin (see reviewReason). Final." },
    AGREEMENT_ACCEPTED: {
      value: "agreement_accepted",
      description: "The data use agreement is accepted: sandbox credentials may be issued.",
    },
    SANDBOX: { value: "sandbox", description: "Sandbox credentials issued; waiting for validation." },
    PRODUCTION: { value: "production", description: "Validated: production credentials may be issued." },
  } as const,
});

export const ApiClientRef = builder.loadableNodeRef<ApiClient>("ApiClient", {
  id: { resolve: (apiClient) => apiClient.id },
  load: (ids: string[], ctx) => ctx.db.select().from(apiClients).where(inArray(apiClients.id, ids)),
  sort: (apiClient) => apiClient.id,
});

export const ApiAccessRequestRef = builder.loadableNodeRef<ApiAccessRequest>("ApiAccessRequest", {
  id: { resolve: (request) => request.id },
  load: (ids: string[], ctx) =>
    ctx.db.select().from(apiAccessRequests).where(inArray(apiAccessRequests.id, ids)),
  sort: (request) => request.id,
});

ApiClientRef.implement({
  description:
    "API credentials of a client (a machine principal): OAuth 2.0 client credentials with scopes, a reach and an expiry. Read by admins and by holders of manage_api_clients on the client; never by API clients.",
  fields: (t) => ({
    clientIdentifier: t.exposeString("clientIdentifier", { description: "The OAuth client_id." }),
    name: t.exposeString("name", { description: "What the credential is for, as its client named it." }),
    client: t.field({
      type: ClientRef,
      description: "The client it belongs to.",
      resolve: (c) => c.clientId,
    }),
    scopes: t.field({
      type: [ApiScopeEnum],
      description: "The scopes its tokens may hold.",
      resolve: (c) => c.scopes as Scope[],
    }),
    environment: t.expose("environment", { type: ApiEnvironmentEnum, description: "Sandbox or production." }),
    contract: t.field({
      type: ContractRef,
      nullable: true,
      description: "The one contract it is limited to, if it is.",
      resolve: (c) => c.contractId,
    }),
    trials: t.field({
      type: [TrialRef],
      description: "The trials it is limited to; empty when it reaches its whole client or contract.",
      resolve: async (c, _args, ctx) =>
        (
          await ctx.db
            .select({ trialId: apiClientTrials.trialId })
            .from(apiClientTrials)
            .where(inArray(apiClientTrials.apiClientId, [c.id]))
        ).map((row) => row.trialId),
    }),
    allowedOrigins: t.exposeStringList("allowedOrigins", {
      description: "Browser origins its tokens may be used from (an Origin not listed is refused).",
    }),
    active: t.boolean({
      description: "Whether it works now: not revoked and not expired.",
      resolve: (c) => c.status === "active" && c.expiresAt > new Date(),
    }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      description: "When it stops working (at most a year).",
    }),
    revokedAt: t.expose("revokedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was revoked.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was issued." }),
  }),
});

ApiAccessRequestRef.implement({
  description:
    "A client's request for API access and its workflow: review by a Mural admin, the data use agreement, sandbox then production credentials. Each step records who and when.",
  fields: (t) => ({
    client: t.field({ type: ClientRef, description: "The requesting client.", resolve: (r) => r.clientId }),
    status: t.expose("status", {
      type: ApiAccessRequestStatusEnum,
      description: "Its step in the workflow.",
    }),
    useCase: t.exposeString("useCase", { description: "What the client will use the API for." }),
    scopes: t.field({
      type: [ApiScopeEnum],
      description: "The scopes asked for (and, once approved, granted).",
      resolve: (r) => r.scopes as Scope[],
    }),
    requestedBy: t.field({
      type: UserRef,
      nullable: true,
      description: "Who asked.",
      resolve: (r) => r.requestedBy,
    }),
    requestedAt: t.expose("createdAt", { type: "DateTime", description: "When it was asked." }),
    reviewedAt: t.expose("reviewedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was reviewed.",
    }),
    reviewReason: t.exposeString("reviewReason", { nullable: true, description: "The reviewer's reason." }),
    agreementVersion: t.exposeString("agreementVersion", {
      nullable: true,
      description: "The version of the data use agreement accepted.",
    }),
    agreementAcceptedAt: t.expose("agreementAcceptedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the data use agreement was accepted.",
    }),
    validatedAt: t.expose("validatedAt", {
      type: "DateTime",
      nullable: true,
      description: "When a Mural admin validated the sandbox integration for production.",
    }),
    apiClients: t.field({
      type: [ApiClientRef],
      description: "The credentials issued under it, oldest first.",
      resolve: (r, _args, ctx) =>
        ctx.db
          .select()
          .from(apiClients)
          .where(inArray(apiClients.accessRequestId, [r.id]))
          .orderBy(apiClients.createdAt),
    }),
  }),
});

export const DataUseAgreementType = builder
  .objectRef<{ version: string; summary: string }>("DataUseAgreement")
  .implement({
    description: "The API License & Data Use Agreement in force, accepted before any credential is issued.",
    fields: (t) => ({
      version: t.exposeString("version", { description: "Its version, given back when accepting it." }),
      summary: t.exposeString("summary", { description: "What it binds the client to, in short." }),
    }),
  });

export const ApiRequestResultEnum = builder.enumType("ApiRequestResult", {
  description: "How an API client's request ended.",
  values: {
    OK: { value: "ok", description: "Answered without errors." },
    PARTIAL: { value: "partial", description: "Answered with data and errors (e.g. a field FORBIDDEN)." },
    ERROR: { value: "error", description: "Refused or failed: errors and no data." },
  } as const,
});

export const ApiRequestRef = builder.loadableNodeRef<ApiRequest>("ApiRequest", {
  id: { resolve: (request) => request.id },
  load: (ids: string[], ctx) => ctx.db.select().from(apiRequestLog).where(inArray(apiRequestLog.id, ids)),
  sort: (request) => request.id,
});

ApiRequestRef.implement({
  description:
    "One GraphQL request made by an API client, as its client's audit trail records it. Read by holders of manage_api_clients on the client.",
  fields: (t) => ({
    apiClient: t.field({
      type: ApiClientRef,
      description: "The credentials used.",
      resolve: (r) => r.apiClientId,
    }),
    operationName: t.exposeString("operationName", { nullable: true, description: "The operation's name." }),
    documentHash: t.exposeString("documentHash", {
      nullable: true,
      description: "SHA-256 (hex) of the GraphQL document.",
    }),
    variables: t.string({
      description: 'The variables as JSON, with secrets and personal data replaced by "[redacted]".',
      resolve: (r) => JSON.stringify(r.variables),
    }),
    ip: t.exposeString("ip", { nullable: true, description: "The caller's IP address." }),
    result: t.field({
      type: ApiRequestResultEnum,
      description: "How it ended.",
      resolve: (r) => r.result as "ok" | "error" | "partial",
    }),
    errorCodes: t.exposeStringList("errorCodes", { description: "The codes of its errors, if any." }),
    durationMs: t.exposeInt("durationMs", { description: "How long it took, in milliseconds." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was received." }),
  }),
});

/** Each webhook event as a GraphQL enum value: `payment.paid` is PAYMENT_PAID. */
export const WebhookEventTypeEnum = builder.enumType("WebhookEventType", {
  description:
    "An event an API client may receive at its webhook endpoints (the `type` of a delivery's body, e.g. payment.paid).",
  values: Object.fromEntries(
    (Object.entries(WEBHOOK_EVENTS) as [WebhookEventType, { scope: Scope; description: string }][]).map(
      ([type, { scope, description }]) => [
        type.replace(".", "_").toUpperCase(),
        { value: type, description: `\`${type}\`: ${description} Needs the ${scope} scope.` },
      ],
    ),
  ) as Record<string, { value: WebhookEventType; description: string }>,
});

export const WebhookDeliveryStatusEnum = builder.enumType("WebhookDeliveryStatus", {
  description: "Where a webhook delivery stands.",
  values: {
    PENDING: {
      value: "pending",
      description: "Not yet answered with a 2xx: the next attempt is at nextAttemptAt.",
    },
    DELIVERED: {
      value: "delivered",
      description:
        "An attempt was answered with a 2xx. It is never sent again, unless redeliverWebhook replays it.",
    },
    FAILED: {
      value: "failed",
      description:
        "Every attempt failed (WEBHOOK_RETRY_SECONDS ran out), or a redelivery's one attempt did. Nothing more is sent unless redeliverWebhook asks.",
    },
    CANCELLED: {
      value: "cancelled",
      description:
        "Not sent: the endpoint was disabled, or its credentials revoked or expired, before it went.",
    },
  } as const,
});

export const WebhookEndpointRef = builder.loadableNodeRef<WebhookEndpoint>("WebhookEndpoint", {
  id: { resolve: (endpoint) => endpoint.id },
  load: (ids: string[], ctx) =>
    ctx.db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, ids)),
  sort: (endpoint) => endpoint.id,
});

export const WebhookDeliveryRef = builder.loadableNodeRef<WebhookDelivery>("WebhookDelivery", {
  id: { resolve: (delivery) => delivery.id },
  load: (ids: string[], ctx) => loadDeliveries(ctx.db, inArray(webhookDeliveries.id, ids)),
  sort: (delivery) => delivery.id,
});

type Attempt = typeof webhookDeliveryAttempts.$inferSelect;

/** A request's attempts of the deliveries it reads, in one statement per page of deliveries. */
const attemptsOf = perRequest(
  (access) =>
    new DataLoader<string, Attempt[]>(async (deliveryIds) => {
      const rows = await access.db
        .select()
        .from(webhookDeliveryAttempts)
        .where(inArray(webhookDeliveryAttempts.deliveryId, [...deliveryIds]))
        .orderBy(webhookDeliveryAttempts.number);
      return deliveryIds.map((id) => rows.filter((row) => row.deliveryId === id));
    }),
);

WebhookEndpointRef.implement({
  description:
    "Where an API client receives events: an https URL, the events it subscribes to, and a signing secret (shown once). Read and changed by the API client itself (scope webhooks:manage) and by holders of manage_api_clients on its client.",
  fields: (t) => ({
    url: t.exposeString("url", { description: "Where deliveries are POSTed." }),
    events: t.field({
      type: [WebhookEventTypeEnum],
      description: "The events it receives (each within the credentials' scopes and reach).",
      resolve: (e) => e.events as WebhookEventType[],
    }),
    enabled: t.exposeBoolean("enabled", {
      description:
        "Whether events are sent to it. A disabled endpoint gets nothing, pending deliveries included.",
    }),
    apiClient: t.field({
      type: ApiClientRef,
      description: "The credentials it belongs to (not readable by API clients themselves).",
      resolve: (e) => e.apiClientId,
    }),
    secretRotatedAt: t.expose("secretRotatedAt", {
      type: "DateTime",
      nullable: true,
      description: "When its signing secret was last replaced.",
    }),
    previousSecretExpiresAt: t.expose("previousSecretExpiresAt", {
      type: "DateTime",
      nullable: true,
      description: "Until when deliveries are also signed with the secret it had before its last rotation.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was registered." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it was last changed." }),
    deliveries: t.connection(
      {
        type: WebhookDeliveryRef,
        description:
          "Its deliveries, newest first, each with its attempts. Finished ones are kept for WEBHOOK_DELIVERY_RETENTION_DAYS (README) after they last changed.",
        args: {
          status: t.arg({
            type: WebhookDeliveryStatusEnum,
            required: false,
            description: "Only deliveries standing so.",
          }),
        },
        resolve: (endpoint, args, ctx) => {
          const where = and(
            eq(webhookDeliveries.endpointId, endpoint.id),
            args.status ? eq(webhookDeliveries.status, args.status) : undefined,
          );
          return withTotalCount(
            newestFirst<WebhookDelivery>(args, webhookDeliveries, (page) =>
              loadDeliveries(ctx.db, and(where, page.where), page),
            ),
            () => countRows(ctx.db, webhookDeliveries, where),
          );
        },
      },
      { name: "WebhookDeliveryConnection", description: "A page of webhook deliveries." },
      { name: "WebhookDeliveryEdge", description: "A webhook delivery in a page, with its cursor." },
    ),
  }),
});

WebhookDeliveryRef.implement({
  description:
    "One event sent to one webhook endpoint: its body, where it stands and every attempt. Its id is the Webhook-Id header of each attempt.",
  fields: (t) => ({
    endpoint: t.field({
      type: WebhookEndpointRef,
      description: "The endpoint it is for.",
      resolve: (d) => d.endpointId,
    }),
    eventType: t.field({
      type: WebhookEventTypeEnum,
      description: "The event.",
      resolve: (d) => d.eventType as WebhookEventType,
    }),
    body: t.string({
      description: "The JSON body POSTed (the same in every attempt): id, type, timestamp and data.",
      resolve: (d) => webhookBody(d),
    }),
    status: t.expose("status", { type: WebhookDeliveryStatusEnum, description: "Where it stands." }),
    attemptCount: t.exposeInt("attempts", { description: "How many attempts were made." }),
    nextAttemptAt: t.expose("nextAttemptAt", {
      type: "DateTime",
      nullable: true,
      description: "When the next attempt is due (pending only).",
    }),
    deliveredAt: t.expose("deliveredAt", {
      type: "DateTime",
      nullable: true,
      description: "When an attempt was answered with a 2xx.",
    }),
    redeliveredAt: t.expose("redeliveredAt", {
      type: "DateTime",
      nullable: true,
      description: "When redeliverWebhook last sent it again; null if it never did.",
    }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When the event happened and it was queued.",
    }),
    attempts: t.field({
      type: [WebhookDeliveryAttemptType],
      description: "Its attempts, first first.",
      resolve: (d, _args, ctx) => attemptsOf(ctx.access).load(d.id),
    }),
  }),
});

const WebhookDeliveryAttemptType = builder.objectRef<Attempt>("WebhookDeliveryAttempt").implement({
  description: "One POST of a webhook delivery and how it went.",
  fields: (t) => ({
    number: t.exposeInt("number", { description: "1 for the first attempt, then 2, 3, …" }),
    succeeded: t.exposeBoolean("succeeded", { description: "Whether it was answered with a 2xx." }),
    statusCode: t.exposeInt("statusCode", {
      nullable: true,
      description: "The HTTP status of the answer; null when none came (connection failed, timeout).",
    }),
    durationMs: t.exposeInt("durationMs", { description: "How long it took, in milliseconds." }),
    error: t.exposeString("error", {
      nullable: true,
      description:
        "Why it failed (e.g. HTTP 500, no answer within 10000 ms, or refused: the host resolves to an internal address); null when it succeeded.",
    }),
    attemptedAt: t.expose("createdAt", { type: "DateTime", description: "When it was made." }),
  }),
});
