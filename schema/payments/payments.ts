import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import {
  appointments,
  contracts,
  enrollments,
  expenseCategories,
  milestones,
  paymentAttachments,
  paymentEvents,
  payments,
  trials,
} from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import {
  badInput,
  conflict,
  DomainError,
  foreignId,
  notFound,
  onViolation,
  PG_CHECK_VIOLATION,
  PG_UNIQUE_VIOLATION,
  parseInput,
} from "../core/errors.js";
import { checkUid } from "../core/ids.js";
import { positiveAmount, toDecimal } from "../core/money.js";
import { placeOfEnrollment, seesParticipant } from "../core/participant-access.js";
import type { Payment } from "./refs.js";
import { versionInEffect } from "./schedule.js";

export const DEFAULT_CATEGORIES = ["Airfare", "Hotel", "Meal", "Other", "Parking", "Tolls", "Transportation"];
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

type PaymentStatus = Payment["status"];

interface Funding {
  id: string;
  currency: string;
  depositedMinor: bigint;
  committedMinor: bigint;
}

const insufficientFunds = (contract: Funding) => {
  const remaining = contract.depositedMinor - contract.committedMinor;
  const currency = contract.currency.trim();
  return new DomainError(
    "INSUFFICIENT_FUNDS",
    `The contract's remaining funding is ${toDecimal(remaining, currency)} ${currency}.`,
    { remaining: toDecimal(remaining, currency), currency },
  );
};

/** The enrollment with its trial's contract id (not locked). */
async function enrollmentWithContract(tx: Executor, enrollmentId: string) {
  const [row] = await tx
    .select({
      id: enrollments.id,
      status: enrollments.status,
      trialId: enrollments.trialId,
      trialSiteId: enrollments.trialSiteId,
      participantId: enrollments.participantId,
      contractId: trials.contractId,
    })
    .from(enrollments)
    .innerJoin(trials, eq(trials.id, enrollments.trialId))
    .where(eq(enrollments.id, enrollmentId));
  if (!row) throw notFound("Enrollment");
  return row;
}

/**
 * Locks the contract row for the rest of the transaction: every change of its committed funding is serialized
 * on this lock, across server processes.
 */
async function lockContract(tx: Executor, contractId: string): Promise<Funding> {
  const [contract] = await tx
    .select({
      id: contracts.id,
      currency: contracts.currency,
      depositedMinor: contracts.depositedMinor,
      committedMinor: contracts.committedMinor,
    })
    .from(contracts)
    .where(eq(contracts.id, contractId))
    .for("update");
  if (!contract) throw notFound("Contract");
  return contract;
}

/**
 * Commits `amountMinor` of the (locked) contract's funding. The CHECK contracts_never_overdrawn is the last word:
 * its violation becomes INSUFFICIENT_FUNDS (and the transaction, rolled back by the caller, writes nothing).
 */
async function commitFunding(tx: Executor, contract: Funding, amountMinor: bigint) {
  if (contract.committedMinor + amountMinor > contract.depositedMinor) throw insufficientFunds(contract);
  await onViolation(
    () =>
      tx
        .update(contracts)
        .set({ committedMinor: sql`${contracts.committedMinor} + ${amountMinor}` })
        .where(eq(contracts.id, contract.id)),
    {
      code: PG_CHECK_VIOLATION,
      constraint: "contracts_never_overdrawn",
      error: () => insufficientFunds(contract),
    },
  );
}

function requireContractCurrency(contract: Funding, currency: string) {
  if (contract.currency.trim() !== currency.trim()) {
    throw badInput([
      { field: "amount.currency", message: `must be the contract's currency, ${contract.currency.trim()}` },
    ]);
  }
}

export interface StatusChange {
  paymentId: string;
  fromStatus: PaymentStatus | null;
  toStatus: PaymentStatus;
  reason?: string | null;
}

/**
 * Appends status changes to the payments' history: who made them (the person logged in) and whom they were
 * acting as after switch user, as audit entries do. The system (payout jobs) acts with no actor.
 */
export async function recordEvents(tx: Executor, actor: Actor | null, changes: StatusChange[]) {
  if (!changes.length) return;
  await tx.insert(paymentEvents).values(
    changes.map((change) => ({
      ...change,
      reason: change.reason ?? null,
      actorUserId: actor?.realUserId ?? null,
      actingAsUserId: actor && actor.userId !== actor.realUserId ? actor.userId : null,
    })),
  );
}

export async function recordEvent(
  tx: Executor,
  actor: Actor,
  paymentId: string,
  fromStatus: PaymentStatus | null,
  toStatus: PaymentStatus,
  reason?: string | null,
) {
  await recordEvents(tx, actor, [{ paymentId, fromStatus, toStatus, reason }]);
}

