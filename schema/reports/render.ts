import { stringify } from "csv-stringify/sync";
import { minorDigits, toDecimal } from "../core/money.js";

export type ReportFormat = "csv" | "xlsx";

/** An exact amount: integer minor units and the currency they are counted in. */
export interface MoneyCell {
  minor: bigint;
  currency: string;
}

export type Cell = string | MoneyCell | Date | null;

/** One table of a report: a header row, then rows whose cells line up with it. */
export interface ReportTable {
  /** Names the file (and the worksheet), e.g. "trial-payments-P-123". */
  name: string;
  sheetName: string;
  header: string[];
  rows: Cell[][];
}

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const isMoney = (cell: Cell): cell is MoneyCell =>
  typeof cell === "object" && cell !== null && "minor" in cell;

/** What makes a spreadsheet read a cell as a formula: =, +, -, @, tab or carriage return first (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a spreadsheet shows it and never runs it: a leading quote makes a would-be formula plain text. Both
 * formats pass every text cell through here; amounts and dates are not text (ours, not people's), so a negative
 * amount stays a number.
 */
const inert = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString();
  if (isMoney(cell)) return toDecimal(cell.minor, cell.currency);
  return inert(cell);
}

/** "0.00" for USD, "0" for JPY, "0.000" for BHD, with thousands grouped. */
const moneyFormat = (currency: string) => {
  const digits = minorDigits(currency);
  return digits ? `#,##0.${"0".repeat(digits)}` : "#,##0";
};

/** Safe file-name characters only: the name goes into a header. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 100);

/**
 * The table as a CSV (amounts as exact decimal strings) or an XLSX workbook (amounts as numbers with the
 * currency's decimals; each number is the exact decimal converted once for display, never a float sum).
 */
export async function renderReport(table: ReportTable, format: ReportFormat): Promise<ReportFile> {
  const base = safeName(table.name);
  if (format === "csv") {
    const text = stringify([table.header, ...table.rows.map((row) => row.map(csvCell))]);
    return {
      filename: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: Buffer.from(text, "utf8"),
    };
  }
  // Imported on the first XLSX report, not at start-up: exceljs and its dependencies are a large module graph that
  // most processes never use.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Mural Link";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31));
  const header = sheet.addRow(table.header);
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(
      row.map((cell) => {
        if (isMoney(cell)) return Number(toDecimal(cell.minor, cell.currency));
        return typeof cell === "string" ? inert(cell) : (cell ?? "");
      }),
    );
    row.forEach((cell, index) => {
      const target = added.getCell(index + 1);
      if (isMoney(cell)) target.numFmt = moneyFormat(cell.currency);
      else if (cell instanceof Date) target.numFmt = "yyyy-mm-dd hh:mm:ss";
    });
  }
  table.header.forEach((title, index) => {
    sheet.getColumn(index + 1).width = Math.max(12, title.length + 2);
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    filename: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body,
  };
}
