import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { unauthenticated } from "../core/errors.js";
import { ContractRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import { createReportLink, type ReportKind } from "./links.js";
import type { ReportFormat } from "./render.js";

export const ReportFormatEnum = builder.enumType("ReportFormat", {
  values: {
    CSV: { value: "csv", description: "Comma-separated values; amounts as exact decimal strings." },
    XLSX: { value: "xlsx", description: "An Excel workbook; amounts as numbers in the currency's format." },
  } as const,
});

/** The viewer's link to a report; the permission rule has already checked view_reports on the subject. */
function requestLink(ctx: Context, kind: ReportKind, subjectId: string, format: ReportFormat) {
  if (!ctx.viewer) throw unauthenticated();
  return createReportLink(ctx.db, {
    userId: ctx.viewer.userId,
    kind,
    subjectId,
    format,
    lifetimeMs: ctx.config.reportLinkMs,
  });
}

builder.relayMutationField(
  "requestTrialPaymentReport",
  {
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef }),
      format: t.field({ type: ReportFormatEnum }),
    }),
  },
  {
    description:
      "A link to download every payment of a trial with totals per status (the spec's trial_payment_report). The report is built when downloaded; the link works only for you, only while you hold view_reports, and expires after REPORT_LINK_MINUTES. Needs view_reports on the trial.",
    resolve: (_root, { input }, ctx) =>
      requestLink(ctx, "trial_payment_report", input.trialId.id, input.format),
  },
  {
    outputFields: (t) => ({
      url: t.string({
        description: "Path to GET with your session (Authorization: Bearer).",
        resolve: (p) => p.url,
      }),
      expiresAt: t.field({ type: "DateTime", resolve: (p) => p.expiresAt }),
    }),
  },
);

builder.relayMutationField(
  "requestFundingReport",
  {
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef }),
      format: t.field({ type: ReportFormatEnum }),
    }),
  },
  {
    description:
      "A link to download a contract's deposits and payments with deposited, committed and remaining totals (the spec's funding_report). Same link rules as requestTrialPaymentReport. Needs view_reports on the contract.",
    resolve: (_root, { input }, ctx) => requestLink(ctx, "funding_report", input.contractId.id, input.format),
  },
  {
    outputFields: (t) => ({
      url: t.string({
        description: "Path to GET with your session (Authorization: Bearer).",
        resolve: (p) => p.url,
      }),
      expiresAt: t.field({ type: "DateTime", resolve: (p) => p.expiresAt }),
    }),
  },
);
