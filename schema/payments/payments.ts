import { eq, type SQL, sql } from "drizzle-orm";
import type { ValueOf } from "../../db/compiled.js";
import type { Executor } from "../../db/connection.js";
import { newId } from "../../db/ids.js";
import {
  auditEntries,
  contracts,
  enrollments,
  expenseCategories,
  paymentAttachments,
  paymentEvents,
  payments,
  trials,
} from "../../db/schema/index.js";
import { type Actor, type AuditEntry, actingAsOf, auditInsert, recordAudit } from "../core/audit.js";
import {
  badInput,
  conflict,
  notFound,
  onViolation,
  PG_UNIQUE_VIOLATION,
  parseInput,
} from "../core/errors.js";
import { positiveAmount } from "../core/money.js";
import { commitAmount } from "../organizations/funding.js";
import { parseDistance } from "./mileage.js";
import type { Payment } from "./refs.js";

export const DEFAULT_CATEGORIES = ["Airfare", "Hotel", "Meal", "Other", "Parking", "Tolls", "Transportation"];
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

type PaymentStatus = Payment["status"];

/** The enrollment with its trial's contract and the contract's currency (not locked). */
async function enrollmentWithContract(tx: Executor, enrollmentId: string) {
  const [row] = await tx
    .select({
      id: enrollments.id,
      status: enrollments.status,
      trialId: enrollments.trialId,
      trialSiteId: enrollments.trialSiteId,
      participantId: enrollments.participantId,
      contractId: trials.contractId,
      currency: contracts.currency,
      mileageRateMinor: trials.mileageRateMinor,
      mileageRateUnit: trials.mileageRateUnit,
    })
    .from(enrollments)
    .innerJoin(trials, eq(trials.id, enrollments.trialId))
    .innerJoin(contracts, eq(contracts.id, trials.contractId))
    .where(eq(enrollments.id, enrollmentId));
  if (!row) throw notFound("Enrollment");
  const { mileageRateMinor: minor, mileageRateUnit: unit, ...enrollment } = row;
  return { ...enrollment, mileageRate: minor !== null && unit !== null ? { minor, unit } : null };
}

