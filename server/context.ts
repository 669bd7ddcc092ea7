import type { Database } from "../db/connection.js";
import { Access } from "../schema/access/authorization.js";
import { findViewer, type Viewer } from "../schema/accounts/sessions.js";
import type { Actor } from "../schema/audit/record.js";
import type { Config } from "./config.js";

export interface Context {
  requestId: string;
  config: Config;
  db: Database;
  /** Null when the request carries no live session. Mutations such as login or switchUser replace it. */
  viewer: Viewer | null;
  sessionToken: string | null;
  /** The viewer's access decisions, batched and cached for this request (renewed when the viewer changes). */
  access: Access;
}

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(authorization?.trim() ?? "");
  return match?.[1] ?? null;
}

export async function createContext(
  deps: { config: Config; db: Database },
  request: { authorization?: string; requestId: string },
): Promise<Context> {
  const sessionToken = bearerToken(request.authorization);
  const viewer = sessionToken ? await findViewer(deps.db, sessionToken, deps.config) : null;
  return {
    ...deps,
    requestId: request.requestId,
    viewer,
    sessionToken: viewer ? sessionToken : null,
    access: new Access(deps.db, viewer),
  };
}

/** Reloads the viewer after a mutation changed the session (login, switch user); throws if it is gone. */
export async function refreshViewer(ctx: Context): Promise<Viewer> {
  ctx.viewer = ctx.sessionToken ? await findViewer(ctx.db, ctx.sessionToken, ctx.config) : null;
  ctx.access = new Access(ctx.db, ctx.viewer);
  if (!ctx.viewer) throw new Error("The session disappeared while the request used it.");
  return ctx.viewer;
}

/** The audit identity of a request: the logged-in user, and whom they act as. */
export function actorOf(ctx: Context): Actor {
  return {
    realUserId: ctx.viewer?.realUserId ?? null,
    userId: ctx.viewer?.userId ?? null,
    requestId: ctx.requestId,
  };
}
