import type { Context } from "../core/context.js";
import { badInput, forbidden, notFound, unauthenticated } from "../core/errors.js";
import { decodeGlobalId } from "../core/ids.js";
import { machineHolds } from "../core/machine.js";
import {
  type Argument,
  chain,
  decide,
  forArgument,
  holds,
  holdsIfGiven,
  isAdmin,
  isAuthenticated,
  isPrincipal,
  type Permissions,
  rule,
} from "../core/rules.js";
import { openToMachines } from "../core/shield.js";
import { clientOfApiClient, clientOfRequest } from "./requests.js";
import { ownerOfDelivery, ownerOfEndpoint } from "./webhooks.js";

/**
 * Whether the request may manage the webhooks of these credentials: the API client itself with webhooks:manage,
 * or a person holding manage_api_clients on its client (admins included).
 */
async function managesWebhooksOf(ctx: Context, owner: { apiClientId: string; clientId: string }) {
  if (ctx.machine)
    return ctx.machine.apiClientId === owner.apiClientId && machineHolds(ctx, "webhooks:manage");
  return ctx.access.holds("manage_api_clients", { type: "client", id: owner.clientId });
}

/** Object rule of endpoints and their deliveries: whoever manages their credentials' webhooks; else not found. */
const managesWebhooks = rule({ cache: "no_cache" })(
  async (parent: { apiClientId: string; clientId: string }, _args, ctx: Context) => {
    if (!ctx.viewer && !ctx.machine) return unauthenticated();
    return (await managesWebhooksOf(ctx, parent)) ? true : notFound("This object");
  },
);

/** Listing endpoints: people (the list keeps what they manage) and API clients holding webhooks:manage. */
const listsWebhooks = rule({ cache: "no_cache" })((_parent, _args, ctx: Context) => {
  if (ctx.machine)
    return machineHolds(ctx, "webhooks:manage")
      ? true
      : forbidden("These credentials lack the webhooks:manage scope.");
  return ctx.viewer ? true : unauthenticated();
});

/**
 * Registering an endpoint: an API client for itself (apiClientId omitted, or its own), a person for credentials
 * of a client where they hold manage_api_clients (apiClientId required). Others' credentials are not found.
 */
const registersWebhook = openToMachines(
  rule({ cache: "no_cache" })(
    async (_parent, args: { input: { apiClientId?: string | null } }, ctx: Context) =>
      decide(async () => {
        if (!ctx.viewer && !ctx.machine) throw unauthenticated();
        const given = args.input.apiClientId;
        if (given == null && !ctx.machine)
          throw badInput([{ field: "apiClientId", message: "name the API client the endpoint is for" }]);
        const apiClientId =
          given == null ? ctx.machine!.apiClientId : decodeGlobalId(given, "apiClientId", "ApiClient").id;
        const clientId = await clientOfApiClient(ctx.db, apiClientId);
        if (!clientId || !(await managesWebhooksOf(ctx, { apiClientId, clientId }))) {
          if (ctx.machine && apiClientId === ctx.machine.apiClientId)
            throw forbidden("These credentials lack the webhooks:manage scope.");
          throw notFound("API client");
        }
      }),
  ),
);

/** Changing an endpoint: whoever manages its credentials' webhooks; anyone else finds no such endpoint. */
const managesEndpoint = openToMachines(
  forArgument(
    "WebhookEndpoint",
    (a: { input: { endpointId: string } }) => a.input.endpointId,
    async (ctx, { id }) => {
      const owner = await ownerOfEndpoint(ctx.db, id);
      if (!owner || !(await managesWebhooksOf(ctx, owner))) throw notFound("Webhook endpoint");
    },
  ),
);

/** Redelivering: whoever manages the webhooks of the delivery's credentials; anyone else finds no such delivery. */
const managesDelivery = openToMachines(
  forArgument(
    "WebhookDelivery",
    (a: { input: { deliveryId: string } }) => a.input.deliveryId,
    async (ctx, { id }) => {
      const owner = await ownerOfDelivery(ctx.db, id);
      if (!owner || !(await managesWebhooksOf(ctx, owner))) throw notFound("Webhook delivery");
    },
  ),
);

/** The viewer holds manage_api_clients on the client of the request (or API client) an argument names. */
const managesClientOf = <Args>(
  typename: "ApiAccessRequest" | "ApiClient",
  argument: Argument<Args>,
  what: string,
) =>
  forArgument(typename, argument, async (ctx, { id }) => {
    const clientId = await (typename === "ApiClient" ? clientOfApiClient : clientOfRequest)(ctx.db, id);
    if (!clientId) throw notFound(what);
    await ctx.access.require("manage_api_clients", { type: "client", id: clientId }, what);
  });

/** Object rule: admins, and holders of manage_api_clients on the object's client. */
const managesClient = rule({ cache: "no_cache" })(
  async (parent: { clientId: string }, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    const held = await ctx.access.holds("manage_api_clients", { type: "client", id: parent.clientId });
    return held ? true : notFound("This object");
  },
);

/** Who may use each API access field. Fields not listed here are closed (the shield's fallback is deny). */
export const apiaccessPermissions = {
  Query: {
    dataUseAgreement: isAuthenticated,
    apiAccessRequests: isAuthenticated, // lists only those of clients where the viewer holds manage_api_clients
    apiClients: isAuthenticated, // lists only those of clients where the viewer holds manage_api_clients
    apiRequestLog: chain(
      isAuthenticated,
      holdsIfGiven("manage_api_clients", "Client", (a) => a.clientId),
    ), // and lists only the clients where the viewer holds manage_api_clients
    webhookEndpoints: listsWebhooks, // lists only the endpoints the caller manages
  },
  Mutation: {
    requestApiAccess: holds("manage_api_clients", "Client", (a) => a.input.clientId),
    reviewApiAccessRequest: isAdmin,
    acceptDataUseAgreement: managesClientOf(
      "ApiAccessRequest",
      (a) => a.input.requestId,
      "API access request",
    ),
    issueApiCredentials: managesClientOf("ApiAccessRequest", (a) => a.input.requestId, "API access request"),
    validateApiAccessRequest: isAdmin,
    rotateApiClientSecret: managesClientOf("ApiClient", (a) => a.input.apiClientId, "API client"),
    revokeApiClient: managesClientOf("ApiClient", (a) => a.input.apiClientId, "API client"),
    createWebhookEndpoint: registersWebhook,
    updateWebhookEndpoint: managesEndpoint,
    rotateWebhookSecret: managesEndpoint,
    deleteWebhookEndpoint: managesEndpoint,
    redeliverWebhook: managesDelivery,
  },
  ApiAccessRequest: managesClient,
  ApiClient: managesClient,
  ApiRequest: managesClient,
  DataUseAgreement: isAuthenticated,
  WebhookEndpoint: managesWebhooks,
  WebhookDelivery: managesWebhooks,
  WebhookDeliveryAttempt: isPrincipal, // reached only through its delivery, whose rule decided
} satisfies Permissions;
