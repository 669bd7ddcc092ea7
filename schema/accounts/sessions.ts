import { and, eq, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/connection.js";
import { sessions, users } from "../../db/schema/index.js";
import { Access, type GrantRow, grantsJsonSql } from "../core/authorization.js";
import type { Config } from "../core/config.js";
import type { Context, Viewer, ViewerCheck } from "../core/context.js";
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

/** What findViewer reads, and how long a session may go unwritten, for `config`. */
const timers = (config: Config) => {
  const idleSeconds = config.sessionIdleMs / 1000;
  return { idleSeconds, touchEverySeconds: Math.min(60, idleSeconds / 10) };
};

/**
 * The live session of a token's hash as `live`, and its viewer as `viewer`: one row, or none when the session is
 * revoked, idle or expired. `fingerprint` sums up every column a request decides with (all but the idle timer; the
 * user's grants by the count of their changes, users.grants_version), so that a statement can check a remembered
 * viewer is still exactly so (viewerStillSql).
 */
const viewerCtes = (tokenHash: Buffer, idleSeconds: number) => sql`
  live AS (
    SELECT id, user_id, coalesce(acting_as_user_id, user_id) AS effective_id, expires_at, last_seen_at
    FROM ${sessions}
    WHERE token_hash = ${tokenHash} AND revoked_at IS NULL AND expires_at > now()
      AND last_seen_at > now() - make_interval(secs => ${idleSeconds})
  ), viewer AS (
    SELECT v.*, md5(json_build_array(v.session_id, v.user_id, v.real_user_id, v.user_type, v.is_admin,
      v.real_user_is_admin, v.roles, v.expires_at, v.grants_version)::text) AS fingerprint
    FROM (SELECT s.id AS session_id, s.effective_id AS user_id, s.user_id AS real_user_id, u.user_type,
        ${isAdminSql(sql`s.effective_id`)} AS is_admin, ${isAdminSql(sql`s.user_id`)} AS real_user_is_admin,
        ${roleNamesSql(sql`s.effective_id`)} AS roles, s.expires_at, s.last_seen_at,
        u.grants_version
      FROM live s JOIN ${users} u ON u.id = s.effective_id) v
  )`;

/**
 * Finds the live session for a bearer token, with its user's grants, and refreshes its idle timer, in one
 * statement. Revoked, idle and expired sessions find nothing. So that reads do not write, the timer is written at most once per `touchEvery`
 * (a minute, or a tenth of the idle timeout when that is shorter): a session then ends between idle and idle plus
 * that much after its last use. The viewer found is remembered for the token (rememberedViewer); none, forgotten.
 */
export async function findViewer(db: Database, token: string, config: Config): Promise<Viewer | null> {
  return (await findSession(db, token, config))?.viewer ?? null;
}

/** findViewer's viewer, with what checks that it still holds (viewerStillSql). */
async function findSession(db: Database, token: string, config: Config): Promise<Remembered | null> {
  const { idleSeconds, touchEverySeconds } = timers(config);
  const tokenHash = hashSecret(token);
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
    fingerprint: string;
  }>(sql`
    WITH ${viewerCtes(tokenHash, idleSeconds)}, touched AS (
      UPDATE ${sessions} t SET last_seen_at = now() FROM live
      WHERE t.id = live.id AND live.last_seen_at < now() - make_interval(secs => ${touchEverySeconds})
      RETURNING t.last_seen_at
    )
    SELECT v.session_id, v.user_id, v.real_user_id, v.user_type, v.is_admin, v.real_user_is_admin, v.roles,
      v.expires_at, ${grantsJsonSql(sql`v.user_id`)} AS grants, v.fingerprint,
      coalesce((SELECT last_seen_at FROM touched), v.last_seen_at) AS last_seen_at
    FROM viewer v`);
  const key = tokenHash.toString("base64");
  const row = rows[0];
  if (!row) {
    remembered.delete(key);
    return null;
  }
  const idleExpiresAt = new Date(new Date(row.last_seen_at).getTime() + config.sessionIdleMs);
  const expiresAt = new Date(row.expires_at);
  const viewer: Viewer = {
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
  const found = { viewer, check: { tokenHash, fingerprint: row.fingerprint } };
  remembered.delete(key); // re-inserted last: the least recently found go first
  remembered.set(key, found);
  if (remembered.size > REMEMBERED_VIEWERS) remembered.delete(remembered.keys().next().value as string);
  return found;
}

/*
 * Viewers remembered by this process, by their token's hash: a planned read (schema/core/read-plans.ts) is built for
 * the remembered viewer and checks in its own statement that the session still gives exactly that viewer
 * (viewerStillSql), instead of finding the viewer in a statement of its own first. Nothing is ever decided on a
 * remembered viewer alone: every other request checks it (checkViewer) before anything runs.
 */
const REMEMBERED_VIEWERS = 1000;
type Remembered = { viewer: Viewer; check: ViewerCheck };
const remembered = new Map<string, Remembered>();

/** The viewer last found for `token` by this process, to be checked by the request that uses it; null if none. */
export function rememberedViewer(token: string): Remembered | null {
  return remembered.get(hashSecret(token).toString("base64")) ?? null;
}

/**
 * True (in SQL) when the session checked still gives the viewer remembered, unchanged, and its idle timer is not due
 * to be written: exactly when findViewer would find that viewer and write nothing. False sends the request back to
 * findViewer (checkViewer).
 */
export function viewerStillSql(check: ViewerCheck, config: Config): SQL {
  const { idleSeconds, touchEverySeconds } = timers(config);
  return sql`EXISTS (WITH ${viewerCtes(check.tokenHash, idleSeconds)}
    SELECT 1 FROM viewer WHERE fingerprint = ${check.fingerprint}
      AND last_seen_at >= now() - make_interval(secs => ${touchEverySeconds}))`;
}

/**
 * Makes the request's viewer one found now: when it was remembered from an earlier request and not yet checked, it
 * is found again (findViewer), and the request goes on as whoever that is (no one, when the session has ended).
 * Returns what checks the viewer found now still holds (viewerStillSql), when it found one.
 */
export async function checkViewer(ctx: Context): Promise<ViewerCheck | null> {
  const check = ctx.viewerCheck;
  if (!check) return null;
  ctx.viewerCheck = undefined;
  const found = ctx.sessionToken ? await findSession(ctx.db, ctx.sessionToken, ctx.config) : null;
  const viewer = found?.viewer ?? null;
  ctx.viewer = viewer;
  ctx.sessionToken = viewer ? ctx.sessionToken : null;
  // The same viewer keeps the decisions made for it so far in this request.
  if (found?.check.fingerprint !== check.fingerprint) ctx.access = new Access(ctx.db, viewer);
  return found?.check ?? null;
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
