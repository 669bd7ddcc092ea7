import type { RelayMutationPayloadOptions } from "@pothos/plugin-relay";
import { builder } from "../core/builder.js";
import { encodeGlobalId } from "../core/ids.js";
import { inTransaction } from "../core/transaction.js";
import { ClientRef, ContractRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import { revokeApiClient } from "./clients.js";
import {
  type ApiAccessRequest,
  acceptDataUseAgreement,
  issueApiCredentials,
  requestApiAccess,
  reviewApiAccess,
  rotateSecret,
  validateApiAccess,
} from "./requests.js";
import {
  ApiAccessRequestRef,
  ApiClientRef,
  ApiEnvironmentEnum,
  ApiScopeEnum,
  WebhookDeliveryRef,
  WebhookEndpointRef,
  WebhookEventTypeEnum,
} from "./types.js";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "./webhooks.js";

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** The answer of each step of the access workflow: the request, at its new step. */
const requestAtNewStep = (
  description: string,
): RelayMutationPayloadOptions<BuilderTypes, { request: ApiAccessRequest }, []> => ({
  description,
  outputFields: (t) => ({
    request: t.field({
      type: ApiAccessRequestRef,
      description: "The request, at its new step.",
      resolve: (p) => p.request,
    }),
  }),
});

builder.relayMutationField(
  "requestApiAccess",
  {
    description: "What the client asks API access for: its use case and the scopes it needs.",
    inputFields: (t) => ({
      clientId: t.globalID({ for: ClientRef, description: "The client asking for API access." }),
      useCase: t.string({ description: "What the API will be used for (up to 4,000 characters)." }),
      scopes: t.field({ type: [ApiScopeEnum], description: "The scopes asked for." }),
    }),
  },
  {
    description:
      "Asks for API access for a client (step 1 of the workflow). Needs manage_api_clients on the client. Audited.",
    resolve: async (_root, { input }, ctx) => ({
      request: await inTransaction(ctx, (tx, actor) =>
        requestApiAccess(tx, actor, { ...input, clientId: input.clientId.id }),
      ),
    }),
  },
  requestAtNewStep("The access request as made, at REQUESTED."),
);

builder.relayMutationField(
  "reviewApiAccessRequest",
  {
    description: "A Mural admin's decision on an access request, with the reason shown to the client.",
    inputFields: (t) => ({
      requestId: t.globalID({ for: ApiAccessRequestRef, description: "The request, at REQUESTED." }),
      approve: t.boolean({ description: "True to approve, false to reject." }),
      reason: t.string({ description: "Why (shown to the client)." }),
    }),
  },
  {
    description:
      "Approves or rejects an API access request with a reason (step 2). Mural admins only. Audited.",
    resolve: async (_root, { input }, ctx) => ({
      request: await inTransaction(ctx, (tx, actor) =>
        reviewApiAccess(tx, actor, { ...input, requestId: input.requestId.id }),
      ),
    }),
  },
  requestAtNewStep("The request after the review: APPROVED or REJECTED."),
);

builder.relayMutationField(
  "acceptDataUseAgreement",
  {
    description:
      "The approved request and the version of the data use agreement its requester read and accepts.",
    inputFields: (t) => ({
      requestId: t.globalID({ for: ApiAccessRequestRef, description: "The approved request." }),
      version: t.string({ description: "The version of the agreement read (dataUseAgreement.version)." }),
    }),
  },
  {
    description:
      "Accepts the API License & Data Use Agreement for an approved request (step 3), recording its version. Needs manage_api_clients on the client. Audited.",
    resolve: async (_root, { input }, ctx) => ({
      request: await inTransaction(ctx, (tx, actor) =>
        acceptDataUseAgreement(tx, actor, { ...input, requestId: input.requestId.id }),
      ),
    }),
  },
  requestAtNewStep("The request with the agreement's acceptance recorded."),
);

builder.relayMutationField(
  "validateApiAccessRequest",
  {
    description: "The sandbox request a Mural admin has validated, so production credentials may be issued.",
    inputFields: (t) => ({
      requestId: t.globalID({ for: ApiAccessRequestRef, description: "The request, at SANDBOX." }),
    }),
  },
  {
    description:
      "Validates a client's sandbox integration (step 5): production credentials may then be issued. Mural admins only. Audited.",
    resolve: async (_root, { input }, ctx) => ({
      request: await inTransaction(ctx, (tx, actor) =>
        validateApiAccess(tx, actor, { requestId: input.requestId.id }),
      ),
    }),
  },
  requestAtNewStep("The request, now open to production credentials."),
);

builder.relayMutationField(
  "issueApiCredentials",
  {
    description:
      "Which request to issue credentials for, and the credential's name, reach, scopes, expiry and origins.",
    inputFields: (t) => ({
      requestId: t.globalID({
        for: ApiAccessRequestRef,
        description: "The request the credentials are issued under.",
      }),
      environment: t.field({
        type: ApiEnvironmentEnum,
        description: "SANDBOX once the agreement is accepted; PRODUCTION once the request is validated.",
      }),
      name: t.string({ description: "What the credentials are for (your integration's name)." }),
      expiresAt: t.field({
        type: "DateTime",
        description: "When they stop working: at most one year from now.",
      }),
      scopes: t.field({
        type: [ApiScopeEnum],
        required: false,
        description: "Fewer scopes than the request's (default: all of them).",
      }),
      contractId: t.globalID({
        for: ContractRef,
        required: false,
        description: "Limit them to this contract of the client.",
      }),
      trialIds: t.globalIDList({
        for: TrialRef,
        required: false,
        description: "Limit them to these trials of the client.",
      }),
      allowedOrigins: t.stringList({
        required: false,
        description: "Browser origins (https://host[:port]) the tokens may be used from.",
      }),
    }),
  },
  {
    description:
      "Issues API credentials under a request (steps 4 and 6). The secret is in this answer only: store it now. Needs manage_api_clients on the client. Audited.",
    resolve: async (_root, { input }, ctx) => {
      const issued = await inTransaction(ctx, (tx, actor) =>
        issueApiCredentials(tx, actor, {
          requestId: input.requestId.id,
          environment: input.environment,
          name: input.name,
          expiresAt: input.expiresAt,
          scopes: input.scopes,
          contractId: input.contractId?.id ?? null,
          trialIds: input.trialIds?.map((id) => id.id) ?? null,
          allowedOrigins: input.allowedOrigins ?? [],
        }),
      );
      return { apiClient: issued.apiClient, clientSecret: issued.secret };
    },
  },
  {
    description: "The new credential and its secret, shown this once only.",
    outputFields: (t) => ({
      apiClient: t.field({
        type: ApiClientRef,
        description: "The credentials.",
        resolve: (p) => p.apiClient,
      }),
      clientSecret: t.exposeString("clientSecret", {
        description: "The client_secret, shown this once (only its hash is kept).",
      }),
    }),
  },
);

builder.relayMutationField(
  "rotateApiClientSecret",
  {
    description: "The credential whose secret to replace, and how long the old secret keeps working.",
    inputFields: (t) => ({
      apiClientId: t.globalID({ for: ApiClientRef, description: "The API client." }),
    }),
  },
  {
    description:
      "Gives an API client a new secret, shown once; the current secret keeps working for API_SECRET_GRACE_HOURS (README), then stops with its tokens. Needs manage_api_clients on the client. Audited.",
    resolve: async (_root, { input }, ctx) => {
      const rotated = await inTransaction(ctx, (tx, actor) =>
        rotateSecret(tx, actor, ctx.config, input.apiClientId.id),
      );
      return {
        apiClient: rotated.apiClient,
        clientSecret: rotated.secret,
        previousSecretExpiresAt: rotated.previousExpiresAt,
      };
    },
  },
  {
    description: "The credential and its new secret, shown this once only.",
    outputFields: (t) => ({
      apiClient: t.field({ type: ApiClientRef, description: "The API client.", resolve: (p) => p.apiClient }),
      clientSecret: t.exposeString("clientSecret", {
        description: "The new client_secret, shown this once.",
      }),
      previousSecretExpiresAt: t.expose("previousSecretExpiresAt", {
        type: "DateTime",
        description: "When the previous secret stops working.",
      }),
    }),
  },
);

builder.relayMutationField(
  "revokeApiClient",
  {
    description: "The credential to revoke, at once and for every process.",
    inputFields: (t) => ({
      apiClientId: t.globalID({ for: ApiClientRef, description: "The API client." }),
    }),
  },
  {
    description:
      "Revokes an API client: its tokens are refused from their next request, in every server process. Needs manage_api_clients on the client. Audited.",
    resolve: async (_root, { input }, ctx) => ({
      apiClient: await inTransaction(ctx, (tx, actor) => revokeApiClient(tx, actor, input.apiClientId.id)),
    }),
  },
  {
    description: "The revoked credential.",
    outputFields: (t) => ({
      apiClient: t.field({
        type: ApiClientRef,
        description: "The revoked client.",
        resolve: (p) => p.apiClient,
      }),
    }),
  },
);

const endpointInput = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  url: t.string({
    description:
      "Where to POST deliveries: an https URL of at most 2,048 characters, without user name or password (http on localhost or 127.0.0.1 is accepted outside production). Private, loopback, link-local and other internal addresses are refused, written in the URL (here) or resolved from its host name (at each attempt).",
  }),
  events: t.field({ type: [WebhookEventTypeEnum], description: "The events to receive (at least one)." }),
});

