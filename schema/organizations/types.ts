import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { contracts, fundingAlerts, sites } from "../../db/schema/index.js";
import { AddressRef } from "../accounts/types.js";
import { addAuditHistory } from "../audit/types.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { MoneyRef } from "../core/money.js";
import { pageOfRows } from "../core/pagination.js";
import { type ContractDocumentInfo, documentPath, latestDocuments } from "./contracts.js";
import { type ContractFunding, depositsOf, type FundingDeposit, fundingOf } from "./funding.js";
import { type LowBalanceThreshold, lowBalanceThresholdOf, watchedBy } from "./low-balance.js";
import { ClientRef, type Contract, ContractRef, type Site, SiteRef } from "./refs.js";
import { type Runway, runwaysOf } from "./runway.js";

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
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    name: t.exposeString("name", {
      description: "The client's name; anyone who may see the client reads it.",
    }),
    salesContact: t.exposeString("salesContact", {
      nullable: true,
      description:
        "Mural Health's salesperson for this client, if recorded. Needs view_clients on the client.",
    }),
    taxId: t.exposeString("taxId", {
      nullable: true,
      description: "The client's tax id, e.g. 66-0057137, if recorded. Needs view_clients on the client.",
    }),
    contactName: t.exposeString("contactName", {
      nullable: true,
      description: "The person to contact at the client, if recorded. Needs view_clients on the client.",
    }),
    contactPhone: t.exposeString("contactPhone", {
      nullable: true,
      description: "The contact's phone number, if recorded. Needs view_clients on the client.",
    }),
    contactEmail: t.exposeString("contactEmail", {
      nullable: true,
      description: "The contact's e-mail address, if recorded. Needs view_clients on the client.",
    }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      description: "The client's postal address, if recorded. Needs view_clients on the client.",
      resolve: (client) => client.addressId,
    }),
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
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When the client was created. Needs view_clients on the client.",
    }),
    updatedAt: t.expose("updatedAt", {
      type: "DateTime",
      description: "When its details last changed. Needs view_clients on the client.",
    }),
  }),
});

const FundingDepositRef = builder.objectRef<FundingDeposit>("FundingDeposit").implement({
  description: "Money deposited into a contract's fiduciary account (an entry of its funding ledger).",
  fields: (t) => ({
    amount: t.field({
      type: MoneyRef,
      description: "The amount deposited, in the contract's currency (always positive).",
      resolve: (d) => ({ amountMinor: d.amountMinor, currency: d.currency }),
    }),
    note: t.exposeString("note", {
      nullable: true,
      description: "A note given with it, e.g. the wire reference.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was recorded." }),
  }),
});

const ContractFundingRef = builder.objectRef<ContractFunding>("ContractFunding").implement({
  description:
    "A contract's fiduciary account. Remaining = deposited − committed (to participants' payments).",
  fields: (t) => ({
    deposited: t.field({
      type: MoneyRef,
      description: "Everything deposited into the contract so far.",
      resolve: (f) => f.deposited,
    }),
    committed: t.field({
      type: MoneyRef,
      description:
        "What participants' payments under the contract's trials have taken: those unclaimed, claimed, paid or failed (not pending or rejected).",
      resolve: (f) => f.committed,
    }),
    remaining: t.field({
      type: MoneyRef,
      description: "What is left to pay with: deposited − committed, never below zero.",
      resolve: (f) => f.remaining,
    }),
    deposits: t.loadableList({
      type: FundingDepositRef,
      description: "The deposits, oldest first.",
      load: async (contractIds: string[], ctx) =>
        groupBy(contractIds, await depositsOf(ctx.db, contractIds), (d) => d.contractId),
      resolve: (f) => f.contractId,
    }),
  }),
});

type FundingAlert = typeof fundingAlerts.$inferSelect;

const FundingAlertRef = builder.objectRef<FundingAlert>("FundingAlert").implement({
  description:
    "A low-balance alert: a payment or approval took the contract's remaining funding below its threshold. Its watchers were e-mailed.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The alert's identifier." }),
    remaining: t.field({
      type: MoneyRef,
      description: "The remaining funding just after the payment that crossed the threshold.",
      resolve: (a) => ({ amountMinor: a.remainingMinor, currency: a.currency }),
    }),
    threshold: t.field({
      type: MoneyRef,
      description:
        "The threshold crossed, as an amount at that moment (a percentage of deposits worked out then).",
      resolve: (a) => ({ amountMinor: a.thresholdMinor, currency: a.currency }),
    }),
    contract: t.field({
      type: ContractRef,
      description: "The contract whose funding ran low.",
      resolve: (a) => a.contractId,
    }),
    notifiedCount: t.exposeInt("notified", {
      description: "How many watchers (holding view_contract and accepting e-mail) were e-mailed.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the threshold was crossed." }),
  }),
});

