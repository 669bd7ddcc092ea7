import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/connection.js";
import { downloadLinks } from "../../db/schema/index.js";
import { hashSecret, newSecret } from "../accounts/secrets.js";
import type { Access } from "../core/authorization.js";
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

/** What each report is about, and the permission needed on it to get it (when asking and when downloading). */
const SUBJECT: Record<ReportKind, { type: ResourceKey["type"]; permission: Permission }> = {
  trial_payment_report: { type: "trial", permission: "view_reports" },
  funding_report: { type: "contract", permission: "view_reports" },
  api_request_log: { type: "client", permission: "manage_api_clients" },
  tax_year_report: { type: "client", permission: "view_reports" },
  // The pre-screening reports go with the metrics: whoever manages the trial's pre-screening.
  prescreening_referrals: { type: "trial", permission: "manage_prescreening" },
  prescreening_trend_day: { type: "trial", permission: "manage_prescreening" },
  prescreening_trend_week: { type: "trial", permission: "manage_prescreening" },
};

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
 * A download link for one report, usable by `userId` only until it expires. Only the token's hash is stored; the
 * token itself appears once, in the returned path. Whoever asks must already hold the report's permission on the
 * subject (the mutation's permission rule checks it).
 */
export async function createReportLink(
  db: Database,
  request: {
    userId: string;
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
    userId: request.userId,
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
 * The report behind a link, built from live data now, for the viewer it was made for while it has not expired and
 * while they still hold the report's permission (SUBJECT) on its subject; null otherwise, so a refused download
 * tells nothing.
 */
export async function downloadReport(
  db: Database,
  access: Access,
  token: string,
): Promise<ReportFile | null> {
  const userId = access.userId;
  if (!userId || !TOKEN.test(token)) return null;
  const [link] = await db
    .select()
    .from(downloadLinks)
    .where(and(eq(downloadLinks.tokenHash, hashSecret(token)), gt(downloadLinks.expiresAt, new Date())));
  if (!link || link.userId !== userId || !(link.kind in BUILD)) return null;
  const kind = link.kind as ReportKind;
  const format: ReportFormat = link.format === "xlsx" ? "xlsx" : "csv";
  const subject = SUBJECT[kind];
  if (!(await access.holds(subject.permission, { type: subject.type, id: link.subjectId }))) return null;
  const table = await BUILD[kind](db, link.subjectId, link.filters);
  return table ? renderReport(table, format) : null;
}
