import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/connection.js";
import { sessions, users } from "../../db/schema/index.js";
import { Access, type GrantRow, grantsJsonSql } from "../core/authorization.js";
import type { Config } from "../core/config.js";
import type { Context, Viewer } from "../core/context.js";
import { isAdminSql, roleNamesSql } from "../core/roles.js";
import { hashSecret, newSecret } from "./secrets.js";

export async function openSession(tx: Executor, userId: string, config: Config) {
  const secret = newSecret();
  const [row] = await tx
    .insert(sessions)
    .values({ userId, tokenHash: secret.hash, expiresAt: new Date(Date.now() + config.sessionMaxMs) })
    .returning({ expiresAt: sessions.expiresAt });
  return { token: secret.token, expiresAt: row!.expiresAt };
}

/**
 * Finds the live session for a bearer token, with its user's grants, and refreshes its idle timer, in one
 * statement. Revoked, idle and expired sessions find nothing. So that reads do not write, the timer is written at most once per `touchEvery`
 * (a minute, or a tenth of the idle timeout when that is shorter): a session then ends between idle and idle plus
 * that much after its last use.
 */
export async function findViewer(db: Database, token: string, config: Config): Promise<Viewer | null> {
  const idleSeconds = config.sessionIdleMs / 1000;
  const touchEverySeconds = Math.min(60, idleSeconds / 10);
  const rows = await db.execute<{
    session_id: string;
    user_id: string;
    real_user_id: string;
    user_type: Viewer["userType"];
    is_admin: boolean;
    real_user_is_admin: boolean;
    roles: string[];
    expires_at: string;
    last_seen_at: string;
    grants: GrantRow[];
  }>(sql`
    WITH live AS (
      SELECT id, user_id, coalesce(acting_as_user_id, user_id) AS effective_id, expires_at, last_seen_at
      FROM ${sessions}
      WHERE token_hash = ${hashSecret(token)} AND revoked_at IS NULL AND expires_at > now()
        AND last_seen_at > now() - make_interval(secs => ${idleSeconds})
    ), touched AS (
      UPDATE ${sessions} t SET last_seen_at = now() FROM live
      WHERE t.id = live.id AND live.last_seen_at < now() - make_interval(secs => ${touchEverySeconds})
      RETURNING t.last_seen_at
    )
    SELECT s.id AS session_id, s.effective_id AS user_id, s.user_id AS real_user_id, u.user_type,
      ${isAdminSql(sql`s.effective_id`)} AS is_admin, ${isAdminSql(sql`s.user_id`)} AS real_user_is_admin,
      ${roleNamesSql(sql`s.effective_id`)} AS roles, s.expires_at,
      coalesce((SELECT last_seen_at FROM touched), s.last_seen_at) AS last_seen_at,
      ${grantsJsonSql(sql`s.effective_id`)} AS grants
    FROM live s JOIN ${users} u ON u.id = s.effective_id`);
  const row = rows[0];
  if (!row) return null;
  const idleExpiresAt = new Date(new Date(row.last_seen_at).getTime() + config.sessionIdleMs);
  const expiresAt = new Date(row.expires_at);
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    realUserId: row.real_user_id,
    userType: row.user_type,
    isAdmin: row.is_admin,
    realUserIsAdmin: row.real_user_is_admin,
    roles: row.roles,
    grants: row.grants,
    expiresAt,
    idleExpiresAt: idleExpiresAt < expiresAt ? idleExpiresAt : expiresAt,
  };
}

export async function revokeSession(tx: Executor, sessionId: string) {
  await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** After a password change or reset every other session of the user ends. */
export async function revokeUserSessions(tx: Executor, userId: string, exceptSessionId?: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    );
}

export async function setActingUser(tx: Executor, sessionId: string, userId: string | null) {
  await tx.update(sessions).set({ actingAsUserId: userId }).where(eq(sessions.id, sessionId));
}

/** Reloads the viewer after a mutation changed the session (login, switch user); throws if it is gone. */
export async function refreshViewer(ctx: Context): Promise<Viewer> {
  ctx.viewer = ctx.sessionToken ? await findViewer(ctx.db, ctx.sessionToken, ctx.config) : null;
  ctx.access = new Access(ctx.db, ctx.viewer);
  if (!ctx.viewer) throw new Error("The session disappeared while the request used it.");
  return ctx.viewer;
}