builder.relayMutationField(
  "createWebhookEndpoint",
  {
    description: "The endpoint to register: its URL, its events, and whose credentials it is for.",
    inputFields: (t) => ({
      apiClientId: t.globalID({
        for: ApiClientRef,
        required: false,
        description:
          "The credentials it is for: omit it when the credentials themselves call (they register their own); required for people.",
      }),
      ...endpointInput(t),
      enabled: t.boolean({
        required: false,
        description: "Whether it receives events at once (default true).",
      }),
    }),
  },
  {
    description:
      "Registers a webhook endpoint for API credentials. Each event needs its scope on the credentials, and only events of trials within their reach are sent. The signing secret is in this answer only. Needs webhooks:manage (the credentials themselves) or manage_api_clients on their client. Audited.",
    resolve: async (_root, { input }, ctx) => {
      const created = await inTransaction(ctx, (tx, actor) =>
        createWebhookEndpoint(tx, actor, ctx.config, {
          apiClientId: input.apiClientId?.id ?? ctx.machine!.apiClientId,
          url: input.url,
          events: input.events,
          enabled: input.enabled,
        }),
      );
      return { endpoint: created.endpoint, signingSecret: created.secret };
    },
  },
  {
    description: "The new endpoint and its signing secret, shown this once only.",
    outputFields: (t) => ({
      endpoint: t.field({
        type: WebhookEndpointRef,
        description: "The endpoint.",
        resolve: (p) => p.endpoint,
      }),
      signingSecret: t.exposeString("signingSecret", {
        description:
          "The secret deliveries are signed with (whsec_ and base64; the decoded bytes are the HMAC-SHA256 key). Shown this once: store it now.",
      }),
    }),
  },
);

