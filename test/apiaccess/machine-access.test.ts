import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trials } from "../../db/schema/index.js";
import { accessToken, insertApiClient, nothingWrittenButTheLog } from "../support/apiclients.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial } from "../support/trials.js";

const TRIAL_FIELDS = `id name protocolId phase irbStatus status sandbox contract { id name }
  trialSites(first: 10) { totalCount nodes { id site { id name } } }`;

describe("GraphQL for API clients: scopes intersected with what the client reaches", () => {
  let server: TestServer;
  let a: Organization;
  let b: Organization;
  let tokenA: string;

  beforeAll(async () => {
    server = await startTestServer();
    a = await createOrganization(server);
    b = await createOrganization(server);
    const created = await insertApiClient(server, a.client.id, { scopes: ["trials:read", "sites:read"] });
    tokenA = await accessToken(server.url, created.apiClient.clientIdentifier, created.secret);
  });
  afterAll(() => server?.close());

  it("reads its own client's trials, trial sites and sites", async () => {
    const result = await server.request(`{ trials(first: 10) { nodes { ${TRIAL_FIELDS} } } }`, {}, tokenA);
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as { trials: { nodes: { id: string; trialSites: { totalCount: number } }[] } })
      .trials.nodes;
    expect(nodes.map((n) => n.id)).toEqual([gid.trial(a.trial.id)]);
    expect(nodes[0]!.trialSites.totalCount).toBe(2);
    const site = await server.request(
      `query($id: ID!) { node(id: $id) { ... on Site { id name } } }`,
      { id: gid.site(a.sites[0]!.id) },
      tokenA,
    );
    expect(site.errors).toBeUndefined();
    expect(site.data).toEqual({ node: { id: gid.site(a.sites[0]!.id), name: a.sites[0]!.name } });
  });

  it("reaches nothing of another client, and writes nothing trying", async () => {
    await nothingWrittenButTheLog(server, async () => {
      const trial = await server.request(
        `query($id: ID!) { trial(id: $id) { id name } }`,
        { id: gid.trial(b.trial.id) },
        tokenA,
      );
      expect(errorCode(trial)).toBe("NOT_FOUND");
      expect(trial.data?.trial ?? null).toBeNull();
      for (const [typename, id] of [
        ["Trial", gid.trial(b.trial.id)],
        ["Client", gid.client(b.client.id)],
        ["Contract", gid.contract(b.contract.id)],
        ["Site", gid.site(b.sites[0]!.id)],
        ["TrialSite", gid.trialSite(b.trialSites[0]!.id)],
      ] as const) {
        const node = await server.request(
          `query($id: ID!) { node(id: $id) { id __typename } }`,
          { id },
          tokenA,
        );
        expect(node.data?.node ?? null, typename).toBeNull();
        expect(errorCode(node), typename).toBe("NOT_FOUND");
      }
      const lists = await server.request(
        `{ trials(first: 50) { nodes { id } } sites(first: 50) { nodes { id } } clients(first: 50) { nodes { id } }
           contracts(first: 50) { nodes { id } } }`,
        {},
        tokenA,
      );
      const ids = JSON.stringify(lists.data);
      for (const raw of [b.trial.id, b.client.id, b.contract.id, b.sites[0]!.id, b.sites[1]!.id])
        expect(ids).not.toContain(raw);
    });
  });

  it("answers FORBIDDEN for a field its token's scopes do not open", async () => {
    const created = await insertApiClient(server, a.client.id, { scopes: ["trials:read", "sites:read"] });
    const narrow = await accessToken(
      server.url,
      created.apiClient.clientIdentifier,
      created.secret,
      "sites:read",
    );
    const result = await server.request(
      `query($id: ID!) { trial(id: $id) { id name protocolId } }`,
      { id: gid.trial(a.trial.id) },
      narrow,
    );
    expect(result.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["trial.protocolId", "FORBIDDEN"],
    ]);
  });

  it("is refused every mutation not opened to API clients, with nothing written", async () => {
    await nothingWrittenButTheLog(server, async () => {
      const result = await server.request(
        `mutation($input: EditTrialInput!) { editTrial(input: $input) { trial { id } } }`,
        { input: { trialId: gid.trial(a.trial.id), name: "Renamed by a machine" } },
        tokenA,
      );
      expect(errorCode(result)).toBe("FORBIDDEN");
      const me = await server.request(`{ me { id email } }`, {}, tokenA);
      expect(errorCode(me)).toBe("FORBIDDEN");
    });
  });

  it("with sandbox credentials, reaches only the client's sandbox trials", async () => {
    const sandboxTrial = await insertTrial(server, a.contract.id, "Sandbox trial");
    await server.db.update(trials).set({ sandbox: true }).where(eq(trials.id, sandboxTrial.id));
    const created = await insertApiClient(server, a.client.id, { environment: "sandbox" });
    const sandbox = await accessToken(server.url, created.apiClient.clientIdentifier, created.secret);
    const result = await server.request(`{ trials(first: 10) { nodes { id sandbox } } }`, {}, sandbox);
    expect(result.data).toEqual({ trials: { nodes: [{ id: gid.trial(sandboxTrial.id), sandbox: true }] } });
    const real = await server.request(
      `query($id: ID!) { trial(id: $id) { id } }`,
      { id: gid.trial(a.trial.id) },
      sandbox,
    );
    expect(errorCode(real)).toBe("NOT_FOUND");
  });

  it("limited to listed trials, reaches only those", async () => {
    const other = await insertTrial(server, a.contract.id, "Unlisted trial");
    const created = await insertApiClient(server, a.client.id, { trialIds: [a.trial.id] });
    const listed = await accessToken(server.url, created.apiClient.clientIdentifier, created.secret);
    const result = await server.request(`{ trials(first: 10) { nodes { id protocolId } } }`, {}, listed);
    expect(result.data).toEqual({
      trials: { nodes: [{ id: gid.trial(a.trial.id), protocolId: a.trial.protocolId }] },
    });
    const unlisted = await server.request(
      `query($id: ID!) { trial(id: $id) { id } }`,
      { id: gid.trial(other.id) },
      listed,
    );
    expect(errorCode(unlisted)).toBe("NOT_FOUND");
  });

  it("refuses to create credentials reaching another client's trial or contract", async () => {
    await expect(insertApiClient(server, a.client.id, { trialIds: [b.trial.id] })).rejects.toThrow(/Trial/);
    await expect(insertApiClient(server, a.client.id, { contractId: b.contract.id })).rejects.toThrow(
      /Contract/,
    );
    await expect(
      insertApiClient(server, a.client.id, { expiresAt: new Date(Date.now() + 400 * 24 * 3_600_000) }),
    ).rejects.toThrow();
  });
});
