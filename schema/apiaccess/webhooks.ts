import { createHmac, randomBytes } from "node:crypto";
import { and, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../../db/connection.js";
import { newId } from "../../db/ids.js";
import {
  apiClients,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
  webhookEvents,
} from "../../db/schema/index.js";
import { type Actor, createdChanges, recordAudit } from "../core/audit.js";
import type { Config } from "../core/config.js";
import { badInput, notFound, parseInput } from "../core/errors.js";
import { encodeGlobalId } from "../core/ids.js";
import { enqueueJob } from "../core/jobs.js";
import { seal, unseal } from "../core/sealing.js";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS, type WebhookEventType } from "../core/webhooks.js";

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
/** A delivery as the API reads it: with its event, and its endpoint's owners (for the access rule). */
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect & {
  eventType: string;
  eventData: Record<string, unknown>;
  eventCreatedAt: Date;
  apiClientId: string;
  clientId: string;
};

const MAX_URL_LENGTH = 2048;

/**
 * A receiver's address: https, or (outside production, for development and tests) http on localhost or
 * 127.0.0.1. No user name or password in it: the signature is what authenticates us to the receiver.
 */
const endpointUrl = (isProduction: boolean) =>
  z
    .string()
    .trim()
    .max(MAX_URL_LENGTH, `at most ${MAX_URL_LENGTH} characters`)
    .refine((value) => URL.canParse(value), "is not a URL")
    .superRefine((value, check) => {
      if (!URL.canParse(value)) return;
      const url = new URL(value);
      if (url.username || url.password)
        check.addIssue({ code: "custom", message: "must not carry a user name or password" });
      const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
      if (url.protocol === "https:" || (url.protocol === "http:" && local && !isProduction)) return;
      check.addIssue({
        code: "custom",
        message: isProduction ? "must be an https URL" : "must be https (or http on localhost or 127.0.0.1)",
      });
    });

const eventList = z
  .array(z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]]))
  .min(1, "subscribe to at least one event")
  .transform((events) => [...new Set(events)]);

const newEndpoint = (isProduction: boolean) =>
  z.object({ url: endpointUrl(isProduction), events: eventList, enabled: z.boolean().default(true) });

const endpointPatch = (isProduction: boolean) =>
  z.object({
    url: endpointUrl(isProduction).optional(),
    events: eventList.optional(),
    enabled: z.boolean().optional(),
  });

/** Standard Webhooks' secret format: `whsec_` and 32 random bytes in base64; the bytes are the HMAC key. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;
const sealSecret = (key: Buffer, endpointId: string, secret: string) =>
  seal(key, `webhook_endpoints:${endpointId}`, secret);
const unsealSecret = (key: Buffer, endpointId: string, sealed: Buffer) =>
  unseal(key, `webhook_endpoints:${endpointId}`, sealed);

/** `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the secret's key (Standard Webhooks). */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** Each event the endpoint asks for needs its scope on the API client: BAD_USER_INPUT naming the missing one. */
function checkScopes(scopes: string[], events: WebhookEventType[]) {
  const missing = events.filter((event) => !scopes.includes(WEBHOOK_EVENTS[event].scope));
  if (missing.length)
    throw badInput(
      missing.map((event) => ({
        field: "events",
        message: `${event} needs the ${WEBHOOK_EVENTS[event].scope} scope, which these credentials do not hold`,
      })),
    );
}

/** Registers an endpoint for an API client; its signing secret is returned here and never again. */
export async function createWebhookEndpoint(
  tx: Executor,
  actor: Actor,
  config: Config,
  input: { apiClientId: string; url: string; events: string[]; enabled?: boolean | null },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const values = parseInput(newEndpoint(config.isProduction), {
    url: input.url,
    events: input.events,
    enabled: input.enabled ?? undefined,
  });
  const [apiClient] = await tx
    .select({ clientId: apiClients.clientId, scopes: apiClients.scopes })
    .from(apiClients)
    .where(and(eq(apiClients.id, input.apiClientId), eq(apiClients.status, "active")));
  if (!apiClient) throw notFound("API client");
  checkScopes(apiClient.scopes, values.events);
  const id = newId();
  const secret = newSecret();
  const [endpoint] = await tx
    .insert(webhookEndpoints)
    .values({
      id,
      apiClientId: input.apiClientId,
      clientId: apiClient.clientId,
      url: values.url,
      events: values.events,
      enabled: values.enabled,
      secretSealed: sealSecret(config.webhookSecretKey, id, secret),
    })
    .returning();
  await recordAudit(tx, actor, {
    action: "create_webhook_endpoint",
    resourceType: "WebhookEndpoint",
    resourceId: id,
    changes: createdChanges({
      apiClientId: input.apiClientId,
      url: values.url,
      events: values.events,
      enabled: values.enabled,
    }),
  });
  return { endpoint: endpoint!, secret };
}

