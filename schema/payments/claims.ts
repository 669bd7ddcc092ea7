import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { isAnyOf } from "../../db/rows.js";
import {
  claimHolds,
  clientTaxPolicies,
  contracts,
  enrollments,
  participants,
  payments,
  paymentTaxLines,
  payoutMethods,
  taxpayerDetails,
  taxThresholds,
} from "../../db/schema/index.js";
import type { Actor } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import type { Config } from "../core/config.js";
import { badInput, foreignId, notFound } from "../core/errors.js";
import { encodeGlobalId } from "../core/ids.js";
import { enqueueJob } from "../core/jobs.js";
import { actsForParticipant } from "../core/participant-access.js";
import { recordEvents } from "./payments.js";
import type { Payment } from "./refs.js";

/*
 * Claiming: the participant (or their caregiver) asks for their unclaimed payments. Each is claimed at most once,
 * whatever the concurrency and however many server processes: the claim is one UPDATE … WHERE status = 'unclaimed'
 * … RETURNING, so of two concurrent claims the second finds the row already claimed (PostgreSQL re-checks the
 * condition after waiting for the first's row lock) and leaves it alone. A payment is claimable only when its
 * enrollment has a payout method; the claim records the payout type, sets the idempotency key (the payment id,
 * never changed after) and queues the payout job in the same transaction.
 */

export const MAX_CLAIM_IDS = 100;

/** Why a claim left a payment alone, as a stable code a client can branch on (the reason says it to a person). */
export const CLAIM_REFUSALS = {
  NOT_UNCLAIMED: "The payment is not UNCLAIMED (already claimed, paid, failed, pending or rejected).",
  NO_PAYOUT_METHOD:
    "The payment's enrollment has no payout method yet: choose one with setPaymentType, then claim again.",
  TRY_AGAIN: "The payment changed while it was being claimed (e.g. a concurrent claim): claim again.",
  HELD_FOR_TAXPAYER_DETAILS:
    "The claim is held: the participant's reportable income from this payer reached the tax year's reporting threshold and the payer holds claims until taxpayer details (a TIN) are given. Giving them with setTaxpayerDetails releases it.",
} as const;
export type ClaimRefusal = keyof typeof CLAIM_REFUSALS;

export interface RefusedPayment {
  paymentId: string;
  code: ClaimRefusal;
  reason: string;
}

export interface ClaimResult {
  claimed: Payment[];
  refused: RefusedPayment[];
  message: string;
}

const NO_METHOD = "The enrollment has no payout method: choose how to be paid first.";
const HELD =
  "Held until the participant gives taxpayer details (a TIN): their reportable income from this payer reached this year's reporting threshold.";

/**
 * The payments of this claim to hold (recorded in claim_holds, left unclaimed): under a payer's hold_claims
 * policy, when the participant has no taxpayer details and their reportable income from that payer this tax year
 * (claimed or paid, payment_tax_lines) plus the reportable part of this claim reaches the year's threshold in
 * that currency. Only payments with a reportable part are held; receipted reimbursements go through. The
 * classification is the database's payment_reportable_minor, the one the totals use.
 */
