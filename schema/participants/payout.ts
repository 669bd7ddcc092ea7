import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import {
  enrollments,
  participants,
  type paymentTypeCode,
  payoutMethods,
  users,
} from "../../db/schema/index.js";
import { addressForAudit, dropAddress, insertAddress } from "../accounts/addresses.js";
import { email, phone } from "../accounts/inputs.js";
import { type Actor, recordAudit } from "../core/audit.js";
import type { Config } from "../core/config.js";
import { badInput, notFound, parseInput } from "../core/errors.js";
import { seal, unseal } from "../core/sealing.js";
import { address } from "./inputs.js";

export type PaymentTypeCode = (typeof paymentTypeCode.enumValues)[number];
export type PayoutMethod = typeof payoutMethods.$inferSelect;

/*
 * Account and card numbers are stored only encrypted (core/sealing.ts, key from PAYOUT_ENCRYPTION_KEY, the
 * enrollment id as additional data so a ciphertext cannot be moved to another row) next to their last four digits.
 */
export const encryptAccountNumber = (key: Buffer, enrollmentId: string, number: string): Buffer =>
  seal(key, enrollmentId, number);

/** For the payout provider only: the full number back. Never returned by the API. */
export const decryptAccountNumber = (key: Buffer, enrollmentId: string, sealed: Buffer): string =>
  unseal(key, enrollmentId, sealed);

const digitsOnly = (s: string) => s.replace(/[\s-]/g, "");

/** ABA routing numbers: 9 digits, 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function isAbaRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const d = [...value].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

/** The Luhn check of card numbers. */
export function passesLuhn(value: string): boolean {
  if (!/^\d{12,19}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let digit = Number(value[value.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const routingNumber = z
  .string()
  .transform(digitsOnly)
  .refine(isAbaRoutingNumber, "must be a valid 9-digit ABA routing number");
const accountNumber = z
  .string()
  .transform(digitsOnly)
  .refine((s) => /^\d{4,17}$/.test(s), "must be 4 to 17 digits");
const cardNumber = z
  .string()
  .transform(digitsOnly)
  .refine(passesLuhn, "must be a valid card number (12 to 19 digits passing the Luhn check)");

const holder = z.string().trim().min(1).max(200).nullish();

/** The details each payment type needs; anything else given is ignored. */
const payoutDetails = z.discriminatedUnion("paymentType", [
  z.object({ paymentType: z.literal("paypal"), email }),
  z.object({ paymentType: z.literal("venmo"), phone }),
  z.object({ paymentType: z.literal("check"), address: address.nullish() }),
  z.object({ paymentType: z.literal("bank_account"), routingNumber, accountNumber, accountHolder: holder }),
  z.object({ paymentType: z.literal("debit_card"), cardNumber, accountHolder: holder }),
]);

export interface PayoutInput {
  paymentType: PaymentTypeCode;
  email?: string | null;
  phone?: string | null;
  address?: unknown;
  accountHolder?: string | null;
  routingNumber?: string | null;
  accountNumber?: string | null;
  cardNumber?: string | null;
}

/** What an audit entry may show of a payout method: never the account or card number. */
async function masked(tx: Executor, row: PayoutMethod | undefined) {
  if (!row) return {};
  return {
    paymentType: row.paymentType,
    email: row.email,
    phone: row.phone,
    address: await addressForAudit(tx, row.addressId),
    accountHolder: row.accountHolder,
    routingNumber: row.routingNumber,
    accountLast4: row.accountLast4,
  };
}

/**
 * Sets how an enrollment is paid (the spec's set_payment_type): PayPal needs an e-mail, Venmo a phone, a check a
 * postal address (the participant's when none is given), a bank account an ABA routing number and a 4–17 digit
 * account number, a debit card a number passing the Luhn check. Replaces any earlier choice (one row per
 * enrollment); the change is audited field by field, with account numbers only as their last four digits.
 */
export async function setPaymentType(
  tx: Executor,
  actor: Actor,
  enrollmentId: string,
  input: PayoutInput,
  config: Config,
): Promise<PayoutMethod> {
  const details = parseInput(payoutDetails, input);
  const [enrollment] = await tx
    .select({ id: enrollments.id, participantId: enrollments.participantId })
    .from(enrollments)
    .where(eq(enrollments.id, enrollmentId))
    .for("update");
  if (!enrollment) throw notFound("Enrollment");

  let checkAddress = details.paymentType === "check" ? details.address : undefined;
  if (details.paymentType === "check" && !checkAddress) {
    const [home] = await tx
      .select({ addressId: users.addressId })
      .from(participants)
      .innerJoin(users, eq(users.id, participants.userId))
      .where(eq(participants.id, enrollment.participantId));
    const own = await addressForAudit(tx, home?.addressId ?? null);
    if (!own) {
      throw badInput([
        {
          field: "address",
          message: "is required for a check: the participant has no postal address on file",
        },
      ]);
    }
    const { street1, street2, city, state, postCode, country } = own;
    checkAddress = { street1, street2, city, state, postCode, country };
  }

  const number =
    details.paymentType === "bank_account"
      ? details.accountNumber
      : details.paymentType === "debit_card"
        ? details.cardNumber
        : null;
  const values = {
    paymentType: details.paymentType,
    email: details.paymentType === "paypal" ? details.email : null,
    phone: details.paymentType === "venmo" ? details.phone : null,
    addressId: checkAddress ? await insertAddress(tx, checkAddress) : null,
    accountHolder:
      details.paymentType === "bank_account" || details.paymentType === "debit_card"
        ? (details.accountHolder ?? null)
        : null,
    routingNumber: details.paymentType === "bank_account" ? details.routingNumber : null,
    accountNumberEncrypted: number
      ? encryptAccountNumber(config.payoutEncryptionKey, enrollment.id, number)
      : null,
    accountLast4: number ? number.slice(-4) : null,
    updatedBy: actor.userId,
  };

  const [before] = await tx
    .select()
    .from(payoutMethods)
    .where(eq(payoutMethods.enrollmentId, enrollment.id))
    .for("update");
  const [after] = before
    ? await tx.update(payoutMethods).set(values).where(eq(payoutMethods.id, before.id)).returning()
    : await tx
        .insert(payoutMethods)
        .values({ enrollmentId: enrollment.id, ...values })
        .returning();

  const from: Record<string, unknown> = await masked(tx, before);
  const to: Record<string, unknown> = await masked(tx, after);
  if (before?.addressId) await dropAddress(tx, before.addressId);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(to)) {
    if (JSON.stringify(from[key] ?? null) !== JSON.stringify(to[key] ?? null)) {
      changes[key] = { from: from[key] ?? null, to: to[key] ?? null };
    }
  }
  if (number && before?.accountNumberEncrypted && !changes.accountLast4) {
    changes.accountNumber = { from: "[hidden]", to: "[changed]" };
  }
  await recordAudit(tx, actor, {
    action: "set_payment_type",
    resourceType: "enrollment",
    resourceId: enrollment.id,
    changes,
  });
  return after!;
}
