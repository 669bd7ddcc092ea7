import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClients } from "../../db/schema/index.js";
import { revokeApiClient, rotateApiClientSecret } from "../../schema/apiaccess/clients.js";
import { accessToken, basicAuth, insertApiClient, postForm } from "../support/apiclients.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { type ServerProcess, startServerProcess } from "../support/processes.js";
import { graphqlClient, startTestServer, type TestServer } from "../support/server.js";

// Both processes must name the same issuer (PUBLIC_URL or OAUTH_ISSUER), as behind a load balancer.
const ENV = { OAUTH_ISSUER: "https://api.mural-link.test" };
const SYSTEM = { realUserId: null, userId: null };
const QUERY = `{ trials(first: 5) { nodes { id protocolId } } }`;

describe("an API client's token, issued by one process, in another", () => {
  let server: TestServer;
  let second: ServerProcess;
  let org: Organization;

  beforeAll(async () => {
    server = await startTestServer(ENV);
    second = await startServerProcess(server.databaseUrl, ENV);
    org = await createOrganization(server);
  }, 60_000);
  afterAll(async () => {
    await second?.stop();
    await server?.close();
  });

  /** Issues a token from the first process; checks the second one answers it; returns a request to the second. */
  async function tokenUsedElsewhere(id: string, secret: string) {
    const token = await accessToken(server.url, id, secret);
    const elsewhere = graphqlClient(second.url);
    const ask = () => elsewhere.request(QUERY, {}, token);
    const first = await ask();
    expect(first.status).toBe(200);
    expect(first.errors).toBeUndefined();
    return ask;
  }

  const expectRefused = async (answer: Awaited<ReturnType<ReturnType<typeof graphqlClient>["request"]>>) => {
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);
    expect(answer.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(answer.data).toBeUndefined();
  };

  it("is refused on the next request once its client is revoked", async () => {
    const { apiClient, secret } = await insertApiClient(server, org.client.id);
    const ask = await tokenUsedElsewhere(apiClient.clientIdentifier, secret);
    await revokeApiClient(server.db, SYSTEM, apiClient.id);
    await expectRefused(await ask());
    const again = await postForm(
      second.url,
      "/oauth/token",
      { grant_type: "client_credentials" },
      {
        authorization: basicAuth(apiClient.clientIdentifier, secret),
      },
    );
    expect([again.status, again.body.error]).toEqual([401, "invalid_client"]);
  });

  it("is refused on the next request once its client has expired", async () => {
    const { apiClient, secret } = await insertApiClient(server, org.client.id);
    const ask = await tokenUsedElsewhere(apiClient.clientIdentifier, secret);
    // The client's expiry passes (written as time would bring it).
    await server.db
      .update(apiClients)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiClients.id, apiClient.id));
    await expectRefused(await ask());
  });

  it("is refused once the secret it was issued with is rotated past its grace; the new secret works", async () => {
    const { apiClient, secret } = await insertApiClient(server, org.client.id);
    const ask = await tokenUsedElsewhere(apiClient.clientIdentifier, secret);
    const rotated = await rotateApiClientSecret(server.db, SYSTEM, apiClient.id, 0);
    await expectRefused(await ask());
    await expect(accessToken(second.url, apiClient.clientIdentifier, secret)).rejects.toThrow(
      /invalid_client/,
    );
    await tokenUsedElsewhere(apiClient.clientIdentifier, rotated.secret);
  });

  it("keeps working within the grace period after a rotation", async () => {
    const { apiClient, secret } = await insertApiClient(server, org.client.id);
    const ask = await tokenUsedElsewhere(apiClient.clientIdentifier, secret);
    const rotated = await rotateApiClientSecret(server.db, SYSTEM, apiClient.id, 3_600_000);
    expect((await ask()).errors).toBeUndefined();
    await tokenUsedElsewhere(apiClient.clientIdentifier, secret);
    await tokenUsedElsewhere(apiClient.clientIdentifier, rotated.secret);
  });

  it("is refused on the next request once the token itself is revoked (RFC 7009)", async () => {
    const { apiClient, secret } = await insertApiClient(server, org.client.id);
    const token = await accessToken(server.url, apiClient.clientIdentifier, secret);
    const elsewhere = graphqlClient(second.url);
    expect((await elsewhere.request(QUERY, {}, token)).errors).toBeUndefined();
    await postForm(
      server.url,
      "/oauth/revoke",
      { token },
      { authorization: basicAuth(apiClient.clientIdentifier, secret) },
    );
    await expectRefused(await elsewhere.request(QUERY, {}, token));
  });
});
