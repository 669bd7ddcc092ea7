import { allow, chain } from "graphql-shield";
import { canSee, holds, isAdmin, isAuthenticated, seesArgument } from "../core/rules.js";

/**
 * Who may use each organisations field. Fields not listed here are closed (the shield's fallback is deny).
 * Admin-only mutations also check their argument names an existing object of the right type (NOT_FOUND or
 * BAD_USER_INPUT otherwise); for admins seeing a resource is the same as it existing.
 */
export const organizationsPermissions = {
  Query: {
    clients: isAuthenticated, // lists only the clients the viewer may see
    client: seesArgument("Client", "id"),
    contracts: isAuthenticated, // lists only the contracts the viewer may see (clientId checked in the resolver)
    contract: seesArgument("Contract", "id"),
    sites: isAuthenticated, // lists only the sites the viewer may see (clientId checked in the resolver)
    site: seesArgument("Site", "id"),
    funding: isAuthenticated, // view_contract on the contract, named or through a trial: checked by the resolver
  },
  Mutation: {
    createClient: isAdmin,
    editClient: chain(isAdmin, seesArgument("Client", "input.clientId")),
    deleteClient: chain(isAdmin, seesArgument("Client", "input.clientId")),
    createContract: chain(isAdmin, seesArgument("Client", "input.clientId")),
    editContract: holds("edit_contract", "Contract", "input.contractId"),
    uploadContractDocument: holds("edit_contract", "Contract", "input.contractId"),
    deleteContract: chain(isAdmin, seesArgument("Contract", "input.contractId")),
    addFunding: holds("add_funding", "Contract", "input.contractId"),
    editSite: chain(isAdmin, seesArgument("Site", "input.siteId")),
    deleteSite: holds("delete_site", "Site", "input.siteId"),
  },
  Client: canSee("client"),
  Contract: canSee("contract"),
  Site: canSee("site"),
  // Values reached only through a guarded parent (a Contract, whose funding field itself needs view_contract).
  ContractFunding: allow,
  FundingDeposit: allow,
  ContractDocument: allow,
  // Shared value types, first exposed by this area: reached only through a guarded parent object.
  Money: allow,
  AuditEntry: allow,
  AuditChange: allow,
};