builder.relayMutationField(
  "updateWebhookEndpoint",
  {
    description: "The endpoint and what to change (fields left out stay as they are).",
    inputFields: (t) => ({
      endpointId: t.globalID({ for: WebhookEndpointRef, description: "The endpoint." }),
      url: t.string({
        required: false,
        description:
          "A new URL: https, at most 2,048 characters, without user name or password (http on localhost or 127.0.0.1 outside production), at a public address.",
      }),
      events: t.field({
        type: [WebhookEventTypeEnum],
        required: false,
        description: "The events to receive from now on (at least one).",
      }),
      enabled: t.boolean({
        required: false,
        description: "False stops deliveries at once, pending ones included; true resumes with new events.",
      }),
    }),
  },
  {
    description:
      "Changes a webhook endpoint's URL, events or enabled flag. Needs webhooks:manage (the credentials themselves) or manage_api_clients on their client. Audited.",
    resolve: async (_root, { input }, ctx) => ({
      endpoint: await inTransaction(ctx, (tx, actor) =>
        updateWebhookEndpoint(tx, actor, ctx.config, input.endpointId.id, {
          url: input.url,
          events: input.events,
          enabled: input.enabled,
        }),
      ),
    }),
  },
  {
    description: "The endpoint as changed.",
    outputFields: (t) => ({
      endpoint: t.field({
        type: WebhookEndpointRef,
        description: "The endpoint.",
        resolve: (p) => p.endpoint,
      }),
    }),
  },
);

