import { and, eq, sql } from "drizzle-orm";
import { clients, contractFundingWatchers, contracts, fundingAlerts, sites } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { badInput, unauthenticated } from "../core/errors.js";
import { decodeGlobalId, decodeResourceId } from "../core/ids.js";
import { MoneyRef } from "../core/money.js";
import { pageOfRows } from "../core/pagination.js";
import { remainingFunding } from "./funding.js";
import { ClientRef, ContractRef, SiteRef } from "./refs.js";
import { FundingAlertConnection, FundingAlertRef } from "./types.js";

/** An ILIKE pattern matching `search` anywhere, its wildcards taken literally; null for a blank search. */
function containing(search: string | null | undefined): string | null {
  const term = search?.trim();
  return term ? `%${term.replace(/[\\%_]/g, "\\$&")}%` : null;
}

/** The client a list is narrowed to: NOT_FOUND unless the viewer may see it; undefined when not given. */
async function visibleClient(ctx: Context, clientId: string | null | undefined) {
  if (clientId == null) return undefined;
  const client = decodeResourceId(clientId, "clientId", "Client");
  await ctx.access.requireVisible(client, "Client");
  return client.id;
}

builder.queryFields((t) => ({
  fundingAlerts: t.connection(
    {
      type: FundingAlertRef,
      description:
        "Your in-app notices of funding running low: the low-balance alerts of the contracts you watch (watchContractFunding) and still hold view_contract on, newest first.",
      resolve: async (_root, args, ctx) => {
        const userId = ctx.access.userId;
        if (!userId) throw unauthenticated();
        const held = (await ctx.access.holdsSql("contract", "view_contract")) ?? sql`true`;
        return pageOfRows(
          ctx.db,
          fundingAlerts,
          sql`${fundingAlerts.contractId} IN (
            SELECT w.contract_id FROM ${contractFundingWatchers} w WHERE w.user_id = ${userId})
            AND ${fundingAlerts.contractId} IN (SELECT ${contracts.id} FROM ${contracts} WHERE ${held})`,
          args,
        );
      },
    },
    FundingAlertConnection,
  ),
  clients: t.connection(
    {
      type: ClientRef,
      description:
        "The clients you may see (those you hold a permission on, or on something of theirs), newest first.",
      args: {
        search: t.arg.string({
          required: false,
          description: "Text to find in the client's name, ignoring case.",
        }),
      },
      resolve: async (_root, args, ctx) => {
        const pattern = containing(args.search);
        const visible = await ctx.access.visibleSql("client");
        return pageOfRows(
          ctx.db,
          clients,
          and(visible, pattern ? sql`${clients.name} ILIKE ${pattern}` : undefined),
          args,
        );
      },
    },
    { name: "ClientConnection", description: "A page of clients, with the number in the whole list." },
    { name: "ClientEdge", description: "A client in a page of clients, with its cursor." },
  ),
  client: t.field({
    type: ClientRef,
    description: "One client; NOT_FOUND unless you may see it.",
    args: { id: t.arg.globalID({ for: ClientRef, description: "The client's global id." }) },
    resolve: (_root, args) => args.id.id,
  }),
  contracts: t.connection(
    {
      type: ContractRef,
      description: "The contracts you may see, newest first, optionally of one client.",
      args: {
        clientId: t.arg.id({
          required: false,
          description: "Only this client's contracts (its global id); NOT_FOUND unless you may see it.",
        }),
      },
      resolve: async (_root, args, ctx) => {
        const clientId = await visibleClient(ctx, args.clientId);
        const visible = await ctx.access.visibleSql("contract");
        return pageOfRows(
          ctx.db,
          contracts,
          and(visible, clientId ? eq(contracts.clientId, clientId) : undefined),
          args,
        );
      },
    },
    { name: "ContractConnection", description: "A page of contracts, with the number in the whole list." },
    { name: "ContractEdge", description: "A contract in a page of contracts, with its cursor." },
  ),
  contract: t.field({
    type: ContractRef,
    description: "One contract; NOT_FOUND unless you may see it.",
    args: { id: t.arg.globalID({ for: ContractRef, description: "The contract's global id." }) },
    resolve: (_root, args) => args.id.id,
  }),
  sites: t.connection(
    {
      type: SiteRef,
      description: "The sites you may see, newest first, optionally of one client.",
      args: {
        clientId: t.arg.id({
          required: false,
          description: "Only this client's sites (its global id); NOT_FOUND unless you may see it.",
        }),
      },
      resolve: async (_root, args, ctx) => {
        const clientId = await visibleClient(ctx, args.clientId);
        const visible = await ctx.access.visibleSql("site");
        return pageOfRows(
          ctx.db,
          sites,
          and(visible, clientId ? eq(sites.clientId, clientId) : undefined),
          args,
        );
      },
    },
    { name: "SiteConnection", description: "A page of sites, with the number in the whole list." },
    { name: "SiteEdge", description: "A site in a page of sites, with its cursor." },
  ),
  site: t.field({
    type: SiteRef,
    description: "One site; NOT_FOUND unless you may see it.",
    args: { id: t.arg.globalID({ for: SiteRef, description: "The site's global id." }) },
    resolve: (_root, args) => args.id.id,
  }),
  funding: t.field({
    type: MoneyRef,
    description:
      "Remaining funding (deposits − committed payments) of a contract, named directly or by one of its trials: give exactly one (else BAD_USER_INPUT). Needs view_contract on the contract.",
    args: {
      contractId: t.arg.id({ required: false, description: "The contract's global id." }),
      trialId: t.arg.id({ required: false, description: "The global id of a trial under the contract." }),
    },
    resolve: (_root, args, ctx) => {
      if ((args.contractId == null) === (args.trialId == null))
        throw badInput([{ field: "contractId", message: "give exactly one of contractId and trialId" }]);
      const target =
        args.contractId != null
          ? { contractId: decodeGlobalId(args.contractId, "contractId", "Contract").id }
          : { trialId: decodeGlobalId(args.trialId, "trialId", "Trial").id };
      return remainingFunding(ctx.db, ctx.access, target);
    },
  }),
}));
