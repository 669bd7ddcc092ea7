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
import { badInput, conflict, notFound, parseInput } from "../core/errors.js";
import { encodeGlobalId } from "../core/ids.js";
import { enqueueJob } from "../core/jobs.js";
import { seal, unseal } from "../core/sealing.js";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_EVENTS, type WebhookEventType } from "../core/webhooks.js";
import { isInternalLiteral, postToReceiver } from "./receivers.js";

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

/** What decides whether a URL may be registered: where we run, and whether private networks may be reached. */
type UrlRules = Pick<Config, "isProduction" | "webhookAllowPrivateNetworks">;

/**
 * A receiver's address: https, or (outside production, for development and tests) http on localhost or
 * 127.0.0.1. No user name or password in it: the signature is what authenticates us to the receiver. An internal IP
 * address written in it is refused unless WEBHOOK_ALLOW_PRIVATE_NETWORKS (a name resolving to one is refused when
 * a delivery is attempted).
 */
const endpointUrl = ({ isProduction, webhookAllowPrivateNetworks }: UrlRules) =>
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
      if (!webhookAllowPrivateNetworks && isInternalLiteral(url.hostname))
        check.addIssue({
          code: "custom",
          message:
            "must point at a public address: private, loopback, link-local and other internal addresses are refused",
        });
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

const newEndpoint = (rules: UrlRules) =>
  z.object({ url: endpointUrl(rules), events: eventList, enabled: z.boolean().default(true) });

