import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import compression from "compression";
import cors from "cors";
import { sql } from "drizzle-orm";
import express, { type Express } from "express";
import type { GraphQLSchema } from "graphql";
import type { Database } from "../db/connection.js";
import { originOfApiClient } from "../schema/apiaccess/clients.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import { buildSchema, MONEY_MUTATIONS } from "../schema/index.js";
import { downloadContractDocument } from "../schema/organizations/contracts.js";
import { downloadReport } from "../schema/reports/index.js";
import { downloadIrbDocument } from "../schema/trials/index.js";
import { createContext } from "./context.js";
import { costLimit } from "./cost.js";
import {
  answerErrors,
  answerNotFound,
  formatError,
  logUnexpected,
  logUnexpectedErrors,
  readJsonBody,
} from "./errors.js";
import { compiledExecution, forgetPlannedData, splicePlannedData } from "./executor.js";
import { serveFile } from "./files.js";
import { serveGraphiQL } from "./graphiql.js";
import { carriedFailure, httpLayer, type Step } from "./http-layer.js";
import { inputHygiene } from "./input-hygiene.js";
import { introspectionOptions, webSocketIntrospectionRules } from "./introspection.js";
import { keptAnswers } from "./kept-answers.js";
import { armor, MAX_TOKENS, oneCredentialCheckPerRequest, oneMoneyMutationPerKey } from "./limits.js";
import { accessLog, type Logger } from "./logger.js";
import { createMetrics, type Metrics, recordOperations } from "./metrics.js";
import { logApiRequests, machineAuthentication, serveOAuth } from "./oauth.js";
import { chargeOperation, RATE_LIMIT_HEADERS, type RateLimits, rateLimits } from "./rate-limits.js";
import { describeResponse } from "./response-extensions.js";
import { restRouter } from "./rest.js";
import { serveSubscriptions } from "./subscriptions.js";
import { recordRequests } from "./telemetry.js";
import {
  admitDocument,
  loadTrustedDocuments,
  sentIn,
  type TrustedDocuments,
  trustedDocumentsPlugin,
} from "./trusted-documents.js";
import { startWorker, type Worker } from "./worker.js";

export interface App {
  url: string;
  /** GET /metrics on its own port (METRICS_PORT); null when served on the API's port, or not at all. */
  metricsUrl: string | null;
  close: () => Promise<void>;
}

interface AppDeps {
  config: Config;
  db: Database;
  log: Logger;
  /** The database's URL, for the job worker (graphile-worker keeps its own pool); no worker without it. */
  databaseUrl?: string;
}

/**
 * The API on `host:port`: GraphQL over HTTP and WebSocket, downloads, health checks, and the job worker (WORKER=on;
 * WORKER=off leaves jobs to other processes, WORKER=only serves no API: startWorkerOnly).
 */
export async function startApp(deps: AppDeps, port: number, host: string): Promise<App> {
  if (deps.config.WORKER === "only") return startWorkerOnly(deps, port, host);
  const { config, db, log } = deps;
  const app = express();
  app.disable("x-powered-by");
  // No ETag computed from every body: GraphQL answers are POSTs no client revalidates, and hashing a 300 KB
  // dashboard cost as much as sending it. Downloads set their own.
  app.disable("etag");
  const httpServer = http.createServer();
  const schema = buildSchema();
  const limits = armor(config);
  // Read once at start from the committed file: every process trusts the same documents, none caches any other.
  const trusted = loadTrustedDocuments();
  // Subscriptions (graphql-ws) share the port, the path /graphql, the shielded schema and the limits.
  const subscriptions = serveSubscriptions({
    httpServer,
    schema,
    config,
    db,
    log,
    trusted,
    validationRules: [...limits.validationRules, ...webSocketIntrospectionRules(config)],
  });
  const rates = deps.databaseUrl ? rateLimits(config, deps.databaseUrl, log) : null;
  if (!rates) log.warn("no database URL given: this process applies no rate limits");
  const kept = keptAnswers({ config, db, schema });
  const apollo = createApollo(deps, schema, limits, rates, httpServer, trusted, kept.plugin);
  await apollo.start();
  const worker = await startJobs(deps);
  const metrics = await createMetrics(deps);
  route(app, { ...deps, rates, metrics, trusted }, apollo);
  // A kept answer is given before Express; anything else, Express routes.
  httpServer.on("request", httpLayer([...layerSteps({ ...deps, metrics }), kept.answer], app));
  const served = await listen(httpServer, port, host, async () => {
    // The worker is told first, at once: whatever its connections do from now on is the shutdown's doing.
    const workerStopped = worker?.stop();
    await subscriptions.close();
    await apollo.stop();
    await Promise.all([workerStopped, rates?.close(), metrics?.close()]);
  });
  return { ...served, metricsUrl: metrics?.url ?? null };
}

/**
 * WORKER=only: a process that runs background jobs and serves nothing but its health checks (and metrics), for the
 * orchestrator to watch it; no GraphQL, no GraphiQL, no downloads.
 */
