import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/eventually.js";
import { type ServerProcess, startServerProcess } from "../support/processes.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  graphqlClient,
  startTestServer,
  type TestServer,
} from "../support/server.js";

const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
const CLIENTS = `query Clients { apiClients(first: 5) { totalCount } }`;
const REQUEST_RESET = `mutation Reset($email: String!) { requestPasswordReset(input: { email: $email }) { accepted } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ METRICS_TOKEN });
});
afterAll(() => server.close());

const adminId = async () =>
  (await server.sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${ADMIN_EMAIL}`)[0]!.id;

/** The JSON lines of a log (a server's start-up banner is not one). */
const logLines = (text: string) =>
  text.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [];
    return [JSON.parse(line) as Record<string, unknown>];
  });

describe("the access log of `npm start`", () => {
  let api: ServerProcess;
  beforeAll(async () => {
    api = await startServerProcess(server.databaseUrl, { LOG_LEVEL: "info" });
  });
  afterAll(() => api.stop());

  it("has one line per request: method, path, operation, status, duration, request id, user id, and no secret", async () => {
    const client = graphqlClient(api.url);
    const token = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const requestId = `access-${randomUUID()}`;
    const answered = await client.request(CLIENTS, {}, token, { "x-request-id": requestId });
    expect(answered.errors).toBeUndefined();
    const reportToken = "some-report-token-0123456789";
    const download = await fetch(`${api.url}/files/reports/${reportToken}`, {
      headers: { authorization: `Bearer ${token}`, "x-request-id": `download-${requestId}` },
    });
    expect(download.status).toBe(404);

    const line = await eventually(() =>
      logLines(api.output()).find((e) => e.requestId === requestId && e.message === "request"),
    );
    expect(line).toEqual({
      time: expect.any(String),
      level: "info",
      message: "request",
      method: "POST",
      path: "/graphql",
      operation: "Clients",
      outcome: "ok",
      status: 200,
      durationMs: expect.any(Number),
      requestId,
      userId: await adminId(),
      statements: expect.any(Number),
    });
    expect(logLines(api.output()).filter((e) => e.requestId === requestId)).toHaveLength(1);
    const downloaded = await eventually(() =>
      logLines(api.output()).find((e) => e.requestId === `download-${requestId}`),
    );
    expect(downloaded).toMatchObject({ method: "GET", path: "/files/reports/:token", status: 404 });

    // The login's line is there too (its body held the password), and no line holds a credential or the address.
    const lines = logLines(api.output());
    expect(lines).toContainEqual(
      expect.objectContaining({ path: "/graphql", operation: "anonymous", outcome: "ok", status: 200 }),
    );
    const text = JSON.stringify(lines);
    for (const secret of [token, ADMIN_PASSWORD, ADMIN_EMAIL, reportToken])
      expect(text, `the log holds ${secret}`).not.toContain(secret);
  });
});

/** A sample's value in Prometheus text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const scrape = async (url: string, token: string | null = METRICS_TOKEN) => {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
};

describe("GET /metrics", () => {
  it("refuses a caller without the token", async () => {
    for (const token of [null, "wrong-token-for-tests-0123456789xx", `${METRICS_TOKEN}x`]) {
      const refused = await scrape(`${server.url}/metrics`, token);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.text).errors[0].extensions.code).toBe("UNAUTHENTICATED");
      expect(refused.text).not.toContain("mural_");
    }
  });

  it("counts requests by operation and outcome, their statements, and shows the pool and the job queue", async () => {
    const token = await server.loginAdmin();
    const before = await scrape(`${server.url}/metrics`);
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const ok = 'mural_graphql_requests_total{operation="Clients",outcome="ok"}';
    const counted = sample(before.text, ok) ?? 0;

    expect((await server.request(CLIENTS, {}, token)).errors).toBeUndefined();
    expect((await server.request(CLIENTS, {}, token)).errors).toBeUndefined();
    const denied = await server.request(CLIENTS);
    expect(denied.errors?.[0]?.extensions?.code).toBeDefined();
    await server.request(REQUEST_RESET, { email: ADMIN_EMAIL });
    await server.request("query Broken { nope");

    const after = await scrape(`${server.url}/metrics`);
    expect(sample(after.text, ok)).toBe(counted + 2);
    expect(
      sample(
        after.text,
        `mural_graphql_requests_total{operation="Clients",outcome="${denied.errors![0]!.extensions!.code}"}`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(
        after.text,
        'mural_graphql_requests_total{operation="unresolved",outcome="GRAPHQL_PARSE_FAILED"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(after.text, 'mural_graphql_request_duration_seconds_count{operation="Clients"}'),
    ).toBeGreaterThanOrEqual(3);
    const statements = 'mural_sql_statements_per_request_sum{route="/graphql",operation="Clients"}';
    expect(sample(after.text, statements)).toBeGreaterThan(sample(before.text, statements) ?? 0);
    expect(sample(after.text, "mural_db_pool_size")).toBe(server.config.DATABASE_POOL_SIZE);
    expect(sample(after.text, "mural_db_pool_in_use")).toBeGreaterThanOrEqual(0);
    expect(sample(after.text, "mural_db_pool_waiting")).toBe(0);
    // The reset's e-mail waits for a worker (none runs here).
    expect(
      sample(after.text, 'mural_job_queue_depth{task="deliver_notification",state="waiting"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(after.text, 'mural_job_queue_oldest_age_seconds{task="deliver_notification"}'),
    ).toBeGreaterThanOrEqual(0);
    expect(after.text).toContain("# TYPE mural_payments gauge");
    expect(after.text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
    expect(after.text).toContain("# TYPE nodejs_gc_duration_seconds histogram");
    expect(
      sample(
        after.text,
        'mural_http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}',
      ),
    ).toBeGreaterThanOrEqual(3);
  });

  it("shows payments by status", async () => {
    const counts = await server.sql<{ status: string; count: number }[]>`
      SELECT status, count(*)::int AS count FROM payments GROUP BY status`;
    const scraped = await scrape(`${server.url}/metrics`);
    for (const { status, count } of counts)
      expect(sample(scraped.text, `mural_payments{status="${status}"}`)).toBe(count);
  });
});

describe("GET /metrics on its own port", () => {
  let separate: TestServer;
  beforeAll(async () => {
    separate = await startTestServer({ METRICS_PORT: "0", METRICS_OPERATION_NAMES: "2" });
  });
  afterAll(() => separate.close());

  it("is served there only, and labels at most METRICS_OPERATION_NAMES operation names, the rest as other", async () => {
    expect(separate.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect((await fetch(`${separate.url}/metrics`)).status).toBe(404);
    for (const name of ["First", "Second", "Third", "Fourth", "First"])
      await separate.request(`query ${name} { __typename }`);
    const { status, text } = await scrape(separate.metricsUrl!, null);
    expect(status).toBe(200);
    const count = (operation: string) =>
      sample(text, `mural_graphql_requests_total{operation="${operation}",outcome="ok"}`);
    expect(count("First")).toBe(2);
    expect(count("Second")).toBe(1);
    expect(count("Third")).toBeUndefined();
    expect(count("other")).toBe(2);
  });
});
