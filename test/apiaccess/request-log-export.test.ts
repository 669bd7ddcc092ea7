import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grants } from "../../db/schema/index.js";
import { download, parseCsv } from "../reports/fixtures.js";
import { staffWith } from "../support/accounts.js";
import { accessToken, insertApiClient } from "../support/apiclients.js";
import { expectNothingWritten } from "../support/db.js";
import { gid, globalId } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const EXPORT = `mutation($input: RequestApiRequestLogExportInput!) {
  requestApiRequestLogExport(input: $input) { url expiresAt } }`;
const LOG = `query($clientId: ID!, $apiClientId: ID, $operationName: String, $result: ApiRequestResult, $from: DateTime, $to: DateTime) {
  apiRequestLog(clientId: $clientId, apiClientId: $apiClientId, operationName: $operationName, result: $result, from: $from, to: $to, first: 100) {
    totalCount nodes { id createdAt apiClient { clientIdentifier name } operationName result errorCodes durationMs ip documentHash variables } } }`;

/** Names a spreadsheet would run as formulas (OWASP CSV injection), given to credentials by their client. */
const FORMULA_NAMES = ['=HYPERLINK("http://x")', "@SUM(1)"];

interface Entry {
  id: string;
  createdAt: string;
  apiClient: { clientIdentifier: string; name: string };
  operationName: string | null;
  result: string;
  errorCodes: string[];
  durationMs: number;
  ip: string | null;
  documentHash: string | null;
  variables: string;
}

/** A connection row as the CSV writes it (text a spreadsheet would run as a formula gets a leading quote). */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const asCsvRow = (e: Entry) => [
  e.createdAt,
  e.id,
  e.apiClient.clientIdentifier,
  inert(e.apiClient.name),
  e.operationName ?? "",
  e.result,
  e.errorCodes.join(" "),
  String(e.durationMs),
  e.ip ?? "",
  e.documentHash ?? "",
  e.variables,
];