/** A payment's currency must be its contract's (the payments_contract_currency_fk key holds it too). */
export function requireContractCurrency(contractCurrency: string, currency: string) {
  if (contractCurrency.trim() !== currency.trim()) {
    throw badInput([
      { field: "amount.currency", message: `must be the contract's currency, ${contractCurrency.trim()}` },
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
 * The insert of status changes into the payments' history, not yet run (recordEvents runs it): who made them (the
 * person logged in) and whom they were acting as after switch user, as audit entries do. The system (payout jobs)
 * acts with no actor.
 */
export const eventsInsert = (tx: Executor, actor: Actor | null, changes: StatusChange[]) =>
  tx.insert(paymentEvents).values(
    changes.map((change) => ({
      ...change,
      reason: change.reason ?? null,
      actorUserId: actor?.realUserId ?? null,
      actingAsUserId: actor && actingAsOf(actor),
    })),
  );

/** Appends status changes to the payments' history (eventsInsert). */
export async function recordEvents(tx: Executor, actor: Actor | null, changes: StatusChange[]) {
  if (changes.length) await eventsInsert(tx, actor, changes);
}

/** The audit entry of a payment's change: its new status and, when it is new, what it is. */
export function paymentAudit(
  action: string,
  payment: Pick<
    Payment,
    "id" | "status" | "kind" | "amountMinor" | "currency" | "enrollmentId" | "rejectionReason"
  >,
  from: PaymentStatus | null,
): AuditEntry {
  return {
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
  };
}

/**
 * Records a payment's change, its history and its audit entry, in one statement: `from` null for a new payment.
 */
export async function recordPaymentChanges(
  tx: Executor,
  actor: Actor,
  action: string,
  changed: { payment: Payment; from: PaymentStatus | null; reason?: string | null }[],
) {
  if (!changed.length) return;
  const events = eventsInsert(
    tx,
    actor,
    changed.map(({ payment, from, reason }) => ({
      paymentId: payment.id,
      fromStatus: from,
      toStatus: payment.status,
      reason,
    })),
  );
  const audit = auditInsert(
    tx,
    actor,
    changed.map(({ payment, from }) => paymentAudit(action, payment, from)),
  );
  await tx.execute(sql`WITH history AS (${events.getSQL()}) ${audit.getSQL()}`);
}

/** A payment about to be made, as its history and audit entries describe it. */
export type NewPayment = Pick<
  Payment,
  "id" | "status" | "kind" | "amountMinor" | "currency" | "enrollmentId" | "rejectionReason"
>;

/** The values of newPaymentChanges' inserts, by name. */
export function newPaymentChangeValues(actor: Actor, action: string, planned: readonly NewPayment[]) {
  return {
    historyIds: planned.map(() => newId()),
    auditIds: planned.map(() => newId()),
    paymentIds: planned.map((payment) => payment.id),
    statuses: planned.map((payment) => payment.status),
    changes: planned.map((payment) => JSON.stringify(paymentAudit(action, payment, null).changes)),
    actorUserId: actor.realUserId,
    actingAsUserId: actingAsOf(actor),
    requestId: actor.requestId ?? null,
    action,
  };
}
export type NewPaymentChangeValues = ReturnType<typeof newPaymentChangeValues>;

/**
 * The history and audit entries of new payments (recordPaymentChanges with `from` null), as two inserts to run as
 * data-modifying CTEs of the statement that inserts the payments: each payment's entries are written only where
 * `made` (that statement's CTE of the payments it inserted, by `id`) holds it, so a payment the insert left out
 * (the pay-once index refused it) gets none. Their values (newPaymentChangeValues) are named through `value`.
 */
export function newPaymentChanges(value: ValueOf<NewPaymentChangeValues>, made: SQL) {
  return {
    history: sql`
      INSERT INTO ${paymentEvents} (id, payment_id, from_status, to_status, actor_user_id, acting_as_user_id)
      SELECT h.id, h.payment_id, NULL, h.to_status::payment_status, ${value("actorUserId")}, ${value("actingAsUserId")}
      FROM unnest(${value("historyIds")}::text[], ${value("paymentIds")}::text[], ${value("statuses")}::text[])
        AS h(id, payment_id, to_status)
      WHERE h.payment_id IN (SELECT id FROM ${made})`,
    audit: sql`
      INSERT INTO ${auditEntries} (id, actor_user_id, acting_as_user_id, request_id, action, resource_type,
        resource_id, changes)
      SELECT a.id, ${value("actorUserId")}, ${value("actingAsUserId")}, ${value("requestId")}, ${value("action")},
        'payment', a.resource_id, a.changes::jsonb
      FROM unnest(${value("auditIds")}::text[], ${value("paymentIds")}::text[], ${value("changes")}::text[])
        AS a(id, resource_id, changes)
      WHERE a.resource_id IN (SELECT id FROM ${made})`,
  };
}

/** The longest note (or rejection reason) a payment keeps. */
const MAX_NOTE = 2000;

/** A note as stored: trimmed, blank as none, refused when longer than MAX_NOTE. */
export function cleanNote(note: string | null | undefined, field = "note") {
  const text = note?.trim();
  if (text && text.length > MAX_NOTE)
    throw badInput([{ field, message: `must be at most ${MAX_NOTE} characters` }]);
  return text || null;
}

/**
 * Pays mileage (the spec's mileage_payment): an amount entered by staff, owed at once, funding committed; it names
 * the visit travelled to (its milestone and/or appointment, checked beforehand by requireVisit).
 */
export async function payMileage(
  tx: Executor,
  actor: Actor,
  input: {
    enrollmentId: string;
    milestoneId?: string | null;
    appointmentId?: string | null;
    amount: { amount: string; currency: string };
    distance?: string | null;
    note?: string | null;
  },
): Promise<Payment> {
  const money = parseInput(positiveAmount, input.amount);
  const distance = parseDistance(input.distance);
  const enrollment = await enrollmentWithContract(tx, input.enrollmentId);
  requireContractCurrency(enrollment.currency, money.currency);
  // The rate in force now is kept on the payment (only with a distance: without one there is nothing to apply it to).
  const rate = distance ? enrollment.mileageRate : null;
  const [payment] = (await tx
    .insert(payments)
    .values({
      enrollmentId: enrollment.id,
      contractId: enrollment.contractId,
      kind: "mileage",
      visitMilestoneId: input.milestoneId ?? null,
      appointmentId: input.appointmentId ?? null,
      amountMinor: money.amountMinor,
      currency: money.currency,
      mileageDistance: distance,
      mileageRateMinor: rate?.minor ?? null,
      mileageRateUnit: rate?.unit ?? null,
      note: cleanNote(input.note),
      status: "unclaimed",
      createdBy: actor.userId,
    })
    .returning()) as [Payment];
  await recordPaymentChanges(tx, actor, "mileage_payment", [{ payment, from: null }]);
  await commitAmount(tx, payment.contractId, payment.amountMinor);
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
  requireContractCurrency(enrollment.currency, money.currency);
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
  await recordPaymentChanges(tx, actor, "reimbursement_request", [{ payment, from: null }]);
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
  const [before] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
  if (!before) throw notFound("Payment");
  if (before.status !== "pending") {
    throw conflict(`Only pending payments can be approved; this one is ${before.status}.`);
  }
  const [payment] = (await tx
    .update(payments)
    .set({ status: "unclaimed" })
    .where(eq(payments.id, paymentId))
    .returning()) as [Payment];
  await recordPaymentChanges(tx, actor, "approve_payment", [{ payment, from: "pending" }]);
  await commitAmount(tx, payment.contractId, payment.amountMinor);
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
  await recordPaymentChanges(tx, actor, "reject_payment", [{ payment, from: "pending", reason: why }]);
  return payment;
}
