import type { Database } from "../db/connection.js";
import { findViewer } from "../schema/accounts/sessions.js";
import { Access } from "../schema/core/authorization.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(authorization?.trim() ?? "");
  return match?.[1] ?? null;
}

/** A request's context: its viewer from the bearer session (if live) and their access decisions. */
export async function createContext(
  deps: { config: Config; db: Database },
  request: { authorization?: string; requestId: string; idempotencyKey?: string },
): Promise<Context> {
  const sessionToken = bearerToken(request.authorization);
  const viewer = sessionToken ? await findViewer(deps.db, sessionToken, deps.config) : null;
  return {
    ...deps,
    requestId: request.requestId,
    viewer,
    sessionToken: viewer ? sessionToken : null,
    access: new Access(deps.db, viewer),
    idempotencyKey: request.idempotencyKey ?? null,
  };
}