async function auditPayment(
  tx: Executor,
  actor: Actor,
  action: string,
  payment: Payment,
  from: PaymentStatus | null,
) {
  await recordAudit(tx, actor, {
    action,
    resourceType: "payment",
    resourceId: payment.id,
    changes: {
      status: { from, to: payment.status },
      ...(from === null
        ? {
            kind: { from: null, to: payment.kind },
            amountMinor: { from: null, to: payment.amountMinor.toString() },
            currency: { from: null, to: payment.currency.trim() },
            enrollmentId: { from: null, to: payment.enrollmentId },
          }
        : {}),
      ...(payment.rejectionReason ? { rejectionReason: { from: null, to: payment.rejectionReason } } : {}),
    },
  });
}

/** The longest note (or rejection reason) a payment keeps. */
const MAX_NOTE = 2000;

/** A note as stored: trimmed, blank as none, refused when longer than MAX_NOTE. */
function cleanNote(note: string | null | undefined, field = "note") {
  const text = note?.trim();
  if (text && text.length > MAX_NOTE)
    throw badInput([{ field, message: `must be at most ${MAX_NOTE} characters` }]);
  return text || null;
}

/**
 * Checks that what a milestone payment cites belongs to its enrollment (README, Access): the milestone is on the
 * schedule of the enrollment's trial site, and the visit, when given, is one of the enrollment's. It runs before
 * the payment's transaction, as permission checks do: neither a milestone's trial site nor a visit's enrollment
 * ever changes.
 */
export async function requireCitedByEnrollment(
  access: Access,
  input: { enrollmentId: string; milestoneId: string; appointmentId?: string | null },
) {
  const enrollment = await placeOfEnrollment(access, input.enrollmentId);
  if (!enrollment) throw notFound("Enrollment");
  const [milestone] = await access.db
    .select({ trialSiteId: milestones.trialSiteId })
    .from(milestones)
    .where(eq(milestones.id, checkUid(input.milestoneId, "milestoneId")));
  if (!milestone) throw notFound("Milestone");
  if (milestone.trialSiteId !== enrollment.trialSiteId) {
    const seen = await access.holds("view_payment_schedule", {
      type: "trialSite",
      id: milestone.trialSiteId,
    });
    throw foreignId(seen, "Milestone", {
      field: "milestoneId",
      message: "is not on the payment schedule of this enrollment's trial site.",
    });
  }
  if (input.appointmentId == null) return;
  const [visit] = await access.db
    .select({ enrollmentId: appointments.enrollmentId, participantId: enrollments.participantId })
    .from(appointments)
    .innerJoin(enrollments, eq(enrollments.id, appointments.enrollmentId))
    .where(eq(appointments.id, checkUid(input.appointmentId, "appointmentId")));
  if (!visit) throw notFound("Appointment");
  if (visit.enrollmentId !== input.enrollmentId) {
    throw foreignId(await seesParticipant(access, visit.participantId), "Appointment", {
      field: "appointmentId",
      message: "is not a visit of this enrollment.",
    });
  }
}

/**
 * Pays a milestone (the spec's milestone_payment): the amount of the version in effect now, owed at once
 * (UNCLAIMED), funding committed. Only enrolled participants; once per enrollment unless the milestone is
 * repeatable (the unique index payments_milestone_once_key holds under concurrency → CONFLICT). What it cites is
 * checked first, by requireCitedByEnrollment.
 */
export async function payMilestone(
  tx: Executor,
  actor: Actor,
  input: { enrollmentId: string; milestoneId: string; note?: string | null; appointmentId?: string | null },
): Promise<Payment> {
  const enrollment = await enrollmentWithContract(tx, input.enrollmentId);
  const contract = await lockContract(tx, enrollment.contractId);
  // Re-read the enrollment's status under a share lock so it cannot be dropped while it is paid.
  const [current] = await tx
    .select({ status: enrollments.status })
    .from(enrollments)
    .where(eq(enrollments.id, enrollment.id))
    .for("share");
  if (current?.status !== "enrolled") {
    throw conflict(
      `Only enrolled participants can be paid for milestones; this enrollment is ${current?.status}.`,
    );
  }
  const [milestone] = await tx
    .select()
    .from(milestones)
    .where(and(eq(milestones.id, input.milestoneId), eq(milestones.trialSiteId, enrollment.trialSiteId)));
  if (!milestone) throw notFound("Milestone");
  if (input.appointmentId != null) await requireVisitOf(tx, enrollment.id, input.appointmentId);
  const version = await versionInEffect(tx, milestone.id);
  if (!version)
    throw badInput([{ field: "milestoneId", message: "the milestone has no amount in effect yet" }]);
  requireContractCurrency(contract, version.currency);
  let occurrence = 1;
  if (milestone.repeatable) {
    const [row] = await tx
      .select({ next: sql<number>`coalesce(max(${payments.milestoneOccurrence}), 0)::int + 1` })
      .from(payments)
      .where(
        and(
          eq(payments.enrollmentId, enrollment.id),
          eq(payments.milestoneId, milestone.id),
          sql`${payments.status} <> 'rejected'`,
        ),
      );
    occurrence = Number(row?.next ?? 1);
  }
  const [payment] = (await onViolation(
    () =>
      tx
        .insert(payments)
        .values({
          enrollmentId: enrollment.id,
          contractId: contract.id,
          kind: "milestone",
          milestoneId: milestone.id,
          milestoneVersionId: version.id,
          milestoneOccurrence: occurrence,
          appointmentId: input.appointmentId ?? null,
          amountMinor: version.amountMinor,
          currency: version.currency.trim(),
          note: cleanNote(input.note),
          status: "unclaimed",
          createdBy: actor.userId,
        })
        .returning(),
    {
      code: PG_UNIQUE_VIOLATION,
      constraint: "payments_milestone_once_key",
      error: () => conflict(`Milestone "${milestone.name}" has already been paid for this enrollment.`),
    },
  )) as [Payment];
  await commitFunding(tx, contract, payment.amountMinor);
  await recordEvent(tx, actor, payment.id, null, "unclaimed");
  await auditPayment(tx, actor, "milestone_payment", payment, null);
  return payment;
}

