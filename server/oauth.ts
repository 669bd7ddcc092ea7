import type { ApolloServerPlugin } from "@apollo/server";
import express, { type Express, type Request, type RequestHandler, type Response } from "express";
import { type DocumentNode, Kind } from "graphql";
import type { Database } from "../db/connection.js";
import { authenticateApiClient } from "../schema/apiaccess/clients.js";
import { publishedKeys } from "../schema/apiaccess/keys.js";
import { recordApiRequest } from "../schema/apiaccess/log.js";
import {
  findMachine,
  introspectAccessToken,
  issueAccessToken,
  looksLikeAccessToken,
  type OAuthError,
  revokeAccessToken,
} from "../schema/apiaccess/tokens.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import { SCOPE_NAMES } from "../schema/core/machine.js";
import type { Logger } from "./logger.js";
import { RATE_LIMITED_MESSAGE, type RateLimits, type Verdict } from "./rate-limits.js";

interface Deps {
  config: Config;
  db: Database;
}

const REALM = 'realm="mural-link"';

/** An error answer of RFC 6749 §5.2: invalid_client is 401 with a challenge, the rest 400; never cached. */
function oauthError(res: Response, { error, description }: OAuthError) {
  if (error === "invalid_client") res.status(401).set("WWW-Authenticate", `Basic ${REALM}`);
  else res.status(400);
  res.json({ error, error_description: description });
}

const noStore = (res: Response) => res.set({ "Cache-Control": "no-store", Pragma: "no-cache" });

/** application/x-www-form-urlencoded only (RFC 6749 §4.4.2); each parameter at most once (§3.1, §3.2). */
const readForm = express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 20 });

type Form = Record<string, string>;

/** The form's parameters, or the invalid_request a malformed one deserves. */
function formOf(req: Request): Form | OAuthError {
  if (!req.is("application/x-www-form-urlencoded"))
    return {
      error: "invalid_request",
      description: "Send the parameters form-encoded (application/x-www-form-urlencoded).",
    };
  const form: Form = {};
  for (const [name, value] of Object.entries((req.body ?? {}) as Record<string, unknown>)) {
    if (typeof value !== "string")
      return { error: "invalid_request", description: `The parameter ${name} is repeated.` };
    // Parameters sent without a value are treated as omitted (§3.1).
    if (value !== "") form[name] = value;
  }
  return form;
}

/** client_id and secret from HTTP Basic (each form-encoded, RFC 6749 §2.3.1) or from the form, never both. */
function credentialsOf(req: Request, form: Form): { id: string; secret: string } | OAuthError | null {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.get("authorization")?.trim() ?? "");
  const posted = form.client_id !== undefined || form.client_secret !== undefined;
  if (basic && posted)
    return {
      error: "invalid_request",
      description: "Authenticate the client one way: HTTP Basic or the form, not both.",
    };
  if (basic) {
    const decoded = Buffer.from(basic[1] ?? "", "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    try {
      const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
      return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
    } catch {
      return null;
    }
  }
  if (form.client_id !== undefined && form.client_secret !== undefined)
    return { id: form.client_id, secret: form.client_secret };
  return null;
}

const isError = (value: unknown): value is OAuthError =>
  typeof value === "object" && value !== null && "error" in value;

/** 429 with the rate limit's headers, in RFC 6749's error shape. */
function rateLimited(res: Response, verdict: Verdict) {
  res
    .status(429)
    .set(verdict.headers)
    .json({ error: "rate_limited", error_description: RATE_LIMITED_MESSAGE });
}

/**
 * Reads the form and authenticates the client; answers the error itself and gives null when either fails. Each
 * call costs one point of the rate limit: the client's once authenticated, the IP's when the attempt fails (and an
 * IP that has spent its budget is refused before its credentials are checked).
 */
async function authenticated(req: Request, res: Response, db: Database, rates: RateLimits | null) {
  noStore(res);
  const ip = req.ip ?? "";
  const exhausted = rates && (await rates.exhausted(ip));
  if (exhausted) return rateLimited(res, exhausted);
  const failed = async (error: OAuthError) => {
    if (rates) res.set((await rates.charge({ ip }, 1)).headers);
    oauthError(res, error);
  };
  const form = formOf(req);
  if (isError(form)) return failed(form);
  const credentials = credentialsOf(req, form);
  if (isError(credentials)) return failed(credentials);
  const client = credentials && (await authenticateApiClient(db, credentials.id, credentials.secret));
  if (!client)
    return failed({
      error: "invalid_client",
      description:
        "Client authentication failed (unknown client, wrong or expired secret, revoked or expired client).",
    });
  const verdict = rates && (await rates.charge({ apiClientId: client.apiClient.id }, 1));
  if (verdict) res.set(verdict.headers);
  if (verdict?.refused) return rateLimited(res, verdict);
  return { form, client };
}

/**
 * The OAuth 2.0 authorization server of API clients: the token endpoint (client credentials), revocation,
 * introspection, the signing keys and the server's metadata.
 */
