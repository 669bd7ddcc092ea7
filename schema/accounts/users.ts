import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { type AuditChanges, users } from "../../db/schema/index.js";
import { type Actor, changesBetween, recordAudit } from "../core/audit.js";
import type { Config } from "../core/config.js";
import type { Context } from "../core/context.js";
import { DomainError, notFound, onViolation, PG_UNIQUE_VIOLATION, parseInput } from "../core/errors.js";
import { queueEmail } from "../core/outbox.js";
import { inTransaction } from "../core/transaction.js";
import { changeAddress, dropAddress, insertAddress } from "./addresses.js";
import type { AddressInput } from "./inputs.js";
import * as rules from "./inputs.js";
import { assertPasswordAcceptable, hashPassword, verifyPassword } from "./passwords.js";
import { openSession, revokeUserSessions } from "./sessions.js";
import { consumeToken, issueToken } from "./tokens.js";

export type User = typeof users.$inferSelect;

const emailTaken = () => new DomainError("CONFLICT", "An account with this e-mail address already exists.");

/** Unique-key violations on users' e-mail become a clear CONFLICT instead of a server error. */
export const guardEmailUnique = <T>(work: () => Promise<T>) =>
  onViolation(work, { code: PG_UNIQUE_VIOLATION, constraint: "users_email_key", error: emailTaken });

/** Sends a verification e-mail carrying a fresh token. */
export async function sendVerification(
  tx: Executor,
  user: Pick<User, "id" | "email" | "firstName">,
  config: Config,
) {
  const token = await issueToken(tx, user.id, "verification", config.verificationMs);
  await queueEmail(tx, {
    userId: user.id,
    to: user.email,
    template: "verify_email",
    subject: "Confirm your Mural Link e-mail address",
    body: `Hello ${user.firstName},\n\nUse this code to confirm your e-mail address or set your password: ${token.token}\n\nIt expires at ${token.expiresAt.toISOString()}.`,
    payload: { tokenId: token.id, token: token.token },
  });
  return token;
}

/**
 * Creates the login of someone invited by staff (a participant or caregiver): no password yet; the invitation
 * e-mail is sent by the caller once the rest of their record exists (sendVerification).
 */
export async function createInvitedUser(
  tx: Executor,
  person: {
    email: string;
    firstName: string;
    lastName: string;
    phone?: string | null;
    address?: AddressInput | null;
    userType: "participant" | "caregiver";
    emailEnabled?: boolean | null;
    smsEnabled?: boolean | null;
  },
): Promise<User> {
  const addressId = person.address ? await insertAddress(tx, person.address) : null;
  const [user] = await tx
    .insert(users)
    .values({
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone ?? null,
      addressId,
      userType: person.userType,
      emailEnabled: person.emailEnabled ?? true,
      smsEnabled: person.smsEnabled ?? true,
    })
    .returning();
  return user!;
}

export async function registerUser(ctx: Context, raw: unknown) {
  const input = parseInput(rules.registration, raw);
  assertPasswordAcceptable(input.password);
  // Hashed before the transaction: argon2 is slow, and no connection should wait on it.
  const passwordHash = await hashPassword(input.password);
  return guardEmailUnique(() =>
    inTransaction(ctx, async (tx) => {
      const addressId = input.address ? await insertAddress(tx, input.address) : null;
      const [user] = await tx
        .insert(users)
        .values({ ...input, addressId, passwordHash, userType: "staff" })
        .returning();
      await sendVerification(tx, user!, ctx.config);
      const session = await openSession(tx, user!.id, ctx.config);
      await recordAudit(
        tx,
        { realUserId: user!.id, userId: user!.id, requestId: ctx.requestId },
        {
          action: "register",
          resourceType: "user",
          resourceId: user!.id,
          changes: { email: { from: null, to: user!.email } },
        },
      );
      return { user: user!, session };
    }),
  );
}

const invalidCredentials = () =>
  new DomainError(
    "INVALID_CREDENTIALS",
    "The e-mail address or password is wrong, or the account is locked for a while after too many failed attempts.",
  );

/**
 * Checks a password and opens a session. Each attempt is counted before the (slow) hash check, atomically, so
 * parallel or aliased guesses cannot exceed the limit; the limit locks the account for a while. Unknown e-mail,
 * wrong password and locked account all get the same answer.
 */
