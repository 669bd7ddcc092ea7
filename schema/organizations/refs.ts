import { inArray } from "drizzle-orm";
import { clients, contracts, sites } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";

export type Client = typeof clients.$inferSelect;
export type Contract = typeof contracts.$inferSelect;
export type Site = typeof sites.$inferSelect;

/** The organisation objects, loadable by id in batches; their fields are added in ./types.ts. */
export const ClientRef = builder.loadableNodeRef<Client>("Client", {
  id: { resolve: (client) => client.id },
  load: (ids: string[], ctx) => ctx.db.select().from(clients).where(inArray(clients.id, ids)),
  sort: (client) => client.id,
});

export const ContractRef = builder.loadableNodeRef<Contract>("Contract", {
  id: { resolve: (contract) => contract.id },
  load: (ids: string[], ctx) => ctx.db.select().from(contracts).where(inArray(contracts.id, ids)),
  sort: (contract) => contract.id,
});

export const SiteRef = builder.loadableNodeRef<Site>("Site", {
  id: { resolve: (site) => site.id },
  load: (ids: string[], ctx) => ctx.db.select().from(sites).where(inArray(sites.id, ids)),
  sort: (site) => site.id,
});