/** The one connection type of low-balance alerts (Contract.fundingAlerts, Query.fundingAlerts). */
const FundingAlertConnection = builder.connectionObject(
  {
    type: FundingAlertRef,
    name: "FundingAlertConnection",
    description: "A page of low-balance alerts, with the number in the whole list.",
  },
  { name: "FundingAlertEdge", description: "A low-balance alert in a page, with its cursor." },
);

const LowBalanceThresholdRef = builder.objectRef<LowBalanceThreshold>("LowBalanceThreshold").implement({
  description: "The remaining funding below which a contract's watchers are alerted.",
  fields: (t) => ({
    amount: t.field({
      type: MoneyRef,
      description:
        "The threshold now, in the contract's currency: the amount set, or the percentage of deposits worked out (rounded up to the minor unit).",
      resolve: (l) => l.amount,
    }),
    percentOfDeposits: t.exposeString("percentOfDeposits", {
      nullable: true,
      description: 'The percentage of deposits it was set as, e.g. "12.5"; null when set as an amount.',
    }),
    belowSince: t.expose("belowSince", {
      type: "DateTime",
      nullable: true,
      description:
        "When remaining funding fell below it (no further alert until it has risen back to it); null while it is at or above it.",
    }),
  }),
});

const RunwayRef = builder.objectRef<Runway>("Runway").implement({
  description:
    "What remaining funding covers of what is owed and what the payment schedules will still owe, in one currency (nothing is converted). projected = remaining − owedPending − scheduledStillOwed.",
  fields: (t) => ({
    remaining: t.field({
      type: MoneyRef,
      description:
        "The contract's remaining funding (deposited − committed); for a trial, its contract's, shared with the contract's other trials.",
      resolve: (r) => r.remaining,
    }),
    owedPending: t.field({
      type: MoneyRef,
      description:
        "Payments awaiting approval (reimbursements, manual payments): owed once approved, not yet committed.",
      resolve: (r) => r.owedPending,
    }),
    owedUnclaimed: t.field({
      type: MoneyRef,
      description:
        "Approved payments participants have not claimed yet; already committed (remaining excludes them), shown for information.",
      resolve: (r) => r.owedUnclaimed,
    }),
    scheduledStillOwed: t.field({
      type: MoneyRef,
      description:
        "For every participant still enrolled, each milestone of their trial site's schedule not yet paid to them (a repeatable one counts once until first paid), at the amount in effect now.",
      resolve: (r) => r.scheduledStillOwed,
    }),
    projected: t.field({
      type: MoneyRef,
      description:
        "remaining − owedPending − scheduledStillOwed: a surplus when positive, a shortfall when negative.",
      resolve: (r) => r.projected,
    }),
    currency: t.exposeString("currency", { description: "ISO 4217 code of every amount here, e.g. USD." }),
    asOf: t.expose("asOf", { type: "DateTime", description: "When it was computed." }),
  }),
});

