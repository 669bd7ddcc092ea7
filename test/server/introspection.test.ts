import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../schema/core/config.js";
import { registerAdmin, registerUser } from "../support/accounts.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { overWebSocket } from "./websocket.js";

const SCHEMA = `{ __schema { queryType { name } } }`;
const TYPE = `{ __type(name: "User") { name } }`;

/** Whether the server serves GraphiQL to a browser. */
async function servesGraphiQL(server: TestServer) {
  const response = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
  return response.status === 200 && (response.headers.get("content-type") ?? "").startsWith("text/html");
}

describe("GRAPHQL_INTROSPECTION's defaults", () => {
  it("is on outside production and admins in production; GraphiQL follows", () => {
    expect(loadConfig({ NODE_ENV: "development" })).toMatchObject({ introspection: "on", graphiql: true });
    const production = { NODE_ENV: "production", PAYOUT_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64") };
    expect(loadConfig(production)).toMatchObject({ introspection: "admins", graphiql: false });
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: "on" })).toMatchObject({ graphiql: true });
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: "sometimes" })).toThrow(/GRAPHQL_INTROSPECTION/);
  });
});

describe("in production, by default (admins)", () => {
  let server: TestServer;
  let staffToken: string;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production" });
    staffToken = (await registerUser(server)).token;
  });
  afterAll(() => server.close());

  it("refuses the schema to anonymous and non-admin callers with FORBIDDEN", async () => {
    for (const token of [null, staffToken]) {
      for (const query of [SCHEMA, TYPE]) {
        const result = await server.request(query, undefined, token);
        expect(result.status).toBe(403);
        expect(errorCode(result)).toBe("FORBIDDEN");
        expect(result.errors?.[0]?.message).toMatch(/Only admins may query the schema/);
        expect(result.data).toBeUndefined();
      }
    }
  });

  it("answers an admin's introspection, and anyone's __typename", async () => {
    const admin = await server.loginAdmin();
    expect((await server.request(SCHEMA, undefined, admin)).data).toEqual({
      __schema: { queryType: { name: "Query" } },
    });
    expect((await server.request(TYPE, undefined, admin)).data).toEqual({ __type: { name: "User" } });
    expect((await server.request(`{ __typename }`)).data).toEqual({ __typename: "Query" });
  });

  it("decides on the viewer as they are now: an admin whose role was taken away elsewhere is refused", async () => {
    const admin = await registerAdmin(server);
    expect((await server.request(SCHEMA, undefined, admin.token)).data).toEqual({
      __schema: { queryType: { name: "Query" } },
    });
    await admin.demote();
    const refused = await server.request(SCHEMA, undefined, admin.token);
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(refused.data).toBeUndefined();
  });

  it("refuses the schema over WebSocket, where no viewer is known when it is validated", async () => {
    const refused = await overWebSocket(server, SCHEMA, await server.loginAdmin());
    expect(refused.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(await overWebSocket(server, `{ __typename }`)).toEqual({ data: { __typename: "Query" } });
  });

  it("does not serve GraphiQL", async () => {
    expect(await servesGraphiQL(server)).toBe(false);
  });
});

describe("in production with GRAPHQL_INTROSPECTION=on", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production", GRAPHQL_INTROSPECTION: "on" });
  });
  afterAll(() => server.close());

  it("answers anyone's introspection and serves GraphiQL", async () => {
    expect((await server.request(SCHEMA)).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    expect(await servesGraphiQL(server)).toBe(true);
  });
});

describe("with GRAPHQL_INTROSPECTION=off", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ GRAPHQL_INTROSPECTION: "off" });
  });
  afterAll(() => server.close());

  it("refuses the schema even to an admin, as a validation failure", async () => {
    const result = await server.request(SCHEMA, undefined, await server.loginAdmin());
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
