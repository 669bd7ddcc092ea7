import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessToken, basicAuth, insertApiClient, postForm } from "../support/apiclients.js";
import { createOrganization } from "../support/organizations.js";
import { startTestServer, type TestServer } from "../support/server.js";

const ISSUER = "https://api.mural-link.test";

describe("OAuth 2.0 token endpoint (client credentials, RFC 6749 §4.4)", () => {
  let server: TestServer;
  let id: string;
  let secret: string;

  beforeAll(async () => {
    server = await startTestServer({ OAUTH_ISSUER: ISSUER, OAUTH_TOKEN_MINUTES: "5" });
    const org = await createOrganization(server);
    const created = await insertApiClient(server, org.client.id, { scopes: ["trials:read", "sites:read"] });
    id = created.apiClient.clientIdentifier;
    secret = created.secret;
  });
  afterAll(() => server?.close());

  const token = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    postForm(server.url, "/oauth/token", form, headers);

  it("issues an RFC 9068 JWT with client_secret_basic, never cached", async () => {
    const answer = await token(
      { grant_type: "client_credentials" },
      { authorization: basicAuth(id, secret) },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 300,
      scope: "trials:read sites:read",
    });
    const jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).json();
    const { payload, protectedHeader } = await jwtVerify(answer.body.access_token, createLocalJWKSet(jwks), {
      issuer: ISSUER,
      audience: `${ISSUER}/graphql`,
    });
    expect(protectedHeader).toMatchObject({ alg: "ES256", typ: "at+jwt" });
    expect(payload).toMatchObject({ sub: id, client_id: id, scope: "trials:read sites:read" });
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload.jti).toEqual(expect.any(String));
  });

  it("accepts client_secret_post and narrows the scope", async () => {
    const answer = await token({
      grant_type: "client_credentials",
      client_id: id,
      client_secret: secret,
      scope: "trials:read",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.scope).toBe("trials:read");
  });

  it("answers invalid_scope for a scope the client does not hold", async () => {
    const answer = await token(
      { grant_type: "client_credentials", scope: "trials:read content:write" },
      { authorization: basicAuth(id, secret) },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_scope");
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("answers invalid_client with 401 and a challenge for a wrong secret, an unknown client or none", async () => {
    const attempts: Record<string, string>[] = [
      { authorization: basicAuth(id, `${secret}x`) },
      { authorization: basicAuth("mlc_nobody", secret) },
      {},
    ];
    for (const headers of attempts) {
      const answer = await token({ grant_type: "client_credentials" }, headers);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe("invalid_client");
      expect(answer.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    }
  });

  it("answers unsupported_grant_type and invalid_request", async () => {
    const auth = { authorization: basicAuth(id, secret) };
    const password = await token({ grant_type: "password", username: "a", password: "b" }, auth);
    expect([password.status, password.body.error]).toEqual([400, "unsupported_grant_type"]);
    const missing = await token({}, auth);
    expect([missing.status, missing.body.error]).toEqual([400, "invalid_request"]);
    const both = await token(
      { grant_type: "client_credentials", client_id: id, client_secret: secret },
      auth,
    );
    expect([both.status, both.body.error]).toEqual([400, "invalid_request"]);
    const repeated = await fetch(`${server.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...auth },
      body: "grant_type=client_credentials&scope=trials:read&scope=sites:read",
    });
    expect([repeated.status, (await repeated.json()).error]).toEqual([400, "invalid_request"]);
    const json = await fetch(`${server.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({ grant_type: "client_credentials" }),
    });
    expect([json.status, (await json.json()).error]).toEqual([400, "invalid_request"]);
  });

  it("publishes its metadata (RFC 8414) and keys", async () => {
    const metadata = await (await fetch(`${server.url}/.well-known/oauth-authorization-server`)).json();
    expect(metadata).toMatchObject({
      issuer: ISSUER,
      token_endpoint: `${ISSUER}/oauth/token`,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      grant_types_supported: ["client_credentials"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    });
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["trials:read", "candidates:write"]));
    const jwks = await (await fetch(`${server.url}/.well-known/jwks.json`)).json();
    const issued = await accessToken(server.url, id, secret);
    const { kid } = decodeProtectedHeader(issued);
    const published = jwks.keys.find((key: { kid: string }) => key.kid === kid);
    expect(published).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(published.d).toBeUndefined();
    // The private key is stored only encrypted.
    const [stored] = await server.sql<{ sealed: Buffer }[]>`
      SELECT private_key_sealed AS sealed FROM oauth_signing_keys WHERE kid = ${kid!}`;
    expect(stored!.sealed.toString("latin1")).not.toContain('"d"');
  });

  it("introspects (RFC 7662) and revokes (RFC 7009) the client's own tokens only", async () => {
    const auth = { authorization: basicAuth(id, secret) };
    const issued = await accessToken(server.url, id, secret);
    const active = await postForm(server.url, "/oauth/introspect", { token: issued }, auth);
    expect(active.body).toMatchObject({ active: true, client_id: id, scope: "trials:read sites:read" });

    const other = await insertApiClient(server, (await createOrganization(server)).client.id);
    const otherAuth = { authorization: basicAuth(other.apiClient.clientIdentifier, other.secret) };
    expect((await postForm(server.url, "/oauth/introspect", { token: issued }, otherAuth)).body).toEqual({
      active: false,
    });
    // Another client's revocation leaves the token alone (and answers the same).
    expect((await postForm(server.url, "/oauth/revoke", { token: issued }, otherAuth)).status).toBe(200);
    expect((await postForm(server.url, "/oauth/introspect", { token: issued }, auth)).body.active).toBe(true);

    expect((await postForm(server.url, "/oauth/revoke", { token: issued }, auth)).status).toBe(200);
    expect((await postForm(server.url, "/oauth/introspect", { token: issued }, auth)).body).toEqual({
      active: false,
    });
    expect((await postForm(server.url, "/oauth/revoke", { token: "not-a-token" }, auth)).status).toBe(200);
    const unauthenticated = await postForm(server.url, "/oauth/revoke", { token: issued });
    expect([unauthenticated.status, unauthenticated.body.error]).toEqual([401, "invalid_client"]);
  });
});
