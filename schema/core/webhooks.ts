import { sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { newId } from "../../db/ids.js";
import {
  apiClients,
  contracts,
  trials,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from "../../db/schema/index.js";
import { addJob } from "./jobs.js";
import { reaches, type Scope } from "./machine.js";

/**
 * The events an API client may subscribe to, each with the scope its credentials need to receive it (on top of the
 * event's trial being within their reach).
 */
export const WEBHOOK_EVENTS = {
  "candidate.referred": {
    scope: "referrals:read",
    description: "A pre-screened candidate was referred to a trial site (ids and time; never their answers).",
  },
  "participant.enrolled": {
    scope: "trials:read",
    description: "A participant was enrolled in a trial at a site (the enrollment's id, never who).",
  },
  "trial.status_changed": {
    scope: "trials:read",
    description: "A trial's status changed (DRAFT, LIVE, PAUSED, CLOSED): from and to.",
  },
  "payment.paid": {
    scope: "trials:read",
    description: "A payment was paid out to its participant: its id, enrollment, amount and currency.",
  },
} as const satisfies Record<string, { scope: Scope; description: string }>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

export interface WebhookEvent {
  type: WebhookEventType;
  /** The trial it is about: who may receive it is decided on it. */
  trialId: string;
  /** Ids (global ids) and facts: amounts, statuses, times. Never a participant's personal data. */
  data: Record<string, unknown>;
}

/**
 * Records an event for its subscribers and queues one delivery job each, in the transaction of the change that
 * caused it (rolled back with it). Subscribers are the enabled endpoints of live API clients whose scopes and reach
 * cover the event's trial (sandbox credentials: sandbox trials only). One statement when no one subscribes (the
 * usual case), two otherwise.
 */
export async function emitWebhookEvent(tx: Executor, event: WebhookEvent): Promise<void> {
  const { scope } = WEBHOOK_EVENTS[event.type];
  const subscribers = await tx.execute<{ id: string }>(sql`
    SELECT e.id FROM ${webhookEndpoints} e
    JOIN ${apiClients} a ON a.id = e.api_client_id
    JOIN ${trials} t ON t.id = ${event.trialId}
    JOIN ${contracts} c ON c.id = t.contract_id
    WHERE e.enabled AND ${event.type} = ANY(e.events)
      AND a.status = 'active' AND a.expires_at > now() AND ${scope} = ANY(a.scopes)
      AND ${reaches(
        {
          clientId: sql`a.client_id`,
          environment: sql`a.environment::text`,
          reach: sql`a.reach::text`,
          contractId: sql`a.contract_id`,
          apiClientId: sql`a.id`,
        },
        sql`t`,
        sql`c`,
      )}`);
  if (subscribers.length === 0) return;
  const eventId = newId();
  const rows = sql.join(
    subscribers.map((s) => sql`(${newId()}, ${s.id})`),
    sql`, `,
  );
  // An endpoint deleted since the first statement just drops out (the join), never failing the cause.
  await tx.execute(sql`
    WITH event AS (
      INSERT INTO ${webhookEvents} (id, type, trial_id, data)
      VALUES (${eventId}, ${event.type}, ${event.trialId}, ${JSON.stringify(event.data)}::jsonb)
      RETURNING id
    ), queued AS (
      INSERT INTO ${webhookDeliveries} (id, event_id, endpoint_id)
      SELECT d.id, event.id, e.id
      FROM (VALUES ${rows}) AS d(id, endpoint_id)
      JOIN ${webhookEndpoints} e ON e.id = d.endpoint_id, event
      RETURNING id
    )
    SELECT ${addJob("deliver_webhook", sql`json_build_object('deliveryId', queued.id)`)} FROM queued`);
}
