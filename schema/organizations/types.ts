import { and, desc, inArray, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { contracts, sites } from "../../db/schema/index.js";
import { AddressRef } from "../accounts/types.js";
import { addAuditHistory } from "../audit/types.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { MoneyRef } from "../core/money.js";
import { type ContractDocumentInfo, documentPath, latestDocuments } from "./contracts.js";
import { type ContractFunding, depositsOf, type FundingDeposit, fundingOf } from "./funding.js";
import { ClientRef, type Contract, ContractRef, type Site, SiteRef } from "./refs.js";

/** Groups rows by a key, in the order of `keys` (an empty list for a key without rows). */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const grouped = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((key) => grouped.get(key) ?? []);
}

/** The rows of a client's children (contracts or sites) the viewer may see, newest first: one statement. */
async function visibleChildren<T extends { clientId: string }>(
  ctx: Context,
  table: PgTable & { clientId: PgColumn; createdAt: PgColumn; id: PgColumn },
  type: "contract" | "site",
  clientIds: readonly string[],
): Promise<T[][]> {
  const visible: SQL | undefined = await ctx.access.visibleSql(type);
  const rows = (await ctx.db
    .select()
    .from(table)
    .where(and(inArray(table.clientId, [...clientIds]), visible))
    .orderBy(desc(table.createdAt), desc(table.id))) as T[];
  return groupBy(clientIds, rows, (row) => row.clientId);
}

ClientRef.implement({
  description: "A customer of Mural Health: a sponsor, or a CRO acting for one. Owns contracts and sites.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    name: t.exposeString("name"),
    salesContact: t.exposeString("salesContact", { nullable: true }),
    taxId: t.exposeString("taxId", { nullable: true }),
    contactName: t.exposeString("contactName", { nullable: true }),
    contactPhone: t.exposeString("contactPhone", { nullable: true }),
    contactEmail: t.exposeString("contactEmail", { nullable: true }),
    address: t.field({ type: AddressRef, nullable: true, resolve: (client) => client.addressId }),
    contracts: t.loadableList({
      type: ContractRef,
      description: "The client's contracts you may see, newest first.",
      load: (clientIds: string[], ctx) => visibleChildren<Contract>(ctx, contracts, "contract", clientIds),
      resolve: (client) => client.id,
    }),
    sites: t.loadableList({
      type: SiteRef,
      description: "The client's sites you may see, newest first.",
      load: (clientIds: string[], ctx) => visibleChildren<Site>(ctx, sites, "site", clientIds),
      resolve: (client) => client.id,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const FundingDepositRef = builder.objectRef<FundingDeposit>("FundingDeposit").implement({
  description: "Money deposited into a contract's fiduciary account (an entry of its funding ledger).",
  fields: (t) => ({
    amount: t.field({
      type: MoneyRef,
      resolve: (d) => ({ amountMinor: d.amountMinor, currency: d.currency }),
    }),
    note: t.exposeString("note", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const ContractFundingRef = builder.objectRef<ContractFunding>("ContractFunding").implement({
  description:
    "A contract's fiduciary account. Remaining = deposited − committed (to participants' payments).",
  fields: (t) => ({
    deposited: t.field({ type: MoneyRef, resolve: (f) => f.deposited }),
    committed: t.field({ type: MoneyRef, resolve: (f) => f.committed }),
    remaining: t.field({ type: MoneyRef, resolve: (f) => f.remaining }),
    deposits: t.loadableList({
      type: FundingDepositRef,
      description: "The deposits, oldest first.",
      load: async (contractIds: string[], ctx) =>
        groupBy(contractIds, await depositsOf(ctx.db, contractIds), (d) => d.contractId),
      resolve: (f) => f.contractId,
    }),
  }),
});

const ContractDocumentRef = builder.objectRef<ContractDocumentInfo>("ContractDocument").implement({
  description: "The contract's signed PDF (the latest uploaded).",
  fields: (t) => ({
    filename: t.exposeString("filename"),
    contentType: t.exposeString("contentType"),
    sizeBytes: t.exposeInt("sizeBytes"),
    sha256: t.exposeString("sha256", { description: "Hex SHA-256 of the file, to check a download." }),
    uploadedAt: t.expose("createdAt", { type: "DateTime" }),
    downloadUrl: t.string({
      description:
        "Where to download it (relative to the API's origin), with the same `Authorization: Bearer` session; needs view_contract.",
      resolve: (d) => documentPath(d.id),
    }),
  }),
});

ContractRef.implement({
  description: "An agreement between a client and Mural Health covering trials, and the funding for them.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    name: t.exposeString("name"),
    client: t.field({ type: ClientRef, resolve: (contract) => contract.clientId }),
    clientSignatureDate: t.expose("clientSignatureDate", { type: "Date", nullable: true }),
    startDate: t.expose("startDate", { type: "Date", nullable: true }),
    endDate: t.expose("endDate", { type: "Date", nullable: true }),
    totalValue: t.field({
      type: MoneyRef,
      resolve: (contract) => ({ amountMinor: contract.totalValueMinor, currency: contract.currency }),
    }),
    currency: t.exposeString("currency", { description: "ISO 4217 code of the contract and its funding." }),
    funding: t.field({
      type: ContractFundingRef,
      nullable: true,
      description: "The contract's funding; null unless you hold view_contract on it.",
      resolve: (contract) => fundingOf(contract),
    }),
    document: t.loadable({
      type: ContractDocumentRef,
      nullable: true,
      description:
        "The signed contract PDF, if one was uploaded (the latest); null unless you hold view_contract on the contract.",
      load: async (contractIds: string[], ctx) => {
        const byContract = new Map(
          (await latestDocuments(ctx.db, contractIds)).map((d) => [d.contractId, d]),
        );
        return contractIds.map((id) => byContract.get(id) ?? null);
      },
      resolve: (contract) => contract.id,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

SiteRef.implement({
  description:
    "A place where trials are conducted (a practice, hospital or university); belongs to a client.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    name: t.exposeString("name"),
    client: t.field({ type: ClientRef, resolve: (site) => site.clientId }),
    address: t.field({ type: AddressRef, nullable: true, resolve: (site) => site.addressId }),
    phone: t.exposeString("phone", {
      nullable: true,
      description:
        "The number participants call. Read by staff with view_sites and by the participants taking part here (and their caregivers).",
    }),
    timeZone: t.exposeString("timeZone", { description: 'IANA time zone, e.g. "America/New_York".' }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

addAuditHistory(ClientRef);
addAuditHistory(ContractRef, {
  description: "Needs view_contract on the contract (the history shows its funding).",
});
addAuditHistory(SiteRef);

export { ContractDocumentRef, ContractFundingRef, FundingDepositRef };