export async function logIn(ctx: Context, emailAddress: string, password: string) {
  const { config } = ctx;
  const [attempt] = await ctx.db
    .update(users)
    .set({
      invalidAttempts: sql`CASE WHEN ${users.lockedUntil} IS NOT NULL THEN 1 ELSE ${users.invalidAttempts} + 1 END`,
      lockedUntil: null,
    })
    .where(
      and(
        sql`lower(${users.email}) = lower(${emailAddress})`,
        sql`(${users.lockedUntil} IS NULL OR ${users.lockedUntil} <= now())`,
      ),
    )
    .returning({
      id: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      attempts: users.invalidAttempts,
    });

  const ok =
    (await verifyPassword(attempt?.passwordHash ?? null, password)) &&
    attempt!.attempts <= config.LOGIN_MAX_ATTEMPTS;
  if (!attempt) throw invalidCredentials();
  if (!ok) {
    if (attempt.attempts >= config.LOGIN_MAX_ATTEMPTS) await lockAccount(ctx, attempt);
    throw invalidCredentials();
  }
  return inTransaction(ctx, async (tx) => {
    await tx.update(users).set({ invalidAttempts: 0 }).where(eq(users.id, attempt.id));
    const session = await openSession(tx, attempt.id, config);
    await recordAudit(
      tx,
      { realUserId: attempt.id, userId: attempt.id, requestId: ctx.requestId },
      {
        action: "login",
        resourceType: "user",
        resourceId: attempt.id,
      },
    );
    // The failed attempts since the last good login, as the spec reports them.
    return { ...session, invalidAttempts: attempt.attempts - 1 };
  });
}

/** Locks the account in a transaction of its own, committed before the login is refused. */
async function lockAccount(ctx: Context, user: { id: string; email: string }) {
  const { config } = ctx;
  await inTransaction(ctx, async (tx) => {
    const [locked] = await tx
      .update(users)
      .set({
        lockedUntil: sql`now() + make_interval(secs => ${config.lockoutMs / 1000})`,
        invalidAttempts: 0,
      })
      .where(and(eq(users.id, user.id), sql`${users.lockedUntil} IS NULL`))
      .returning({ lockedUntil: users.lockedUntil });
    if (!locked) return; // a parallel attempt locked it first
    await recordAudit(
      tx,
      { realUserId: null, userId: null, requestId: ctx.requestId },
      {
        action: "lock_account",
        resourceType: "user",
        resourceId: user.id,
        changes: { lockedUntil: { from: null, to: locked.lockedUntil } },
      },
    );
    await queueEmail(tx, {
      userId: user.id,
      to: user.email,
      template: "account_locked",
      subject: "Your Mural Link account is locked for a while",
      body: `There were ${config.LOGIN_MAX_ATTEMPTS} failed attempts to log in to your account. It is locked until ${locked.lockedUntil?.toISOString()}. If this was not you, reset your password.`,
    });
  });
}

/** Sets a new password (rules checked), ends the user's other sessions and clears any lockout. */
export async function setPassword(
  tx: Executor,
  userId: string,
  newPassword: string,
  actor: Actor,
  options: { keepSessionId?: string; verifiesEmail?: boolean; action: string },
) {
  assertPasswordAcceptable(newPassword, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  await tx
    .update(users)
    .set({
      passwordHash,
      invalidAttempts: 0,
      lockedUntil: null,
      ...(options.verifiesEmail ? { emailVerified: true } : {}),
    })
    .where(eq(users.id, userId));
  await revokeUserSessions(tx, userId, options.keepSessionId);
  await recordAudit(tx, actor, {
    action: options.action,
    resourceType: "user",
    resourceId: userId,
    changes: { password: { from: "[hidden]", to: "[changed]" } },
  });
}

/** Change password while logged in: the current password must be given (unless the account has none yet). */
export async function changeOwnPassword(
  ctx: Context,
  currentPassword: string | null | undefined,
  newPassword: string,
) {
  const viewer = ctx.viewer!;
  const user = await ctx.db.query.users.findFirst({ where: eq(users.id, viewer.userId) });
  if (!user) throw new DomainError("UNAUTHENTICATED", "Your session has ended.");
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, currentPassword ?? ""))) {
    throw new DomainError("BAD_USER_INPUT", "currentPassword: the current password is wrong.", {
      fields: [{ field: "currentPassword", message: "the current password is wrong" }],
    });
  }
  // After the current password's (slow) check, so no connection waits on it.
  await inTransaction(ctx, (tx, actor) =>
    setPassword(tx, user.id, newPassword, actor, {
      keepSessionId: viewer.sessionId,
      action: "change_password",
    }),
  );
}

/** Change password with a fresh account's verification token: sets the password and verifies the e-mail. */
export async function setPasswordWithVerificationToken(ctx: Context, token: string, newPassword: string) {
  assertPasswordAcceptable(newPassword, "newPassword");
  await inTransaction(ctx, async (tx) => {
    const userId = await consumeToken(tx, token, "verification");
    await setPassword(
      tx,
      userId,
      newPassword,
      { realUserId: userId, userId, requestId: ctx.requestId },
      {
        verifiesEmail: true,
        action: "change_password_with_token",
      },
    );
  });
}