export function serveOAuth(app: Express, { config, db, rates }: Deps & { rates: RateLimits | null }) {
  const issuer = config.oauthIssuer;
  app.post("/oauth/token", readForm, async (req, res, next) => {
    try {
      const found = await authenticated(req, res, db, rates);
      if (!found) return;
      const { form, client } = found;
      if (form.grant_type === undefined)
        return oauthError(res, { error: "invalid_request", description: "grant_type is missing." });
      if (form.grant_type !== "client_credentials")
        return oauthError(res, {
          error: "unsupported_grant_type",
          description: "Only the client_credentials grant is supported.",
        });
      const issued = await issueAccessToken(db, config, client, form.scope);
      if (isError(issued)) return oauthError(res, issued);
      res.json(issued);
    } catch (error) {
      next(error);
    }
  });
  app.post("/oauth/revoke", readForm, async (req, res, next) => {
    try {
      const found = await authenticated(req, res, db, rates);
      if (!found) return;
      if (found.form.token === undefined)
        return oauthError(res, { error: "invalid_request", description: "token is missing." });
      await revokeAccessToken(db, config, found.client.apiClient.id, found.form.token);
      res.status(200).end();
    } catch (error) {
      next(error);
    }
  });
  app.post("/oauth/introspect", readForm, async (req, res, next) => {
    try {
      const found = await authenticated(req, res, db, rates);
      if (!found) return;
      if (found.form.token === undefined)
        return oauthError(res, { error: "invalid_request", description: "token is missing." });
      res.json(await introspectAccessToken(db, config, found.client.apiClient.id, found.form.token));
    } catch (error) {
      next(error);
    }
  });
  app.get("/.well-known/jwks.json", async (_req, res, next) => {
    try {
      res.set("Cache-Control", "public, max-age=300").json(await publishedKeys(db));
    } catch (error) {
      next(error);
    }
  });
  app.get("/.well-known/oauth-authorization-server", (_req, res) => {
    const methods = ["client_secret_basic", "client_secret_post"];
    res.json({
      issuer,
      token_endpoint: `${issuer}/oauth/token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      introspection_endpoint: `${issuer}/oauth/introspect`,
      grant_types_supported: ["client_credentials"],
      response_types_supported: [],
      scopes_supported: SCOPE_NAMES,
      token_endpoint_auth_methods_supported: methods,
      revocation_endpoint_auth_methods_supported: methods,
      introspection_endpoint_auth_methods_supported: methods,
      service_documentation: `${issuer}/graphql`,
    });
  });
}

/**
 * For /graphql: a Bearer access token (a JWT) makes the request an API client's. One that is not (or no longer)
 * good is answered 401 with RFC 6750's challenge (spending a point of the IP's rate limit, as a failed token
 * request does), and a browser page of an origin the client did not list is refused, before anything runs.
 * Session tokens pass through to the context.
 */
export function machineAuthentication({
  config,
  db,
  rates,
}: Deps & { rates: RateLimits | null }): RequestHandler {
  return async (req, res, next) => {
    const token = /^Bearer\s+(\S+)$/.exec(req.get("authorization")?.trim() ?? "")?.[1];
    if (!token || !looksLikeAccessToken(token)) return next();
    try {
      const machine = await findMachine(db, config, token);
      if (!machine) {
        if (rates && req.ip) res.set((await rates.charge({ ip: req.ip }, 1)).headers);
        res
          .status(401)
          .set("WWW-Authenticate", `Bearer ${REALM}, error="invalid_token"`)
          .json({
            errors: [
              {
                message: "The access token is invalid, expired or revoked; get a new one at /oauth/token.",
                extensions: { code: "UNAUTHENTICATED" },
              },
            ],
            extensions: { requestId: res.locals.requestId },
          });
        return;
      }
      const origin = req.get("origin");
      if (origin && !machine.allowedOrigins.includes(origin)) {
        res.status(403).json({
          errors: [
            {
              message: `This API client is not allowed to call from ${origin}; list the origin on the client.`,
              extensions: { code: "FORBIDDEN" },
            },
          ],
          extensions: { requestId: res.locals.requestId },
        });
        return;
      }
      res.locals.machine = machine;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The name of a document's first operation (for a request refused before its operation was chosen). */
const firstOperationName = (document: DocumentNode | undefined) =>
  document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)?.name?.value;

/**
 * Every GraphQL request of an API client, written once to its client's request log as it is answered: the
 * credential, operation, document hash, redacted variables, IP, result and duration. A failure to write it is
 * logged, not the caller's problem.
 */
export function logApiRequests(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const machine = contextValue.machine;
      if (!machine) return;
      const started = performance.now();
      return {
        async willSendResponse({ request, response, errors, queryHash, operationName, document }) {
          const body = response.body.kind === "single" ? response.body.singleResult : null;
          const failed = errors ?? body?.errors ?? [];
          const hasData = body?.data != null;
          const codes = [
            ...new Set(failed.map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"))),
          ];
          try {
            await recordApiRequest(contextValue.db, {
              apiClientId: machine.apiClientId,
              clientId: machine.clientId,
              operationName: operationName ?? request.operationName ?? firstOperationName(document) ?? null,
              documentHash: queryHash ?? null,
              variables: request.variables ?? {},
              ip: contextValue.ip ?? null,
              result: failed.length === 0 ? "ok" : hasData ? "partial" : "error",
              errorCodes: codes,
              durationMs: Math.round(performance.now() - started),
            });
          } catch (error) {
            log.error("the API request log could not be written", {
              requestId: contextValue.requestId,
              error,
            });
          }
        },
      };
    },
  };
}
