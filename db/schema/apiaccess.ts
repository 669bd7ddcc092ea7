import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { bytea, users } from "./accounts.js";
import { createdAt, id, updatedAt } from "./columns.js";
import { clients, contracts } from "./organizations.js";
import { trials } from "./trials.js";

/** What an API client may reach below its client: all of it, one contract, or the trials listed for it. */
export const apiClientReach = pgEnum("api_client_reach", ["client", "contract", "trials"]);
/** Sandbox credentials reach only trials marked sandbox; production ones reach real data. */
export const apiEnvironment = pgEnum("api_environment", ["sandbox", "production"]);
export const apiClientStatus = pgEnum("api_client_status", ["active", "revoked"]);

/**
 * A machine principal of one client (sponsor or CRO organisation): it gets OAuth 2.0 access tokens with its
 * `clientIdentifier` and a secret, and acts through its scopes on the resources of its reach, never beyond its
 * client. Revocation and expiry are read from here on every request, so they hold in every server process at once.
 */
export const apiClients = pgTable(
  "api_clients",
  {
    id: id(),
    /** The OAuth client_id: public, unique, sent with the secret. */
    clientIdentifier: text().notNull().unique(),
    clientId: text()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    name: text().notNull(),
    scopes: text().array().notNull(),
    reach: apiClientReach().notNull().default("client"),
    /** The contract of a "contract" reach (a contract of the same client). */
    contractId: text().references(() => contracts.id, { onDelete: "restrict" }),
    environment: apiEnvironment().notNull(),
    /** Browser origins a partner's page may call from (CORS), e.g. https://partner.example. */
    allowedOrigins: text().array().notNull().default(sql`'{}'`),
    status: apiClientStatus().notNull().default("active"),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** The access request it was issued under (null for demo credentials). */
    accessRequestId: text().references(() => apiAccessRequests.id, { onDelete: "restrict" }),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    revokedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("api_clients_client_idx").on(t.clientId),
    check("api_clients_contract_reach", sql`(${t.reach} = 'contract') = (${t.contractId} IS NOT NULL)`),
    check("api_clients_expiry_within_a_year", sql`${t.expiresAt} <= ${t.createdAt} + interval '1 year'`),
    check("api_clients_has_scopes", sql`cardinality(${t.scopes}) > 0`),
  ],
);

/** The trials an API client of "trials" reach may act on (each of its own client). */
export const apiClientTrials = pgTable(
  "api_client_trials",
  {
    apiClientId: text()
      .notNull()
      .references(() => apiClients.id, { onDelete: "cascade" }),
    trialId: text()
      .notNull()
      .references(() => trials.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.apiClientId, t.trialId] }),
    index("api_client_trials_trial_idx").on(t.trialId),
  ],
);

/**
 * An API client's secrets, only as SHA-256 of 256 random bits (shown once). The current one has no `expiresAt`;
 * rotating gives the old one an expiry (a grace period) and adds a new one.
 */
export const apiClientSecrets = pgTable(
  "api_client_secrets",
  {
    id: id(),
    apiClientId: text()
      .notNull()
      .references(() => apiClients.id, { onDelete: "cascade" }),
    secretHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [index("api_client_secrets_client_idx").on(t.apiClientId)],
);

/**
 * Every access token issued (by its JWT id): a request's token is live only while its row, its client and the
 * secret it was issued with are, which is what makes revocation (RFC 7009) and rotation immediate everywhere.
 */
export const oauthAccessTokens = pgTable(
  "oauth_access_tokens",
  {
    jti: text().primaryKey(),
    apiClientId: text()
      .notNull()
      .references(() => apiClients.id, { onDelete: "cascade" }),
    secretId: text()
      .notNull()
      .references(() => apiClientSecrets.id, { onDelete: "cascade" }),
    scopes: text().array().notNull(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    index("oauth_access_tokens_client_idx").on(t.apiClientId),
    index("oauth_access_tokens_expires_idx").on(t.expiresAt),
  ],
);

/**
 * The ES256 keys access tokens are signed with. The private key is stored encrypted (AES-256-GCM under
 * OAUTH_KEY_ENCRYPTION_KEY); a key signs until `retiresAt` and is published at /.well-known/jwks.json until
 * `expiresAt` (its last token's end).
 */
export const oauthSigningKeys = pgTable("oauth_signing_keys", {
  kid: text().primaryKey(),
  publicJwk: jsonb().$type<Record<string, unknown>>().notNull(),
  privateKeySealed: bytea().notNull(),
  retiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  createdAt: createdAt(),
});

export const apiAccessRequestStatus = pgEnum("api_access_request_status", [
  "requested",
  "approved",
  "rejected",
  "agreement_accepted",
  "sandbox",
  "production",
]);

/**
 * A client's request for API access, through its steps: requested (with the use case) → approved or rejected by a
 * Mural admin (with a reason) → data use agreement accepted (its version) → sandbox (credentials issued for sandbox
 * trials) → production (validated by a Mural admin: production credentials may be issued). Each step records who
 * and when here and in the audit trail.
 */
export const apiAccessRequests = pgTable(
  "api_access_requests",
  {
    id: id(),
    clientId: text()
      .notNull()
      .references(() => clients.id, { onDelete: "restrict" }),
    status: apiAccessRequestStatus().notNull().default("requested"),
    useCase: text().notNull(),
    scopes: text().array().notNull(),
    requestedBy: text().references(() => users.id, { onDelete: "set null" }),
    reviewedBy: text().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true, precision: 3 }),
    reviewReason: text(),
    agreementVersion: text(),
    agreementAcceptedBy: text().references(() => users.id, { onDelete: "set null" }),
    agreementAcceptedAt: timestamp({ withTimezone: true, precision: 3 }),
    validatedBy: text().references(() => users.id, { onDelete: "set null" }),
    validatedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("api_access_requests_client_idx").on(t.clientId, t.createdAt)],
);

/**
 * One row per request by an API client: which client, the operation, the document's SHA-256, its variables with
 * secrets and personal data redacted, the caller's IP, the result and how long it took. Append-only.
 */
export const apiRequestLog = pgTable(
  "api_request_log",
  {
    id: id(),
    apiClientId: text()
      .notNull()
      .references(() => apiClients.id, { onDelete: "cascade" }),
    clientId: text()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    operationName: text(),
    documentHash: text(),
    variables: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ip: text(),
    result: text().notNull(),
    errorCodes: text().array().notNull().default(sql`'{}'`),
    durationMs: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("api_request_log_client_idx").on(t.clientId, t.createdAt),
    index("api_request_log_api_client_idx").on(t.apiClientId, t.createdAt),
  ],
);
