import { AddressInput } from "../accounts/mutations.js";
import { builder } from "../core/builder.js";
import { unauthenticated } from "../core/errors.js";
import { MoneyInput } from "../core/money.js";
import { inTransaction } from "../core/transaction.js";
import * as clients from "./clients.js";
import * as contracts from "./contracts.js";
import * as funding from "./funding.js";
import * as rules from "./inputs.js";
import * as lowBalance from "./low-balance.js";
import { ClientRef, ContractRef, SiteRef } from "./refs.js";
import * as sites from "./sites.js";
import { ContractDocumentRef, FundingDepositRef } from "./types.js";

/*
 * Thin resolvers: each runs one business rule (which checks its input with the area's rules) in one transaction,
 * which writes the change and its audit entry. Who may call each field is in ./permissions.ts.
 */

const contactDescription = "Omit to keep; null or an empty string clears it.";

builder.relayMutationField(
  "createClient",
  {
    description: "The new client's details; blank optional text counts as none.",
    inputFields: (t) => ({
      name: t.string({ description: "The client's name (1-200 characters)." }),
      salesContact: t.string({
        required: false,
        description: "Mural Health's salesperson (up to 200 characters).",
      }),
      taxId: t.string({
        required: false,
        description: "Tax id, e.g. 66-0057137 (2-30 letters, digits, . / -).",
      }),
      contactName: t.string({
        required: false,
        description: "The person to contact (up to 200 characters).",
      }),
      contactPhone: t.string({ required: false, description: "The contact's phone, e.g. (254) 612-2177." }),
      contactEmail: t.string({ required: false, description: "The contact's e-mail address." }),
      address: t.field({ type: AddressInput, required: false, description: "The client's postal address." }),
    }),
  },
  {
    description: "Admins: creates a client.",
    resolve: async (_root, { input }, ctx) => {
      return { client: await inTransaction(ctx, (tx, actor) => clients.createClient(tx, actor, input)) };
    },
  },
  {
    description: "The client as saved.",
    outputFields: (t) => ({
      client: t.field({ type: ClientRef, description: "The client.", resolve: (p) => p.client }),
    }),
  },
);

builder.relayMutationField(
  "editClient",
  {
    description: "The client and the details to change; omitted fields stay as they are.",
    inputFields: (t) => ({
      clientId: t.globalID({ for: ClientRef, description: "The client's global id." }),
      name: t.string({ required: false, description: "A new name (1-200 characters); omit to keep." }),
      salesContact: t.string({ required: false, description: contactDescription }),
      taxId: t.string({ required: false, description: contactDescription }),
      contactName: t.string({ required: false, description: contactDescription }),
      contactPhone: t.string({ required: false, description: contactDescription }),
      contactEmail: t.string({ required: false, description: contactDescription }),
      address: t.field({
        type: AddressInput,
        required: false,
        description: "Omit to keep; null removes it.",
      }),
    }),
  },
  {
    description: "Admins: corrects a client's details; omitted fields stay as they are.",
    resolve: async (_root, { input: { clientId, ...input } }, ctx) => {
      return {
        client: await inTransaction(ctx, (tx, actor) => clients.editClient(tx, actor, clientId.id, input)),
      };
    },
  },
  {
    description: "The client as saved.",
    outputFields: (t) => ({
      client: t.field({ type: ClientRef, description: "The client.", resolve: (p) => p.client }),
    }),
  },
);

builder.relayMutationField(
  "deleteClient",
  {
    description: "The client to delete.",
    inputFields: (t) => ({
      clientId: t.globalID({ for: ClientRef, description: "The client's global id." }),
    }),
  },
  {
    description: "Admins: deletes a client; refused with CONFLICT while it has contracts or sites.",
    resolve: async (_root, { input }, ctx) => {
      const client = await inTransaction(ctx, (tx, actor) =>
        clients.deleteClient(tx, actor, input.clientId.id),
      );
      return { deletedClientId: client.id };
    },
  },
  {
    description: "What was deleted.",
    outputFields: (t) => ({
      deletedClientId: t.globalID({
        description: "The id the deleted client had.",
        resolve: (p) => ({ type: ClientRef.name, id: p.deletedClientId }),
      }),
    }),
  },
);

