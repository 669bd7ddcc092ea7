import type { RelayMutationPayloadOptions } from "@pothos/plugin-relay";
import { z } from "zod";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { parseInput, unauthenticated } from "../core/errors.js";
import { ClientRef, ContractRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import { createReportLink, type ReportKind } from "./links.js";
import type { ReportFormat } from "./render.js";

export const ReportFormatEnum = builder.enumType("ReportFormat", {
  description: "The file format of a downloaded report.",
  values: {
    CSV: { value: "csv", description: "Comma-separated values; amounts as exact decimal strings." },
    XLSX: { value: "xlsx", description: "An Excel workbook; amounts as numbers in the currency's format." },
  } as const,
});

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** The answer of every report request: the link to download it. */
export const downloadLink: RelayMutationPayloadOptions<BuilderTypes, { url: string; expiresAt: Date }, []> = {
  description: "The download link.",
  outputFields: (t) => ({
    url: t.string({
      description:
        "Path to GET with the same credentials you asked with: your session, or (an API client) any of its access tokens (Authorization: Bearer).",
      resolve: (p) => p.url,
    }),
    expiresAt: t.field({
      type: "DateTime",
      description: "When the link stops working.",
      resolve: (p) => p.expiresAt,
    }),
  }),
};

/**
 * The link to a report for whoever asks, a person or an API client; the mutation's rule has already checked that
 * they may have it.
 */
export function requestLink(
  ctx: Context,
  kind: ReportKind,
  subjectId: string,
  format: ReportFormat,
  filters?: Record<string, string>,
) {
  const owner = ctx.machine
    ? { apiClientId: ctx.machine.apiClientId }
    : ctx.viewer && { userId: ctx.viewer.userId };
  if (!owner) throw unauthenticated();
  return createReportLink(ctx.db, {
    owner,
    kind,
    subjectId,
    format,
    lifetimeMs: ctx.config.reportLinkMs,
    filters,
  });
}

builder.relayMutationField(
  "requestTrialPaymentReport",
  {
    description: "What to report on, and in which format.",
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }),
      format: t.field({ type: ReportFormatEnum, description: "CSV or XLSX." }),
    }),
  },
  {
    description:
      "A link to download every payment of a trial with totals per status. The report is built when downloaded; the link works only for you, only while you hold view_reports, and expires after 15 minutes by default (the server's REPORT_LINK_MINUTES). Needs view_reports on the trial.",
    resolve: (_root, { input }, ctx) =>
      requestLink(ctx, "trial_payment_report", input.trialId.id, input.format),
  },
  downloadLink,
);

builder.relayMutationField(
  "requestFundingReport",
  {
    description: "What to report on, and in which format.",
    inputFields: (t) => ({
      contractId: t.globalID({ for: ContractRef, description: "The contract's global id." }),
      format: t.field({ type: ReportFormatEnum, description: "CSV or XLSX." }),
    }),
  },
  {
    description:
      "A link to download a contract's deposits and payments with deposited, committed and remaining totals. Same link rules as requestTrialPaymentReport. Needs view_reports on the contract.",
    resolve: (_root, { input }, ctx) => requestLink(ctx, "funding_report", input.contractId.id, input.format),
  },
  downloadLink,
);

builder.relayMutationField(
  "requestTaxYearReport",
  {
    description: "The payer, the tax year, and the format.",
    inputFields: (t) => ({
      clientId: t.globalID({ for: ClientRef, description: "The client (payer)'s global id." }),
      taxYear: t.int({ description: "The tax year (a UTC calendar year, 2000-2200)." }),
      format: t.field({ type: ReportFormatEnum, description: "CSV or XLSX." }),
    }),
  },
  {
    description:
      "A link to download a payer's year-end tax report: per participant and currency, the masked TIN, reportable and non-reportable totals and the threshold flag, then per currency the totals and the ledger's total of the claimed and paid payments of that year (they are equal). Same link rules as requestTrialPaymentReport. Needs view_reports on the client.",
    resolve: async (_root, { input }, ctx) => {
      const { taxYear } = parseInput(z.object({ taxYear: z.number().int().min(2000).max(2200) }), input);
      return requestLink(ctx, "tax_year_report", input.clientId.id, input.format, {
        taxYear: String(taxYear),
      });
    },
  },
  downloadLink,
);

const PrescreeningReportEnum = builder.enumType("PrescreeningReport", {
  description: "A pre-screening export of a trial.",
  values: {
    REFERRAL_LOG: {
      value: "prescreening_referrals",
      description:
        "Every referral, newest first: time, site, partner, referrer token, status (no personal data).",
    },
    DAILY_TREND: {
      value: "prescreening_trend_day",
      description:
        "The funnel by the day candidates started (UTC): starts, completions, eligible, referred, …",
    },
    WEEKLY_TREND: {
      value: "prescreening_trend_week",
      description: "The funnel by the ISO week (from Monday, UTC) candidates started.",
    },
  } as const,
});

builder.relayMutationField(
  "requestPrescreeningReport",
  {
    description: "Which pre-screening export of which trial, and in which format.",
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }),
      report: t.field({
        type: PrescreeningReportEnum,
        description: "REFERRAL_LOG, DAILY_TREND or WEEKLY_TREND.",
      }),
      format: t.field({ type: ReportFormatEnum, description: "CSV or XLSX." }),
    }),
  },
  {
    description:
      "A link to download a trial's whole referral log or pre-screening trend (the lists Trial.referralLog and Trial.prescreeningMetrics page through). The report is built when downloaded; the link works only for you (an API client: any of its access tokens), only while you may still read the list, and expires after REPORT_LINK_MINUTES. Needs manage_prescreening on the trial; API clients need the list's scope (REFERRAL_LOG: referrals:read; the trends: prescreening:read) on a trial they reach.",
    resolve: (_root, { input }, ctx) => requestLink(ctx, input.report, input.trialId.id, input.format),
  },
  downloadLink,
);
