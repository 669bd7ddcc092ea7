import type { Database } from "../db/connection.js";
import { findViewer, rememberedViewer } from "../schema/accounts/sessions.js";
import { Access } from "../schema/core/authorization.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import { loadReach, type Machine, machineGrants, type Reach } from "../schema/core/machine.js";

export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(authorization?.trim() ?? "");
  return match?.[1] ?? null;
}

/**
 * A request's context: its viewer from the bearer session (if live; or, with `remembered`, as last found, to be
 * checked) and their access decisions; or, for an API
 * client's access token (found live by machineAuthentication), the machine principal and the grants its scopes
 * lend on what it reaches.
 */
export async function createContext(
  deps: { config: Config; db: Database },
  request: {
    authorization?: string;
    requestId: string;
    idempotencyKey?: string;
    machine?: Machine;
    ip?: string;
    /** Take the viewer this process last found for the token, unchecked (GraphQL over HTTP: see viewerCheck). */
    remembered?: boolean;
  },
): Promise<Context> {
  const common = {
    ...deps,
    requestId: request.requestId,
    idempotencyKey: request.idempotencyKey ?? null,
    ip: request.ip ?? null,
  };
  const machine = request.machine;
  if (machine) {
    let reach: Promise<Reach> | undefined;
    const machineReach = () => {
      reach ??= loadReach(deps.db, machine);
      return reach;
    };
    return {
      ...common,
      viewer: null,
      sessionToken: null,
      machine,
      machineReach,
      access: new Access(deps.db, null, async () => machineGrants(machine, await machineReach())),
    };
  }
  const sessionToken = bearerToken(request.authorization);
  const remembered = sessionToken && request.remembered ? rememberedViewer(sessionToken) : null;
  if (remembered)
    return {
      ...common,
      viewer: remembered.viewer,
      viewerCheck: remembered.check,
      sessionToken,
      machine: null,
      access: new Access(deps.db, remembered.viewer),
    };
  const viewer = sessionToken ? await findViewer(deps.db, sessionToken, deps.config) : null;
  return {
    ...common,
    viewer,
    sessionToken: viewer ? sessionToken : null,
    machine: null,
    access: new Access(deps.db, viewer),
  };
}
