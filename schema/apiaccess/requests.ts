import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/connection.js";
import { apiAccessRequests, apiClients, clients } from "../../db/schema/index.js";
import { type Actor, createdChanges, recordAudit } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import type { Config } from "../core/config.js";
import { badInput, conflict, notFound } from "../core/errors.js";
import { isScope } from "../core/machine.js";
import { createApiClient, type NewApiClient, rotateApiClientSecret } from "./clients.js";

export type ApiAccessRequest = typeof apiAccessRequests.$inferSelect;
type Status = ApiAccessRequest["status"];

/** The API License & Data Use Agreement in force: a request accepts this version before any credential. */
export const DATA_USE_AGREEMENT = {
  version: "2026-01",
  summary:
    "Use the data only for the use case approved; never try to identify a participant; keep credentials secret " +
    "and rotate them when people leave; report any incident within 24 hours; Mural Health may audit and revoke access.",
};

/** The client an access request or API client belongs to (for rules), or null when there is none. */
export async function clientOfRequest(db: Executor, requestId: string): Promise<string | null> {
  const [row] = await db
    .select({ clientId: apiAccessRequests.clientId })
    .from(apiAccessRequests)
    .where(eq(apiAccessRequests.id, requestId));
  return row?.clientId ?? null;
}

export async function clientOfApiClient(db: Executor, apiClientId: string): Promise<string | null> {
  const [row] = await db
    .select({ clientId: apiClients.clientId })
    .from(apiClients)
    .where(eq(apiClients.id, apiClientId));
  return row?.clientId ?? null;
}

/** A condition keeping rows whose client the viewer manages API access for (undefined: all, for admins). */
export async function managedBy(access: Access, clientColumn: PgColumn): Promise<SQL | undefined> {
  const held = await access.holdsSql("client", "manage_api_clients");
  return held && inArray(clientColumn, access.db.select({ id: clients.id }).from(clients).where(held));
}

/** Locks the request and checks it is at one of `from`: CONFLICT naming where it is otherwise. */
async function lockAt(tx: Executor, requestId: string, from: readonly Status[], step: string) {
  const [request] = await tx
    .select()
    .from(apiAccessRequests)
    .where(eq(apiAccessRequests.id, requestId))
    .for("update");
  if (!request) throw notFound("API access request");
  if (!from.includes(request.status))
    throw conflict(`This request is ${request.status.replace("_", " ")}: it cannot be ${step} now.`, {
      status: request.status,
    });
  return request;
}

/** Moves the request on, recording who and when here and in the audit trail. */
async function advance(
  tx: Executor,
  actor: Actor,
  request: ApiAccessRequest,
  to: Status,
  action: string,
  patch: Partial<ApiAccessRequest>,
) {
  const [updated] = await tx
    .update(apiAccessRequests)
    .set({ ...patch, status: to })
    .where(eq(apiAccessRequests.id, request.id))
    .returning();
  const changes = { status: { from: request.status, to } } as Record<string, { from: unknown; to: unknown }>;
  for (const [key, value] of Object.entries(patch))
    changes[key] = { from: null, to: value instanceof Date ? value.toISOString() : value };
  await recordAudit(tx, actor, { action, resourceType: "ApiAccessRequest", resourceId: request.id, changes });
  return updated!;
}

const text = (value: string, field: string, max: number) => {
  const trimmed = value.trim();
  if (!trimmed) throw badInput([{ field, message: "is required" }]);
  if (trimmed.length > max) throw badInput([{ field, message: `must be at most ${max} characters` }]);
  return trimmed;
};

/** Step 1: a client's API access administrator asks for access, saying what for and with which scopes. */
export async function requestApiAccess(
  tx: Executor,
  actor: Actor,
  input: { clientId: string; useCase: string; scopes: string[] },
): Promise<ApiAccessRequest> {
  const useCase = text(input.useCase, "useCase", 4000);
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0 || !scopes.every(isScope))
    throw badInput([{ field: "scopes", message: "give one or more known scopes" }]);
  const [request] = await tx
    .insert(apiAccessRequests)
    .values({ clientId: input.clientId, useCase, scopes, requestedBy: actor.realUserId })
    .returning();
  await recordAudit(tx, actor, {
    action: "request_api_access",
    resourceType: "ApiAccessRequest",
    resourceId: request!.id,
    changes: createdChanges({ clientId: input.clientId, useCase, scopes, status: "requested" }),
  });
  return request!;
}

