import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it("answers a document that does not parse with HTTP 400 and a coded JSON error, never a 500", async () => {
  // Deliberately malformed documents: they cannot be typed.
  for (const query of ["{ me { email ", "query {", "}{", "mutation($x: ) { logout { loggedOut } }"]) {
    const result = await server.request(query);
    expect(result.status, query).toBe(400);
    expect(result.errors?.[0]?.extensions?.code, query).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
  }
});