export async function verifyEmail(ctx: Context, token: string) {
  return inTransaction(ctx, async (tx) => {
    const userId = await consumeToken(tx, token, "verification");
    await tx.update(users).set({ emailVerified: true }).where(eq(users.id, userId));
    await recordAudit(
      tx,
      { realUserId: userId, userId, requestId: ctx.requestId },
      {
        action: "verify_email",
        resourceType: "user",
        resourceId: userId,
        changes: { emailVerified: { from: false, to: true } },
      },
    );
    return userId;
  });
}

/** Always succeeds from the caller's point of view, so it cannot be used to find out who has an account. */
export async function requestPasswordReset(ctx: Context, emailAddress: string) {
  await inTransaction(ctx, async (tx) => {
    const user = await tx.query.users.findFirst({
      where: sql`lower(${users.email}) = lower(${emailAddress})`,
    });
    if (!user) return;
    const token = await issueToken(tx, user.id, "password_reset", ctx.config.passwordResetMs);
    await queueEmail(tx, {
      userId: user.id,
      to: user.email,
      template: "password_reset",
      subject: "Reset your Mural Link password",
      body: `Hello ${user.firstName},\n\nUse this code to reset your password: ${token.token}\n\nIt expires at ${token.expiresAt.toISOString()}. If you did not ask for this, ignore this e-mail.`,
      payload: { tokenId: token.id, token: token.token },
    });
  });
}

export async function resetPassword(ctx: Context, emailAddress: string, token: string, newPassword: string) {
  assertPasswordAcceptable(newPassword, "newPassword");
  await inTransaction(ctx, async (tx) => {
    const userId = await consumeToken(tx, token, "password_reset");
    const owner = await tx.query.users.findFirst({
      where: and(eq(users.id, userId), sql`lower(${users.email}) = lower(${emailAddress})`),
    });
    // A token presented with another e-mail is refused (and the transaction rolls back, keeping it usable).
    if (!owner)
      throw new DomainError(
        "INVALID_TOKEN",
        "This link or code is invalid, already used or expired. Ask for a new one.",
      );
    await setPassword(
      tx,
      userId,
      newPassword,
      { realUserId: userId, userId, requestId: ctx.requestId },
      { action: "reset_password" },
    );
  });
}

/** Reads a user for update, so concurrent profile changes apply one after the other. */
async function lockUser(tx: Executor, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw notFound("User");
  return user;
}

export interface UserPatch {
  email?: string;
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  address?: AddressInput | null;
}

/**
 * Changes a person's profile (name, e-mail, phone, address) in the caller's transaction: locks the user row, applies
 * the patch, and returns the user with the audit changes field by field. A new e-mail address must be verified
 * again (a fresh token is e-mailed); one already in use is a CONFLICT.
 */
export async function changeProfile(
  tx: Executor,
  userId: string,
  patch: UserPatch,
  config: Config,
): Promise<{ user: User; changes: AuditChanges }> {
  const before = await lockUser(tx, userId);
  const { address, ...fields } = patch;
  const { addressId, changes: addressChanges } = await changeAddress(tx, before.addressId, address);
  const changes = { ...changesBetween(before, fields), ...addressChanges };
  if (!Object.keys(changes).length) return { user: before, changes };
  const emailChanged = fields.email !== undefined && fields.email !== before.email;
  const [after] = await guardEmailUnique(() =>
    tx
      .update(users)
      .set({ ...fields, addressId, ...(emailChanged ? { emailVerified: false } : {}) })
      .where(eq(users.id, userId))
      .returning(),
  );
  if (addressId !== before.addressId) await dropAddress(tx, before.addressId);
  if (emailChanged) await sendVerification(tx, after!, config);
  return { user: after!, changes };
}

/** Updates a profile (changeProfile), auditing every changed field. */
export async function updateUser(ctx: Context, userId: string, input: unknown) {
  const patch: UserPatch = parseInput(rules.profileChange, input);
  return inTransaction(ctx, async (tx, actor) => {
    const { user, changes } = await changeProfile(tx, userId, patch, ctx.config);
    if (Object.keys(changes).length) {
      await recordAudit(tx, actor, {
        action: "update_user",
        resourceType: "user",
        resourceId: userId,
        changes,
      });
    }
    return user;
  });
}

export async function updateContactPreferences(
  ctx: Context,
  userId: string,
  patch: { emailEnabled?: boolean | null; smsEnabled?: boolean | null; pushEnabled?: boolean | null },
) {
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v != null)) as Partial<User>;
  return inTransaction(ctx, async (tx, actor) => {
    const before = await lockUser(tx, userId);
    const changes = changesBetween(before, values);
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(users).set(values).where(eq(users.id, userId)).returning();
    await recordAudit(tx, actor, {
      action: "update_contact_preferences",
      resourceType: "user",
      resourceId: userId,
      changes,
    });
    return after!;
  });
}
