import { afterAll, beforeAll, expect, inject, it } from "vitest";
import type { Organization } from "../test/support/organizations.js";
import { type PgBouncer, startPgBouncer } from "../test/support/pgbouncer.js";
import { type ServerProcess, startServerProcess } from "../test/support/processes.js";
import { graphqlClient, startTestServer, type TestServer } from "../test/support/server.js";
import { fundedMilestone } from "./payments-fixture.js";

/**
 * Milestone payments per second, one server process straight to PostgreSQL beside three behind PgBouncer
 * (pool_mode=transaction, prepared statements off, DATABASE_DIRECT_URL for LISTEN and the queue), each a separate
 * `npm start` process with WORKER=off and DATABASE_POOL_SIZE=10, requests sent round robin over HTTP. PgBouncer
 * gets as many server connections (BENCH_PGBOUNCER_POOL, default 10) as the one direct process has, so the three
 * share what one had. Needs /usr/sbin/pgbouncer. BENCH_PAYMENTS (default 300) sets each single-payment
 * measurement; each batch one (payMilestones, 100 a request) makes five times as many.
 */
const PAY = `mutation Bench($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }`;
const PAY_ALL = `mutation BenchBatch($input: PayMilestonesInput!) {
  payMilestones(input: $input) { results { payment { id } error { code message } } }
}`;
const N = Number(process.env.BENCH_PAYMENTS ?? 300);
const POOL = Number(process.env.BENCH_PGBOUNCER_POOL ?? 10);
const BATCH = 100;
const MEASUREMENTS = [
  { mutation: "payMilestone", concurrency: 10, payments: N },
  { mutation: "payMilestone", concurrency: 30, payments: N },
  { mutation: "payMilestones", concurrency: 10, payments: 5 * N },
] as const;
const SETUPS = ["1 process, direct", "3 processes, PgBouncer"] as const;
const TOTAL = SETUPS.length * MEASUREMENTS.reduce((sum, m) => sum + m.payments, 0);
const STARTUP_MS = 120_000;

let server: TestServer;
let bouncer: PgBouncer;
let org: Organization;
let milestoneId: string;
let enrollmentIds: string[];
const started: ServerProcess[] = [];

beforeAll(async () => {
  server = await startTestServer();
  bouncer = await startPgBouncer(inject("adminDatabaseUrl"), POOL);
  ({ org, milestoneId, enrollmentIds } = await fundedMilestone(server, TOTAL));
}, 300_000);
afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  await bouncer?.stop();
  await server?.close();
});

async function start(count: number, env: Record<string, string>, databaseUrl: string) {
  const processes = await Promise.all(
    Array.from({ length: count }, () =>
      startServerProcess(databaseUrl, { WORKER: "off", DATABASE_POOL_SIZE: "10", ...env }, STARTUP_MS),
    ),
  );
  started.push(...processes);
  return processes;
}

/** Sends `requests` (each a list of enrollments to pay), `concurrency` at a time, round robin over `urls`. */
async function measure(
  urls: string[],
  mutation: "payMilestone" | "payMilestones",
  requests: string[][],
  concurrency: number,
  token: string,
) {
  const clients = urls.map((url) => graphqlClient(url));
  const queue = [...requests];
  const payments = requests.reduce((sum, r) => sum + r.length, 0);
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let ids = queue.shift(); ids; ids = queue.shift()) {
        const items = ids.map((enrollmentId) => ({ enrollmentId, milestoneId }));
        const single = mutation === "payMilestone";
        const client = clients[sent++ % clients.length]!;
        const result = await client.request<{ payMilestones?: { results: { error: unknown }[] } }>(
          single ? PAY : PAY_ALL,
          single ? { input: items[0] } : { input: { items } },
          token,
        );
        expect(result.errors).toBeUndefined();
        expect(result.data?.payMilestones?.results.filter((r) => r.error) ?? []).toEqual([]);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    mutation,
    concurrency,
    payments,
    perSecond: Math.round(payments / seconds),
    msEach: Number(((seconds * 1000) / payments).toFixed(2)),
  };
}

it("measures milestone payments per second: one process direct, three through PgBouncer", async () => {
  const token = await server.loginAdmin();
  const unpaid = [...enrollmentIds];
  const results = [];
  for (const setup of SETUPS) {
    const processes =
      setup === "1 process, direct"
        ? await start(1, {}, server.databaseUrl)
        : await start(3, { DATABASE_DIRECT_URL: server.databaseUrl }, bouncer.pooled(server.databaseUrl));
    const urls = processes.map((p) => p.url);
    for (const { mutation, concurrency, payments } of MEASUREMENTS) {
      const ids = unpaid.splice(0, payments);
      const size = mutation === "payMilestone" ? 1 : BATCH;
      const requests = Array.from({ length: Math.ceil(ids.length / size) }, (_, i) =>
        ids.slice(i * size, (i + 1) * size),
      );
      results.push({ setup, ...(await measure(urls, mutation, requests, concurrency, token)) });
    }
    // One setup at a time: the machine's cores go to the processes measured.
    await Promise.all(processes.map((p) => p.stop()));
  }
  console.table(results);
  const [paid] = await server.sql`SELECT count(*)::int AS n, sum(amount_minor)::text AS total FROM payments`;
  expect(paid).toEqual({ n: TOTAL, total: String(TOTAL * 5000) });
  const [contract] =
    await server.sql`SELECT committed_minor::text AS committed FROM contracts WHERE id = ${org.contract.id}`;
  expect(contract).toEqual({ committed: String(TOTAL * 5000) });
}, 900_000);
