import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.js";
import { overWebSocket } from "./websocket.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("GraphQL over WebSocket refuses as HTTP does", () => {
  it("a malformed document with GRAPHQL_PARSE_FAILED (graphql-ws closed the socket)", async () => {
    const result = await overWebSocket(server, "{ ping");
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("an unknown field with GRAPHQL_VALIDATION_FAILED (suggestions: limits.test.ts)", async () => {
    const result = await overWebSocket(server, "{ pin }");
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("a document over the token limit", async () => {
    const result = await overWebSocket(server, `{ ${"ping ".repeat(2100)}}`);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(result.errors?.[0]?.message).toMatch(/token/i);
  });

  it("and still answers a good one", async () => {
    expect(await overWebSocket(server, "{ ping }")).toEqual({ data: { ping: expect.anything() } });
  });
});
