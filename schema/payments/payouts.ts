import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/connection.js";
import { enrollments, payments, payoutMethods, sandboxPayouts } from "../../db/schema/index.js";
import type { Config } from "../core/config.js";
import { encodeGlobalId } from "../core/ids.js";
import type { JobAttempt } from "../core/jobs.js";
import { toDecimal } from "../core/money.js";
import { emitWebhookEvent } from "../core/webhooks.js";
import type { PayoutMethod } from "../participants/payout.js";
import { recordEvents } from "./payments.js";

/*
 * Payouts: a claimed payment is paid through a payout provider by the `payout_payment` job (server/worker.ts).
 * The provider is given the payment's idempotency key (its id, set once when it is claimed): calling it again with
 * the same key never pays twice, it answers with the first result. The job records a result only for a payment
 * still claimed (under a row lock), does nothing for one already paid or failed, and is retried by graphile-worker;
 * after the last attempt the payment is marked failed with the provider's reason. A failed payout's money stays
 * committed to the participant (the contract's committed total is unchanged), to be settled by staff.
 */

export interface PayoutRequest {
  /** The same for every attempt of one payment: the provider pays a key at most once. */
  idempotencyKey: string;
  amountMinor: bigint;
  currency: string;
  /** How the enrollment is paid (account numbers stay encrypted; decryptAccountNumber opens them). */
  method: PayoutMethod;
}

export type PayoutResult = { status: "paid"; reference: string } | { status: "failed"; reason: string };

export interface PayoutProvider {
  pay(request: PayoutRequest): Promise<PayoutResult>;
}

export type SandboxFailMode = "never" | "always" | "first";

/** Every call the sandbox answered in this process, oldest first: a testing aid, never read by the app. */
export const sandboxCalls: { idempotencyKey: string; result: PayoutResult }[] = [];

/**
 * The default provider: settles at once, by itself, and keeps its own books (sandbox_payouts), as a real provider
 * does: a key it settled gets that first settlement back, from any process, however often it is asked. References
 * are derived from the key, so even two concurrent first calls name the same payout. PAYOUT_SANDBOX_FAIL makes it
 * fail: "always", or "first" (the first attempt of each key in this process fails, later ones succeed).
 * PAYOUT_SANDBOX_DELAY_MS makes it answer that much later, after settling: a worker dying meanwhile leaves a payout
 * settled by the provider and not yet recorded by us.
 */
export class SandboxProvider implements PayoutProvider {
  private readonly attempted = new Set<string>();

  constructor(
    private readonly db: Executor,
    private readonly failMode: SandboxFailMode = "never",
    private readonly delayMs = 0,
  ) {}

  async pay(request: PayoutRequest): Promise<PayoutResult> {
    const result = await this.settle(request);
    sandboxCalls.push({ idempotencyKey: request.idempotencyKey, result });
    if (this.delayMs > 0) await sleep(this.delayMs);
    return result;
  }

  private async settle(request: PayoutRequest): Promise<PayoutResult> {
    const [known] = await this.db
      .update(sandboxPayouts)
      .set({ requests: sql`${sandboxPayouts.requests} + 1` })
      .where(eq(sandboxPayouts.idempotencyKey, request.idempotencyKey))
      .returning({ reference: sandboxPayouts.reference });
    if (known) return { status: "paid", reference: known.reference };
    const firstAttempt = !this.attempted.has(request.idempotencyKey);
    this.attempted.add(request.idempotencyKey);
    if (this.failMode === "always" || (this.failMode === "first" && firstAttempt)) {
      return {
        status: "failed",
        reason: "The sandbox payout provider declined the payout (configured to fail).",
      };
    }
    const digest = createHash("sha256").update(request.idempotencyKey).digest("hex").slice(0, 20);
    const [settled] = await this.db
      .insert(sandboxPayouts)
      .values({
        idempotencyKey: request.idempotencyKey,
        reference: `sandbox_${digest}`,
        amountMinor: request.amountMinor,
        currency: request.currency,
      })
      .onConflictDoUpdate({
        target: sandboxPayouts.idempotencyKey,
        set: { requests: sql`${sandboxPayouts.requests} + 1` },
      })
      .returning({ reference: sandboxPayouts.reference });
    return { status: "paid", reference: settled!.reference };
  }
}

