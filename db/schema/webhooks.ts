import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { bytea } from "./accounts.js";
import { apiClients } from "./apiaccess.js";
import { createdAt, id, updatedAt } from "./columns.js";
import { clients } from "./organizations.js";
import { trials } from "./trials.js";

/**
 * Where an API client wants events POSTed: an https URL (http on localhost outside production), the event types it
 * subscribes to, and the signing secret, sealed (AES-256-GCM bound to the row) since deliveries are signed with it.
 * A rotated secret still signs beside the new one until `previousSecretExpiresAt`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    apiClientId: text()
      .notNull()
      .references(() => apiClients.id, { onDelete: "cascade" }),
    /** The API client's client, kept here so the access rule reads one row. */
    clientId: text()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    url: text().notNull(),
    events: text().array().notNull(),
    enabled: boolean().notNull().default(true),
    secretSealed: bytea().notNull(),
    previousSecretSealed: bytea(),
    previousSecretExpiresAt: timestamp({ withTimezone: true, precision: 3 }),
    secretRotatedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("webhook_endpoints_api_client_idx").on(t.apiClientId),
    index("webhook_endpoints_client_idx").on(t.clientId, t.createdAt),
    check("webhook_endpoints_has_events", sql`cardinality(${t.events}) > 0`),
    check("webhook_endpoints_url_length", sql`length(${t.url}) <= 2048`),
  ],
);

/** Something that happened, as sent to subscribers: ids and facts, never a participant's personal data. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    type: text().notNull(),
    trialId: text()
      .notNull()
      .references(() => trials.id, { onDelete: "cascade" }),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_events_trial_idx").on(t.trialId),
    index("webhook_events_created_idx").on(t.createdAt),
  ],
);

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", [
  "pending",
  "delivered",
  "failed",
  "cancelled",
]);

/**
 * One event for one endpoint: pending until an attempt gets a 2xx (delivered) or attempts run out (failed). An
 * attempt under way holds the delivery (`claimToken`, until `claimedUntil`) without holding a transaction open
 * during its POST, so a second run of the same job sends nothing meanwhile.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    eventId: text()
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    endpointId: text()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    status: webhookDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true, precision: 3 }),
    deliveredAt: timestamp({ withTimezone: true, precision: 3 }),
    /** When redeliverWebhook last queued it again: attempts since are made once each, without retries. */
    redeliveredAt: timestamp({ withTimezone: true, precision: 3 }),
    claimToken: text(),
    claimedUntil: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    // The retention sweep: finished deliveries by when they last changed.
    index("webhook_deliveries_finished_idx").on(t.updatedAt).where(sql`${t.status} <> 'pending'`),
    index("webhook_deliveries_event_idx").on(t.eventId),
    check(
      "webhook_deliveries_delivered_at",
      sql`(${t.status} = 'delivered') = (${t.deliveredAt} IS NOT NULL)`,
    ),
  ],
);

/** Each POST of a delivery: its answer's status code (none when it never came), how long it took, what failed. */
export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: id(),
    deliveryId: text()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    statusCode: integer(),
    succeeded: boolean().notNull(),
    durationMs: integer().notNull(),
    error: text(),
    createdAt: createdAt(),
  },
  (t) => [unique("webhook_delivery_attempts_number_key").on(t.deliveryId, t.number)],
);
