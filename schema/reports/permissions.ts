import { forArgument, holds, type Permissions } from "../core/rules.js";
import { openToMachines } from "../core/shield.js";
import { requirePrescreeningReader } from "../prescreening/metrics.js";
import { prescreeningReportScope } from "./links.js";

/** Who may use each reports field. Fields not listed here are closed (the shield's fallback is deny). */
export const reportsPermissions = {
  Mutation: {
    requestTrialPaymentReport: holds("view_reports", "Trial", (a) => a.input.trialId),
    requestFundingReport: holds("view_reports", "Contract", (a) => a.input.contractId),
    requestApiRequestLogExport: holds("manage_api_clients", "Client", (a) => a.input.clientId),
    // Whoever may read the list the export holds, as for referralLog and prescreeningMetrics.
    requestPrescreeningReport: openToMachines(
      forArgument(
        "Trial",
        (a: { input: { trialId: string; report: string } }) => a.input.trialId,
        (ctx, { id }, a) => requirePrescreeningReader(ctx, prescreeningReportScope(a.input.report), id),
      ),
    ),
  },
} satisfies Permissions;