async function startWorkerOnly(deps: AppDeps, port: number, host: string): Promise<App> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(httpLayer([assignRequestId], app));
  const worker = await startJobs(deps);
  const metrics = await createMetrics(deps);
  app.use(carriedFailure);
  serveHealth(app, deps);
  metrics?.serve(app);
  app.use(answerNotFound);
  app.use(answerErrors(deps.log));
  const served = await listen(httpServer, port, host, async () => {
    const workerStopped = worker?.stop();
    httpServer.closeIdleConnections();
    await new Promise<void>((resolve, reject) =>
      httpServer.close((error) => (error ? reject(error) : resolve())),
    );
    await Promise.all([workerStopped, metrics?.close()]);
  });
  return { ...served, metricsUrl: metrics?.url ?? null };
}

/** Apollo over the shielded schema: armor's limits, the cost limit and rate limits, CSRF prevention, GRAPHQL_INTROSPECTION, errors hidden and logged. */
function createApollo(
  { config, log }: AppDeps,
  schema: GraphQLSchema,
  limits: ReturnType<typeof armor>,
  rates: RateLimits | null,
  httpServer: http.Server,
  trusted: TrustedDocuments,
  keptAnswers: ApolloServerPlugin<Context>,
) {
  const introspection = introspectionOptions(config);
  return new ApolloServer<Context>({
    gateway: compiledExecution(schema),
    ...limits,
    introspection: introspection.introspection,
    parseOptions: { maxTokens: MAX_TOKENS },
    csrfPrevention: true,
    // Apollo's APQ registers any document in a per-process cache: trusted documents replace it (trusted-documents.ts).
    persistedQueries: false,
    // main.ts stops the process on SIGINT/SIGTERM through App.close. Apollo's own handlers (installed unless
    // NODE_ENV is "test") would race it: they stop Apollo first, and Apollo's stop() never settles a second call
    // made while the first drains, so close() would wait on it forever.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      // First: it puts a trusted document in place of its id before any other plugin reads the request.
      trustedDocumentsPlugin(config.TRUSTED_DOCUMENTS, trusted),
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at run time.
      ...(limits.plugins as unknown as ApolloServerPlugin<Context>[]),
      costLimit(chargeOperation(rates)),
      oneCredentialCheckPerRequest,
      ...introspection.plugins,
      oneMoneyMutationPerKey(MONEY_MUTATIONS),
      inputHygiene,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Both hook every resolved field; we set no cache hints and report no traces.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      describeResponse(schema),
      // After the cost limit: it keeps the cost reported with the answer (kept-answers.ts).
      keptAnswers,
      recordOperations,
      logApiRequests(log),
      logUnexpectedErrors(log),
    ],
  });
}

/** Background jobs (outbox delivery, reminders, payouts) run in every process unless WORKER=off. */
async function startJobs({ config, log, databaseUrl }: AppDeps): Promise<Worker | null> {
  if (config.WORKER === "off") return null;
  if (databaseUrl) return startWorker({ databaseUrl, config, log });
  log.warn("no database URL given: background jobs are not run by this process");
  return null;
}

/**
 * What every request takes before it is answered (http-layer.ts): its id and its record (for its access line,
 * metrics and spans), its access line, its metrics, compression of the answer when the client takes it, and the CORS
 * policy for browsers.
 */
function layerSteps(deps: AppDeps & { metrics: Metrics | null }): Step[] {
  const compress = compression() as unknown as Step;
  const cors = corsPolicy(deps);
  return [
    assignRequestId,
    recordRequests,
    accessLog(deps.log),
    ...(deps.metrics ? [deps.metrics.countRequests] : []),
    // A client that takes no encoding gets none: compression's wrapping of the answer is then work for nothing.
    (req, res, next) => (req.headers["accept-encoding"] ? compress(req, res, next) : next()),
    // Seed 002's REST paths answer every origin themselves (restRouter); the rest follows the API's policy.
    (req, res, next) => (req.url?.startsWith("/rest/v1/") ? next() : cors(req, res, next)),
  ];
}

/** The HTTP routes, after the HTTP layer's steps: what none serves, or what fails, is answered as JSON. */
function route(
  app: Express,
  deps: AppDeps & { rates: RateLimits | null; metrics: Metrics | null; trusted: TrustedDocuments },
  apollo: ApolloServer<Context>,
) {
  app.use(carriedFailure);
  // GraphQL first: the routes are disjoint, and each one before it is matched against every GraphQL request.
  serveGraphQL(app, deps, apollo);
  app.use("/rest/v1", restRouter(deps));
  serveHealth(app, deps);
  deps.metrics?.serve(app);
  serveDownloads(app, deps);
  serveOAuth(app, deps);
  app.use(answerNotFound);
  app.use(answerErrors(deps.log));
}