async function lockEndpoint(tx: Executor, endpointId: string) {
  const [endpoint] = await tx
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, endpointId))
    .for("update");
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

/** Changes an endpoint's URL, events or enabled flag. A disabled endpoint's pending deliveries are not sent. */
export async function updateWebhookEndpoint(
  tx: Executor,
  actor: Actor,
  config: Config,
  endpointId: string,
  patch: { url?: string | null; events?: string[] | null; enabled?: boolean | null },
): Promise<WebhookEndpoint> {
  const values = parseInput(endpointPatch(config.isProduction), {
    url: patch.url ?? undefined,
    events: patch.events ?? undefined,
    enabled: patch.enabled ?? undefined,
  });
  const before = await lockEndpoint(tx, endpointId);
  if (values.events) {
    const [apiClient] = await tx
      .select({ scopes: apiClients.scopes })
      .from(apiClients)
      .where(eq(apiClients.id, before.apiClientId));
    checkScopes(apiClient?.scopes ?? [], values.events);
  }
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set(values)
    .where(eq(webhookEndpoints.id, endpointId))
    .returning();
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ["url", "events", "enabled"] as const)
    if (values[key] !== undefined && JSON.stringify(values[key]) !== JSON.stringify(before[key]))
      changes[key] = { from: before[key], to: values[key] };
  if (Object.keys(changes).length)
    await recordAudit(tx, actor, {
      action: "update_webhook_endpoint",
      resourceType: "WebhookEndpoint",
      resourceId: endpointId,
      changes,
    });
  return endpoint!;
}

/**
 * A new signing secret, returned once. Deliveries are signed with both the new and the old one (two signatures in
 * Webhook-Signature) for WEBHOOK_SECRET_GRACE_HOURS, so a receiver can switch over; then with the new one only.
 */
export async function rotateWebhookSecret(
  tx: Executor,
  actor: Actor,
  config: Config,
  endpointId: string,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const before = await lockEndpoint(tx, endpointId);
  const secret = newSecret();
  const previousSecretExpiresAt = new Date(Date.now() + config.webhookSecretGraceMs);
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({
      secretSealed: sealSecret(config.webhookSecretKey, endpointId, secret),
      previousSecretSealed: before.secretSealed,
      previousSecretExpiresAt,
      secretRotatedAt: new Date(),
    })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning();
  await recordAudit(tx, actor, {
    action: "rotate_webhook_secret",
    resourceType: "WebhookEndpoint",
    resourceId: endpointId,
    changes: { previousSecretExpiresAt: { from: null, to: previousSecretExpiresAt.toISOString() } },
  });
  return { endpoint: endpoint!, secret };
}

/** Removes an endpoint with its deliveries: nothing more is sent to it. */
export async function deleteWebhookEndpoint(tx: Executor, actor: Actor, endpointId: string): Promise<string> {
  const before = await lockEndpoint(tx, endpointId);
  await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  await recordAudit(tx, actor, {
    action: "delete_webhook_endpoint",
    resourceType: "WebhookEndpoint",
    resourceId: endpointId,
    changes: { url: { from: before.url, to: null }, events: { from: before.events, to: null } },
  });
  return endpointId;
}

/** Who an endpoint belongs to (its API client and that client's client), or null when there is no such endpoint. */
export async function ownerOfEndpoint(db: Executor, endpointId: string) {
  const [row] = await db
    .select({ apiClientId: webhookEndpoints.apiClientId, clientId: webhookEndpoints.clientId })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, endpointId));
  return row ?? null;
}

