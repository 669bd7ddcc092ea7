import { hkdfSync } from "node:crypto";
import { z } from "zod";

/** Every setting comes from the environment; the README lists them with these defaults. */
const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  /**
   * A connection straight to PostgreSQL, when DATABASE_URL goes through a transaction pooler (PgBouncer,
   * pool_mode=transaction): migrations, LISTEN for live messages and the job queue (graphile-worker) use it.
   */
  DATABASE_DIRECT_URL: z.string().optional(),
  /** Named prepared statements on DATABASE_URL. Unset: off when DATABASE_DIRECT_URL is set, else on. */
  DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54329),
  ADMIN_EMAIL: z.string().email().default("admin@example.com"),
  ADMIN_PASSWORD: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  PASSWORD_RESET_MINUTES: z.coerce.number().positive().default(60),
  VERIFICATION_TOKEN_HOURS: z.coerce.number().positive().default(72),
  /** Browser origins allowed to call the API (CORS), comma-separated. Unset: localhost ports outside production. */
  CORS_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Who may query the schema (__schema, __type): anyone, no one, or admins. Unset: on, admins in production. */
  GRAPHQL_INTROSPECTION: z.enum(["on", "off", "admins"]).optional(),
  /** on: this process serves the API and runs background jobs; off: the API only; only: jobs only (and health). */
  WORKER: z.enum(["on", "off", "only"]).default("on"),
  /** The apps' trusted documents (clients/typed/persisted-documents.json): off, allowed, or required. Unset: off. */
  TRUSTED_DOCUMENTS: z.enum(["off", "allowed", "required"]).default("off"),
  /** off: every query is resolved field by field, never answered by one planned statement (core/read-plans.ts). */
  READ_PLANS: z.enum(["on", "off"]).default("on"),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(4),
  /** A worker process not heard from for this long is presumed dead: its running jobs are released to others. */
  WORKER_LOST_AFTER_SECONDS: z.coerce.number().positive().default(60),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Mural Link <no-reply@mural-link.example>"),
  REMINDER_HOURS: z.coerce.number().nonnegative().default(24),
  /** How long a money mutation's Idempotency-Key is remembered (its first answer replayed). */
  IDEMPOTENCY_KEY_HOURS: z.coerce.number().positive().default(24),
  /** Lifetime of a report download link (requestTrialPaymentReport, requestFundingReport). */
  REPORT_LINK_MINUTES: z.coerce.number().positive().default(15),
  /** 32 bytes, base64: encrypts payout account and card numbers (AES-256-GCM). Required in production. */
  PAYOUT_ENCRYPTION_KEY: z.string().optional(),
  /** The sandbox payout provider's test switch: fail "never", "always", or only the "first" attempt of each payment. */
  PAYOUT_SANDBOX_FAIL: z.enum(["never", "always", "first"]).default("never"),
  /** How long the sandbox payout provider takes to answer, after settling (to exercise a worker dying mid-payout). */
  PAYOUT_SANDBOX_DELAY_MS: z.coerce.number().int().nonnegative().default(0),
  /** Attempts of a payout (with graphile-worker's exponential backoff) before the payment is marked failed. */
  PAYOUT_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  /** The OAuth issuer (`iss` of access tokens, RFC 8414 metadata). Unset: PUBLIC_URL, else http://HOST:PORT. */
  OAUTH_ISSUER: z.string().url().optional(),
  /** Lifetime of an API access token. */
  OAUTH_TOKEN_MINUTES: z.coerce.number().positive().max(60).default(10),
  /** How long a token-signing key signs before a new one replaces it (it stays published while its tokens live). */
  OAUTH_KEY_ROTATION_HOURS: z.coerce.number().positive().default(24),
  /** 32 bytes, base64: encrypts the token-signing private keys (AES-256-GCM). Unset: derived from PAYOUT_ENCRYPTION_KEY. */
  OAUTH_KEY_ENCRYPTION_KEY: z.string().optional(),
  /** After an API client's secret is rotated, how long the old secret still works. */
  API_SECRET_GRACE_HOURS: z.coerce.number().nonnegative().max(720).default(24),
  /** Points an API client may spend per window: a GraphQL operation costs its computed cost (at least 1), a REST or OAuth call 1. */
  API_RATE_POINTS: z.coerce.number().int().positive().default(10_000),
  /** Points one IP address may spend per window on calls without a session or access token (failed token requests too). */
  ANONYMOUS_RATE_POINTS: z.coerce.number().int().positive().default(1_000),
  /** The rate limits' window: a caller's spent points come back this long after its first call of the window. */
  API_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  /** Bearer token GET /metrics asks for. With neither it nor METRICS_PORT set, /metrics is not served. */
  METRICS_TOKEN: z.string().min(24).optional(),
  /** Serve /metrics on this port only (on METRICS_HOST), not the API's; it asks for METRICS_TOKEN too if that is set. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default("127.0.0.1"),
  /** Distinct GraphQL operation names the metrics label (callers choose them); later ones are counted as "other". */
  METRICS_OPERATION_NAMES: z.coerce.number().int().positive().default(200),
  /** Waits before each retry of a webhook delivery that failed, in seconds, comma-separated: one retry per entry. */
  WEBHOOK_RETRY_SECONDS: z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*)*$/, "comma-separated seconds, e.g. 30,300,3600")
    .default("30,120,600,3600,14400,43200"),
  /** How long a webhook receiver has to answer a delivery before the attempt counts as failed. */
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(60).default(10),
  /** After a webhook endpoint's secret is rotated, how long deliveries are signed with the old one too. */
  WEBHOOK_SECRET_GRACE_HOURS: z.coerce.number().nonnegative().max(720).default(24),
  /**
   * Whether deliveries may reach private, loopback, link-local and other internal addresses. Off, such URLs are
   * refused at registration (a literal address) and at delivery (a name resolving there): the server must not be
   * a way into its own network. On for development and tests with a local receiver only.
   */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z.enum(["true", "false"]).default("false"),
  /** How long finished webhook deliveries (delivered, failed, cancelled) are kept, with their attempts. */
  WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce.number().positive().default(30),
});

