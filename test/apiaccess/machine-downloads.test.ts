import { createHash } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClients, apiRequestLog, downloadLinks, trials } from "../../db/schema/index.js";
import { revokeApiClient } from "../../schema/apiaccess/clients.js";
import { download, parseCsv, parseXlsx } from "../reports/fixtures.js";
import { staffWith } from "../support/accounts.js";
import { accessToken, insertApiClient, nothingWrittenButTheLog } from "../support/apiclients.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { DETAILS, ELIGIBLE_ANSWERS, publishDemo, rest } from "../support/prescreening.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial } from "../support/trials.js";

const REPORT = `mutation($input: RequestPrescreeningReportInput!) {
  requestPrescreeningReport(input: $input) { url expiresAt } }`;
const PAYMENTS = `mutation($input: RequestTrialPaymentReportInput!) { requestTrialPaymentReport(input: $input) { url } }`;
const LOG = `query($trialId: ID!) { referralLog(trialId: $trialId, first: 100) {
  nodes { referredAt siteName partner { clientIdentifier name } source status } } }`;
const UPLOAD = `mutation($input: UploadIrbDocumentInput!) {
  uploadIrbDocument(input: $input) { document { sha256 downloadUrl } } }`;

const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\n%%EOF`);

interface Credential {
  token: string;
  apiClientId: string;
  /** Another access token of the same API client. */
  newToken: () => Promise<string>;
}

let server: TestServer;
let org: Organization;
let other: Organization;
/** Reads the pre-screening lists and the trials of `org`'s trial. */
let reader: Credential;
/** Staff managing the trial's pre-screening. */
let manager: string;

/** An API client of `clientId` and a fresh access token of it. */
async function credential(
  clientId: string,
  options: Parameters<typeof insertApiClient>[2] = {},
): Promise<Credential> {
  const made = await insertApiClient(server, clientId, options);
  const newToken = () => accessToken(server.url, made.apiClient.clientIdentifier, made.secret);
  return { token: await newToken(), apiClientId: made.apiClient.id, newToken };
}

const requestReport = (token: string, report = "REFERRAL_LOG", format = "CSV", trialId = org.trial.id) =>
  server.request<{ requestPrescreeningReport: { url: string; expiresAt: string } }>(
    REPORT,
    { input: { trialId: gid.trial(trialId), report, format } },
    token,
  );

/** The link an API client (or person) was given; fails the test on any error. */
async function linkFor(token: string, report = "REFERRAL_LOG", format = "CSV") {
  const result = await requestReport(token, report, format);
  expect(result.errors).toBeUndefined();
  return result.data!.requestPrescreeningReport.url;
}

/** The API request log's lines of an API client for the downloads of `route`. */
const downloadsLogged = (apiClientId: string, route: string) =>
  server.db
    .select()
    .from(apiRequestLog)
    .where(
      and(eq(apiRequestLog.apiClientId, apiClientId), like(apiRequestLog.operationName, `GET ${route}%`)),
    );

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  other = await createOrganization(server);
  const admin = await server.loginAdmin();
  await publishDemo(server, admin, org);
  // Two candidates referred to the first trial site by a recruitment partner.
  const partner = await credential(org.client.id, { scopes: ["candidates:write"], trialIds: [org.trial.id] });
  for (const id of ["dl-1", "dl-2"]) {
    const call = async (method: string, path: string, body: unknown) => {
      const answer = await rest(server, method, path, partner.token, body);
      if (answer.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(answer.body)}`);
    };
    await call("POST", "/candidates", {
      studyId: "DEMO3",
      candidateId: id,
      locale: "en",
      referrerToken: "fall",
    });
    for (const [key, answer] of ELIGIBLE_ANSWERS)
      await call("PUT", `/candidates/${id}/answers/${key}`, { answer });
    await call("PUT", `/candidates/${id}/details`, {
      ...DETAILS,
      preferences: { ...DETAILS.preferences, site: gid.trialSite(org.trialSites[0]!.id) },
    });
    await call("POST", `/candidates/${id}/submit`, { status: "COMPLETED" });
  }
  reader = await credential(org.client.id, {
    scopes: ["trials:read", "prescreening:read", "referrals:read"],
    trialIds: [org.trial.id],
  });
  manager = (await staffWith(server, ["manage_prescreening"], { trialId: org.trial.id })).token;
});
afterAll(() => server?.close());

