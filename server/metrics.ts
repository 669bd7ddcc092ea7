import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ApolloServerPlugin } from "@apollo/server";
import { sql } from "drizzle-orm";
import express, { type Express, type Request, type RequestHandler, type Response } from "express";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../db/connection.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import type { Step } from "./http-layer.js";
import type { Logger } from "./logger.js";
import { currentRequest, pool, type RequestRecord, routeLabel } from "./telemetry.js";

export interface Metrics {
  /** Counts each request as it is answered (after recordRequests). */
  countRequests: Step;
  /** Serves GET /metrics on the API's port (METRICS_TOKEN without METRICS_PORT). */
  serve: (app: Express) => void;
  /** Where the separate listener (METRICS_PORT) serves /metrics; null when it is on the API's port. */
  url: string | null;
  close: () => Promise<void>;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Callers name their operations: the first `limit` distinct names are labels, any later one (or one that is not
 * a GraphQL name) is counted as "other", so a caller cannot grow the series without bound.
 */
function operationLabels(limit: number) {
  const seen = new Set<string>();
  return (record: RequestRecord) => {
    const name = record.operation;
    if (name === undefined) return "unresolved";
    if (seen.has(name)) return name;
    if (name === "anonymous" || (GRAPHQL_NAME.test(name) && seen.size < limit)) {
      seen.add(name);
      return name;
    }
    return "other";
  };
}

/**
 * Prometheus metrics (prom-client, its own registry per app): requests by operation and outcome, latency, SQL
 * statements per request, this process's pool, the job queue and payments by status (read from the database when
 * scraped), and Node's own (event-loop lag, GC, memory). Null when neither METRICS_TOKEN nor METRICS_PORT is set.
 */
export async function createMetrics(deps: {
  config: Config;
  db: Database;
  log: Logger;
}): Promise<Metrics | null> {
  const { config, db, log } = deps;
  if (!config.METRICS_TOKEN && config.METRICS_PORT === undefined) return null;
  const registers = [new Registry()];
  const [registry] = registers as [Registry];
  collectDefaultMetrics({ register: registry });
  const operationLabel = operationLabels(config.METRICS_OPERATION_NAMES);

  const graphqlRequests = new Counter({
    name: "mural_graphql_requests_total",
    help: 'GraphQL requests over HTTP by operation name and outcome ("ok", the first error\'s code, or HTTP_<status> when refused before GraphQL).',
    labelNames: ["operation", "outcome"],
    registers,
  });
  const graphqlDuration = new Histogram({
    name: "mural_graphql_request_duration_seconds",
    help: "Time to answer a GraphQL request over HTTP, by operation name.",
    labelNames: ["operation"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const httpDuration = new Histogram({
    name: "mural_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route and status.",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const statementsPerRequest = new Histogram({
    name: "mural_sql_statements_per_request",
    help: "SQL statements an HTTP request sent (a transaction's begin and commit included), by route and GraphQL operation.",
    labelNames: ["route", "operation"],
    buckets: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers,
  });
  new Gauge({
    name: "mural_db_pool_size",
    help: "Connections this process's pool may open (DATABASE_POOL_SIZE).",
    registers,
    collect() {
      this.set(config.DATABASE_POOL_SIZE);
    },
  });
  new Gauge({
    name: "mural_db_pool_in_use",
    help: "Connections of this process's pool busy: transactions open and statements outside one not yet answered (at most the pool's size).",
    registers,
    collect() {
      this.set(Math.min(pool.transactions + pool.statements, config.DATABASE_POOL_SIZE));
    },
  });
  new Gauge({
    name: "mural_db_pool_waiting",
    help: "Transactions and statements of this process beyond its pool's size, waiting for a connection.",
    registers,
    collect() {
      this.set(Math.max(0, pool.transactions + pool.statements - config.DATABASE_POOL_SIZE));
    },
  });
  new Gauge({
    name: "mural_job_queue_depth",
    help: "Background jobs by task and state: waiting (due or scheduled), running (locked by a worker), failed (no attempts left).",
    labelNames: ["task", "state"],
    registers,
    async collect() {
      this.reset();
      for (const row of await scrape(log, () => jobQueue(db)))
        for (const state of ["waiting", "running", "failed"] as const)
          this.set({ task: row.task, state }, row[state]);
    },
  });
  new Gauge({
    name: "mural_job_queue_oldest_age_seconds",
    help: "How long the oldest due job of each task has waited past its run time (0: none waiting).",
    labelNames: ["task"],
    registers,
    async collect() {
      this.reset();
      for (const row of await scrape(log, () => jobQueue(db))) this.set({ task: row.task }, row.oldest);
    },
  });
  new Gauge({
    name: "mural_payments",
    help: "Payments by status (pending, unclaimed, claimed, paid, failed, rejected).",
    labelNames: ["status"],
    registers,
    async collect() {
      this.reset();
      for (const row of await scrape(log, () => paymentsByStatus(db)))
        this.set({ status: row.status }, row.count);
    },
  });

  const countRequests: Step = (req, res, next) => {
    res.once("finish", () => {
      const record = res.locals.record as RequestRecord | undefined;
      if (!record) return;
      const seconds = (performance.now() - record.startedAt) / 1000;
      const route = routeLabel(req, record);
      const status = String(res.statusCode);
      httpDuration.observe({ method: req.method ?? "", route, status }, seconds);
      const graphql = route === "/graphql";
      const operation = graphql ? operationLabel(record) : "";
      statementsPerRequest.observe({ route, operation }, record.statements);
      if (!graphql) return;
      graphqlRequests.inc({ operation, outcome: record.outcome ?? `HTTP_${status}` });
      graphqlDuration.observe({ operation }, seconds);
    });
    next();
  };

  const answer = requireToken(config.METRICS_TOKEN, async (_req, res) => {
    res.set("Content-Type", registry.contentType).send(await registry.metrics());
  });
  let separate: http.Server | null = null;
  if (config.METRICS_PORT !== undefined) {
    const app = express();
    app.disable("x-powered-by");
    app.get("/metrics", answer);
    separate = http.createServer(app);
    const server = separate;
    await new Promise<void>((resolve) => server.listen(config.METRICS_PORT, config.METRICS_HOST, resolve));
  }
  const address = separate?.address() as AddressInfo | undefined;
  return {
    countRequests,
    url: address
      ? `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}/metrics`
      : null,
    serve: (app) => {
      if (!separate) app.get("/metrics", answer);
    },
    close: async () => {
      await new Promise<void>((resolve) => (separate ? separate.close(() => resolve()) : resolve()));
    },
  };
}

/** Only a caller with the token (when one is set) gets the metrics; the comparison takes the same time for any guess. */
function requireToken(
  token: string | undefined,
  handler: (req: Request, res: Response) => Promise<void>,
): RequestHandler {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return (req, res, next) => {
    const given = Buffer.from(req.get("authorization") ?? "");
    if (expected && !(given.length === expected.length && timingSafeEqual(given, expected))) {
      res
        .status(401)
        .set("WWW-Authenticate", 'Bearer realm="metrics"')
        .json({
          errors: [
            { message: "The metrics need their Bearer token.", extensions: { code: "UNAUTHENTICATED" } },
          ],
        });
      return;
    }
    handler(req, res).catch(next);
  };
}

/** A scrape-time query; if it fails, its metric is left out of this scrape, and the failure logged. */
async function scrape<T>(log: Logger, read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    log.warn("metrics: a scrape-time query failed", { error });
    return [];
  }
}

interface QueueRow {
  task: string;
  waiting: number;
  running: number;
  failed: number;
  oldest: number;
}

/** graphile-worker's queue, read from its tables (one grouped scan, each task graphile-worker has seen). */
async function jobQueue(db: Database): Promise<QueueRow[]> {
  return (await db.execute(sql`
    SELECT t.identifier AS task,
      count(j.id) FILTER (WHERE j.is_available)::int AS waiting,
      count(j.id) FILTER (WHERE j.locked_at IS NOT NULL)::int AS running,
      count(j.id) FILTER (WHERE j.locked_at IS NULL AND j.attempts >= j.max_attempts)::int AS failed,
      coalesce(extract(epoch FROM now() - min(j.run_at) FILTER (WHERE j.is_available AND j.run_at <= now())), 0)::float8
        AS oldest
    FROM graphile_worker._private_tasks t
    LEFT JOIN graphile_worker._private_jobs j ON j.task_id = t.id
    GROUP BY t.identifier`)) as unknown as QueueRow[];
}

async function paymentsByStatus(db: Database): Promise<{ status: string; count: number }[]> {
  return (await db.execute(
    sql`SELECT status, count(*)::int AS count FROM payments GROUP BY status`,
  )) as unknown as { status: string; count: number }[];
}

/**
 * Fills the request's record with what GraphQL learnt: the operation's name (or "anonymous"), the outcome ("ok" or
 * the first error's code, as answered) and who asked, for its access line and metrics.
 */
export const recordOperations: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ operationName, operation, response, contextValue }) {
        const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
        recordAnswer(
          currentRequest(),
          operation ? (operationName ?? "anonymous") : undefined,
          errors,
          contextValue,
        );
      },
    };
  },
};

/** Writes a GraphQL answer into the request's record (recordOperations; kept-answers.ts answers without Apollo). */
export function recordAnswer(
  record: RequestRecord | undefined,
  operation: string | undefined,
  errors: readonly { extensions?: Record<string, unknown> }[] | undefined,
  who: Pick<Context, "viewer" | "machine"> | undefined,
) {
  if (!record) return;
  if (operation) record.operation = operation;
  record.outcome = errors?.length ? String(errors[0]?.extensions?.code ?? "INTERNAL_SERVER_ERROR") : "ok";
  record.userId = who?.viewer?.userId;
  record.apiClientId = who?.machine?.apiClientId;
}
