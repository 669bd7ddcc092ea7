import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { notificationOutbox, userTokens } from "../../db/schema/index.js";
import { DomainError } from "../core/errors.js";
import { hashSecret, newSecret } from "./secrets.js";

export type TokenPurpose = (typeof userTokens.$inferSelect)["purpose"];

/** Issues a single-use token; only its hash is kept. The caller sends the plain token (outbox) or shows it. */
export async function issueToken(tx: Executor, userId: string, purpose: TokenPurpose, lifetimeMs: number) {
  const secret = newSecret();
  const [row] = await tx
    .insert(userTokens)
    .values({ userId, purpose, tokenHash: secret.hash, expiresAt: new Date(Date.now() + lifetimeMs) })
    .returning({ id: userTokens.id, expiresAt: userTokens.expiresAt });
  return { id: row!.id, token: secret.token, expiresAt: row!.expiresAt };
}

/**
 * Marks a live token used and returns its user. The UPDATE … WHERE used_at IS NULL makes a token work once even
 * when two requests present it at the same moment.
 */
export async function consumeToken(tx: Executor, token: string, purpose: TokenPurpose): Promise<string> {
  const [row] = await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(userTokens.tokenHash, hashSecret(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: userTokens.userId });
  if (!row)
    throw new DomainError(
      "INVALID_TOKEN",
      "This link or code is invalid, already used or expired. Ask for a new one.",
    );
  return row.userId;
}

/**
 * Testing aid: the password-reset tokens still usable, read back from the e-mails that carry them (the only
 * place the plain token exists).
 */
export async function outstandingResetTokens(tx: Executor) {
  return tx
    .select({
      userId: userTokens.userId,
      email: notificationOutbox.recipient,
      token: sql<string>`${notificationOutbox.payload}->>'token'`,
      expiresAt: userTokens.expiresAt,
    })
    .from(userTokens)
    .innerJoin(notificationOutbox, sql`${notificationOutbox.payload}->>'tokenId' = ${userTokens.id}`)
    .where(
      and(
        eq(userTokens.purpose, "password_reset"),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(userTokens.createdAt);
}
