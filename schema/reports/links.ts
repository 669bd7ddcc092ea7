import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/connection.js";
import { downloadLinks } from "../../db/schema/index.js";
import { hashSecret, newSecret } from "../accounts/secrets.js";
import type { Access } from "../core/authorization.js";
import type { Permission } from "../core/permissions-list.js";
import type { ResourceKey } from "../core/resources.js";
import { type ReportFile, type ReportFormat, type ReportTable, renderReport } from "./render.js";
import { fundingReport, prescreeningTrendReport, referralLogReport, trialPaymentReport } from "./reports.js";

export type ReportKind =
  | "trial_payment_report"
  | "funding_report"
  | "prescreening_referrals"
  | "prescreening_trend_day"
  | "prescreening_trend_week";

/** What each report is about, and the permission needed on it to get the report. */
const SUBJECT: Record<ReportKind, { type: ResourceKey["type"]; permission: Permission }> = {
  trial_payment_report: { type: "trial", permission: "view_reports" },
  funding_report: { type: "contract", permission: "view_reports" },
  // The pre-screening reports go with the metrics: whoever manages the trial's pre-screening.
  prescreening_referrals: { type: "trial", permission: "manage_prescreening" },
  prescreening_trend_day: { type: "trial", permission: "manage_prescreening" },
  prescreening_trend_week: { type: "trial", permission: "manage_prescreening" },
};

const BUILD: Record<ReportKind, (db: Database, subjectId: string) => Promise<ReportTable | null>> = {
  trial_payment_report: trialPaymentReport,
  funding_report: fundingReport,
  prescreening_referrals: referralLogReport,
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
  request: { userId: string; kind: ReportKind; subjectId: string; format: ReportFormat; lifetimeMs: number },
): Promise<{ url: string; expiresAt: Date }> {
  const { token, hash } = newSecret();
  const expiresAt = new Date(Date.now() + request.lifetimeMs);
  await db.insert(downloadLinks).values({
    tokenHash: hash,
    userId: request.userId,
    kind: request.kind,
    subjectId: request.subjectId,
    format: request.format,
    expiresAt,
  });
  return { url: reportPath(token), expiresAt };
}

const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

/**
 * The report behind a link, built from live data now, for the viewer it was made for while it has not expired and
 * while they still hold the report's permission on its subject; null otherwise, so a refused download tells nothing.
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
  const { type, permission } = SUBJECT[kind];
  if (!(await access.holds(permission, { type, id: link.subjectId }))) return null;
  const table = await BUILD[kind](db, link.subjectId);
  return table ? renderReport(table, format) : null;
}