const ContractDocumentRef = builder.objectRef<ContractDocumentInfo>("ContractDocument").implement({
  description: "The contract's signed PDF (the latest uploaded).",
  fields: (t) => ({
    filename: t.exposeString("filename", { description: "The file's name as uploaded, e.g. contract.pdf." }),
    contentType: t.exposeString("contentType", { description: "Its media type: application/pdf." }),
    sizeBytes: t.exposeInt("sizeBytes", { description: "Its size in bytes." }),
    sha256: t.exposeString("sha256", { description: "Hex SHA-256 of the file, to check a download." }),
    uploadedAt: t.expose("createdAt", { type: "DateTime", description: "When it was uploaded." }),
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
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    name: t.exposeString("name", {
      description: "The contract's name; anyone who may see the contract reads it.",
    }),
    client: t.field({
      type: ClientRef,
      description: "The client the contract is with.",
      resolve: (contract) => contract.clientId,
    }),
    clientSignatureDate: t.expose("clientSignatureDate", {
      type: "Date",
      nullable: true,
      description: "When the client signed it, if recorded. Needs view_contract on the contract.",
    }),
    startDate: t.expose("startDate", {
      type: "Date",
      nullable: true,
      description: "The first day it covers, if recorded. Needs view_contract on the contract.",
    }),
    endDate: t.expose("endDate", {
      type: "Date",
      nullable: true,
      description:
        "The last day it covers (on or after startDate), if recorded. Needs view_contract on the contract.",
    }),
    totalValue: t.field({
      type: MoneyRef,
      description:
        "The contract's agreed value, in its currency (not the money deposited: see funding). Needs view_contract on the contract.",
      resolve: (contract) => ({ amountMinor: contract.totalValueMinor, currency: contract.currency }),
    }),
    currency: t.exposeString("currency", {
      description:
        "ISO 4217 code of the contract, its funding and its trials' payments, e.g. USD. Needs view_contract on the contract.",
    }),
    funding: t.field({
      type: ContractFundingRef,
      nullable: true,
      description: "The contract's funding; null unless you hold view_contract on it.",
      resolve: (contract) => fundingOf(contract),
    }),
    lowBalanceThreshold: t.field({
      type: LowBalanceThresholdRef,
      nullable: true,
      description:
        "The remaining funding below which watchers are alerted; null when none is set. Needs view_contract on the contract.",
      resolve: (contract) => lowBalanceThresholdOf(contract),
    }),
    watchingFunding: t.loadable({
      type: "Boolean",
      description:
        "Whether you receive this contract's low-balance alerts (watchContractFunding). Needs view_contract on the contract.",
      load: (contractIds: string[], ctx) => watchedBy(ctx.db, ctx.access.userId ?? "", contractIds),
      resolve: (contract) => contract.id,
    }),
    fundingAlerts: t.connection(
      {
        type: FundingAlertRef,
        description:
          "The contract's low-balance alerts, newest first: one each time a payment or approval took remaining funding below the threshold. Needs view_contract on the contract.",
        resolve: (contract, args, ctx) =>
          pageOfRows(ctx.db, fundingAlerts, eq(fundingAlerts.contractId, contract.id), args),
      },
      FundingAlertConnection,
    ),
    runway: t.loadable({
      type: RunwayRef,
      description:
        "What remaining funding covers of what is owed and what the schedules will still owe (projected surplus or shortfall). Needs view_contract on the contract.",
      load: (contractIds: string[], ctx) => runwaysOf(ctx.db, "contract", contractIds).then(orMissing),
      resolve: (contract) => contract.id,
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
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When the contract was created. Needs view_contract on the contract.",
    }),
    updatedAt: t.expose("updatedAt", {
      type: "DateTime",
      description: "When its details last changed. Needs view_contract on the contract.",
    }),
  }),
});

SiteRef.implement({
  description:
    "A place where trials are conducted (a practice, hospital or university); belongs to a client.",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    name: t.exposeString("name", {
      description: "The site's name; anyone who may see the site (and its participants) reads it.",
    }),
    client: t.field({
      type: ClientRef,
      description: "The client the site belongs to.",
      resolve: (site) => site.clientId,
    }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      description:
        "The site's postal address, if recorded. Needs view_sites on the site; participants and caregivers read their own sites'.",
      resolve: (site) => site.addressId,
    }),
    phone: t.exposeString("phone", {
      nullable: true,
      description:
        "The number participants call. Read by staff with view_sites and by the participants taking part here (and their caregivers).",
    }),
    timeZone: t.exposeString("timeZone", {
      description:
        'IANA time zone, e.g. "America/New_York": appointment times are shown in it. Needs view_sites, or to be a participant (or caregiver) there.',
    }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When the site was created. Needs view_sites on the site.",
    }),
    updatedAt: t.expose("updatedAt", {
      type: "DateTime",
      description: "When its details last changed. Needs view_sites on the site.",
    }),
  }),
});

addAuditHistory(ClientRef);
addAuditHistory(ContractRef, {
  description: "Needs view_contract on the contract (the history shows its funding).",
});
addAuditHistory(SiteRef);

/** A loader's answer for a row gone meanwhile: an error for that key alone. */
const orMissing = <T>(rows: (T | null)[]) => rows.map((row) => row ?? new Error("Not found."));

export {
  ContractDocumentRef,
  ContractFundingRef,
  FundingAlertConnection,
  FundingAlertRef,
  FundingDepositRef,
  orMissing,
  RunwayRef,
};
