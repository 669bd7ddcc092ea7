import { allow } from "graphql-shield";
import {
  holds,
  isAdmin,
  isAuthenticated,
  type Permissions,
  readsParticipant,
  readsWith,
} from "../core/rules.js";
import { certifiesForParticipant, ownTaxpayerDetails } from "./rules.js";

/** Who may use each tax field. Fields not listed here are closed (the shield's fallback is deny). */
export const taxPermissions = {
  Query: {
    taxThresholds: isAuthenticated, // configuration, no personal data
  },
  Mutation: {
    setTaxThreshold: isAdmin,
    setClientTaxPolicy: isAdmin,
    setTaxpayerDetails: certifiesForParticipant((a) => a.input.participantId),
    requestTaxYearReport: holds("view_reports", "Client", (a) => a.input.clientId),
  },
  Participant: {
    taxpayerDetails: readsParticipant("view_payments"), // staff: masked TIN and certification only (below)
    taxYear: readsParticipant("view_payments"), // staff: only payments of trial sites where they hold it
  },
  Client: {
    taxPolicy: readsWith("view_clients", "client"),
  },
  TaxpayerDetails: {
    maskedTin: allow, // reached only through a guarded Participant.taxpayerDetails or the setter's payload
    tinKind: allow,
    certifiedAt: allow,
    legalName: ownTaxpayerDetails,
    address: ownTaxpayerDetails,
  },
  TaxThreshold: allow, // configuration
  TaxYearTotal: allow, // reached only through a guarded Participant.taxYear
  ClaimHold: allow, // reached only through a guarded Payment
} satisfies Permissions;
