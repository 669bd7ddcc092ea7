import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { apiClientSecrets, apiClients, apiClientTrials, contracts, trials } from "../../db/schema/index.js";
import { type Actor, createdChanges, recordAudit } from "../core/audit.js";
import { badInput, type FieldProblem, notFound } from "../core/errors.js";
import { isScope, type Scope } from "../core/machine.js";

export type ApiClient = typeof apiClients.$inferSelect;

/** An API client's longest life: credentials are time-bound, and renewed by issuing new ones. */
export const MAX_API_CLIENT_LIFETIME_MS = 365 * 24 * 3_600_000;

/** Secrets are 256 random bits, so their SHA-256 is all that needs storing (no slow hash against guessing). */
export const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");
const newSecret = () => `mls_${randomBytes(32).toString("base64url")}`;
const newClientIdentifier = () => `mlc_${randomBytes(12).toString("base64url")}`;

export interface NewApiClient {
  clientId: string;
  name: string;
  scopes: string[];
  environment: "sandbox" | "production";
  /** What it reaches below its client: all of it (default), `contractId`, or `trialIds`. */
  contractId?: string | null;
  trialIds?: string[] | null;
  allowedOrigins?: string[];
  expiresAt: Date;
  accessRequestId?: string | null;
  /** Demo data only: a fixed client_id and secret, so the README's examples work as pasted. */
  fixed?: { clientIdentifier: string; secret: string };
}

/** Checks a new API client's settings; the ids it names must be of its own client (else NOT_FOUND). */
async function checkNewApiClient(tx: Executor, input: NewApiClient): Promise<Scope[]> {
  const problems: FieldProblem[] = [];
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) problems.push({ field: "scopes", message: "give at least one scope" });
  for (const scope of scopes)
    if (!isScope(scope)) problems.push({ field: "scopes", message: `unknown scope ${scope}` });
  if (!input.name.trim()) problems.push({ field: "name", message: "give the credential a name" });
  const now = Date.now();
  if (input.expiresAt.getTime() <= now)
    problems.push({ field: "expiresAt", message: "must be in the future" });
  if (input.expiresAt.getTime() > now + MAX_API_CLIENT_LIFETIME_MS)
    problems.push({ field: "expiresAt", message: "must be at most one year from now" });
  if (input.contractId && input.trialIds?.length)
    problems.push({
      field: "trialIds",
      message: "limit the credential to a contract or to trials, not both",
    });
  for (const origin of input.allowedOrigins ?? [])
    if (!URL.canParse(origin) || new URL(origin).origin !== origin)
      problems.push({ field: "allowedOrigins", message: `${origin} is not an origin (https://host[:port])` });
  if (problems.length) throw badInput(problems);
  if (input.contractId) {
    const [contract] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.id, input.contractId), eq(contracts.clientId, input.clientId)));
    if (!contract) throw notFound("Contract");
  }
  if (input.trialIds?.length) {
    const found = await tx
      .select({ id: trials.id })
      .from(trials)
      .innerJoin(contracts, eq(contracts.id, trials.contractId))
      .where(and(inArray(trials.id, input.trialIds), eq(contracts.clientId, input.clientId)));
    if (found.length !== new Set(input.trialIds).size) throw notFound("Trial");
  }
  return scopes as Scope[];
}

