import type { GraphQLRequestContextDidResolveOperation } from "@apollo/server";
import { GraphQLError } from "graphql";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import type { Logger } from "./logger.js";

/** Whose budget a call spends: an API client's, or an IP address's when the caller has no session or token. */
export type Caller = { apiClientId: string } | { ip: string };

/** A charge's outcome: the RateLimit-* headers (and Retry-After when refused) every answer carries. */
export interface Verdict {
  refused: boolean;
  headers: Record<string, string>;
}

export interface RateLimits {
  /** Spends `points` of the caller's budget; refused when the budget does not cover them. */
  charge(caller: Caller, points: number): Promise<Verdict>;
  /** Whether the IP has spent its budget, without spending: checked before a client's credentials are. */
  exhausted(ip: string): Promise<Verdict | null>;
  close(): Promise<void>;
}

/**
 * Rate limits shared by every server process: rate-limiter-flexible's PostgreSQL store over the `rate_limits` table
 * (created by a migration). Each caller has a fixed window of API_RATE_WINDOW_SECONDS from its first call: an API
 * client API_RATE_POINTS, an IP without a session or token ANONYMOUS_RATE_POINTS. People's sessions are not limited.
 */
export function rateLimits(config: Config, databaseUrl: string, log: Logger): RateLimits {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // An idle connection the database closed (a restart, or the embedded database stopping first on Ctrl-C) is
  // dropped by the pool and replaced on the next call: no failure of anyone's. A failing call answers for itself.
  pool.on("error", (error) => log.debug("rate limits: idle database connection closed", { error }));
  // rate-limiter-flexible names its statements; behind a transaction pooler they are sent unnamed.
  const store = config.preparedStatements
    ? pool
    : { query: (q: { text: string; values?: unknown[] }) => pool.query({ text: q.text, values: q.values }) };
  const limiter = (points: number) =>
    new RateLimiterPostgres({
      storeClient: store,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      points,
      duration: config.API_RATE_WINDOW_SECONDS,
    });
  const clients = limiter(config.API_RATE_POINTS);
  const anonymous = limiter(config.ANONYMOUS_RATE_POINTS);
  const budgetOf = (caller: Caller) =>
    "apiClientId" in caller
      ? { store: clients, key: `client:${caller.apiClientId}` }
      : { store: anonymous, key: `ip:${caller.ip}` };
  return {
    async charge(caller, points) {
      const { store, key } = budgetOf(caller);
      try {
        return { refused: false, headers: headersOf(store.points, await store.consume(key, points)) };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return refusal(store.points, error);
      }
    },
    async exhausted(ip) {
      const spent = await anonymous.get(`ip:${ip}`);
      return spent && spent.consumedPoints >= anonymous.points ? refusal(anonymous.points, spent) : null;
    },
    close: () => pool.end(),
  };
}

/** What a browser page may read of an answer (CORS) to pace itself. */
export const RATE_LIMIT_HEADERS = [
  "RateLimit-Limit",
  "RateLimit-Remaining",
  "RateLimit-Reset",
  "Retry-After",
];

const secondsUntil = (ms: number) => String(Math.max(Math.ceil(ms / 1000), 0));

/** IETF draft RateLimit headers: the window's budget, what is left of it, and seconds until it is whole again. */
const headersOf = (limit: number, spent: RateLimiterRes) => ({
  "RateLimit-Limit": String(limit),
  "RateLimit-Remaining": String(spent.remainingPoints),
  "RateLimit-Reset": secondsUntil(spent.msBeforeNext),
});

const refusal = (limit: number, spent: RateLimiterRes): Verdict => ({
  refused: true,
  headers: {
    ...headersOf(limit, spent),
    "RateLimit-Remaining": "0",
    "Retry-After": secondsUntil(spent.msBeforeNext),
  },
});

export const RATE_LIMITED_MESSAGE =
  "Too many requests: this caller's rate limit is spent; retry after Retry-After seconds.";

/** Who pays for a request: its API client, else its IP when no one is signed in; a person's session, no one. */
export function callerOf(ctx: Pick<Context, "machine" | "viewer" | "ip">): Caller | null {
  if (ctx.machine) return { apiClientId: ctx.machine.apiClientId };
  if (ctx.viewer || !ctx.ip) return null;
  return { ip: ctx.ip };
}

/**
 * For the cost limit (server/cost.ts): a GraphQL operation spends its cost, at least 1, before it runs; over the
 * budget it is refused with 429 and RATE_LIMITED, so nothing of it runs.
 */
export function chargeOperation(limits: RateLimits | null) {
  return async (
    cost: number,
    { contextValue, response }: GraphQLRequestContextDidResolveOperation<Context>,
  ) => {
    const caller = limits && callerOf(contextValue);
    if (!caller) return;
    const verdict = await limits.charge(caller, Math.max(cost, 1));
    for (const [name, value] of Object.entries(verdict.headers)) response.http.headers.set(name, value);
    if (verdict.refused)
      throw new GraphQLError(RATE_LIMITED_MESSAGE, {
        extensions: {
          code: "RATE_LIMITED",
          cost,
          // Its headers are on the response already (above).
          http: { status: 429 },
        },
      });
  };
}
