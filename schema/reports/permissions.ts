import { holds, type Permissions } from "../core/rules.js";

/** Who may use each reports field. Fields not listed here are closed (the shield's fallback is deny). */
export const reportsPermissions = {
  Mutation: {
    requestTrialPaymentReport: holds("view_reports", "Trial", (a) => a.input.trialId),
    requestFundingReport: holds("view_reports", "Contract", (a) => a.input.contractId),
    requestApiRequestLogExport: holds("manage_api_clients", "Client", (a) => a.input.clientId),
    requestPrescreeningReport: holds("manage_prescreening", "Trial", (a) => a.input.trialId),
  },
} satisfies Permissions;