describe("exporting a client's API request log as CSV", () => {
  let server: TestServer;
  let org: Organization;
  let other: Organization;
  let manager: { token: string; uid: string };
  let firstClientId: string;
  let otherClientsApiClient: string;

  beforeAll(async () => {
    server = await startTestServer();
    org = await createOrganization(server);
    other = await createOrganization(server);
    manager = await staffWith(server, ["manage_api_clients"], { clientId: org.client.id });
    const made = await Promise.all(
      FORMULA_NAMES.map((name) => insertApiClient(server, org.client.id, { name })),
    );
    firstClientId = globalId("ApiClient", made[0]!.apiClient.id);
    const tokens = await Promise.all(
      made.map((m) => accessToken(server.url, m.apiClient.clientIdentifier, m.secret)),
    );
    const otherMade = await insertApiClient(server, other.client.id);
    otherClientsApiClient = globalId("ApiClient", otherMade.apiClient.id);
    const otherToken = await accessToken(server.url, otherMade.apiClient.clientIdentifier, otherMade.secret);
    for (const token of tokens) {
      await server.request(`query TrialList { trials(first: 5) { nodes { id protocolId } } }`, {}, token);
      await server.request(`query Me { me { id } }`, {}, token);
    }
    await server.request(`query Theirs { trials(first: 5) { nodes { id } } }`, {}, otherToken);
    await server.request(
      `query Lookup($id: ID!, $email: String) { trial(id: $id) { id phase } }`,
      { id: gid.trial(org.trial.id), email: "jane@example.com" },
      tokens[1],
    );
  });
  afterAll(() => server?.close());

  const connection = async (filter: Record<string, unknown> = {}) => {
    const result = await server.request<{ apiRequestLog: { totalCount: number; nodes: Entry[] } }>(
      LOG,
      { clientId: gid.client(org.client.id), ...filter },
      manager.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.apiRequestLog.nodes;
  };
  const exportCsv = async (filter: Record<string, unknown> = {}, token = manager.token) => {
    const result = await server.request<{ requestApiRequestLogExport: { url: string } }>(
      EXPORT,
      { input: { clientId: gid.client(org.client.id), ...filter } },
      token,
    );
    expect(result.errors).toBeUndefined();
    const { response, body } = await download(server, result.data!.requestApiRequestLogExport.url, token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    return parseCsv(body);
  };

  it("holds the connection's rows, in its order, with a header", async () => {
    const rows = await connection();
    expect(rows.length).toBe(5); // the other client's request is not in this client's log
    const csv = await exportCsv();
    expect(csv[0]).toEqual([
      "Received at",
      "ID",
      "Client ID (OAuth)",
      "Credential name",
      "Operation",
      "Result",
      "Error codes",
      "Duration (ms)",
      "IP address",
      "Document SHA-256",
      "Variables (redacted)",
    ]);
    expect(csv.slice(1)).toEqual(rows.map(asCsvRow));
    // Personal data stays redacted in the file as in the log.
    expect(csv.flat().join("\n")).not.toContain("jane@example.com");
  });

  it("applies the same filters as the connection: credentials, operation, outcome, time range", async () => {
    const now = Date.now();
    for (const filter of [
      { apiClientId: firstClientId },
      { operationName: "Me" },
      { result: "ERROR" },
      { result: "OK", operationName: "TrialList" },
      { from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 3_600_000).toISOString() },
      { from: new Date(now + 3_600_000).toISOString() },
    ]) {
      const rows = await connection(filter);
      expect((await exportCsv(filter)).slice(1), JSON.stringify(filter)).toEqual(rows.map(asCsvRow));
    }
    expect((await connection({ operationName: "Me" })).length).toBe(2);
  });

  it("quotes text a spreadsheet would run as a formula", async () => {
    const cells = (await exportCsv()).slice(1).map((row) => row[3]);
    expect(new Set(cells)).toEqual(new Set(FORMULA_NAMES.map((name) => `'${name}`)));
    expect((await exportCsv()).flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it("is refused to those without manage_api_clients on the client, and for another client's credentials, writing nothing", async () => {
    const bystander = await staffWith(server, ["view_reports", "view_clients"], { clientId: org.client.id });
    const outsider = await staffWith(server, ["manage_api_clients"], { clientId: other.client.id });
    const admin = await server.loginAdmin();
    await expectNothingWritten(server, async () => {
      const ask = (token: string, input: Record<string, unknown> = {}) =>
        server.request(EXPORT, { input: { clientId: gid.client(org.client.id), ...input } }, token);
      expect(errorCode(await ask(bystander.token))).toBe("FORBIDDEN");
      expect(errorCode(await ask(outsider.token))).toBe("NOT_FOUND");
      // An API client of another client inside the input: NOT_FOUND to whoever does not manage it, else refused.
      expect(errorCode(await ask(manager.token, { apiClientId: otherClientsApiClient }))).toBe("NOT_FOUND");
      expect(errorCode(await ask(admin, { apiClientId: otherClientsApiClient }))).toBe("BAD_USER_INPUT");
      // An id of another type where an API client's is due.
      expect(errorCode(await ask(manager.token, { apiClientId: gid.trial(org.trial.id) }))).toBe(
        "BAD_USER_INPUT",
      );
      expect(
        errorCode(await ask(manager.token, { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" })),
      ).toBe("BAD_USER_INPUT");
    });
  });

  it("downloads only for whoever asked, and only while they hold manage_api_clients", async () => {
    const holder = await staffWith(server, ["manage_api_clients"], { clientId: org.client.id });
    const result = await server.request<{ requestApiRequestLogExport: { url: string } }>(
      EXPORT,
      { input: { clientId: gid.client(org.client.id) } },
      holder.token,
    );
    const url = result.data!.requestApiRequestLogExport.url;
    expect((await download(server, url, manager.token)).response.status).toBe(404);
    expect((await download(server, url)).response.status).toBe(401);
    expect((await download(server, url, holder.token)).response.status).toBe(200);
    await server.db
      .delete(grants)
      .where(and(eq(grants.userId, holder.uid), eq(grants.permissionName, "manage_api_clients")));
    expect((await download(server, url, holder.token)).response.status).toBe(404);
  });
});