/** Creates an API client of `input.clientId` with its first secret, which is returned here and never again. */
export async function createApiClient(
  tx: Executor,
  actor: Actor,
  input: NewApiClient,
): Promise<{ apiClient: ApiClient; secret: string }> {
  const scopes = await checkNewApiClient(tx, input);
  const reach = input.contractId ? "contract" : input.trialIds?.length ? "trials" : "client";
  const [apiClient] = await tx
    .insert(apiClients)
    .values({
      clientIdentifier: input.fixed?.clientIdentifier ?? newClientIdentifier(),
      clientId: input.clientId,
      name: input.name.trim(),
      scopes,
      reach,
      contractId: input.contractId ?? null,
      environment: input.environment,
      allowedOrigins: input.allowedOrigins ?? [],
      expiresAt: input.expiresAt,
      accessRequestId: input.accessRequestId ?? null,
      createdBy: actor.realUserId,
      // The clock the expiry was checked against (a transaction's now() may be earlier).
      createdAt: new Date(),
    })
    .returning();
  if (!apiClient) throw new Error("The API client was not created.");
  if (reach === "trials")
    await tx
      .insert(apiClientTrials)
      .values([...new Set(input.trialIds)].map((trialId) => ({ apiClientId: apiClient.id, trialId })));
  const secret = input.fixed?.secret ?? newSecret();
  await tx.insert(apiClientSecrets).values({ apiClientId: apiClient.id, secretHash: hashSecret(secret) });
  await recordAudit(tx, actor, {
    action: "create_api_client",
    resourceType: "ApiClient",
    resourceId: apiClient.id,
    changes: createdChanges({
      clientIdentifier: apiClient.clientIdentifier,
      name: apiClient.name,
      scopes,
      reach,
      contractId: apiClient.contractId,
      trialIds: input.trialIds,
      environment: apiClient.environment,
      expiresAt: apiClient.expiresAt.toISOString(),
    }),
  });
  return { apiClient, secret };
}

/**
 * A new secret for the API client, returned once. Its current secret keeps working for `graceMs` (so deployed
 * systems can switch over), then stops, with every token issued with it.
 */
export async function rotateApiClientSecret(
  tx: Executor,
  actor: Actor,
  apiClientId: string,
  graceMs: number,
): Promise<{ secret: string; previousExpiresAt: Date }> {
  const previousExpiresAt = new Date(Date.now() + graceMs);
  await tx
    .update(apiClientSecrets)
    .set({
      expiresAt: sql`LEAST(COALESCE(${apiClientSecrets.expiresAt}, 'infinity'), ${previousExpiresAt.toISOString()}::timestamptz)`,
    })
    .where(and(eq(apiClientSecrets.apiClientId, apiClientId), liveSecret()));
  const secret = newSecret();
  await tx.insert(apiClientSecrets).values({ apiClientId, secretHash: hashSecret(secret) });
  await recordAudit(tx, actor, {
    action: "rotate_api_client_secret",
    resourceType: "ApiClient",
    resourceId: apiClientId,
    changes: { previousSecretExpiresAt: { from: null, to: previousExpiresAt.toISOString() } },
  });
  return { secret, previousExpiresAt };
}

/** Revokes the API client: its tokens stop working on their next request, in every process. */
export async function revokeApiClient(tx: Executor, actor: Actor, apiClientId: string): Promise<ApiClient> {
  const [revoked] = await tx
    .update(apiClients)
    .set({ status: "revoked", revokedAt: new Date(), revokedBy: actor.realUserId })
    .where(and(eq(apiClients.id, apiClientId), eq(apiClients.status, "active")))
    .returning();
  if (!revoked) throw notFound("API client");
  await recordAudit(tx, actor, {
    action: "revoke_api_client",
    resourceType: "ApiClient",
    resourceId: apiClientId,
    changes: { status: { from: "active", to: "revoked" } },
  });
  return revoked;
}

/** A secret that still works: the current one, or a rotated one within its grace period. */
const liveSecret = () => or(isNull(apiClientSecrets.expiresAt), gt(apiClientSecrets.expiresAt, new Date()));

/**
 * The live API client whose client_id and secret these are, with the secret's id; null for anything else (an
 * unknown client, a wrong or expired secret, a revoked or expired client: the caller cannot tell which).
 */
export async function authenticateApiClient(
  db: Executor,
  clientIdentifier: string,
  secret: string,
): Promise<{ apiClient: ApiClient; secretId: string } | null> {
  const rows = await db
    .select({ apiClient: apiClients, secretId: apiClientSecrets.id, secretHash: apiClientSecrets.secretHash })
    .from(apiClients)
    .innerJoin(apiClientSecrets, eq(apiClientSecrets.apiClientId, apiClients.id))
    .where(
      and(
        eq(apiClients.clientIdentifier, clientIdentifier),
        eq(apiClients.status, "active"),
        gt(apiClients.expiresAt, new Date()),
        liveSecret(),
      ),
    );
  const given = Buffer.from(hashSecret(secret), "hex");
  const match = rows.find((row) => timingSafeEqual(Buffer.from(row.secretHash, "hex"), given));
  return match ? { apiClient: match.apiClient, secretId: match.secretId } : null;
}
