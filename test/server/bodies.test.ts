import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.js";

const JSON_TYPE = { "content-type": "application/json" };
const query = (extra = "") => `{"query":"{ __typename }"${extra}}`;

/** Bodies express cannot read, each with the status it earns. */
const UNREADABLE: [string, RequestInit, number][] = [
  ["malformed JSON", { headers: JSON_TYPE, body: '{"query": "{ ping }"' }, 400],
  ["a null body", { headers: JSON_TYPE, body: "null" }, 400],
  ["a string body", { headers: JSON_TYPE, body: '"{ ping }"' }, 400],
  [
    "invalid UTF-8",
    {
      headers: JSON_TYPE,
      body: Buffer.concat([Buffer.from(query(',"x":"')), Buffer.from([0xff, 0xc3]), Buffer.from('"}')]),
    },
    400,
  ],
  ["a broken gzip body", { headers: { ...JSON_TYPE, "content-encoding": "gzip" }, body: "not gzip" }, 400],
  [
    "an unknown charset",
    { headers: { "content-type": "application/json; charset=latin-1" }, body: query() },
    415,
  ],
  ["a body over 15 MB", { headers: JSON_TYPE, body: query(`,"x":"${"a".repeat(15 * 1024 * 1024)}"`) }, 413],
];

describe.each(["development", "test", "production"])("with NODE_ENV=%s", (NODE_ENV) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV });
  });
  afterAll(() => server.close());

  it.each(UNREADABLE)("answers %s with a JSON BAD_REQUEST and no stack", async (_what, init, status) => {
    const response = await fetch(`${server.url}/graphql`, { method: "POST", ...init });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await response.text();
    expect(text).not.toMatch(/stack|\bat .*\.(js|ts):\d+/);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: "BAD_REQUEST" } }],
      extensions: { requestId: response.headers.get("x-request-id") },
    });
  });

  it("still reads a well-formed body, compressed or not", async () => {
    for (const init of [
      { headers: JSON_TYPE, body: query() },
      { headers: { ...JSON_TYPE, "content-encoding": "gzip" }, body: gzipSync(query()) },
    ]) {
      const response = await fetch(`${server.url}/graphql`, { method: "POST", ...init });
      expect(await response.json()).toMatchObject({ data: { __typename: "Query" } });
    }
  });

  it("answers an unknown address with a JSON NOT_FOUND", async () => {
    const response = await fetch(`${server.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
  });
});