/** A fixed key for development and tests only; production refuses to start without its own. */
const DEVELOPMENT_PAYOUT_KEY = Buffer.alloc(32, "mural-link-development-only-key!").toString("base64");

/** A 32-byte AES key from the environment variable `name`; outside production a fixed development key. */
function encryptionKey(name: string, value: string | undefined, isProduction: boolean): Buffer {
  if (!value && isProduction) throw new Error(`Invalid configuration: ${name} is required in production.`);
  const key = Buffer.from(value ?? DEVELOPMENT_PAYOUT_KEY, "base64");
  if (key.length !== 32) throw new Error(`Invalid configuration: ${name} must be 32 bytes, base64.`);
  return key;
}

/** A separate key for the token-signing keys, derived from another (HKDF-SHA256), when none is configured. */
const derivedKey = (key: Buffer) =>
  Buffer.from(hkdfSync("sha256", key, "", "mural-link oauth signing keys", 32));

/** CORS_ORIGINS as a list of origins (scheme, host and port, as a browser sends them), or null when unset. */
function corsOrigins(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === "") return null;
  return value.split(",").map((entry) => {
    const origin = entry.trim().replace(/\/$/, "");
    if (!URL.canParse(origin) || new URL(origin).origin !== origin)
      throw new Error(
        `Invalid configuration: CORS_ORIGINS: "${origin}" is not an origin (https://host[:port]).`,
      );
    return origin;
  });
}

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  // The embedded database has no pooler in front: a direct URL beside it would split the process over two servers.
  if (e.DATABASE_DIRECT_URL && !e.DATABASE_URL)
    throw new Error("Invalid configuration: DATABASE_DIRECT_URL is set without DATABASE_URL.");
  const introspection = e.GRAPHQL_INTROSPECTION ?? (e.NODE_ENV === "production" ? "admins" : "on");
  return {
    ...e,
    isProduction: e.NODE_ENV === "production",
    /**
     * Whether DATABASE_URL keeps named prepared statements: a transaction pooler hands each transaction a different
     * server connection, where a statement prepared on another is missing (PgBouncer before 1.21, Debian 12's
     * 1.18, cannot carry them; 1.21+ can with max_prepared_statements set).
     */
    preparedStatements: (e.DATABASE_PREPARED_STATEMENTS ?? (e.DATABASE_DIRECT_URL ? "off" : "on")) === "on",
    introspection,
    readPlans: e.READ_PLANS === "on",
    /** "Did you mean …?" in validation errors: only where anyone may read the schema (introspection on). */
    fieldSuggestions: introspection === "on",
    /** GraphiQL's page is served outside production; in production only with introspection on for everyone. */
    graphiql: e.NODE_ENV !== "production" || e.GRAPHQL_INTROSPECTION === "on",
    /** Allowed browser origins; null: any http://localhost or 127.0.0.1 port outside production, none in it. */
    corsOrigins: corsOrigins(e.CORS_ORIGINS),
    /** Testing aids (verification/reset tokens on demand) exist only outside production. */
    testingAidsEnabled: e.NODE_ENV !== "production",
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    lockoutMs: e.LOGIN_LOCKOUT_MINUTES * 60_000,
    passwordResetMs: e.PASSWORD_RESET_MINUTES * 60_000,
    verificationMs: e.VERIFICATION_TOKEN_HOURS * 3_600_000,
    reminderMs: e.REMINDER_HOURS * 3_600_000,
    reportLinkMs: e.REPORT_LINK_MINUTES * 60_000,
    idempotencyKeyMs: e.IDEMPOTENCY_KEY_HOURS * 3_600_000,
    workerLostAfterMs: e.WORKER_LOST_AFTER_SECONDS * 1000,
    payoutEncryptionKey: encryptionKey(
      "PAYOUT_ENCRYPTION_KEY",
      e.PAYOUT_ENCRYPTION_KEY,
      e.NODE_ENV === "production",
    ),
    oauthKeyEncryptionKey: e.OAUTH_KEY_ENCRYPTION_KEY
      ? encryptionKey("OAUTH_KEY_ENCRYPTION_KEY", e.OAUTH_KEY_ENCRYPTION_KEY, false)
      : derivedKey(
          encryptionKey("PAYOUT_ENCRYPTION_KEY", e.PAYOUT_ENCRYPTION_KEY, e.NODE_ENV === "production"),
        ),
    oauthIssuer: (e.OAUTH_ISSUER ?? e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ""),
    oauthTokenMs: e.OAUTH_TOKEN_MINUTES * 60_000,
    oauthKeyRotationMs: e.OAUTH_KEY_ROTATION_HOURS * 3_600_000,
    apiSecretGraceMs: e.API_SECRET_GRACE_HOURS * 3_600_000,
    webhookRetryMs: e.WEBHOOK_RETRY_SECONDS.split(",").map((entry) => Number(entry.trim()) * 1000),
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
    webhookSecretGraceMs: e.WEBHOOK_SECRET_GRACE_HOURS * 3_600_000,
    webhookAllowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS === "true",
    webhookDeliveryRetentionMs: e.WEBHOOK_DELIVERY_RETENTION_DAYS * 86_400_000,
    /** Seals webhook signing secrets (kept to sign with): a key of their own, derived from PAYOUT_ENCRYPTION_KEY. */
    webhookSecretKey: Buffer.from(
      hkdfSync(
        "sha256",
        encryptionKey("PAYOUT_ENCRYPTION_KEY", e.PAYOUT_ENCRYPTION_KEY, e.NODE_ENV === "production"),
        "",
        "mural-link webhook secrets",
        32,
      ),
    ),
  };
}
