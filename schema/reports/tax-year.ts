import { eq } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { clients } from "../../db/schema/index.js";
import { maskTin } from "../tax/taxpayer.js";
import { clientLedgerTotals, clientTaxYear, thresholdStatus } from "../tax/totals.js";
import type { ReportTable } from "./render.js";

const COLUMNS = [
  "Participant ID",
  "Participant",
  "Masked TIN",
  "Currency",
  "Reportable",
  "Non-reportable",
  "Payments",
  "Threshold",
  "Threshold status",
];

/**
 * A payer's year-end tax report: one row per participant and currency (masked TIN, reportable and non-reportable
 * totals, the threshold flag), then per currency the report's totals and the ledger's own total of the claimed and
 * paid payments counted in that year, summed separately from the payments: reportable + non-reportable equals it.
 * Currencies are never converted or added together. Null when there is no such client.
 */
export async function taxYearReport(
  db: Executor,
  clientId: string,
  taxYear: number,
): Promise<ReportTable | null> {
  const [client] = await db.select({ name: clients.name }).from(clients).where(eq(clients.id, clientId));
  if (!client) return null;
  const rows = await clientTaxYear(db, clientId, taxYear);
  const ledger = await clientLedgerTotals(db, clientId, taxYear);
  const money = (minor: bigint, currency: string) => ({ minor, currency });
  const sum = (currency: string, pick: (r: (typeof rows)[number]) => bigint) =>
    rows.filter((r) => r.currency === currency).reduce((total, r) => total + pick(r), 0n);
  return {
    name: `tax-year-${taxYear}-${client.name}`,
    sheetName: `Tax year ${taxYear}`,
    header: COLUMNS,
    rows: [
      // Every row as wide as the header.
      ...rows.map((r) => [
        r.participantId,
        r.participantName,
        r.tinKind && r.tinLast4 ? maskTin(r.tinKind, r.tinLast4) : "",
        r.currency,
        money(r.reportableMinor, r.currency),
        money(r.nonReportableMinor, r.currency),
        String(r.count),
        r.thresholdMinor === null ? null : money(r.thresholdMinor, r.currency),
        thresholdStatus(r),
      ]),
      ...ledger.flatMap((l) => [
        [
          "Total reportable",
          null,
          null,
          l.currency,
          money(
            sum(l.currency, (r) => r.reportableMinor),
            l.currency,
          ),
        ],
        [
          "Total non-reportable",
          null,
          null,
          l.currency,
          null,
          money(
            sum(l.currency, (r) => r.nonReportableMinor),
            l.currency,
          ),
        ],
        [
          "Ledger total (claimed and paid)",
          null,
          null,
          l.currency,
          money(l.totalMinor, l.currency),
          null,
          String(l.count),
        ],
      ]),
    ].map((row) => [...row, ...Array<null>(COLUMNS.length - row.length).fill(null)]),
  };
}
