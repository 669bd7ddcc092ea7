import { allow } from "graphql-shield";
import {
  canSee,
  chain,
  holds,
  isAdmin,
  isAuthenticated,
  isPrincipal,
  type Permissions,
  readsWith,
  seesArgument,
} from "../core/rules.js";

const viewClients = readsWith("view_clients", "client");
const viewContract = readsWith("view_contract", "contract");
const viewSites = readsWith("view_sites", "site");
/** Address and time zone: also for the participants taking part there (home site, sites where enrolled). */
const viewSitesOrOwn = readsWith("view_sites", "site", { participants: true });

/**
 * Who may use each organisations field. Fields not listed here are closed (the shield's fallback is deny).
 * Admin-only mutations also check their argument names an existing object of the right type (NOT_FOUND or
 * BAD_USER_INPUT otherwise); for admins seeing a resource is the same as it existing.
 */
export const organizationsPermissions = {
  Query: {
    clients: isPrincipal, // lists only the clients the viewer may see
    client: seesArgument("Client", (a) => a.id),
    contracts: isPrincipal, // lists only the contracts the viewer may see (clientId checked in the resolver)
    contract: seesArgument("Contract", (a) => a.id),
    sites: isPrincipal, // lists only the sites the viewer may see (clientId checked in the resolver)
    site: seesArgument("Site", (a) => a.id),
    fundingAlerts: isAuthenticated, // only alerts of contracts the viewer watches and holds view_contract on
    funding: isAuthenticated, // view_contract on the contract, named or through a trial: checked by the resolver
  },
  Mutation: {
    createClient: isAdmin,
    editClient: chain(
      isAdmin,
      seesArgument("Client", (a) => a.input.clientId),
    ),
    deleteClient: chain(
      isAdmin,
      seesArgument("Client", (a) => a.input.clientId),
    ),
    createContract: chain(
      isAdmin,
      seesArgument("Client", (a) => a.input.clientId),
    ),
    editContract: holds("edit_contract", "Contract", (a) => a.input.contractId),
    uploadContractDocument: holds("edit_contract", "Contract", (a) => a.input.contractId),
    deleteContract: chain(
      isAdmin,
      seesArgument("Contract", (a) => a.input.contractId),
    ),
    addFunding: holds("add_funding", "Contract", (a) => a.input.contractId),
    setLowBalanceThreshold: holds("edit_contract", "Contract", (a) => a.input.contractId),
    watchContractFunding: holds("view_contract", "Contract", (a) => a.input.contractId),
    editSite: chain(
      isAdmin,
      seesArgument("Site", (a) => a.input.siteId),
    ),
    deleteSite: holds("delete_site", "Site", (a) => a.input.siteId),
  },
  // Whoever sees a client, contract or site reads its identity and place (the "*" rule: id, uid, name, parent and
  // child links); every other field needs its view_* permission there (DESIGN §3, docs/field-access.md).
  Client: {
    "*": canSee("client"),
    address: viewClients,
    auditHistory: viewClients,
    contactEmail: viewClients,
    contactName: viewClients,
    contactPhone: viewClients,
    createdAt: viewClients,
    salesContact: viewClients,
    taxId: viewClients,
    updatedAt: viewClients,
  },
  Contract: {
    "*": canSee("contract"),
    auditHistory: viewContract,
    clientSignatureDate: viewContract,
    createdAt: viewContract,
    currency: viewContract,
    document: viewContract,
    endDate: viewContract,
    funding: viewContract,
    fundingAlerts: viewContract,
    lowBalanceThreshold: viewContract,
    runway: viewContract,
    startDate: viewContract,
    totalValue: viewContract,
    updatedAt: viewContract,
    watchingFunding: viewContract,
  },
  Site: {
    "*": canSee("site"),
    address: viewSitesOrOwn,
    auditHistory: viewSites,
    createdAt: viewSites,
    phone: viewSitesOrOwn,
    timeZone: viewSitesOrOwn,
    updatedAt: viewSites,
  },
  // Values reached only through a guarded parent (a Contract, whose funding field itself needs view_contract).
  ContractFunding: allow,
  FundingDeposit: allow,
  FundingAlert: allow,
  LowBalanceThreshold: allow,
  Runway: allow,
  ContractDocument: allow,
  // Shared value types, first exposed by this area: reached only through a guarded parent object.
  Money: allow,
  AuditEntry: allow,
  AuditChange: allow,
} satisfies Permissions;
