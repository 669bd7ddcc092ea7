import { AddressInput } from "../accounts/mutations.js";
import { builder } from "../core/builder.js";
import { MoneyInput } from "../core/money.js";
import { inTransaction } from "../core/transaction.js";
import * as clients from "./clients.js";
import * as contracts from "./contracts.js";
import * as funding from "./funding.js";
import * as rules from "./inputs.js";
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
    inputFields: (t) => ({
      name: t.string(),
      salesContact: t.string({ required: false }),
      taxId: t.string({ required: false }),
      contactName: t.string({ required: false }),
      contactPhone: t.string({ required: false, description: "e.g. (254) 612-2177" }),
      contactEmail: t.string({ required: false }),
      address: t.field({ type: AddressInput, required: false }),
    }),
  },
  {
    description: "Admins: creates a client (the spec's create_client).",
    resolve: async (_root, { input }, ctx) => {
      return { client: await inTransaction(ctx, (tx, actor) => clients.createClient(tx, actor, input)) };
    },
  },
  { outputFields: (t) => ({ client: t.field({ type: ClientRef, resolve: (p) => p.client }) }) },
);

builder.relayMutationField(
  "editClient",
  {
    inputFields: (t) => ({
      clientId: t.globalID({ for: ClientRef }),
      name: t.string({ required: false }),
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
    description:
      "Admins: corrects a client's details (the spec's edit_client); omitted fields stay as they are.",
    resolve: async (_root, { input: { clientId, ...input } }, ctx) => {
      return {
        client: await inTransaction(ctx, (tx, actor) => clients.editClient(tx, actor, clientId.id, input)),
      };
    },
  },
  { outputFields: (t) => ({ client: t.field({ type: ClientRef, resolve: (p) => p.client }) }) },
);

builder.relayMutationField(
  "deleteClient",
  { inputFields: (t) => ({ clientId: t.globalID({ for: ClientRef }) }) },
  {
    description:
      "Admins: deletes a client (the spec's delete_client); refused with CONFLICT while it has contracts or sites.",
    resolve: async (_root, { input }, ctx) => {
      const client = await inTransaction(ctx, (tx, actor) =>
        clients.deleteClient(tx, actor, input.clientId.id),
      );
      return { deletedClientId: client.id };
    },
  },
  {
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
    inputFields: (t) => ({
      clientId: t.globalID({ for: ClientRef }),
      name: t.string(),
      clientSignatureDate: t.field({ type: "Date", required: false }),
      startDate: t.field({ type: "Date", required: false }),
      endDate: t.field({ type: "Date", required: false, description: "On or after the start date." }),
      totalValue: t.field({
        type: MoneyInput,
        description: "The contract's value; its currency is the contract's (and its funding's).",
      }),
    }),
  },
  {
    description: "Admins: creates a contract for a client (the spec's create_contract).",
    resolve: async (_root, { input: { clientId, ...input } }, ctx) => {
      return {
        contract: await inTransaction(ctx, (tx, actor) =>
          contracts.createContract(tx, actor, clientId.id, input),
        ),
      };
    },
  },
  { outputFields: (t) => ({ contract: t.field({ type: ContractRef, resolve: (p) => p.contract }) }) },
);

builder.relayMutationField(
  "editContract",
  {
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef }),
      name: t.string({ required: false }),
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
    description:
      "Corrects a contract's details (the spec's edit_contract); omitted fields stay as they are. Needs edit_contract on it.",
    resolve: async (_root, { input: { contractId, ...input } }, ctx) => {
      return {
        contract: await inTransaction(ctx, (tx, actor) =>
          contracts.editContract(tx, actor, contractId.id, input),
        ),
      };
    },
  },
  { outputFields: (t) => ({ contract: t.field({ type: ContractRef, resolve: (p) => p.contract }) }) },
);

builder.relayMutationField(
  "uploadContractDocument",
  {
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef }),
      filename: t.string({ description: 'e.g. "contract.pdf"' }),
      data: t.string({
        description: `The PDF's bytes in base64, at most ${rules.MAX_DOCUMENT_BYTES} bytes.`,
      }),
    }),
  },
  {
    description:
      "Stores the contract's signed PDF (the spec's upload_contract); the newest upload is the contract's document. Needs edit_contract on it.",
    resolve: async (_root, { input: { contractId, ...input } }, ctx) => {
      const document = await inTransaction(ctx, (tx, actor) =>
        contracts.uploadContractDocument(tx, actor, contractId.id, input),
      );
      return { contractId: contractId.id, document };
    },
  },
  {
    outputFields: (t) => ({
      contract: t.field({ type: ContractRef, resolve: (p) => p.contractId }),
      document: t.field({ type: ContractDocumentRef, resolve: (p) => p.document }),
    }),
  },
);

builder.relayMutationField(
  "deleteContract",
  { inputFields: (t) => ({ contractId: t.globalID({ for: ContractRef }) }) },
  {
    description:
      "Admins: deletes a contract (the spec's delete_contract); refused with CONFLICT once funded or while it has trials.",
    resolve: async (_root, { input }, ctx) => {
      const contract = await inTransaction(ctx, (tx, actor) =>
        contracts.deleteContract(tx, actor, input.contractId.id),
      );
      return { deletedContractId: contract.id };
    },
  },
  {
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
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef }),
      amount: t.field({ type: MoneyInput, description: "Positive, in the contract's currency." }),
      note: t.string({ required: false, description: "e.g. the sponsor's wire reference." }),
    }),
  },
  {
    description:
      "Records money the client deposited into the contract's fiduciary account (the spec's add_funding). Needs add_funding on the contract.",
    resolve: async (_root, { input: { contractId, ...input } }, ctx) => {
      return inTransaction(ctx, (tx, actor) => funding.addFunding(tx, actor, contractId.id, input));
    },
  },
  {
    outputFields: (t) => ({
      contract: t.field({ type: ContractRef, resolve: (p) => p.contract }),
      deposit: t.field({ type: FundingDepositRef, resolve: (p) => p.deposit }),
    }),
  },
);

builder.relayMutationField(
  "editSite",
  {
    inputFields: (t) => ({
      siteId: t.globalID({ for: SiteRef }),
      name: t.string({ required: false }),
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
      timeZone: t.string({ required: false }),
    }),
  },
  {
    description: "Admins: corrects a site's details (the spec's edit_site); omitted fields stay as they are.",
    resolve: async (_root, { input: { siteId, ...input } }, ctx) => {
      return { site: await inTransaction(ctx, (tx, actor) => sites.editSite(tx, actor, siteId.id, input)) };
    },
  },
  { outputFields: (t) => ({ site: t.field({ type: SiteRef, resolve: (p) => p.site }) }) },
);

builder.relayMutationField(
  "deleteSite",
  { inputFields: (t) => ({ siteId: t.globalID({ for: SiteRef }) }) },
  {
    description:
      "Deletes a site (the spec's delete_site); refused with CONFLICT while it takes part in a trial or is a participant's home site. Needs delete_site on it.",
    resolve: async (_root, { input }, ctx) => {
      const site = await inTransaction(ctx, (tx, actor) => sites.deleteSite(tx, actor, input.siteId.id));
      return { deletedSiteId: site.id };
    },
  },
  {
    outputFields: (t) => ({
      deletedSiteId: t.globalID({
        description: "The id the deleted site had.",
        resolve: (p) => ({ type: SiteRef.name, id: p.deletedSiteId }),
      }),
    }),
  },
);
