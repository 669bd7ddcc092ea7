import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/connection.js";
import { downloadLinks } from "../../db/schema/index.js";
import { hashSecret, newSecret } from "../accounts/secrets.js";
import type { Context } from "../core/context.js";
import { machineMay, type Scope } from "../core/machine.js";
import type { Permission } from "../core/permissions-list.js";
import type { ResourceKey } from "../core/resources.js";
import { apiRequestLogReport } from "./api-requests.js";
import { type ReportFile, type ReportFormat, type ReportTable, renderReport } from "./render.js";
import { fundingReport, prescreeningTrendReport, referralLogReport, trialPaymentReport } from "./reports.js";
import { taxYearReport } from "./tax-year.js";

export type ReportKind =
  | "trial_payment_report"
  | "funding_report"
  | "api_request_log"
  | "tax_year_report"
  | "prescreening_referrals"
  | "prescreening_trend_day"
  | "prescreening_trend_week";

/**
 * What each report is about, and who may have it (when asking and when downloading): a person holding `permission`
 * on the subject; an API client only where `scope` is given, holding it on a trial it reaches (machineMay). Only
 * reports without personal data or money have a scope: the pre-screening ones, with the scope of the list they hold.
 */
type Subject =
  | { type: ResourceKey["type"]; permission: Permission; scope?: undefined }
  | { type: "trial"; permission: Permission; scope: Scope };

const SUBJECT: Record<ReportKind, Subject> = {
  trial_payment_report: { type: "trial", permission: "view_reports" },
  funding_report: { type: "contract", permission: "view_reports" },
  api_request_log: { type: "client", permission: "manage_api_clients" },
  tax_year_report: { type: "client", permission: "view_reports" },
  // The pre-screening reports go with the metrics: whoever manages the trial's pre-screening, or reads the list.
  prescreening_referrals: { type: "trial", permission: "manage_prescreening", scope: "referrals:read" },
  prescreening_trend_day: { type: "trial", permission: "manage_prescreening", scope: "prescreening:read" },
  prescreening_trend_week: { type: "trial", permission: "manage_prescreening", scope: "prescreening:read" },
};

/**
 * The scope an API client needs for a pre-screening export: that of the list it holds (referralLog, metrics). Rules
 * receive the PrescreeningReport enum's value, which is the report's kind.
 */
export function prescreeningReportScope(report: string): Scope {
  const scope = SUBJECT[report as ReportKind]?.scope;
  if (!scope) throw new Error(`${report} is not a pre-screening report`);
  return scope;
}

/** Whether the request's principal (a person or an API client) may have a report of `kind` about `subjectId`. */
async function mayHave(ctx: Context, kind: ReportKind, subjectId: string): Promise<boolean> {
  const { type, permission, scope } = SUBJECT[kind];
  if (!ctx.machine) return ctx.access.holds(permission, { type, id: subjectId });
  return scope !== undefined && machineMay(ctx, scope, subjectId);
}

/** Who a link is for: a user, or an API client (with any of its access tokens). */
export type LinkOwner = { userId: string } | { apiClientId: string };

const BUILD: Record<
  ReportKind,
  (db: Database, subjectId: string, filters: unknown) => Promise<ReportTable | null>
> = {
  trial_payment_report: (db, id) => trialPaymentReport(db, id),
  funding_report: (db, id) => fundingReport(db, id),
  api_request_log: apiRequestLogReport,
  tax_year_report: (db, id, filters) => {
    const year = Number((filters as { taxYear?: string } | null)?.taxYear);
    return Number.isInteger(year) ? taxYearReport(db, id, year) : Promise.resolve(null);
  },
  prescreening_referrals: (db, trialId) => referralLogReport(db, trialId),
  prescreening_trend_day: (db, trialId) => prescreeningTrendReport(db, trialId, "day"),
  prescreening_trend_week: (db, trialId) => prescreeningTrendReport(db, trialId, "week"),
};

/** Where a report link is downloaded (server/app.ts serves it with downloadReport). */
export const reportPath = (token: string) => `/files/reports/${token}`;

/**
 * A download link for one report, usable by its owner only until it expires. Only the token's hash is stored; the
 * token itself appears once, in the returned path. Whoever asks must already be one who may have the report (the
 * mutation's permission rule checks it).
 */
export async function createReportLink(
  db: Database,
  request: {
    owner: LinkOwner;
    kind: ReportKind;
    subjectId: string;
    format: ReportFormat;
    lifetimeMs: number;
    filters?: Record<string, string>;
  },
): Promise<{ url: string; expiresAt: Date }> {
  const { token, hash } = newSecret();
  const expiresAt = new Date(Date.now() + request.lifetimeMs);
  await db.insert(downloadLinks).values({
    tokenHash: hash,
    ...request.owner,
    kind: request.kind,
    subjectId: request.subjectId,
    format: request.format,
    filters: request.filters ?? null,
    expiresAt,
  });
  return { url: reportPath(token), expiresAt };
}

const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

/**
 * The report behind a link, built from live data now, for the principal it was made for (the same user, or the same
 * API client) while it has not expired and while they still may have it (mayHave: a person's permission, an API
 * client's scope and reach); null otherwise, so a refused download tells nothing.
 */
export async function downloadReport(ctx: Context, token: string): Promise<ReportFile | null> {
  const owner = ctx.machine ? ctx.machine.apiClientId : ctx.viewer?.userId;
  if (!owner || !TOKEN.test(token)) return null;
  const [link] = await ctx.db
    .select()
    .from(downloadLinks)
    .where(and(eq(downloadLinks.tokenHash, hashSecret(token)), gt(downloadLinks.expiresAt, new Date())));
  // A machine's link is never a person's, nor the other way round: each is looked for in its own column.
  if (!link || (ctx.machine ? link.apiClientId : link.userId) !== owner || !(link.kind in BUILD)) return null;
  const kind = link.kind as ReportKind;
  if (!(await mayHave(ctx, kind, link.subjectId))) return null;
  const format: ReportFormat = link.format === "xlsx" ? "xlsx" : "csv";
  const table = await BUILD[kind](ctx.db, link.subjectId, link.filters);
  return table ? renderReport(table, format) : null;
}
