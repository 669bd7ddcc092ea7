import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffWith } from "../support/accounts.js";
import { accessToken, insertApiClient } from "../support/apiclients.js";
import { gid, globalId } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const LOG = `query($clientId: ID!, $apiClientId: ID, $operationName: String, $result: ApiRequestResult, $from: DateTime) {
  apiRequestLog(clientId: $clientId, apiClientId: $apiClientId, operationName: $operationName, result: $result, from: $from, first: 50) {
    totalCount nodes { apiClient { clientIdentifier } operationName documentHash variables ip result errorCodes durationMs createdAt } } }`;

interface Entry {
  apiClient: { clientIdentifier: string };
  operationName: string | null;
  documentHash: string;
  variables: string;
  ip: string;
  result: string;
  errorCodes: string[];
  durationMs: number;
}

describe("the audit trail of API clients' requests", () => {
  let server: TestServer;
  let org: Organization;
  let manager: { token: string };
  let identifier: string;
  let apiClientId: string;

  beforeAll(async () => {
    server = await startTestServer();
    org = await createOrganization(server);
    manager = await staffWith(server, ["manage_api_clients"], { clientId: org.client.id });
    const created = await insertApiClient(server, org.client.id, { scopes: ["trials:read", "sites:read"] });
    identifier = created.apiClient.clientIdentifier;
    apiClientId = globalId("ApiClient", created.apiClient.id);
    const full = await accessToken(server.url, identifier, created.secret);
    const narrow = await accessToken(server.url, identifier, created.secret, "sites:read");
    await server.request(`query TrialList { trials(first: 5) { nodes { id protocolId } } }`, {}, full);
    await server.request(
      `query OneTrial($id: ID!) { trial(id: $id) { id phase } }`,
      { id: gid.trial(org.trial.id) },
      narrow,
    );
    await server.request(
      `query Search($search: String, $email: String) { trials(first: 5, search: $search) { nodes { id } } }`,
      {
        search: "trial",
        email: "jane@example.com",
        input: { clientSecret: "mls_leaked", nested: { password: "p" } },
      },
      full,
    );
  });
  afterAll(() => server?.close());

  const read = (token: string, filter: Record<string, unknown> = {}) =>
    server.request<{ apiRequestLog: { totalCount: number; nodes: Entry[] } }>(
      LOG,
      { clientId: gid.client(org.client.id), ...filter },
      token,
    );

  it("holds each machine request once, with its operation, hash, result, duration and IP; secrets redacted", async () => {
    const log = await read(manager.token);
    expect(log.errors).toBeUndefined();
    const entries = log.data!.apiRequestLog.nodes;
    expect(entries.map((e) => e.operationName).sort()).toEqual(["OneTrial", "Search", "TrialList"]);
    expect(log.data!.apiRequestLog.totalCount).toBe(3);
    const byName = Object.fromEntries(entries.map((e) => [e.operationName, e]));
    expect(byName.TrialList).toMatchObject({
      result: "OK",
      errorCodes: [],
      apiClient: { clientIdentifier: identifier },
    });
    expect(byName.TrialList!.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(byName.TrialList!.ip).toMatch(/127\.0\.0\.1/);
    expect(byName.TrialList!.durationMs).toBeGreaterThanOrEqual(0);
    expect(byName.OneTrial).toMatchObject({ result: "PARTIAL", errorCodes: ["FORBIDDEN"] });
    const variables = JSON.parse(byName.Search!.variables);
    expect(variables).toEqual({
      search: "trial",
      email: "[redacted]",
      input: { clientSecret: "[redacted]", nested: { password: "[redacted]" } },
    });
    expect(byName.Search!.result).toBe("ERROR");
    // People's own requests are not machine requests: reading the log added nothing to it.
    expect((await read(manager.token)).data!.apiRequestLog.totalCount).toBe(3);
  });

  it("filters by result, operation, credentials and time", async () => {
    expect(
      (await read(manager.token, { result: "PARTIAL" })).data!.apiRequestLog.nodes.map(
        (e) => e.operationName,
      ),
    ).toEqual(["OneTrial"]);
    expect((await read(manager.token, { operationName: "TrialList" })).data!.apiRequestLog.totalCount).toBe(
      1,
    );
    expect((await read(manager.token, { apiClientId })).data!.apiRequestLog.totalCount).toBe(3);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await read(manager.token, { from: future })).data!.apiRequestLog.totalCount).toBe(0);
  });

  it("is read only by holders of manage_api_clients on the client", async () => {
    const other = await createOrganization(server);
    const outsider = await staffWith(server, ["manage_api_clients"], { clientId: other.client.id });
    const bystander = await staffWith(server, ["view_clients", "view_trials"], { clientId: org.client.id });
    expect(errorCode(await read(outsider.token))).toBe("NOT_FOUND");
    expect(errorCode(await read(bystander.token))).toBe("FORBIDDEN");
  });
});
