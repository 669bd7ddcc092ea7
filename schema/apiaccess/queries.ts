import { and, eq } from "drizzle-orm";
import { apiAccessRequests, apiClients } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { pageOfRows } from "../core/pagination.js";
import { ClientRef } from "../organizations/refs.js";
import { DATA_USE_AGREEMENT, managedBy } from "./requests.js";
import {
  ApiAccessRequestRef,
  ApiAccessRequestStatusEnum,
  ApiClientRef,
  DataUseAgreementType,
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
    { name: "ApiAccessRequestEdge" },
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
    { name: "ApiClientEdge" },
  ),
}));
