import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, or } from "drizzle-orm";
import { decodeProtectedHeader, jwtVerify, SignJWT } from "jose";
import type { Database } from "../../db/connection.js";
import { apiClientSecrets, apiClients, oauthAccessTokens } from "../../db/schema/index.js";
import type { Config } from "../core/config.js";
import { isScope, type Machine, type Scope } from "../core/machine.js";
import type { ApiClient } from "./clients.js";
import { currentSigningKey, publicKey, SIGNING_ALGORITHM } from "./keys.js";

/** The `aud` of every access token: the GraphQL endpoint, the one resource server. */
export const audienceOf = (config: Config) => `${config.oauthIssuer}/graphql`;

/** An error of the token endpoint, as RFC 6749 §5.2 names it. */
export interface OAuthError {
  error: "invalid_request" | "invalid_client" | "unsupported_grant_type" | "invalid_scope";
  description: string;
}

export interface IssuedToken {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
}

/**
 * The client credentials grant (RFC 6749 §4.4) for an authenticated client: a signed JWT access token (RFC 9068)
 * with the requested scopes (all of the client's when none are asked for; any it does not hold is invalid_scope),
 * recorded by its jti so it can be revoked and its client's revocation reaches it.
 */
export async function issueAccessToken(
  db: Database,
  config: Config,
  { apiClient, secretId }: { apiClient: ApiClient; secretId: string },
  requested: string | undefined,
): Promise<IssuedToken | OAuthError> {
  const held = apiClient.scopes.filter(isScope);
  const asked = requested === undefined ? held : requested.split(" ").filter(Boolean);
  if (asked.length === 0) return { error: "invalid_scope", description: "Ask for at least one scope." };
  const refused = asked.filter((scope) => !held.includes(scope as Scope));
  if (refused.length)
    return { error: "invalid_scope", description: `This client does not hold: ${refused.join(" ")}.` };
  const scopes = [...new Set(asked)];
  const key = await currentSigningKey(db, config);
  const jti = randomUUID();
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresIn = Math.floor(config.oauthTokenMs / 1000);
  await db.insert(oauthAccessTokens).values({
    jti,
    apiClientId: apiClient.id,
    secretId,
    scopes,
    expiresAt: new Date((issuedAt + expiresIn) * 1000),
  });
  const scope = scopes.join(" ");
  const accessToken = await new SignJWT({ client_id: apiClient.clientIdentifier, scope })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: "at+jwt" })
    .setIssuer(config.oauthIssuer)
    .setSubject(apiClient.clientIdentifier)
    .setAudience(audienceOf(config))
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + expiresIn)
    .setJti(jti)
    .sign(key.privateKey);
  return { access_token: accessToken, token_type: "Bearer", expires_in: expiresIn, scope };
}

/** A compact JWS: three base64url parts. Session tokens have no dots. */
export const looksLikeAccessToken = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/** The claims of a well-signed, unexpired access token of ours, or null. */
async function verifiedClaims(db: Database, config: Config, token: string) {
  if (!looksLikeAccessToken(token) || token.length > 4096) return null;
  try {
    const { kid } = decodeProtectedHeader(token);
    const key = kid ? await publicKey(db, kid) : null;
    if (!key) return null;
    const { payload } = await jwtVerify(token, key, {
      issuer: config.oauthIssuer,
      audience: audienceOf(config),
      algorithms: [SIGNING_ALGORITHM],
      typ: "at+jwt",
      requiredClaims: ["jti", "exp", "iat", "sub", "client_id", "scope"],
    });
    return payload as typeof payload & { jti: string; client_id: string; scope: string };
  } catch {
    return null;
  }
}

/**
 * The token's live record: not revoked or expired, its client active and unexpired, the secret it was issued
 * with still working. Read on every request, so a revocation or rotation holds in every process at once.
 */
async function liveToken(db: Database, jti: string) {
  const now = new Date();
  const [row] = await db
    .select({ token: oauthAccessTokens, apiClient: apiClients })
    .from(oauthAccessTokens)
    .innerJoin(apiClients, eq(apiClients.id, oauthAccessTokens.apiClientId))
    .innerJoin(apiClientSecrets, eq(apiClientSecrets.id, oauthAccessTokens.secretId))
    .where(
      and(
        eq(oauthAccessTokens.jti, jti),
        isNull(oauthAccessTokens.revokedAt),
        gt(oauthAccessTokens.expiresAt, now),
        eq(apiClients.status, "active"),
        gt(apiClients.expiresAt, now),
        or(isNull(apiClientSecrets.expiresAt), gt(apiClientSecrets.expiresAt, now)),
      ),
    );
  return row ?? null;
}

/** The machine principal of a request's access token, or null when the token is not (or no longer) good. */
export async function findMachine(
  db: Database,
  config: Config,
  token: string,
): Promise<(Machine & { allowedOrigins: string[] }) | null> {
  const claims = await verifiedClaims(db, config, token);
  const live = claims && (await liveToken(db, claims.jti));
  if (!live) return null;
  const { apiClient } = live;
  return {
    apiClientId: apiClient.id,
    clientIdentifier: apiClient.clientIdentifier,
    clientId: apiClient.clientId,
    // A scope taken from the client since the token was issued is gone at once.
    scopes: live.token.scopes.filter(
      (scope): scope is Scope => isScope(scope) && apiClient.scopes.includes(scope),
    ),
    environment: apiClient.environment,
    reach: apiClient.reach,
    contractId: apiClient.contractId,
    tokenId: live.token.jti,
    allowedOrigins: apiClient.allowedOrigins,
  };
}

/**
 * Revocation (RFC 7009): the client's own token stops working at once. Anything else (another client's token, an
 * unknown or malformed one) is left alone, and the answer is the same.
 */
export async function revokeAccessToken(db: Database, config: Config, apiClientId: string, token: string) {
  const claims = await verifiedClaims(db, config, token);
  if (!claims) return;
  await db
    .update(oauthAccessTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(oauthAccessTokens.jti, claims.jti),
        eq(oauthAccessTokens.apiClientId, apiClientId),
        isNull(oauthAccessTokens.revokedAt),
      ),
    );
}

/** Introspection (RFC 7662) of the client's own tokens: `{ active: false }` for anything else. */
export async function introspectAccessToken(
  db: Database,
  config: Config,
  apiClientId: string,
  token: string,
): Promise<Record<string, unknown>> {
  const claims = await verifiedClaims(db, config, token);
  const live = claims && (await liveToken(db, claims.jti));
  if (!claims || !live || live.apiClient.id !== apiClientId) return { active: false };
  return {
    active: true,
    scope: live.token.scopes.join(" "),
    client_id: claims.client_id,
    token_type: "Bearer",
    exp: claims.exp,
    iat: claims.iat,
    sub: claims.sub,
    aud: claims.aud,
    iss: claims.iss,
    jti: claims.jti,
  };
}