/** A visit a payment cites must be one of the enrollment's own. */
async function requireVisitOf(tx: Executor, enrollmentId: string, appointmentId: string) {
  const [visit] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.enrollmentId, enrollmentId)));
  if (!visit) throw notFound("Appointment");
}

/** Pays mileage (the spec's mileage_payment): an amount entered by staff, owed at once, funding committed. */
export async function payMileage(
  tx: Executor,
  actor: Actor,
  input: { enrollmentId: string; amount: { amount: string; currency: string }; note?: string | null },
): Promise<Payment> {
  const money = parseInput(positiveAmount, input.amount);
  const enrollment = await enrollmentWithContract(tx, input.enrollmentId);
  const contract = await lockContract(tx, enrollment.contractId);
  requireContractCurrency(contract, money.currency);
  const [payment] = (await tx
    .insert(payments)
    .values({
      enrollmentId: enrollment.id,
      contractId: contract.id,
      kind: "mileage",
      amountMinor: money.amountMinor,
      currency: money.currency,
      note: cleanNote(input.note),
      status: "unclaimed",
      createdBy: actor.userId,
    })
    .returning()) as [Payment];
  await commitFunding(tx, contract, payment.amountMinor);
  await recordEvent(tx, actor, payment.id, null, "unclaimed");
  await auditPayment(tx, actor, "mileage_payment", payment, null);
  return payment;
}

/** The expense categories of a trial: its own once it has any, otherwise the defaults. */
export async function categoriesOf(tx: Executor, trialId: string): Promise<string[]> {
  const rows = await tx
    .select({ name: expenseCategories.name })
    .from(expenseCategories)
    .where(eq(expenseCategories.trialId, trialId))
    .orderBy(expenseCategories.name);
  return rows.length ? rows.map((r) => r.name) : [...DEFAULT_CATEGORIES];
}

export async function addCategory(tx: Executor, actor: Actor, trialId: string, name: string) {
  const category = name.trim();
  if (!category || category.length > 100) {
    throw badInput([{ field: "category", message: "must be 1 to 100 characters" }]);
  }
  const [row] = await onViolation(
    () => tx.insert(expenseCategories).values({ trialId, name: category }).returning(),
    {
      code: PG_UNIQUE_VIOLATION,
      constraint: "expense_categories_trial_name_key",
      error: () => conflict(`The trial already has the category "${category}".`),
    },
  );
  await recordAudit(tx, actor, {
    action: "add_category",
    resourceType: "trial",
    resourceId: trialId,
    changes: { category: { from: null, to: category } },
  });
  return row!;
}

export interface AttachmentInput {
  filename: string;
  dataBase64: string;
}

/** Decodes and checks a receipt: a PDF, JPEG or PNG (by its content) of at most 5 MiB. */
function decodeAttachment(attachment: AttachmentInput, index: number) {
  const field = `attachments.${index}`;
  const text = attachment.dataBase64.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0 || text.length === 0) {
    throw badInput([{ field, message: "must be base64" }]);
  }
  if ((text.length / 4) * 3 > MAX_ATTACHMENT_BYTES + 3) {
    throw badInput([{ field, message: "must be at most 5 MiB" }]);
  }
  const data = Buffer.from(text, "base64");
  if (data.length > MAX_ATTACHMENT_BYTES) throw badInput([{ field, message: "must be at most 5 MiB" }]);
  let contentType: string | null = null;
  if (data.subarray(0, 5).toString("latin1") === "%PDF-") contentType = "application/pdf";
  else if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) contentType = "image/jpeg";
  else if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    contentType = "image/png";
  if (!contentType) throw badInput([{ field, message: "must be a PDF, JPEG or PNG file" }]);
  const filename = attachment.filename.trim().slice(0, 200) || `receipt-${index + 1}`;
  return { filename, contentType, sizeBytes: data.length, data };
}