/** Deliveries matching `where`, with their event and endpoint owners (in `page`'s order and limit, if given). */
export function loadDeliveries(
  db: Executor,
  where: SQL | undefined,
  page?: { orderBy: SQL[]; limit: number },
): Promise<WebhookDelivery[]> {
  const query = db
    .select({
      ...getTableColumns(webhookDeliveries),
      eventType: webhookEvents.type,
      eventData: webhookEvents.data,
      eventCreatedAt: webhookEvents.createdAt,
      apiClientId: webhookEndpoints.apiClientId,
      clientId: webhookEndpoints.clientId,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(where);
  return page ? query.orderBy(...page.orderBy).limit(page.limit) : query;
}

/** The JSON body of a delivery, the same in every attempt (Standard Webhooks: type, timestamp, data). */
export const webhookBody = (delivery: {
  id: string;
  eventType: string;
  eventCreatedAt: Date;
  eventData: Record<string, unknown>;
}) =>
  JSON.stringify({
    id: encodeGlobalId("WebhookDelivery", delivery.id),
    type: delivery.eventType,
    timestamp: delivery.eventCreatedAt.toISOString(),
    data: delivery.eventData,
  });

export interface DeliverySettings {
  secretKey: Buffer;
  retryMs: readonly number[];
  timeoutMs: number;
}

/** The outcome of one POST: the answer's status code (if one came), how long it took, what went wrong. */
interface Attempt {
  statusCode: number | null;
  succeeded: boolean;
  durationMs: number;
  error: string | null;
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "MuralLink-Webhooks/1", ...headers },
      // A redirect is an answer that is not 2xx: it is not followed (the endpoint's URL is the one registered).
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The receiver's body is not kept (it could hold anything); only whether it answered 2xx, and when.
    await response.body?.cancel().catch(() => {});
    const succeeded = response.status >= 200 && response.status < 300;
    return {
      statusCode: response.status,
      succeeded,
      durationMs: took(),
      error: succeeded ? null : `HTTP ${response.status}`,
    } satisfies Attempt;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const name = (error as { name?: string }).name;
    const reason =
      name === "TimeoutError"
        ? `no answer within ${timeoutMs} ms`
        : cause
          ? `connection failed (${cause})`
          : "connection failed";
    return { statusCode: null, succeeded: false, durationMs: took(), error: reason } satisfies Attempt;
  }
}

/**
 * The deliver_webhook job: one attempt at a delivery. The delivery row is locked for the attempt (another worker
 * holding it skips it), so a delivery is POSTed by one worker at a time, and once one attempt got a 2xx (recorded
 * with the attempt, in the same transaction) it is never sent again: a job run again afterwards finds it delivered.
 * A failed attempt queues the next one after the next wait of WEBHOOK_RETRY_SECONDS; when none is left, the delivery
 * is failed. A disabled or removed endpoint, or revoked or expired credentials, get nothing more.
 */
export async function deliverWebhook(db: Database, settings: DeliverySettings, deliveryId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        delivery: webhookDeliveries,
        endpoint: webhookEndpoints,
        event: webhookEvents,
        clientLive: sql<boolean>`${apiClients.status} = 'active' AND ${apiClients.expiresAt} > now()`,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .innerJoin(apiClients, eq(apiClients.id, webhookEndpoints.apiClientId))
      .where(eq(webhookDeliveries.id, deliveryId))
      .for("update", { of: webhookDeliveries, skipLocked: true });
    if (row?.delivery.status !== "pending") return;
    const { delivery, endpoint, event } = row;
    if (!endpoint.enabled || !row.clientLive) {
      await tx
        .update(webhookDeliveries)
        .set({ status: "cancelled", nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, deliveryId));
      return;
    }
    const webhookId = encodeGlobalId("WebhookDelivery", delivery.id);
    const body = webhookBody({
      id: delivery.id,
      eventType: event.type,
      eventCreatedAt: event.createdAt,
      eventData: event.data,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const secrets = [unsealSecret(settings.secretKey, endpoint.id, endpoint.secretSealed)];
    const previous = endpoint.previousSecretSealed;
    if (previous && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date())
      secrets.push(unsealSecret(settings.secretKey, endpoint.id, previous));
    const attempt = await post(
      endpoint.url,
      body,
      {
        "webhook-id": webhookId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": secrets
          .map((secret) => signWebhook(secret, webhookId, timestamp, body))
          .join(" "),
      },
      settings.timeoutMs,
    );
    const number = delivery.attempts + 1;
    await tx.insert(webhookDeliveryAttempts).values({ deliveryId, number, ...attempt });
    if (attempt.succeeded) {
      await tx
        .update(webhookDeliveries)
        .set({ status: "delivered", attempts: number, deliveredAt: new Date(), nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, deliveryId));
      return;
    }
    const wait = settings.retryMs[number - 1];
    if (wait === undefined) {
      await tx
        .update(webhookDeliveries)
        .set({ status: "failed", attempts: number, nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, deliveryId));
      return;
    }
    const nextAttemptAt = new Date(Date.now() + wait);
    await tx
      .update(webhookDeliveries)
      .set({ attempts: number, nextAttemptAt })
      .where(eq(webhookDeliveries.id, deliveryId));
    await enqueueJob(tx, "deliver_webhook", { deliveryId }, { runAt: nextAttemptAt });
  });
}
