import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { downloadLinks, grants } from "../../db/schema/index.js";
import { hashSecret } from "../../schema/accounts/secrets.js";
import type { ReportFormat } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { download, fundAndPay } from "./fixtures.js";

const RequestTrialReport = graphql(`
  mutation LinksRequestTrialReport($input: RequestTrialPaymentReportInput!) {
    requestTrialPaymentReport(input: $input) { url expiresAt }
  }
`);
const RequestFundingReport = graphql(`
  mutation LinksRequestFundingReport($input: RequestFundingReportInput!) {
    requestFundingReport(input: $input) { url expiresAt }
  }
`);

const requestTrial = (server: TestServer, trialId: string, token: string, format: ReportFormat = "CSV") =>
  server.request(RequestTrialReport, { input: { trialId: gid.trial(trialId), format } }, token);
const requestFunding = (
  server: TestServer,
  contractId: string,
  token: string,
  format: ReportFormat = "XLSX",
) => server.request(RequestFundingReport, { input: { contractId: gid.contract(contractId), format } }, token);

let server: TestServer;
let org: Organization;
let other: Organization;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  other = await createOrganization(server);
  await fundAndPay(server, org);
});
afterAll(() => server.close());

describe("report links", () => {
  it("store only the token's hash, for the viewer, kind, subject and format", async () => {
    const viewer = await staffWith(server, ["view_reports"], { trialId: org.trial.id });
    const link = (await requestTrial(server, org.trial.id, viewer.token, "XLSX")).data!
      .requestTrialPaymentReport;
    const token = link.url.split("/").pop()!;
    const [row] = await server.db
      .select()
      .from(downloadLinks)
      .where(eq(downloadLinks.tokenHash, hashSecret(token)));
    expect(row).toMatchObject({
      userId: viewer.uid,
      kind: "trial_payment_report",
      subjectId: org.trial.id,
      format: "xlsx",
    });
    const stored = await server.sql`SELECT * FROM download_links WHERE token_hash::text LIKE ${`%${token}%`}`;
    expect(stored).toHaveLength(0);
  });

  it("work only for the viewer who asked: another user with the same permission gets 404, no session 401", async () => {
    const viewer = await staffWith(server, ["view_reports"], { clientId: org.client.id });
    const colleague = await staffWith(server, ["view_reports"], { clientId: org.client.id });
    const link = (await requestFunding(server, org.contract.id, viewer.token)).data!.requestFundingReport;
    expect((await download(server, link.url, viewer.token)).response.status).toBe(200);
    const stranger = await download(server, link.url, colleague.token);
    expect(stranger.response.status).toBe(404);
    expect(JSON.parse(stranger.body.toString())).toEqual({ error: expect.any(String) });
    expect((await download(server, link.url, null)).response.status).toBe(401);
    expect(
      (await download(server, "/files/reports/not-a-real-token-at-all-000000", viewer.token)).response.status,
    ).toBe(404);
  });

  it("stop working once the viewer's view_reports grant is revoked", async () => {
    const viewer = await staffWith(server, ["view_reports"], { trialId: org.trial.id });
    const link = (await requestTrial(server, org.trial.id, viewer.token)).data!.requestTrialPaymentReport;
    expect((await download(server, link.url, viewer.token)).response.status).toBe(200);
    await server.db
      .delete(grants)
      .where(and(eq(grants.userId, viewer.uid), eq(grants.permissionName, "view_reports")));
    expect((await download(server, link.url, viewer.token)).response.status).toBe(404);
  });

  it("stop working after REPORT_LINK_MINUTES", async () => {
    const quick = await startTestServer({ REPORT_LINK_MINUTES: "2" });
    try {
      const quickOrg = await createOrganization(quick);
      const viewer = await staffWith(quick, ["view_reports"], { contractId: quickOrg.contract.id });
      const link = (await requestFunding(quick, quickOrg.contract.id, viewer.token, "CSV")).data!
        .requestFundingReport;
      const expiresAt = new Date(link.expiresAt).getTime();
      expect(expiresAt - Date.now()).toBeGreaterThan(110_000);
      expect(expiresAt - Date.now()).toBeLessThanOrEqual(120_000);
      // The server shares this process's clock: move it to either side of the expiry instead of waiting.
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(expiresAt - 1);
      expect((await download(quick, link.url, viewer.token)).response.status).toBe(200);
      vi.setSystemTime(expiresAt + 1);
      expect((await download(quick, link.url, viewer.token)).response.status).toBe(404);
    } finally {
      vi.useRealTimers();
      await quick.close();
    }
  });
});

describe("requesting a report", () => {
  it("needs view_reports on the trial or contract: FORBIDDEN without it, writing nothing", async () => {
    const staff = await staffWith(server, ["view_trials", "view_contract"], { clientId: org.client.id });
    const trial = await expectNothingWritten(server, () => requestTrial(server, org.trial.id, staff.token));
    expect(errorCode(trial)).toBe("FORBIDDEN");
    expect(trial.data).toBeNull();
    const funding = await expectNothingWritten(server, () =>
      requestFunding(server, org.contract.id, staff.token),
    );
    expect(errorCode(funding)).toBe("FORBIDDEN");
  });

  it("answers NOT_FOUND for another client's trial or contract, writing nothing", async () => {
    const staff = await staffWith(server, ["view_reports"], { clientId: org.client.id });
    const trial = await expectNothingWritten(server, () => requestTrial(server, other.trial.id, staff.token));
    expect(errorCode(trial)).toBe("NOT_FOUND");
    const funding = await expectNothingWritten(server, () =>
      requestFunding(server, other.contract.id, staff.token),
    );
    expect(errorCode(funding)).toBe("NOT_FOUND");
  });

  it("a view_reports grant on the trial does not reach the contract's funding report", async () => {
    const staff = await staffWith(server, ["view_reports"], { trialId: org.trial.id });
    const funding = await expectNothingWritten(server, () =>
      requestFunding(server, org.contract.id, staff.token),
    );
    expect(errorCode(funding)).toBe("FORBIDDEN");
  });

  it("needs a session", async () => {
    const result = await server.request(RequestTrialReport, {
      input: { trialId: gid.trial(org.trial.id), format: "CSV" },
    });
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });
});