/** Step 2: a Mural admin approves or rejects the request, with a reason. */
export async function reviewApiAccess(
  tx: Executor,
  actor: Actor,
  input: { requestId: string; approve: boolean; reason: string },
) {
  const reason = text(input.reason, "reason", 2000);
  const request = await lockAt(tx, input.requestId, ["requested"], "reviewed");
  return advance(tx, actor, request, input.approve ? "approved" : "rejected", "review_api_access", {
    reviewedBy: actor.realUserId,
    reviewedAt: new Date(),
    reviewReason: reason,
  });
}

/** Step 3: the client accepts the data use agreement in force (the version it read). */
export async function acceptDataUseAgreement(
  tx: Executor,
  actor: Actor,
  input: { requestId: string; version: string },
) {
  if (input.version !== DATA_USE_AGREEMENT.version)
    throw badInput([
      { field: "version", message: `the agreement in force is version ${DATA_USE_AGREEMENT.version}` },
    ]);
  const request = await lockAt(tx, input.requestId, ["approved"], "accepted");
  return advance(tx, actor, request, "agreement_accepted", "accept_data_use_agreement", {
    agreementVersion: input.version,
    agreementAcceptedBy: actor.realUserId,
    agreementAcceptedAt: new Date(),
  });
}

/** Step 5: after the sandbox integration, a Mural admin validates it; production credentials may then be issued. */
export async function validateApiAccess(tx: Executor, actor: Actor, input: { requestId: string }) {
  const request = await lockAt(tx, input.requestId, ["sandbox"], "validated for production");
  return advance(tx, actor, request, "production", "validate_api_access", {
    validatedBy: actor.realUserId,
    validatedAt: new Date(),
  });
}

export type CredentialSettings = Pick<
  NewApiClient,
  "name" | "environment" | "expiresAt" | "contractId" | "trialIds" | "allowedOrigins"
> & { requestId: string; scopes?: string[] | null };

/**
 * Step 4 (sandbox, once the agreement is accepted) and step 6 (production, once validated): credentials under the
 * request, with its approved scopes or fewer. The secret is in the answer only.
 */
export async function issueApiCredentials(tx: Executor, actor: Actor, input: CredentialSettings) {
  const production = input.environment === "production";
  const request = production
    ? await lockAt(tx, input.requestId, ["production"], "given production credentials")
    : await lockAt(tx, input.requestId, ["agreement_accepted", "sandbox", "production"], "given credentials");
  const scopes = input.scopes?.length ? input.scopes : request.scopes;
  const beyond = scopes.filter((scope) => !request.scopes.includes(scope));
  if (beyond.length)
    throw badInput([{ field: "scopes", message: `not approved for this request: ${beyond.join(", ")}` }]);
  const issued = await createApiClient(tx, actor, {
    ...input,
    clientId: request.clientId,
    scopes,
    accessRequestId: request.id,
  });
  if (request.status === "agreement_accepted")
    await advance(tx, actor, request, "sandbox", "issue_sandbox_credentials", {});
  return issued;
}

/** A new secret for an API client; the old one works for API_SECRET_GRACE_HOURS more. */
export async function rotateSecret(tx: Executor, actor: Actor, config: Config, apiClientId: string) {
  const [apiClient] = await tx
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.id, apiClientId), eq(apiClients.status, "active")))
    .for("update");
  if (!apiClient) throw notFound("API client");
  const rotated = await rotateApiClientSecret(tx, actor, apiClientId, config.apiSecretGraceMs);
  return { apiClient, ...rotated };
}

/** Loads API clients and requests by id (node loaders). */
export const loadApiClients = (db: Executor, ids: string[]) =>
  db.select().from(apiClients).where(inArray(apiClients.id, ids));
export const loadApiAccessRequests = (db: Executor, ids: string[]) =>
  db.select().from(apiAccessRequests).where(inArray(apiAccessRequests.id, ids));