builder.relayMutationField(
  "createContract",
  {
    description: "The new contract's details.",
    inputFields: (t) => ({
      clientId: t.globalID({
        for: ClientRef,
        description: "The client the contract is with (its global id).",
      }),
      name: t.string({ description: "The contract's name (1-200 characters)." }),
      clientSignatureDate: t.field({
        type: "Date",
        required: false,
        description: "When the client signed it.",
      }),
      startDate: t.field({ type: "Date", required: false, description: "The first day it covers." }),
      endDate: t.field({ type: "Date", required: false, description: "On or after the start date." }),
      totalValue: t.field({
        type: MoneyInput,
        description: "The contract's value; its currency is the contract's (and its funding's).",
      }),
    }),
  },
  {
    description: "Admins: creates a contract for a client, with no funding yet (see addFunding).",
    resolve: async (_root, { input: { clientId, ...input } }, ctx) => {
      return {
        contract: await inTransaction(ctx, (tx, actor) =>
          contracts.createContract(tx, actor, clientId.id, input),
        ),
      };
    },
  },
  {
    description: "The contract as saved.",
    outputFields: (t) => ({
      contract: t.field({ type: ContractRef, description: "The contract.", resolve: (p) => p.contract }),
    }),
  },
);

builder.relayMutationField(
  "editContract",
  {
    description: "The contract and the details to change; omitted fields stay as they are.",
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef, description: "The contract's global id." }),
      name: t.string({ required: false, description: "A new name (1-200 characters); omit to keep." }),
      clientSignatureDate: t.field({ type: "Date", required: false, description: "null clears it." }),
      startDate: t.field({ type: "Date", required: false, description: "null clears it." }),
      endDate: t.field({ type: "Date", required: false, description: "null clears it." }),
      totalValue: t.field({
        type: MoneyInput,
        required: false,
        description: "A new currency is refused (CONFLICT) once the contract is funded.",
      }),
    }),
  },
  {
    description: "Corrects a contract's details; omitted fields stay as they are. Needs edit_contract on it.",
    resolve: async (_root, { input: { contractId, ...input } }, ctx) => {
      return {
        contract: await inTransaction(ctx, (tx, actor) =>
          contracts.editContract(tx, actor, contractId.id, input),
        ),
      };
    },
  },
  {
    description: "The contract as saved.",
    outputFields: (t) => ({
      contract: t.field({ type: ContractRef, description: "The contract.", resolve: (p) => p.contract }),
    }),
  },
);

builder.relayMutationField(
  "uploadContractDocument",
  {
    description: "The contract and its signed PDF.",
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef, description: "The contract's global id." }),
      filename: t.string({ description: 'e.g. "contract.pdf"' }),
      data: t.string({
        description: `The PDF's bytes in base64, at most ${rules.MAX_DOCUMENT_BYTES} bytes.`,
      }),
    }),
  },
  {
    description:
      "Stores the contract's signed PDF (a file that is not a PDF, or too large, is BAD_USER_INPUT); the newest upload is the contract's document. Needs edit_contract on it.",
    resolve: async (_root, { input: { contractId, ...input } }, ctx) => {
      const document = await inTransaction(ctx, (tx, actor) =>
        contracts.uploadContractDocument(tx, actor, contractId.id, input),
      );
      return { contractId: contractId.id, document };
    },
  },
  {
    description: "The contract and the document stored.",
    outputFields: (t) => ({
      contract: t.field({ type: ContractRef, description: "The contract.", resolve: (p) => p.contractId }),
      document: t.field({
        type: ContractDocumentRef,
        description: "The document stored, now the contract's document.",
        resolve: (p) => p.document,
      }),
    }),
  },
);

builder.relayMutationField(
  "deleteContract",
  {
    description: "The contract to delete.",
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef, description: "The contract's global id." }),
    }),
  },
  {
    description: "Admins: deletes a contract; refused with CONFLICT once funded or while it has trials.",
    resolve: async (_root, { input }, ctx) => {
      const contract = await inTransaction(ctx, (tx, actor) =>
        contracts.deleteContract(tx, actor, input.contractId.id),
      );
      return { deletedContractId: contract.id };
    },
  },
  {
    description: "What was deleted.",
    outputFields: (t) => ({
      deletedContractId: t.globalID({
        description: "The id the deleted contract had.",
        resolve: (p) => ({ type: ContractRef.name, id: p.deletedContractId }),
      }),
    }),
  },
);

builder.relayMutationField(
  "addFunding",
  {
    description: "The contract and the deposit.",
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef, description: "The contract's global id." }),
      amount: t.field({ type: MoneyInput, description: "Positive, in the contract's currency." }),
      note: t.string({ required: false, description: "e.g. the sponsor's wire reference." }),
    }),
  },
  {
    description:
      "Records money the client deposited into the contract's fiduciary account. Takes an Idempotency-Key header. Needs add_funding on the contract.",
    resolve: async (_root, { input: { contractId, ...input } }, ctx) => {
      return inTransaction(ctx, (tx, actor) => funding.addFunding(tx, actor, contractId.id, input));
    },
  },
  {
    description: "The deposit recorded, and its contract.",
    outputFields: (t) => ({
      contract: t.field({
        type: ContractRef,
        description: "The contract (its funding now includes the deposit).",
        resolve: (p) => p.contract,
      }),
      deposit: t.field({ type: FundingDepositRef, description: "The deposit.", resolve: (p) => p.deposit }),
    }),
  },
);

