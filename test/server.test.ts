import { readFile } from "node:fs/promises";
import { printSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPothosSchema } from "../schema/index.js";
import { graphql } from "./graphql/index.js";
import { errorCode, startTestServer, type TestServer } from "./support/server.js";

const Typename = graphql(`query ServerTypename { __typename }`);
const Ping = graphql(`query ServerPing { ping }`);
const MyEmail = graphql(`query ServerMyEmail { me { email } }`);
const Node = graphql(`query ServerNode($id: ID!) { node(id: $id) { id } }`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("HTTP surface", () => {
  it("answers health and readiness", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: "ready" });
  });

  it("serves GraphiQL with no assets from the internet", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Mural Link");
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/i);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/i);
  });

  it("answers { __typename } and carries a request id in the header and extensions", async () => {
    const result = await server.request(Typename);
    expect(result.data).toEqual({ __typename: "Query" });
    const requestId = result.headers.get("x-request-id");
    expect(requestId).toBeTruthy();
    expect(result.extensions?.requestId).toBe(requestId);
    expect(result.extensions?.viewer).toBeNull();
  });

  it("says who asked in extensions.viewer, the user type as the schema's UserType enum writes it", async () => {
    const token = await server.loginAdmin();
    const result = await server.request(MyEmail, {}, token);
    expect(result.extensions?.viewer).toEqual({
      userType: "STAFF",
      roles: ["Mural Admin"],
      impersonating: false,
    });
  });

  it("keeps a well-formed request id the client sends", async () => {
    const result = await server.request(Ping, {}, null, {
      "x-request-id": "client-trace-123456",
    });
    expect(result.headers.get("x-request-id")).toBe("client-trace-123456");
    expect(result.extensions?.requestId).toBe("client-trace-123456");
  });

  it("refuses a GET query without a CSRF-safe header", async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ ping }")}`);
    expect(response.status).toBe(400);
  });
});

describe("protection", () => {
  it("schema.graphql matches the code (run npm run codegen)", async () => {
    const committed = await readFile(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(committed.trim()).toBe(printSchema(buildPothosSchema()).trim());
  });

  it("gives no stack traces (field suggestions: server/limits.test.ts)", async () => {
    // A misspelt field, on purpose: no typed document can hold it.
    const result = await server.request(`{ pin }`);
    expect(result.status).toBe(400);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it("closes fields to anonymous callers with UNAUTHENTICATED", async () => {
    const result = await server.request(MyEmail);
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
    expect(result.data).toBeNull();
  });

  it("refuses queries deeper than the limit", async () => {
    const ofTypes = (n: number) => `${"ofType { ".repeat(n)}name${" }".repeat(n)}`;
    const allowed = await server.request(`{ __type(name: "User") { fields { type { ${ofTypes(3)} } } } }`);
    expect(allowed.errors).toBeUndefined();
    const tooDeep = await server.request(`{ __type(name: "User") { fields { type { ${ofTypes(14)} } } } }`);
    expect(tooDeep.status).toBe(400);
    expect(errorCode(tooDeep)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("refuses more aliases than the limit", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `p${i}: ping`).join(" ");
    const result = await server.request(`{ ${aliases} }`);
    expect(result.status).toBe(400);
  });

  it("counts aliases of __typename against the limit too", async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(" ");
    expect((await server.request(`{ ${aliases(15)} }`)).errors).toBeUndefined();
    const result = await server.request(`{ ${aliases(600)} }`);
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(result.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it("allows one login per request, whatever the aliases or fragments", async () => {
    // Hostile documents, sent as an attacker would write them.
    const aliased = await server.request(
      `mutation { a: login(input: {email: "x@example.com", password: "a"}) { token } b: login(input: {email: "x@example.com", password: "b"}) { token } }`,
    );
    expect(errorCode(aliased)).toBe("BAD_USER_INPUT");
    expect(aliased.errors?.[0]?.message).toMatch(/Only one login/);
    const viaFragments = await server.request(
      `mutation { ...A ...B } fragment A on Mutation { a: login(input: {email: "x@example.com", password: "a"}) { token } } fragment B on Mutation { b: login(input: {email: "x@example.com", password: "b"}) { token } }`,
    );
    expect(viaFragments.errors?.[0]?.message).toMatch(/Only one login/);
  });

  it("hides unexpected failures behind INTERNAL_SERVER_ERROR", async () => {
    // A global id that does not decode is a client error, not a crash.
    const result = await server.request(Node, { id: "not-a-global-id" });
    expect(JSON.stringify(result)).not.toMatch(/stack/i);
    expect(result.errors?.[0]?.extensions?.code).toBeDefined();
  });
});