describe("pre-screening exports for API clients", () => {
  it("an API client with referrals:read gets the referral log as CSV with its token: referralLog's rows", async () => {
    const url = await linkFor(reader.token);
    const file = await download(server, url, reader.token);
    expect(file.response.status).toBe(200);
    expect(file.response.headers.get("content-type")).toMatch(/text\/csv/);
    // The download spends a point of the client's rate limit, as a REST call does.
    expect(file.response.headers.get("ratelimit-remaining")).toMatch(/^\d+$/);
    const log = await server.request<{
      referralLog: {
        nodes: {
          referredAt: string;
          siteName: string;
          partner: { clientIdentifier: string; name: string };
          source: string;
          status: string;
        }[];
      };
    }>(LOG, { trialId: gid.trial(org.trial.id) }, reader.token);
    expect(log.errors).toBeUndefined();
    const nodes = log.data!.referralLog.nodes;
    expect(nodes).toHaveLength(2);
    const rows = parseCsv(file.body);
    expect(rows.slice(1)).toEqual(
      nodes.map((n) => [
        n.referredAt,
        n.siteName,
        n.partner.name,
        n.partner.clientIdentifier,
        n.source,
        n.status.toLowerCase(),
      ]),
    );

    const logged = await downloadsLogged(reader.apiClientId, "/files/reports/");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      operationName: "GET /files/reports/:token",
      result: "ok",
      errorCodes: [],
      variables: { token: "[redacted]" },
    });
    // The link's token is written nowhere in the log.
    const token = url.split("/").at(-1)!;
    const [{ n }] = (await server.sql`
      SELECT count(*)::int AS n FROM api_request_log WHERE variables::text LIKE ${`%${token}%`}`) as unknown as [
      { n: number },
    ];
    expect(n).toBe(0);

    // Any access token of the same API client downloads it.
    expect((await download(server, url, await reader.newToken())).response.status).toBe(200);
  });

  it("the trends need prescreening:read, and come as XLSX too", async () => {
    const url = await linkFor(reader.token, "WEEKLY_TREND", "XLSX");
    const file = await download(server, url, reader.token);
    expect(file.response.status).toBe(200);
    const sheet = await parseXlsx(file.body);
    expect(sheet[0]?.[0]).toBe("Period start");
    expect(sheet.length).toBeGreaterThan(1);
  });

  it("is refused at request time without the list's scope or reach, writing no link", async () => {
    const trialsOnly = await credential(org.client.id, { scopes: ["trials:read"], trialIds: [org.trial.id] });
    const referralsOnly = await credential(org.client.id, {
      scopes: ["referrals:read"],
      trialIds: [org.trial.id],
    });
    const stranger = await credential(other.client.id, { scopes: ["referrals:read", "prescreening:read"] });
    const sandbox = await credential(org.client.id, {
      scopes: ["referrals:read", "prescreening:read"],
      environment: "sandbox",
    });
    await nothingWrittenButTheLog(server, async () => {
      expect(errorCode(await requestReport(trialsOnly.token))).toBe("FORBIDDEN");
      expect(errorCode(await requestReport(referralsOnly.token, "DAILY_TREND"))).toBe("FORBIDDEN");
      expect(errorCode(await requestReport(stranger.token))).toBe("NOT_FOUND");
      // Sandbox credentials reach sandbox trials only.
      expect(errorCode(await requestReport(sandbox.token))).toBe("NOT_FOUND");
      // Reports of money stay closed to API clients, whatever their scopes.
      const payments = await server.request(
        PAYMENTS,
        { input: { trialId: gid.trial(org.trial.id), format: "CSV" } },
        reader.token,
      );
      expect(errorCode(payments)).toBe("FORBIDDEN");
    });
  });

  it("a link is its API client's alone: not another client's, not a person's, and a person's not a machine's", async () => {
    const url = await linkFor(reader.token);
    const sibling = await credential(org.client.id, {
      scopes: ["referrals:read", "prescreening:read"],
      trialIds: [org.trial.id],
    });
    const stranger = await credential(other.client.id, { scopes: ["referrals:read"] });
    const personsUrl = await linkFor(manager);
    await nothingWrittenButTheLog(server, async () => {
      expect((await download(server, url, sibling.token)).response.status).toBe(404);
      expect((await download(server, url, stranger.token)).response.status).toBe(404);
      expect((await download(server, url, manager)).response.status).toBe(404);
      expect((await download(server, personsUrl, reader.token)).response.status).toBe(404);
      expect((await download(server, url, null)).response.status).toBe(401);
    });
    expect((await downloadsLogged(sibling.apiClientId, "/files/reports/"))[0]).toMatchObject({
      result: "error",
      errorCodes: ["NOT_FOUND"],
    });
    // Both links still work for their own.
    expect((await download(server, url, reader.token)).response.status).toBe(200);
    expect((await download(server, personsUrl, manager)).response.status).toBe(200);
  });

  it("stops working once the scope is taken from the client, the client is revoked, or the link expires", async () => {
    const narrowed = await credential(org.client.id, {
      scopes: ["referrals:read"],
      trialIds: [org.trial.id],
    });
    const narrowedUrl = await linkFor(narrowed.token);
    await server.db
      .update(apiClients)
      .set({ scopes: ["trials:read"] })
      .where(eq(apiClients.id, narrowed.apiClientId));
    const revoked = await credential(org.client.id, { scopes: ["referrals:read"], trialIds: [org.trial.id] });
    const revokedUrl = await linkFor(revoked.token);
    await revokeApiClient(server.db, { realUserId: null, userId: null }, revoked.apiClientId);
    const expiring = await credential(org.client.id, {
      scopes: ["referrals:read"],
      trialIds: [org.trial.id],
    });
    const expiredUrl = await linkFor(expiring.token);
    // The link's clock moved past its expiry.
    await server.db
      .update(downloadLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(downloadLinks.apiClientId, expiring.apiClientId));

    await nothingWrittenButTheLog(server, async () => {
      const refused = await download(server, narrowedUrl, narrowed.token);
      expect(refused.response.status).toBe(404);
      expect(refused.body.toString()).not.toContain("Referred at");
      const gone = await download(server, revokedUrl, revoked.token);
      expect(gone.response.status).toBe(401);
      expect(gone.response.headers.get("www-authenticate")).toMatch(/invalid_token/);
      expect((await download(server, expiredUrl, expiring.token)).response.status).toBe(404);
    });
  });

  it("a link belongs to exactly one principal (the database refuses neither or both)", async () => {
    const base = { tokenHash: Buffer.alloc(32, 7), kind: "prescreening_referrals", subjectId: org.trial.id };
    const expiresAt = new Date(Date.now() + 60_000);
    const user = await staffWith(server, [], { trialId: org.trial.id });
    await expectNothingWritten(server, async () => {
      await expect(server.db.insert(downloadLinks).values({ ...base, expiresAt })).rejects.toThrow();
      await expect(
        server.db
          .insert(downloadLinks)
          .values({ ...base, expiresAt, userId: user.uid, apiClientId: reader.apiClientId }),
      ).rejects.toThrow();
    });
  });
});

