import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollments, fundingDeposits, payments, sites } from "../../db/schema/index.js";
import { download, parseCsv, parseXlsx } from "../reports/fixtures.js";
import { createOrganization, globalId, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { startTestServer, type TestServer } from "../support/server.js";

/** Text that a spreadsheet would run as a formula if a cell started with it (OWASP CSV injection). */
const SITE = '=HYPERLINK("http://x")';
const SUBJECT = "@SUM(1)";
const DEPOSIT_NOTES = ["+1+1", "-2+3", "\t=1+1", "\r=1+1"];
const PAYMENT_NOTE = "=cmd|' /C calc'!A0";

let server: TestServer;
let token: string;
let org: Organization;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.loginAdmin();
  org = await createOrganization(server);
  await server.db.update(sites).set({ name: SITE }).where(eq(sites.id, org.sites[0]!.id));
  const enrollment = (await createEnrolledParticipant(server, org, 0)).enrollment;
  await server.db.update(enrollments).set({ subjectId: SUBJECT }).where(eq(enrollments.id, enrollment.id));
  const base = { contractId: org.contract.id, currency: "USD" };
  await server.db
    .insert(fundingDeposits)
    .values(DEPOSIT_NOTES.map((note) => ({ ...base, amountMinor: 2_500n, note })));
  // Paid beyond the deposits in the ledger (setup only; the API never lets this happen): Remaining is negative.
  await server.db.insert(payments).values({
    ...base,
    enrollmentId: enrollment.id,
    kind: "manual",
    status: "paid",
    amountMinor: 15_000n,
    note: PAYMENT_NOTE,
  });
});
afterAll(() => server.close());

async function report(kind: "trial" | "funding", format: "CSV" | "XLSX") {
  const [field, input] =
    kind === "trial"
      ? ["requestTrialPaymentReport", { trialId: globalId("Trial", org.trial.id), format }]
      : ["requestFundingReport", { contractId: globalId("Contract", org.contract.id), format }];
  const result = await server.request<Record<string, { url: string }>>(
    `mutation($input: ${field[0]!.toUpperCase()}${field.slice(1)}Input!) { ${field}(input: $input) { url } }`,
    { input },
    token,
  );
  const { body } = await download(server, result.data![field]!.url, token);
  return format === "CSV" ? parseCsv(body) : parseXlsx(body);
}

/** Every cell of every row, as text; XML reads a carriage return back as a line feed, so both are compared so. */
const cells = (rows: unknown[][]) => rows.flat().map((cell) => String(cell ?? "").replace(/\r/g, "\n"));
const quoted = (texts: string[]) => texts.map((text) => `'${text}`.replace(/\r/g, "\n"));

describe.each(["CSV", "XLSX"] as const)("%s reports", (format) => {
  it("start no cell with a formula character: people's text gets a leading quote", async () => {
    const trial = await report("trial", format);
    const funding = await report("funding", format);
    const all = [...cells(trial), ...cells(funding)];
    expect(all.filter((cell) => /^[=+\-@\t\n]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell))).toEqual([]);
    expect(cells(trial)).toEqual(expect.arrayContaining(quoted([SITE, SUBJECT])));
    expect(cells(funding)).toEqual(expect.arrayContaining(quoted([SUBJECT, PAYMENT_NOTE, ...DEPOSIT_NOTES])));
  });

  it("keep a negative amount an amount", async () => {
    const funding = await report("funding", format);
    const remaining = funding.find((row) => row[0] === "Total" && row[1] === "Remaining")!;
    expect(remaining[8]).toBe(format === "CSV" ? "-50.00" : -50);
  });
});
