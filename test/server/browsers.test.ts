import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../schema/core/config.js";
import { ADMIN_EMAIL, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A browser's preflight: may `origin` POST JSON with these headers? */
const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,idempotency-key",
    },
  });

const corsHeaders = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));

describe("CORS", () => {
  it("answers a preflight from a localhost page in development with the methods and headers it may use", async () => {
    const response = await preflight(server.url, "http://localhost:5173");
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET,POST");
    const allowed = response.headers.get("access-control-allow-headers")?.toLowerCase().split(",");
    expect(allowed).toEqual(
      expect.arrayContaining([
        "authorization",
        "content-type",
        "idempotency-key",
        "apollo-require-preflight",
      ]),
    );
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(response.headers.get("vary")).toMatch(/origin/i);
  });

  it("gives an allowed page the answer and its request id", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { origin: "http://127.0.0.1:3000", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ ping }" }),
    });
    expect(await response.json()).toMatchObject({ data: { ping: "pong" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    expect(response.headers.get("access-control-expose-headers")).toBe(
      "X-Request-Id,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset,Retry-After",
    );
  });

  it("gives any other origin no CORS headers, on the preflight or the request", async () => {
    for (const origin of [
      "https://evil.example",
      "http://localhost.evil.example",
      "https://localhost:5173",
    ]) {
      expect(corsHeaders(await preflight(server.url, origin)), origin).toEqual([]);
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify({ query: "{ ping }" }),
      });
      expect(corsHeaders(response), origin).toEqual([]);
    }
  });

  it("allows only CORS_ORIGINS when it is set, and no localhost page in production without it", async () => {
    const configured = await startTestServer({
      CORS_ORIGINS: "https://dashboard.example, https://admin.example:8443",
    });
    const production = await startTestServer({ NODE_ENV: "production" });
    try {
      for (const origin of ["https://dashboard.example", "https://admin.example:8443"]) {
        const response = await preflight(configured.url, origin);
        expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      }
      expect(corsHeaders(await preflight(configured.url, "http://localhost:5173"))).toEqual([]);
      expect(corsHeaders(await preflight(configured.url, "https://dashboard.example.evil"))).toEqual([]);
      expect(corsHeaders(await preflight(production.url, "http://localhost:5173"))).toEqual([]);
    } finally {
      await configured.close();
      await production.close();
    }
  });

  it("refuses a CORS_ORIGINS entry that is not an origin", () => {
    for (const entry of ["https://dashboard.example/app", "dashboard.example", "*"])
      expect(() => loadConfig({ CORS_ORIGINS: entry }), entry).toThrow(/CORS_ORIGINS/);
  });
});

describe("CSRF prevention still holds for requests a browser sends without a preflight", () => {
  const origin = "http://localhost:5173"; // an allowed origin: CORS does not lift it

  it("refuses a text/plain POST and a GET without a preflight header, and runs neither", async () => {
    const token = await server.loginAdmin();
    const logout = encodeURIComponent("mutation { logout { loggedOut } }");
    const post = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { origin, authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: JSON.stringify({ query: "mutation { logout { loggedOut } }" }),
    });
    const get = await fetch(`${server.url}/graphql?query=${logout}`, {
      headers: { origin, authorization: `Bearer ${token}`, accept: "application/json" },
    });
    for (const response of [post, get]) {
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
    }
    expect((await server.request(`{ me { email } }`, {}, token)).data).toEqual({
      me: { email: ADMIN_EMAIL },
    });
  });

  it("answers a GET that carries apollo-require-preflight", async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ ping }")}`, {
      headers: { origin, accept: "application/json", "apollo-require-preflight": "true" },
    });
    expect(await get.json()).toMatchObject({ data: { ping: "pong" } });
  });
});

describe("compression", () => {
  it("sends GraphiQL gzipped to a browser that takes it, plain to one that does not", async () => {
    const gzipped = await fetch(`${server.url}/graphql`, {
      headers: { accept: "text/html", "accept-encoding": "gzip" },
    });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    const size = Number(gzipped.headers.get("content-length"));
    const html = await gzipped.text(); // fetch gunzips it
    expect(html).toContain("<title>Mural Link</title>");
    expect(size).toBeLessThan(html.length / 3);
    const plain = await fetch(`${server.url}/graphql`, {
      headers: { accept: "text/html", "accept-encoding": "identity" },
    });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(html);
  });

  it("sends GraphiQL for a shared link (?query=) opened in a browser", async () => {
    const query = encodeURIComponent("{ ping }");
    const response = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("sends a GraphQL answer gzipped when asked", async () => {
    const request = (encoding: string) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-encoding": encoding },
        body: JSON.stringify({ query: "{ __schema { types { name description } } }" }),
      });
    const gzipped = await request("gzip");
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    const body = (await gzipped.json()) as { data: { __schema: { types: unknown[] } } };
    expect(body.data.__schema.types.length).toBeGreaterThan(50);
    expect((await request("identity")).headers.get("content-encoding")).toBeNull();
  });
});