describe("IRB document downloads for API clients", () => {
  const upload = async (token: string, trialId: string, body: string) => {
    const result = await server.request<{
      uploadIrbDocument: { document: { sha256: string; downloadUrl: string } };
    }>(
      UPLOAD,
      {
        input: { trialId: gid.trial(trialId), filename: `${body}.pdf`, data: pdf(body).toString("base64") },
      },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.uploadIrbDocument.document;
  };

  it("with trials:read on a trial it reaches; NOT_FOUND for another client's, without the scope, or a sandbox key on a real trial", async () => {
    const writer = await credential(org.client.id, { scopes: ["sites:write"], trialIds: [org.trial.id] });
    const document = await upload(writer.token, org.trial.id, "approval");
    const file = await download(server, document.downloadUrl, reader.token);
    expect(file.response.status).toBe(200);
    expect(file.response.headers.get("content-type")).toBe("application/pdf");
    expect(file.body.equals(pdf("approval"))).toBe(true);
    expect(createHash("sha256").update(file.body).digest("hex")).toBe(document.sha256);
    const documentId = document.downloadUrl.split("/").at(-1);
    expect(await downloadsLogged(reader.apiClientId, "/files/irb-documents/")).toMatchObject([
      { operationName: "GET /files/irb-documents/:id", result: "ok", variables: { id: documentId } },
    ]);

    const othersWriter = await credential(other.client.id, { scopes: ["sites:write"] });
    const othersDocument = await upload(othersWriter.token, other.trial.id, "theirs");
    const stranger = await credential(other.client.id, { scopes: ["trials:read"] });
    expect((await download(server, othersDocument.downloadUrl, stranger.token)).response.status).toBe(200);
    const sandbox = await credential(org.client.id, { scopes: ["trials:read"], environment: "sandbox" });
    const noScope = await credential(org.client.id, {
      scopes: ["referrals:read", "sites:read"],
      trialIds: [org.trial.id],
    });
    await nothingWrittenButTheLog(server, async () => {
      expect((await download(server, othersDocument.downloadUrl, reader.token)).response.status).toBe(404);
      expect((await download(server, document.downloadUrl, stranger.token)).response.status).toBe(404);
      expect((await download(server, document.downloadUrl, sandbox.token)).response.status).toBe(404);
      expect((await download(server, document.downloadUrl, noScope.token)).response.status).toBe(404);
    });

    // Sandbox credentials do reach their client's sandbox trials.
    const sandboxTrial = await insertTrial(server, org.contract.id, "Sandbox trial");
    await server.db.update(trials).set({ sandbox: true }).where(eq(trials.id, sandboxTrial.id));
    const sandboxWriter = await credential(org.client.id, {
      scopes: ["sites:write"],
      environment: "sandbox",
    });
    const practice = await upload(sandboxWriter.token, sandboxTrial.id, "practice");
    expect((await download(server, practice.downloadUrl, sandbox.token)).response.status).toBe(200);
  });
});