builder.relayMutationField(
  "editSite",
  {
    description: "The site and the details to change; omitted fields stay as they are.",
    inputFields: (t) => ({
      siteId: t.globalID({ for: SiteRef, description: "The site's global id." }),
      name: t.string({ required: false, description: "A new name (1-200 characters); omit to keep." }),
      address: t.field({
        type: AddressInput,
        required: false,
        description: "Omit to keep; null removes it.",
      }),
      phone: t.string({
        required: false,
        description:
          "The number participants call (E.164 or national digits); omit to keep, null removes it.",
      }),
      timeZone: t.string({
        required: false,
        description: 'IANA time zone, e.g. "America/Chicago"; omit to keep.',
      }),
    }),
  },
  {
    description: "Admins: corrects a site's details; omitted fields stay as they are.",
    resolve: async (_root, { input: { siteId, ...input } }, ctx) => {
      return { site: await inTransaction(ctx, (tx, actor) => sites.editSite(tx, actor, siteId.id, input)) };
    },
  },
  {
    description: "The site as saved.",
    outputFields: (t) => ({
      site: t.field({ type: SiteRef, description: "The site.", resolve: (p) => p.site }),
    }),
  },
);

builder.relayMutationField(
  "deleteSite",
  {
    description: "The site to delete.",
    inputFields: (t) => ({ siteId: t.globalID({ for: SiteRef, description: "The site's global id." }) }),
  },
  {
    description:
      "Deletes a site; refused with CONFLICT while it takes part in a trial or is a participant's home site. Needs delete_site on it.",
    resolve: async (_root, { input }, ctx) => {
      const site = await inTransaction(ctx, (tx, actor) => sites.deleteSite(tx, actor, input.siteId.id));
      return { deletedSiteId: site.id };
    },
  },
  {
    description: "What was deleted.",
    outputFields: (t) => ({
      deletedSiteId: t.globalID({
        description: "The id the deleted site had.",
        resolve: (p) => ({ type: SiteRef.name, id: p.deletedSiteId }),
      }),
    }),
  },
);

builder.relayMutationField(
  "setLowBalanceThreshold",
  {
    description:
      "The contract and its new low-balance threshold: an amount, a percentage, or neither to clear it.",
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef, description: "The contract's global id." }),
      amount: t.field({
        type: MoneyInput,
        required: false,
        description:
          "Alert when remaining funding falls below this amount (positive, in the contract's currency).",
      }),
      percentOfDeposits: t.string({
        required: false,
        description:
          'Alert when remaining funding falls below this percentage of everything deposited, e.g. "12.5" (above 0, below 100, at most two decimals). Not together with amount.',
      }),
    }),
  },
  {
    description:
      "Sets or clears a contract's low-balance threshold, audited. Setting it alerts no one; watchers are alerted when a payment or approval next takes remaining funding below it. Needs edit_contract on the contract.",
    resolve: async (_root, { input: { contractId, ...input } }, ctx) => ({
      contract: await inTransaction(ctx, (tx, actor) =>
        lowBalance.setLowBalanceThreshold(tx, actor, contractId.id, input),
      ),
    }),
  },
  {
    description: "The contract with its threshold as saved.",
    outputFields: (t) => ({
      contract: t.field({ type: ContractRef, description: "The contract.", resolve: (p) => p.contract }),
    }),
  },
);

builder.relayMutationField(
  "watchContractFunding",
  {
    description: "The contract, and whether you want its low-balance alerts.",
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef, description: "The contract's global id." }),
      watching: t.boolean({ description: "true to receive its low-balance alerts, false to stop." }),
    }),
  },
  {
    description:
      "Opts you in or out of a contract's low-balance alerts (an e-mail through the outbox; the alert is also listed on Contract.fundingAlerts). Needs view_contract on the contract, and you are told only while you still hold it.",
    resolve: async (_root, { input }, ctx) => ({
      contract: await inTransaction(ctx, (tx, actor) => {
        const { userId } = actor;
        if (!userId) throw unauthenticated();
        return lowBalance.watchContractFunding(tx, { ...actor, userId }, input.contractId.id, input.watching);
      }),
    }),
  },
  {
    description: "The contract (watchingFunding shows your choice).",
    outputFields: (t) => ({
      contract: t.field({ type: ContractRef, description: "The contract.", resolve: (p) => p.contract }),
    }),
  },
);
