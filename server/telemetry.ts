import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage } from "node:http";
import { type Attributes, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { StatementObserver } from "../db/observe.js";
import type { Step } from "./http-layer.js";

/**
 * What is known of one HTTP request as it is answered, for its access line, its metrics and its spans: filled in
 * by the layers that learn it (the GraphQL operation and outcome, who asked, the statements it sent).
 */
export interface RequestRecord {
  requestId: string;
  /** The GraphQL operation's name (unbounded: the caller chose it), "anonymous", or undefined outside GraphQL. */
  operation?: string;
  /** "ok", or the first error's code, for a GraphQL request. */
  outcome?: string;
  userId?: string;
  apiClientId?: string;
  statements: number;
  startedAt: number;
  /** Answered by a kept statement before Express and Apollo (kept-answers.ts). */
  kept?: true;
  /** The route that answered it before Express did (a kept answer's, /graphql); else Express's match tells. */
  route?: string;
}

const requests = new AsyncLocalStorage<RequestRecord>();

/** The record of the request whose work is running, if any. */
export const currentRequest = () => requests.getStore();

/**
 * Opens a request's record (after its id is assigned) and runs the rest of its handling inside it, so statements
 * are counted against the request that sent them. The request's HTTP span (when tracing) carries its id.
 */
export const recordRequests: Step = (_req, res, next) => {
  const record: RequestRecord = {
    requestId: res.locals.requestId as string,
    statements: 0,
    startedAt: performance.now(),
  };
  res.locals.record = record;
  if (tracing.on) trace.getActiveSpan()?.setAttribute(REQUEST_ID_ATTRIBUTE, record.requestId);
  requests.run(record, next);
};

export const REQUEST_ID_ATTRIBUTE = "request.id";

/** Whether spans are made: set once tracing has started (OTEL_EXPORTER_OTLP_ENDPOINT), and otherwise nothing is. */
export const tracing = { on: false };

const tracer = () => trace.getTracer("mural-link");

/** `fn` inside a span named `name` (as the active one, so what it starts nests beneath it), when tracing. */
export function inSpan<T>(name: string, attributes: Attributes, fn: () => Promise<T>): Promise<T> {
  if (!tracing.on) return fn();
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn();
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

function failed(span: Span, error: unknown) {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
}

/** This process's pool as its own statements see it (postgres.js keeps its queues to itself). */
export const pool = {
  /** Transactions holding a connection. */
  transactions: 0,
  /** Statements sent outside a transaction and not yet answered. */
  statements: 0,
};

/**
 * Passed to `connect`: counts each statement against the current request (a transaction's begin and commit
 * included), keeps `pool`, and, when tracing, makes each statement a client span under the active span. A span
 * holds the statement's text (placeholders, never values).
 */
export const observeDatabase: StatementObserver = {
  statement(text, inTransaction) {
    const record = requests.getStore();
    if (record) record.statements++;
    if (!inTransaction) pool.statements++;
    const span = tracing.on
      ? tracer().startSpan(statementName(text), {
          kind: SpanKind.CLIENT,
          attributes: { "db.system.name": "postgresql", "db.query.text": text },
        })
      : null;
    return (error) => {
      if (!inTransaction) pool.statements--;
      if (span) {
        if (error) failed(span, error);
        span.end();
      }
    };
  },
  transaction() {
    const record = requests.getStore();
    if (record) record.statements += 2;
    pool.transactions++;
    return () => {
      pool.transactions--;
    };
  },
};

/** A statement's span name: its first keyword (SELECT, INSERT, …), as OpenTelemetry's database spans are named. */
const statementName = (text: string) => /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? "SQL";

/** A request as Express leaves it once routed (none of this is set on one answered before Express). */
type Routed = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string; originalUrl?: string };

/** The pattern of the route that answered, with its mount: the HTTP layer's (RequestRecord.route) or Express's. */
function routePattern(req: Routed, record: RequestRecord | undefined): string | undefined {
  if (record?.route) return record.route;
  const pattern = req.route?.path;
  return typeof pattern === "string" ? `${req.baseUrl ?? ""}${pattern}` : undefined;
}

/**
 * A request's route for its access line and metrics: the pattern it matched (so `/files/reports/:token`, never the
 * token), else its path (at most 100 characters; the query string, which may carry anything, is left out).
 */
export function routeOf(req: Routed, record: RequestRecord | undefined): string {
  return routePattern(req, record) ?? ((req.originalUrl ?? req.url ?? "").split("?")[0] ?? "").slice(0, 100);
}

/** A request's route as a metric label, from a bounded set: its pattern, the mount it was answered under, or "unmatched". */
export function routeLabel(req: Routed, record: RequestRecord | undefined): string {
  return routePattern(req, record) ?? (req.baseUrl || "unmatched");
}
