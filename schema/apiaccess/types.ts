import { inArray } from "drizzle-orm";
import { apiAccessRequests, apiClients, apiClientTrials, apiRequestLog } from "../../db/schema/index.js";
import { UserRef } from "../accounts/types.js";
import { builder } from "../core/builder.js";
import { SCOPES, type Scope } from "../core/machine.js";
import { ClientRef, ContractRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import type { ApiClient } from "./clients.js";
import type { ApiRequest } from "./log.js";
import type { ApiAccessRequest } from "./requests.js";

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
