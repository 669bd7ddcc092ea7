import type { Context } from "../core/context.js";
import { notFound, unauthenticated } from "../core/errors.js";
import {
  type Argument,
  chain,
  forArgument,
  holds,
  holdsIfGiven,
  isAdmin,
  isAuthenticated,
  type Permissions,
  rule,
} from "../core/rules.js";
import { clientOfApiClient, clientOfRequest } from "./requests.js";

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
  },
  ApiAccessRequest: managesClient,
  ApiClient: managesClient,
  ApiRequest: managesClient,
  DataUseAgreement: isAuthenticated,
} satisfies Permissions;