/** The payout provider the configuration names; only the sandbox exists so far. */
export function createPayoutProvider(config: Config, db: Executor): PayoutProvider {
  return new SandboxProvider(db, config.PAYOUT_SANDBOX_FAIL, config.PAYOUT_SANDBOX_DELAY_MS);
}

/** Thrown when an attempt failed and another will follow: graphile-worker retries the job with backoff. */
export class PayoutAttemptFailed extends Error {}

/**
 * The payout_payment task. `attempt` and `maxAttempts` are graphile-worker's (this attempt counts). Returns the
 * payment's status afterwards; throws PayoutAttemptFailed so the job is retried.
 *
 * No transaction is held while the provider works (it may be slow): the payment is read, paid through its
 * idempotency key, and the result recorded under a row lock only if the payment is still claimed. Two runs of one
 * payment (a retry after a crash, a job released from a dead worker, a second process) therefore pay one key,
 * which the provider pays once, and record one result.
 */
export async function payOutPayment(
  db: Database,
  provider: PayoutProvider,
  paymentId: string,
  attempt: JobAttempt,
): Promise<string | null> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
  // Paid, failed (or never claimed): nothing to do, whatever ran before.
  if (payment?.status !== "claimed") return payment?.status ?? null;
  const [method] = await db
    .select()
    .from(payoutMethods)
    .where(eq(payoutMethods.enrollmentId, payment.enrollmentId));
  const result: PayoutResult = method
    ? await provider.pay({
        idempotencyKey: payment.payoutIdempotencyKey ?? payment.id,
        amountMinor: payment.amountMinor,
        currency: payment.currency.trim(),
        method,
      })
    : { status: "failed", reason: "The enrollment has no payout method." };
  const retry = result.status === "failed" && attempt.number < attempt.max;
  const status = await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: payments.status, trialId: enrollments.trialId })
      .from(payments)
      .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
      .where(eq(payments.id, paymentId))
      .for("update", { of: payments });
    if (locked?.status !== "claimed") return locked?.status ?? null;
    if (result.status === "paid") {
      await tx
        .update(payments)
        .set({
          status: "paid",
          payoutReference: result.reference,
          failureReason: null,
          updatedAt: new Date(),
        })
        .where(eq(payments.id, paymentId));
      await recordEvents(tx, null, [
        {
          paymentId,
          fromStatus: "claimed",
          toStatus: "paid",
          reason: `Paid out, reference ${result.reference}.`,
        },
      ]);
      await emitWebhookEvent(tx, {
        type: "payment.paid",
        trialId: locked.trialId,
        data: {
          paymentId: encodeGlobalId("Payment", paymentId),
          enrollmentId: encodeGlobalId("Enrollment", payment.enrollmentId),
          trialId: encodeGlobalId("Trial", locked.trialId),
          amount: toDecimal(payment.amountMinor, payment.currency.trim()),
          currency: payment.currency.trim(),
          paidAt: new Date().toISOString(),
        },
      });
      return "paid";
    }
    if (retry) return "claimed";
    await tx
      .update(payments)
      .set({ status: "failed", failureReason: result.reason, updatedAt: new Date() })
      .where(eq(payments.id, paymentId));
    await recordEvents(tx, null, [
      {
        paymentId,
        fromStatus: "claimed",
        toStatus: "failed",
        reason: `Payout failed after ${attempt.number} attempts: ${result.reason}`,
      },
    ]);
    return "failed";
  });
  if (status === "claimed" && result.status === "failed") {
    throw new PayoutAttemptFailed(
      `Payout of payment ${paymentId} failed (attempt ${attempt.number} of ${attempt.max}): ${result.reason}`,
    );
  }
  return status;
}
