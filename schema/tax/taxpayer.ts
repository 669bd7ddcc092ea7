import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { claimHolds, enrollments, participants, payments, taxpayerDetails } from "../../db/schema/index.js";
import { applyAddress } from "../accounts/addresses.js";
import { type Actor, recordAudit } from "../core/audit.js";
import type { Config } from "../core/config.js";
import { parseInput } from "../core/errors.js";
import { seal } from "../core/sealing.js";
import { address } from "../participants/inputs.js";
import { type ClaimResult, claimPayments } from "../payments/claims.js";

export type TaxpayerDetails = typeof taxpayerDetails.$inferSelect;
export type TinKind = TaxpayerDetails["tinKind"];

/*
 * Taxpayer details (W-9 style): TIN, legal name, address and the certification, given by the participant or a
 * caregiver. The TIN is stored only sealed (AES-256-GCM under PAYOUT_ENCRYPTION_KEY, bound to the participant
 * id, as payout account numbers are) beside its last four digits; nothing in the API decrypts it, and audit
 * entries and errors show at most the last four.
 */

/** Employer Identification Number prefixes the IRS has never assigned. */
const UNASSIGNED_EIN_PREFIXES = new Set([
  "00",
  "07",
  "08",
  "09",
  "17",
  "18",
  "19",
  "28",
  "29",
  "49",
  "69",
  "70",
]);

/** Why a 9-digit TIN of this kind is not a possible one (null when it is); never repeats the number. */
export function tinProblem(kind: TinKind, digits: string): string | null {
  if (!/^\d{9}$/.test(digits)) return "must be 9 digits (dashes and spaces are ignored)";
  const area = digits.slice(0, 3);
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  if (kind === "ssn") {
    if (area === "000" || area === "666" || area.startsWith("9"))
      return "is not a valid SSN: its first three digits cannot be 000, 666 or 900-999 (an ITIN starts with 9)";
    if (group === "00" || serial === "0000") return "is not a valid SSN: no part of it may be all zeros";
    return null;
  }
  if (kind === "itin") {
    const g = Number(group);
    const validGroup = (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94;
    if (!area.startsWith("9") || !validGroup)
      return "is not a valid ITIN: it starts with 9 and its fourth and fifth digits are 50-65, 70-88, 90-92 or 94-99";
    return null;
  }
  if (UNASSIGNED_EIN_PREFIXES.has(digits.slice(0, 2)))
    return "is not a valid EIN: its first two digits are not an assigned prefix";
  return null;
}

const taxpayerInput = z
  .object({
    tinKind: z.enum(["ssn", "itin", "ein"]),
    tin: z
      .string()
      .max(20)
      .transform((s) => s.replace(/[\s-]/g, "")),
    legalName: z.string().trim().min(1).max(200),
    address,
    certified: z.literal(true, {
      error:
        "must be true: the person giving the details certifies that the TIN is correct (W-9 certification)",
    }),
  })
  .superRefine((value, ctx) => {
    const problem = tinProblem(value.tinKind, value.tin);
    if (problem) ctx.addIssue({ code: "custom", path: ["tin"], message: problem });
  });

export interface TaxpayerInput {
  tinKind: string;
  tin: string;
  legalName: string;
  address: unknown;
  certified: boolean;
}

/** "***-**-1234" for an SSN or ITIN, "**-***1234" for an EIN: all the API ever shows of a TIN. */
export const maskTin = (kind: TinKind, last4: string) =>
  kind === "ein" ? `**-***${last4}` : `***-**-${last4}`;

export interface TaxpayerResult {
  details: TaxpayerDetails;
  released: ClaimResult;
}

/**
 * Records (or replaces) a participant's taxpayer details with a fresh certification, audited with the TIN masked,
 * and releases their held claims in the same transaction: each held payment still unclaimed is claimed now (its
 * payout queued), as if claimed again.
 */
export async function setTaxpayerDetails(
  tx: Executor,
  actor: Actor,
  config: Config,
  participantId: string,
  input: TaxpayerInput,
): Promise<TaxpayerResult> {
  const details = parseInput(taxpayerInput, input);
  // Serialises with the participant's claims under a hold policy (payments/claims.ts locks the same row).
  await tx.execute(sql`SELECT 1 FROM ${participants} WHERE ${participants.id} = ${participantId} FOR UPDATE`);
  const [before] = await tx
    .select()
    .from(taxpayerDetails)
    .where(eq(taxpayerDetails.participantId, participantId))
    .for("update");
  // The audit entry shows what staff may see of them (the masked TIN, its kind, the certification), never the
  // TIN, legal name or address: the participant's audit history is read by staff.
  const shown = (row: TaxpayerDetails | undefined) =>
    row
      ? {
          maskedTin: maskTin(row.tinKind, row.tinLast4),
          tinKind: row.tinKind,
          certifiedAt: row.certifiedAt.toISOString(),
        }
      : null;
  const from = shown(before);
  const addressId = await applyAddress(tx, before?.addressId ?? null, details.address);
  const values = {
    tinKind: details.tinKind,
    tinSealed: seal(config.payoutEncryptionKey, participantId, details.tin),
    tinLast4: details.tin.slice(-4),
    legalName: details.legalName,
    addressId,
    certifiedAt: new Date(),
    certifiedBy: actor.userId,
  };
  const [after] = before
    ? await tx
        .update(taxpayerDetails)
        .set(values)
        .where(eq(taxpayerDetails.participantId, participantId))
        .returning()
    : await tx
        .insert(taxpayerDetails)
        .values({ participantId, ...values })
        .returning();
  const to = shown(after)!;
  await recordAudit(tx, actor, {
    action: "set_taxpayer_details",
    resourceType: "participant",
    resourceId: participantId,
    changes: Object.fromEntries(
      Object.entries(to)
        .filter(
          ([key, value]) => JSON.stringify(from?.[key as keyof typeof to] ?? null) !== JSON.stringify(value),
        )
        .map(([key, value]) => [key, { from: from?.[key as keyof typeof to] ?? null, to: value }]),
    ),
  });

  const held = await tx
    .select({ id: claimHolds.paymentId })
    .from(claimHolds)
    .innerJoin(payments, eq(payments.id, claimHolds.paymentId))
    .innerJoin(enrollments, eq(enrollments.id, payments.enrollmentId))
    .where(
      and(
        eq(enrollments.participantId, participantId),
        isNull(claimHolds.releasedAt),
        eq(payments.status, "unclaimed"),
      ),
    );
  const released = held.length
    ? await claimPayments(tx, actor, config, { participantId, paymentIds: held.map((h) => h.id) })
    : { claimed: [], refused: [], message: "0 payments claimed, 0 failed" };
  return { details: after!, released };
}

/** A participant's taxpayer details, or null; only ever shown masked. */
export async function taxpayerDetailsOf(db: Executor, participantId: string) {
  const [row] = await db
    .select()
    .from(taxpayerDetails)
    .where(eq(taxpayerDetails.participantId, participantId));
  return row ?? null;
}