async function holdForTaxpayerDetails(tx: Executor, actor: Actor, participantId: string, candidates: SQL) {
  const chosen = sql`SELECT ${payments.id} FROM ${payments} WHERE ${candidates}`;
  const [underHold] = await tx.execute<{ yes: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM ${payments} p JOIN ${contracts} c ON c.id = p.contract_id
      JOIN ${clientTaxPolicies} pol ON pol.client_id = c.client_id AND pol.policy = 'hold_claims'
      WHERE p.status = 'unclaimed' AND p.id IN (${chosen})) AS yes`);
  if (!underHold?.yes) return new Set<string>();
  // Claims of one participant under a hold policy run one at a time (and after setTaxpayerDetails, which locks the
  // same row), so two concurrent claims cannot each stay under the threshold while crossing it together; the
  // statements below see what the other committed.
  await tx.execute(sql`SELECT 1 FROM ${participants} WHERE ${participants.id} = ${participantId} FOR UPDATE`);
  const rows = await tx.execute<{ id: string }>(sql`
    WITH candidate AS (
      SELECT p.id, c.client_id, p.currency, payment_reportable_minor(p.id, p.kind, p.amount_minor) AS reportable
      FROM ${payments} p JOIN ${contracts} c ON c.id = p.contract_id
      WHERE p.status = 'unclaimed' AND p.id IN (${chosen})
    ), adding AS (
      SELECT client_id, currency, sum(reportable) AS minor FROM candidate GROUP BY client_id, currency
    )
    SELECT candidate.id FROM candidate
    JOIN adding USING (client_id, currency)
    JOIN ${clientTaxPolicies} pol ON pol.client_id = candidate.client_id AND pol.policy = 'hold_claims'
    JOIN ${taxThresholds} t ON t.currency = candidate.currency
      AND t.tax_year = extract(year FROM now() AT TIME ZONE 'UTC')::integer
    WHERE candidate.reportable > 0
      AND NOT EXISTS (SELECT 1 FROM ${taxpayerDetails} d WHERE d.participant_id = ${participantId})
      AND adding.minor + coalesce((SELECT sum(l.reportable_minor) FROM ${paymentTaxLines} l
        WHERE l.participant_id = ${participantId} AND l.client_id = candidate.client_id
          AND l.currency = candidate.currency AND l.tax_year = t.tax_year), 0) >= t.amount_minor`);
  const ids = rows.map((r) => r.id);
  if (ids.length) {
    await tx
      .insert(claimHolds)
      .values(ids.map((paymentId) => ({ paymentId, heldBy: actor.userId })))
      .onConflictDoUpdate({
        target: claimHolds.paymentId,
        set: {
          heldAt: sql`CASE WHEN ${claimHolds.releasedAt} IS NULL THEN ${claimHolds.heldAt} ELSE now() END`,
          releasedAt: null,
        },
      });
  }
  return new Set(ids);
}

/**
 * Checks the payments a claim names are the participant's (README, Access). It runs before the claim's
 * transaction, as permission checks do: a payment's enrollment, and an enrollment's participant, never change.
 * Only the participant or their caregiver claim, so another participant's payment is seen by a caregiver of both.
 */
export async function requirePaymentsOf(access: Access, participantId: string, paymentIds: string[] | null) {
  if (!paymentIds?.length) return;
  const rows = await access.db
    .select({ id: payments.id, participantId: enrollments.participantId })
    .from(payments)
    .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
    .where(inArray(payments.id, paymentIds));
  const participantOf = new Map(rows.map((row) => [row.id, row.participantId]));
  for (const id of paymentIds) {
    const owner = participantOf.get(id);
    if (owner === participantId) continue;
    if (owner === undefined) throw notFound("Payment");
    throw foreignId(await actsForParticipant(access, owner), "Payment", {
      field: "paymentIds",
      message: `"${encodeGlobalId("Payment", id)}" is not a payment of this participant.`,
    });
  }
}

/** Claims the participant's unclaimed payments: those named (checked first by requirePaymentsOf), or all of them. */
export async function claimPayments(
  tx: Executor,
  actor: Actor,
  config: Pick<Config, "PAYOUT_MAX_ATTEMPTS">,
  input: { participantId: string; paymentIds?: string[] | null },
): Promise<ClaimResult> {
  const requested = input.paymentIds ? [...new Set(input.paymentIds)] : null;
  if (requested && requested.length === 0)
    throw badInput([{ field: "paymentIds", message: "give at least one payment, or omit it to claim all." }]);
  if (requested && requested.length > MAX_CLAIM_IDS)
    throw badInput([{ field: "paymentIds", message: `at most ${MAX_CLAIM_IDS} payments at a time.` }]);

  const ofParticipant = sql`${payments.enrollmentId} IN (SELECT ${enrollments.id} FROM ${enrollments} WHERE ${enrollments.participantId} = ${input.participantId})`;
  const hasMethod = sql`${payments.enrollmentId} IN (SELECT ${payoutMethods.enrollmentId} FROM ${payoutMethods})`;
  const chosen = requested ? inArray(payments.id, requested) : undefined;

  const held = await holdForTaxpayerDetails(
    tx,
    actor,
    input.participantId,
    and(ofParticipant, hasMethod, chosen)!,
  );
  const notHeld = held.size ? sql`${payments.id} NOT IN ${[...held]}` : undefined;

  const claimed = await tx
    .update(payments)
    .set({
      status: "claimed",
      payoutType: sql`(SELECT ${payoutMethods.paymentType} FROM ${payoutMethods} WHERE ${payoutMethods.enrollmentId} = ${payments.enrollmentId})`,
      payoutIdempotencyKey: sql`${payments.id}`,
      updatedAt: new Date(),
    })
    .where(and(eq(payments.status, "unclaimed"), ofParticipant, hasMethod, chosen, notHeld))
    .returning();
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const claimedIds = new Set(claimed.map((p) => p.id));

  if (claimed.length > 0) {
    // A held payment claimed (taxpayer details given, or the payer's policy or threshold changed) is released.
    await tx
      .update(claimHolds)
      .set({ releasedAt: new Date() })
      .where(and(inArray(claimHolds.paymentId, [...claimedIds]), isNull(claimHolds.releasedAt)));
    await recordEvents(
      tx,
      actor,
      claimed.map((p) => ({
        paymentId: p.id,
        fromStatus: "unclaimed" as const,
        toStatus: "claimed" as const,
        reason: "Claimed by the participant.",
      })),
    );
    for (const p of claimed) {
      await enqueueJob(
        tx,
        "payout_payment",
        { paymentId: p.id },
        { jobKey: `payout_payment:${p.id}`, maxAttempts: config.PAYOUT_MAX_ATTEMPTS },
      );
    }
  }

  // Why the others were not claimed: each requested payment, or every one still unclaimed when none were named.
  const others = await tx
    .select({
      id: payments.id,
      status: payments.status,
      hasMethod: sql<boolean>`${hasMethod}`,
    })
    .from(payments)
    .where(and(ofParticipant, requested ? chosen : eq(payments.status, "unclaimed")))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  const refused: RefusedPayment[] = [];
  for (const { id, status, hasMethod } of others) {
    if (claimedIds.has(id)) continue;
    if (held.has(id) && status === "unclaimed")
      refused.push({ paymentId: id, code: "HELD_FOR_TAXPAYER_DETAILS", reason: HELD });
    else if (status !== "unclaimed")
      refused.push({
        paymentId: id,
        code: "NOT_UNCLAIMED",
        reason: `The payment is ${status}; only unclaimed payments can be claimed.`,
      });
    else if (!hasMethod) refused.push({ paymentId: id, code: "NO_PAYOUT_METHOD", reason: NO_METHOD });
    else
      refused.push({
        paymentId: id,
        code: "TRY_AGAIN",
        reason: "The payment changed while it was claimed; try again.",
      });
  }
  return {
    claimed,
    refused,
    message: `${claimed.length} payments claimed, ${refused.length} failed`,
  };
}

/**
 * A participant's unclaimed payments, oldest first. The participant and their caregivers see all of them; staff
 * only those of enrollments on trial sites where they hold view_payments.
 */
export async function unclaimedPayments(
  db: Executor,
  access: Access,
  participantId: string,
): Promise<Payment[]> {
  const self = await actsForParticipant(access, participantId);
  const held = self ? undefined : await access.trialSitesHeld("view_payments");
  const onSites = held ? isAnyOf(enrollments.trialSiteId, held) : undefined;
  const rows = await db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
    .where(and(eq(enrollments.participantId, participantId), eq(payments.status, "unclaimed"), onSites))
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .limit(500);
  return rows.map((r) => r.payment);
}