builder.relayMutationField(
  "rotateWebhookSecret",
  {
    description: "The endpoint whose signing secret to replace.",
    inputFields: (t) => ({
      endpointId: t.globalID({ for: WebhookEndpointRef, description: "The endpoint." }),
    }),
  },
  {
    description:
      "Gives a webhook endpoint a new signing secret, shown once. For WEBHOOK_SECRET_GRACE_HOURS (README) deliveries carry a signature with the old secret too. Needs webhooks:manage (the credentials themselves) or manage_api_clients on their client. Audited.",
    resolve: async (_root, { input }, ctx) => {
      const rotated = await inTransaction(ctx, (tx, actor) =>
        rotateWebhookSecret(tx, actor, ctx.config, input.endpointId.id),
      );
      return { endpoint: rotated.endpoint, signingSecret: rotated.secret };
    },
  },
  {
    description: "The endpoint and its new signing secret, shown this once only.",
    outputFields: (t) => ({
      endpoint: t.field({
        type: WebhookEndpointRef,
        description: "The endpoint.",
        resolve: (p) => p.endpoint,
      }),
      signingSecret: t.exposeString("signingSecret", {
        description: "The new signing secret (whsec_ and base64). Shown this once: store it now.",
      }),
    }),
  },
);

builder.relayMutationField(
  "deleteWebhookEndpoint",
  {
    description: "The endpoint to remove.",
    inputFields: (t) => ({
      endpointId: t.globalID({ for: WebhookEndpointRef, description: "The endpoint." }),
    }),
  },
  {
    description:
      "Removes a webhook endpoint with its deliveries: nothing more is sent to it. Needs webhooks:manage (the credentials themselves) or manage_api_clients on their client. Audited.",
    resolve: async (_root, { input }, ctx) => ({
      deletedEndpointId: encodeGlobalId(
        "WebhookEndpoint",
        await inTransaction(ctx, (tx, actor) => deleteWebhookEndpoint(tx, actor, input.endpointId.id)),
      ),
    }),
  },
  {
    description: "The id of the endpoint removed.",
    outputFields: (t) => ({
      deletedEndpointId: t.exposeID("deletedEndpointId", { description: "The removed endpoint's id." }),
    }),
  },
);

builder.relayMutationField(
  "redeliverWebhook",
  {
    description: "The delivery to send again.",
    inputFields: (t) => ({
      deliveryId: t.globalID({
        for: WebhookDeliveryRef,
        description: "The delivery: FAILED, CANCELLED, or DELIVERED (a replay).",
      }),
    }),
  },
  {
    description:
      "Sends a finished webhook delivery once more, now, to its endpoint's current URL: the same Webhook-Id and body, freshly timestamped and signed. One attempt, without retries: answered 2xx it is DELIVERED, otherwise FAILED. CONFLICT while it is still pending, or when its endpoint is disabled or its credentials revoked or expired. Needs webhooks:manage (the credentials themselves) or manage_api_clients on their client. Audited.",
    resolve: async (_root, { input }, ctx) => ({
      delivery: await inTransaction(ctx, (tx, actor) => redeliverWebhook(tx, actor, input.deliveryId.id)),
    }),
  },
  {
    description: "The delivery, pending again with its attempt queued.",
    outputFields: (t) => ({
      delivery: t.field({
        type: WebhookDeliveryRef,
        description: "The delivery, PENDING until its attempt is made.",
        resolve: (p) => p.delivery,
      }),
    }),
  },
);