const endpointPatch = (rules: UrlRules) =>
  z.object({
    url: endpointUrl(rules).optional(),
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
  const values = parseInput(newEndpoint(config), {
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
  const values = parseInput(endpointPatch(config), {
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
  allowPrivateNetworks: boolean;
}

/** How long an attempt holds its delivery: its POST's deadline, and time to spare for recording the outcome. */
const holdMs = (settings: DeliverySettings) => settings.timeoutMs + 30_000;

/**
 * Takes the next attempt of a pending delivery, in a short transaction: the delivery is held for this run (a token
 * and a deadline) and what the POST needs is returned. Null when there is nothing to send: delivered, failed,
 * cancelled (the endpoint disabled, the credentials revoked or expired: it is cancelled here), or held by another
 * run, in which case this job looks again when that hold ends (the other run may have died).
 */
async function claimAttempt(db: Database, settings: DeliverySettings, deliveryId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        delivery: webhookDeliveries,
        endpoint: webhookEndpoints,
        event: webhookEvents,
        clientLive: sql<boolean>`${apiClients.status} = 'active' AND ${apiClients.expiresAt} > now()`,
        held: sql<boolean>`coalesce(${webhookDeliveries.claimedUntil} > now(), false)`,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .innerJoin(apiClients, eq(apiClients.id, webhookEndpoints.apiClientId))
      .where(eq(webhookDeliveries.id, deliveryId))
      .for("update", { of: webhookDeliveries });
    if (row?.delivery.status !== "pending") return null;
    if (!row.endpoint.enabled || !row.clientLive) {
      await tx
        .update(webhookDeliveries)
        .set({ status: "cancelled", nextAttemptAt: null, claimToken: null, claimedUntil: null })
        .where(eq(webhookDeliveries.id, deliveryId));
      return null;
    }
    if (row.held) {
      await enqueueJob(tx, "deliver_webhook", { deliveryId }, { runAt: row.delivery.claimedUntil! });
      return null;
    }
    const claimToken = newId();
    await tx
      .update(webhookDeliveries)
      .set({
        claimToken,
        claimedUntil: sql`now() + ${holdMs(settings)}::float8 * interval '1 millisecond'`,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    return { ...row, claimToken };
  });
}

/**
 * The deliver_webhook job: one attempt at a delivery, in three steps, no transaction open during the POST. The
 * attempt is claimed (claimAttempt: one run at a time), POSTed, and its outcome recorded with the claim released,
 * in a second short transaction that holds only if the claim is still this run's. Once an attempt got a 2xx the
 * delivery is never sent again: a job run again afterwards finds it delivered. A failed attempt (an internal
 * address refused included) queues the next one after the next wait of WEBHOOK_RETRY_SECONDS; when none is left,
 * or the attempt was a redelivery, the delivery is failed.
 */
export async function deliverWebhook(db: Database, settings: DeliverySettings, deliveryId: string) {
  const claim = await claimAttempt(db, settings, deliveryId);
  if (!claim) return;
  const { delivery, endpoint, event } = claim;
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
  const attempt = await postToReceiver(
    endpoint.url,
    body,
    {
      "webhook-id": webhookId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": secrets.map((secret) => signWebhook(secret, webhookId, timestamp, body)).join(" "),
    },
    settings,
  );
  const number = delivery.attempts + 1;
  const wait = delivery.redeliveredAt ? undefined : settings.retryMs[number - 1];
  const nextAttemptAt = attempt.succeeded || wait === undefined ? null : new Date(Date.now() + wait);
  await db.transaction(async (tx) => {
    // Still this run's claim (the delivery's attempts cannot have moved meanwhile): else, past its hold, another run
    // took the delivery over and records its own attempt.
    const [recorded] = await tx
      .update(webhookDeliveries)
      .set({
        status: attempt.succeeded ? "delivered" : nextAttemptAt ? "pending" : "failed",
        attempts: number,
        deliveredAt: attempt.succeeded ? new Date() : null,
        nextAttemptAt,
        claimToken: null,
        claimedUntil: null,
      })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.claimToken, claim.claimToken)))
      .returning({ id: webhookDeliveries.id });
    if (!recorded) return;
    await tx.insert(webhookDeliveryAttempts).values({ deliveryId, number, ...attempt });
    if (nextAttemptAt) await enqueueJob(tx, "deliver_webhook", { deliveryId }, { runAt: nextAttemptAt });
  });
}

/** Who a delivery's endpoint belongs to, or null when there is no such delivery. */
export async function ownerOfDelivery(db: Executor, deliveryId: string) {
  const [row] = await db
    .select({ apiClientId: webhookEndpoints.apiClientId, clientId: webhookEndpoints.clientId })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  return row ?? null;
}

/**
 * Queues one more attempt of a finished delivery (failed, cancelled, or delivered: a replay), now, to the endpoint's
 * current URL: the same Webhook-Id and body, signed as any attempt. It is made once, without retries: answered 2xx,
 * the delivery is delivered; otherwise failed. The endpoint must be enabled and its credentials live.
 */
export async function redeliverWebhook(
  tx: Executor,
  actor: Actor,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const [row] = await tx
    .select({
      status: webhookDeliveries.status,
      enabled: webhookEndpoints.enabled,
      clientLive: sql<boolean>`${apiClients.status} = 'active' AND ${apiClients.expiresAt} > now()`,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(apiClients, eq(apiClients.id, webhookEndpoints.apiClientId))
    .where(eq(webhookDeliveries.id, deliveryId))
    .for("update", { of: webhookDeliveries });
  if (!row) throw notFound("Webhook delivery");
  if (row.status === "pending")
    throw conflict("This delivery is still pending: its next attempt is already queued (see nextAttemptAt).");
  if (!row.enabled)
    throw conflict("Its endpoint is disabled: enable it (updateWebhookEndpoint) before redelivering.");
  if (!row.clientLive) throw conflict("Its endpoint's API credentials are revoked or expired.");
  const now = new Date();
  await tx
    .update(webhookDeliveries)
    .set({ status: "pending", deliveredAt: null, nextAttemptAt: now, redeliveredAt: now })
    .where(eq(webhookDeliveries.id, deliveryId));
  await enqueueJob(tx, "deliver_webhook", { deliveryId });
  await recordAudit(tx, actor, {
    action: "redeliver_webhook",
    resourceType: "WebhookDelivery",
    resourceId: deliveryId,
    changes: { status: { from: row.status, to: "pending" } },
  });
  const [delivery] = await loadDeliveries(tx, eq(webhookDeliveries.id, deliveryId));
  return delivery!;
}

/** At most this many deliveries are removed per statement, so a large backlog never holds one long transaction. */
const PURGE_BATCH = 5_000;

/**
 * The purge_webhook_deliveries job (hourly): removes finished deliveries (delivered, failed, cancelled) that last
 * changed more than WEBHOOK_DELIVERY_RETENTION_DAYS ago, with their attempts, and the events none is left for.
 * Pending deliveries stay, whatever their age. Returns how many deliveries went.
 */
export async function purgeWebhookDeliveries(db: Database, retentionMs: number): Promise<number> {
  const cutoff = sql`now() - ${retentionMs}::float8 * interval '1 millisecond'`;
  let removed = 0;
  for (;;) {
    const rows = await db.execute<{ id: string }>(sql`
      DELETE FROM ${webhookDeliveries} WHERE id IN (
        SELECT id FROM ${webhookDeliveries}
        WHERE status <> 'pending' AND updated_at < ${cutoff} LIMIT ${PURGE_BATCH})
      RETURNING id`);
    removed += rows.length;
    if (rows.length < PURGE_BATCH) break;
  }
  for (;;) {
    const rows = await db.execute<{ id: string }>(sql`
      DELETE FROM ${webhookEvents} WHERE id IN (
        SELECT e.id FROM ${webhookEvents} e
        WHERE e.created_at < ${cutoff}
          AND NOT EXISTS (SELECT 1 FROM ${webhookDeliveries} d WHERE d.event_id = e.id)
        LIMIT ${PURGE_BATCH})
      RETURNING id`);
    if (rows.length < PURGE_BATCH) break;
  }
  return removed;
}
