import type { Database } from "../../db/connection.js";
import type { users } from "../../db/schema/index.js";
import type { Actor } from "./audit.js";
import type { Access, GrantRow } from "./authorization.js";
import type { Config } from "./config.js";
import type { IdempotentCall } from "./idempotency.js";
import type { Machine, Reach } from "./machine.js";

type UserType = (typeof users.$inferSelect)["userType"];

/** The person behind a request. After switch user, `userId` is whom the admin acts as; `realUserId` is the admin. */
export interface Viewer {
  sessionId: string;
  userId: string;
  realUserId: string;
  userType: UserType;
  isAdmin: boolean;
  realUserIsAdmin: boolean;
  roles: string[];
  /** The grants of `userId`, read with the session; Access decides on them until the request changes grants. */
  grants: readonly GrantRow[];
  expiresAt: Date;
  idleExpiresAt: Date;
}

/** What a statement compares to check a remembered viewer still holds (viewerStillSql). */
export interface ViewerCheck {
  tokenHash: Buffer;
  fingerprint: string;
}

/** What every resolver, rule and business function of a request sees. server/context.ts builds it. */
export interface Context {
  requestId: string;
  config: Config;
  db: Database;
  /** Null when the request carries no live session. Mutations such as login or switchUser replace it. */
  viewer: Viewer | null;
  /**
   * The API client calling with a live access token (never beside a viewer): its rights are its scopes on what it
   * reaches (machine.ts), decided by the same rules; fields of people's data are closed to it.
   */
  machine: Machine | null;
  /** What the machine reaches, loaded once for the request (machineMay). */
  machineReach?: () => Promise<Reach>;
  /** The caller's IP address, for the API request log; null when unknown. */
  ip?: string | null;
  sessionToken: string | null;
  /**
   * Set while `viewer` is one this process remembered from an earlier request with the same token and this request
   * has not checked yet (schema/accounts/sessions.ts): nothing may be decided on it before checkViewer, except a
   * planned read, whose statement checks it itself.
   */
  viewerCheck?: ViewerCheck;
  /** The viewer's access decisions, batched and cached for this request (renewed when the viewer changes). */
  access: Access;
  /** The request's Idempotency-Key header, as sent: the money mutations honour it (idempotency.ts). */
  idempotencyKey: string | null;
  /** Set for one money mutation's resolver under an Idempotency-Key: inTransaction claims and answers the key. */
  idempotentCall?: IdempotentCall;
}

/** The audit identity of a request: the logged-in user, and whom they act as. */
export function actorOf(ctx: Context): Actor {
  return {
    realUserId: ctx.viewer?.realUserId ?? null,
    userId: ctx.viewer?.userId ?? null,
    requestId: ctx.requestId,
  };
}