const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * Which browser pages may call the API from another origin: those in CORS_ORIGINS (with it unset, outside
 * production, any page served from this machine: a dashboard's dev server on localhost:<port>), and those a live
 * API client lists in its allowedOrigins. Any other origin
 * gets no CORS headers, so its browser keeps the answer from it. Apollo's CSRF prevention still refuses the
 * requests a browser sends without asking first (no preflight): a GET, or a POST that is not JSON, without an
 * `apollo-require-preflight` (or other non-simple) header.
 */
function corsPolicy({ config, db }: AppDeps) {
  const allowed = (origin: string) =>
    config.corsOrigins
      ? config.corsOrigins.includes(origin)
      : !config.isProduction && LOCAL_ORIGIN.test(origin);
  return cors({
    // A partner's page on an origin one of its live API clients lists may call too (machineAuthentication then
    // refuses any other API client's token from it).
    origin: (origin, answer) => {
      if (origin === undefined) return answer(null, false);
      if (allowed(origin)) return answer(null, true);
      originOfApiClient(db, origin).then(
        (listed) => answer(null, listed),
        (error: Error) => answer(error),
      );
    },
    methods: ["GET", "POST"],
    allowedHeaders: [
      "Authorization",
      "Content-Type",
      "Idempotency-Key",
      "X-Request-Id",
      "apollo-require-preflight",
      "x-apollo-operation-name",
    ],
    exposedHeaders: ["X-Request-Id", ...RATE_LIMIT_HEADERS],
    maxAge: 600,
  });
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A well-formed X-Request-Id from the client is kept (to trace a call across systems); otherwise a new one. */
const assignRequestId: Step = (req, res, next) => {
  const given = req.headers["x-request-id"];
  const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
  next();
};

/** Liveness and readiness: the routes every process serves, a WORKER=only one included (startWorkerOnly). */
function serveHealth(app: Express, { db }: AppDeps) {
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    try {
      await db.execute(sql`SELECT 1`);
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "database unreachable" });
    }
  });
}

/**
 * Files behind the API's Bearer credentials, a person's session or an API client's access token; whether one serves
 * this caller is its area's decision.
 */
function serveDownloads(app: Express, deps: AppDeps & { rates: RateLimits | null }) {
  const files = { config: deps.config, db: deps.db, log: deps.log, rates: deps.rates };
  // An API client's token is found live here (401 when it is not); a person's session, by createContext.
  app.use("/files", machineAuthentication(files));
  app.get(
    "/files/contract-documents/:id",
    serveFile(files, "This document was not found.", async (ctx, id) => {
      const document = await downloadContractDocument(ctx.db, ctx.access, id);
      return document && { ...document, body: document.data, etag: document.sha256 };
    }),
  );
  app.get(
    "/files/irb-documents/:id",
    serveFile(files, "This document was not found.", async (ctx, id) => {
      const document = await downloadIrbDocument(ctx.db, ctx.access, id);
      return document && { ...document, body: document.data, etag: document.sha256 };
    }),
  );
  app.get(
    "/files/reports/:token",
    serveFile(files, "This report link was not found or has expired.", downloadReport),
  );
}

/**
 * GraphiQL for a browser opening the page (where config.graphiql allows it), with or without `?query=`: a browser
 * asks for HTML first, an API client for JSON (or anything, which is JSON too). And GraphQL over HTTP.
 */
function serveGraphQL(
  app: Express,
  { config, db, log, rates, trusted }: AppDeps & { rates: RateLimits | null; trusted: TrustedDocuments },
  apollo: ApolloServer<Context>,
) {
  if (config.graphiql)
    app.get("/graphql", (req, res, next) => {
      const browsing =
        req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
      if (browsing) serveGraphiQL(req, res, next);
      else next();
    });
  app.use(
    "/graphql",
    machineAuthentication({ config, db, rates }),
    readJsonBody(),
    (_req, res, next) => {
      // A query answered by a read plan has its data spliced in as text (executor.ts).
      const requestId = res.locals.requestId as string;
      const send = res.send.bind(res);
      res.send = (body) => send(typeof body === "string" ? splicePlannedData(requestId, body) : body);
      res.on("close", () => forgetPlannedData(requestId));
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        let context: Context;
        try {
          context = await createContext(
            { config, db },
            {
              authorization: req.get("authorization"),
              requestId,
              idempotencyKey: req.get("idempotency-key"),
              machine: res.locals.machine,
              ip: req.ip,
              // A planned read checks the viewer in its own statement; anything else, before it runs (executor.ts).
              remembered: true,
            },
          );
        } catch (error) {
          // Apollo answers it (as INTERNAL_SERVER_ERROR) without a context, so without the request id: log it here.
          logUnexpected(log, requestId, error);
          throw error;
        }
        // TRUSTED_DOCUMENTS: a refusal thrown here is answered as it is (HTTP 400 and its code), nothing parsed.
        await admitDocument(config.TRUSTED_DOCUMENTS, trusted, sentIn(req), context);
        return context;
      },
    }),
  );
}

async function listen(httpServer: http.Server, port: number, host: string, close: () => Promise<void>) {
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address() as AddressInfo;
  return { url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`, close };
}