/**
 * Requests a reimbursement (the spec's reimbursement_request): PENDING until approved, committing no funding yet.
 * The category must be one of the trial's; receipts are stored.
 */
export async function requestReimbursement(
  tx: Executor,
  actor: Actor,
  input: {
    enrollmentId: string;
    amount: { amount: string; currency: string };
    category: string;
    note?: string | null;
    attachments?: AttachmentInput[] | null;
  },
): Promise<Payment> {
  const money = parseInput(positiveAmount, input.amount);
  const files = (input.attachments ?? []).map(decodeAttachment);
  if (files.length > 10) throw badInput([{ field: "attachments", message: "at most 10 files" }]);
  const enrollment = await enrollmentWithContract(tx, input.enrollmentId);
  const [contract] = await tx
    .select({ currency: contracts.currency })
    .from(contracts)
    .where(eq(contracts.id, enrollment.contractId));
  if (contract!.currency.trim() !== money.currency) {
    throw badInput([
      { field: "amount.currency", message: `must be the contract's currency, ${contract!.currency.trim()}` },
    ]);
  }
  const categories = await categoriesOf(tx, enrollment.trialId);
  const category = categories.find((c) => c.toLowerCase() === input.category.trim().toLowerCase());
  if (!category) {
    throw badInput([{ field: "category", message: `must be one of: ${categories.join(", ")}` }]);
  }
  const [payment] = (await tx
    .insert(payments)
    .values({
      enrollmentId: enrollment.id,
      contractId: enrollment.contractId,
      kind: "reimbursement",
      amountMinor: money.amountMinor,
      currency: money.currency,
      category,
      note: cleanNote(input.note),
      status: "pending",
      createdBy: actor.userId,
    })
    .returning()) as [Payment];
  if (files.length) {
    await tx.insert(paymentAttachments).values(files.map((f) => ({ paymentId: payment.id, ...f })));
  }
  await recordEvent(tx, actor, payment.id, null, "pending");
  await auditPayment(tx, actor, "reimbursement_request", payment, null);
  return payment;
}

/** The enrollment (and contract) a payment belongs to, for rules. */
export async function paymentPlace(tx: Executor, paymentId: string) {
  const [row] = await tx
    .select({ enrollmentId: payments.enrollmentId, contractId: payments.contractId })
    .from(payments)
    .where(eq(payments.id, paymentId));
  return row ?? null;
}

/**
 * Approves a PENDING payment (the spec's approve_payment): it becomes owed (UNCLAIMED) and commits funding under
 * the contract lock; anything but PENDING is a CONFLICT.
 */
export async function approvePayment(tx: Executor, actor: Actor, paymentId: string): Promise<Payment> {
  const place = await paymentPlace(tx, paymentId);
  if (!place) throw notFound("Payment");
  const contract = await lockContract(tx, place.contractId);
  const [before] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
  if (!before) throw notFound("Payment");
  if (before.status !== "pending") {
    throw conflict(`Only pending payments can be approved; this one is ${before.status}.`);
  }
  requireContractCurrency(contract, before.currency);
  const [payment] = (await tx
    .update(payments)
    .set({ status: "unclaimed" })
    .where(eq(payments.id, paymentId))
    .returning()) as [Payment];
  await commitFunding(tx, contract, payment.amountMinor);
  await recordEvent(tx, actor, payment.id, "pending", "unclaimed");
  await auditPayment(tx, actor, "approve_payment", payment, "pending");
  return payment;
}

/** Rejects a PENDING payment with a reason; no funding was committed for it, so none moves. */
export async function rejectPayment(
  tx: Executor,
  actor: Actor,
  paymentId: string,
  reason: string,
): Promise<Payment> {
  const why = cleanNote(reason, "reason");
  if (!why) throw badInput([{ field: "reason", message: "must not be empty" }]);
  const [before] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
  if (!before) throw notFound("Payment");
  if (before.status !== "pending") {
    throw conflict(`Only pending payments can be rejected; this one is ${before.status}.`);
  }
  const [payment] = (await tx
    .update(payments)
    .set({ status: "rejected", rejectionReason: why })
    .where(eq(payments.id, paymentId))
    .returning()) as [Payment];
  await recordEvent(tx, actor, payment.id, "pending", "rejected", why);
  await auditPayment(tx, actor, "reject_payment", payment, "pending");
  return payment;
}
