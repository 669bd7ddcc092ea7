import { sql } from "drizzle-orm";
import { compiledStatement, type ValueOf, withValues } from "../../db/compiled.js";
import type { Database, Executor } from "../../db/connection.js";
import { newId } from "../../db/ids.js";
import { rowReader } from "../../db/rows.js";
import {
  appointments,
  contracts,
  enrollments,
  milestones,
  milestoneVersions,
  payments,
  sites,
  trialSites,
  trials,
} from "../../db/schema/index.js";
import type { Actor } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import { actorOf, type Context } from "../core/context.js";
import {
  badInput,
  conflict,
  DomainError,
  foreignId,
  notFound,
  onViolation,
  outcomeUnknown,
  PG_CHECK_VIOLATION,
  transientFailure,
} from "../core/errors.js";
import { decodeGlobalId } from "../core/ids.js";
import type { MoneyValue } from "../core/money.js";
import { knowEnrollmentPlace, requireForEnrollment, seesParticipant } from "../core/participant-access.js";
import { trialSiteAncestry } from "../core/resources.js";
import { inTransaction } from "../core/transaction.js";
import { commitFunding, insufficientFunds } from "../organizations/funding.js";
import { lowBalanceSet } from "../organizations/low-balance.js";
import { cleanNote, newPaymentChanges, newPaymentChangeValues, requireContractCurrency } from "./payments.js";
import type { Payment } from "./refs.js";

/** The most milestone payments one payMilestones call may hold. */
export const MAX_MILESTONE_PAYMENTS = 500;

/** A milestone payment as asked for: global ids, as sent. */
export interface MilestonePaymentInput {
  enrollmentId: string;
  milestoneId: string;
  appointmentId?: string | null;
  note?: string | null;
}

/** Why one payment of a batch was not made: the error its own request would have answered, as data. */
export interface ItemError {
  code: string;
  message: string;
  /** The error's extensions (for BAD_USER_INPUT, `fields`: the input fields at fault). */
  extensions: Record<string, unknown>;
}

/** What one asked-for payment came to: the payment, or why it was not made. */
export type MilestonePaymentResult =
  | { payment: Payment; error?: never }
  | { payment?: never; error: ItemError };

const itemError = (error: DomainError): ItemError => ({
  code: String(error.extensions.code),
  message: error.message,
  extensions: { ...error.extensions },
});

/** An item's refusal as the error a request answers. */
export const asError = (error: ItemError) =>
  new DomainError(error.code as never, error.message, error.extensions);

/** A payment checked and ready to be made: everything it needs, read before its transaction. */
interface Planned {
  /** Its place in the request. */
  index: number;
  paymentId: string;
  enrollmentId: string;
  contractId: string;
  milestoneId: string;
  milestoneName: string;
  repeatable: boolean;
  versionId: string;
  amountMinor: bigint;
  currency: string;
  appointmentId: string | null;
  note: string | null;
}

/** What the one read of a batch's plan finds for each item (null where its id names nothing). */
type Found = {
  status: string | null;
  participant_id: string | null;
  trial_site_id: string | null;
  /** The trial site's ancestry (with trial_site_id, trial_id, contract_id). */
  trial_id: string | null;
  site_id: string | null;
  trial_client_id: string | null;
  site_client_id: string | null;
  contract_id: string | null;
  contract_currency: string | null;
  milestone_trial_site_id: string | null;
  milestone_name: string | null;
  repeatable: boolean | null;
  version_id: string | null;
  amount_minor: string | null;
  currency: string | null;
  visit_enrollment_id: string | null;
  visit_participant_id: string | null;
  /** The appointment's milestone, if it has one. */
  visit_milestone_id: string | null;
};

/** The visit a payment names, decoded: its enrollment, and the milestone and/or the appointment. */
export interface VisitIds {
  enrollmentId: string;
  milestoneId: string | null;
  appointmentId: string | null;
}

/** A visit as an input names it: global ids, as sent. */
export interface VisitInput {
  enrollmentId: string;
  milestoneId?: string | null;
  appointmentId?: string | null;
}

/** Decodes a visit's global ids: BAD_USER_INPUT naming the field for a malformed id or another type's. */
function decodeVisit(input: VisitInput): VisitIds {
  return {
    enrollmentId: decodeGlobalId(input.enrollmentId, "enrollmentId", "Enrollment").id,
    milestoneId:
      input.milestoneId == null
        ? null
        : decodeGlobalId(input.milestoneId, "milestoneId", "PaymentScheduleLine").id,
    appointmentId:
      input.appointmentId == null
        ? null
        : decodeGlobalId(input.appointmentId, "appointmentId", "Appointment").id,
  };
}

/**
 * One statement: what checking and paying each visit needs, in the order asked (nulls where an id names nothing),
 * with what the access decisions about its enrollment read (where it is, and its trial site's ancestry), kept for
 * them: checking access then reads nothing more.
 */
async function readVisits(access: Access, asked: readonly VisitIds[]): Promise<Found[]> {
  if (!asked.length) return [];
  const rows = await access.db.execute<Found & { position: number }>(sql`
    SELECT i.position::int AS position, e.status, e.participant_id, e.trial_site_id, e.trial_id, ts.site_id,
      t.contract_id, c.client_id AS trial_client_id, s.client_id AS site_client_id,
      c.currency AS contract_currency, m.trial_site_id AS milestone_trial_site_id,
      m.name AS milestone_name, m.repeatable, v.id AS version_id, v.amount_minor::text AS amount_minor,
      v.currency, a.enrollment_id AS visit_enrollment_id, ae.participant_id AS visit_participant_id,
      a.milestone_id AS visit_milestone_id
    FROM unnest(
      ${sql.param(asked.map((d) => d.enrollmentId))}::text[],
      ${sql.param(asked.map((d) => d.milestoneId))}::text[],
      ${sql.param(asked.map((d) => d.appointmentId))}::text[]
    ) WITH ORDINALITY AS i(enrollment_id, milestone_id, appointment_id, position)
    LEFT JOIN ${enrollments} e ON e.id = i.enrollment_id
    LEFT JOIN ${trialSites} ts ON ts.id = e.trial_site_id
    LEFT JOIN ${sites} s ON s.id = ts.site_id
    LEFT JOIN ${trials} t ON t.id = e.trial_id
    LEFT JOIN ${contracts} c ON c.id = t.contract_id
    LEFT JOIN ${milestones} m ON m.id = i.milestone_id
    LEFT JOIN LATERAL (
      SELECT mv.id, mv.amount_minor, mv.currency FROM ${milestoneVersions} mv
      WHERE mv.milestone_id = m.id AND mv.effective_at <= now() ORDER BY mv.effective_at DESC LIMIT 1
    ) v ON true
    LEFT JOIN ${appointments} a ON a.id = i.appointment_id
    LEFT JOIN ${enrollments} ae ON ae.id = a.enrollment_id`);
  const byPosition = new Map(rows.map((row) => [row.position, row]));
  const found = asked.map((_, i) => byPosition.get(i + 1)!);
  for (const [i, { enrollmentId }] of asked.entries()) {
    const row = found[i]!;
    if (!row.participant_id || !row.trial_site_id) {
      knowEnrollmentPlace(access, enrollmentId, null);
      continue;
    }
    knowEnrollmentPlace(access, enrollmentId, {
      participantId: row.participant_id,
      trialSiteId: row.trial_site_id,
    });
    // The enrollment's trial site is of its trial (enrollments_trial_site_fk), so t and c are the trial site's; every
    // join from the enrollment up follows a foreign key of a NOT NULL column.
    access.knowAncestry(
      { type: "trialSite", id: row.trial_site_id },
      trialSiteAncestry({
        id: row.trial_site_id,
        trial_id: row.trial_id!,
        site_id: row.site_id!,
        contract_id: row.contract_id!,
        trial_client_id: row.trial_client_id!,
        site_client_id: row.site_client_id!,
      }),
    );
  }
  return found;
}

/**
 * The ids a visit names belong to its enrollment (README, Access: foreignId): the enrollment exists, the milestone
 * is on the payment schedule of the enrollment's trial site, and the appointment is one of the enrollment's.
 */
async function checkVisit(access: Access, ids: VisitIds, row: Found): Promise<void> {
  if (!row.contract_id || !row.contract_currency) throw notFound("Enrollment");
  if (ids.milestoneId !== null) {
    if (!row.milestone_trial_site_id) throw notFound("Milestone");
    if (row.milestone_trial_site_id !== row.trial_site_id) {
      const seen = await access.holds("view_payment_schedule", {
        type: "trialSite",
        id: row.milestone_trial_site_id,
      });
      throw foreignId(seen, "Milestone", {
        field: "milestoneId",
        message: "is not on the payment schedule of this enrollment's trial site.",
      });
    }
  }
  if (ids.appointmentId !== null) {
    if (!row.visit_enrollment_id || !row.visit_participant_id) throw notFound("Appointment");
    if (row.visit_enrollment_id !== ids.enrollmentId) {
      throw foreignId(await seesParticipant(access, row.visit_participant_id), "Appointment", {
        field: "appointmentId",
        message: "is not a visit of this enrollment.",
      });
    }
  }
}

/**
 * Checks the visit another payment (mileage) names, as payMilestone checks its own, before its transaction: the
 * decoded enrollment and appointment, and the milestone named or else the appointment's (null when neither).
 */
export async function requireVisit(
  access: Access,
  input: VisitInput,
): Promise<{ enrollmentId: string; milestoneId: string | null; appointmentId: string | null }> {
  const ids = decodeVisit(input);
  const [row] = await readVisits(access, [ids]);
  await checkVisit(access, ids, row!);
  return { ...ids, milestoneId: ids.milestoneId ?? row!.visit_milestone_id };
}

/** Runs the work of one item, its refusal becoming the item's answer (any other error is the request's). */
async function orRefusal<T>(work: () => Promise<T>): Promise<T | DomainError> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/**
 * Checks each asked-for payment before any transaction, as permission checks are (what they read does not change
 * once written, or is read again where it counts): its ids are of the right types; the viewer holds
 * milestone_payment on the enrollment's trial site (README, Access: NOT_FOUND for an enrollment they may not see);
 * the milestone is on the schedule of that trial site and the visit, when given, is the enrollment's (foreignId);
 * the enrollment is ENROLLED; the milestone has an amount in effect now, in the contract's currency. One statement
 * reads what every item needs; access decisions are batched per request. Each item gets its plan or its refusal.
 */
async function planMilestonePayments(
  access: Access,
  inputs: readonly MilestonePaymentInput[],
): Promise<(Planned | DomainError)[]> {
  const decoded = await Promise.all(
    inputs.map((input) =>
      orRefusal(async () => {
        const visit = decodeVisit(input);
        return {
          ...visit,
          milestoneId:
            visit.milestoneId ?? decodeGlobalId(input.milestoneId, "milestoneId", "PaymentScheduleLine").id,
          note: cleanNote(input.note),
        };
      }),
    ),
  );
  const asked = decoded.filter((d): d is Exclude<typeof d, DomainError> => !(d instanceof DomainError));
  // Read first, decided before anything of it is used or answered: the read keeps for the access decisions what
  // they need, so they read nothing more.
  const rows = await readVisits(access, asked);
  const found = new Map(asked.map((ids, i) => [ids, rows[i]!]));
  return Promise.all(
    decoded.map((ids, index) => {
      if (ids instanceof DomainError) return ids;
      const row = found.get(ids)!;
      return orRefusal(async (): Promise<Planned> => {
        await requireForEnrollment(access, "milestone_payment", ids.enrollmentId);
        await checkVisit(access, ids, row);
        if (row.status !== "enrolled") throw notEnrolled(row.status);
        if (!row.version_id || !row.amount_minor || !row.currency)
          throw badInput([{ field: "milestoneId", message: "the milestone has no amount in effect yet" }]);
        requireContractCurrency(row.contract_currency!, row.currency);
        return {
          ...ids,
          index,
          paymentId: newId(),
          contractId: row.contract_id!,
          milestoneName: row.milestone_name!,
          repeatable: Boolean(row.repeatable),
          versionId: row.version_id,
          amountMinor: BigInt(row.amount_minor),
          currency: row.currency.trim(),
        };
      });
    }),
  );
}

const notEnrolled = (status: string | null) =>
  conflict(`Only enrolled participants can be paid for milestones; this enrollment is ${status}.`);
const alreadyPaid = (item: Planned) =>
  conflict(`Milestone "${item.milestoneName}" has already been paid for this enrollment.`);
const outpaced = (item: Planned) =>
  new DomainError(
    "TRY_AGAIN",
    `Milestone "${item.milestoneName}" was being paid for this enrollment by other requests at the same time; this payment was not made. Send it again.`,
  );

/**
 * Inserts the payments of `items` whose enrollment is ENROLLED, each milestone once per enrollment (occurrence 1)
 * or, when repeatable, at the next occurrence, with their history and audit entries (newPaymentChanges): the unique
 * index payments_milestone_once_key decides between concurrent payments, and an item it refuses is left out (ON
 * CONFLICT DO NOTHING), with no entries, rather than failing the others. The enrollments are share-locked so that
 * none is dropped while it is paid. Rows go in in the order of their unique key, so that concurrent batches wait
 * for each other's keys in one order and cannot deadlock on them. One statement; returns the payments made, by id.
 */
async function insertMilestonePayments(
  tx: Executor,
  actor: Actor,
  items: readonly Planned[],
): Promise<Map<string, Payment>> {
  const rows = await tx.execute<Record<string, unknown>>(
    withValues(
      (value) => sql`
        WITH ${insertingMilestonePayments(value)}
        SELECT * FROM inserted`,
      milestonePaymentValues(actor, items),
    ),
  );
  return paymentsById(rows);
}

/** The values of insertingMilestonePayments' statement, by name: the items' columns, and the entries'. */
function milestonePaymentValues(actor: Actor, items: readonly Planned[]) {
  // Repeatable payments of one milestone in one batch take consecutive occurrences.
  const counts = new Map<string, number>();
  const ranks = items.map((item) => {
    const key = `${item.enrollmentId}:${item.milestoneId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return String(counts.get(key));
  });
  const column = <T>(value: (item: Planned) => T) => items.map(value);
  return {
    ...newPaymentChangeValues(
      actor,
      "milestone_payment",
      items.map((item) => ({
        id: item.paymentId,
        status: NEW_STATUS,
        kind: KIND,
        amountMinor: item.amountMinor,
        currency: item.currency,
        enrollmentId: item.enrollmentId,
        rejectionReason: null,
      })),
    ),
    kind: KIND,
    status: NEW_STATUS,
    createdBy: actor.userId,
    enrollmentIds: column((p) => p.enrollmentId),
    contractIds: column((p) => p.contractId),
    milestoneIds: column((p) => p.milestoneId),
    versionIds: column((p) => p.versionId),
    repeatable: column((p) => String(p.repeatable)),
    ranks,
    appointmentIds: column((p) => p.appointmentId),
    amounts: column((p) => String(p.amountMinor)),
    currencies: column((p) => p.currency),
    notes: column((p) => p.note),
  };
}
type MilestonePaymentValues = ReturnType<typeof milestonePaymentValues>;

/**
 * insertMilestonePayments' statement as common table expressions: `inserted` (the payments made, RETURNING *), and
 * `history` and `audit`, which write their entries. Its values (milestonePaymentValues) are named through `value`.
 */
function insertingMilestonePayments(value: ValueOf<MilestonePaymentValues>) {
  const { history, audit } = newPaymentChanges(value, sql`inserted`);
  return sql`
    inserted AS (
      INSERT INTO ${payments} (id, enrollment_id, contract_id, kind, milestone_id, milestone_version_id,
        milestone_occurrence, appointment_id, amount_minor, currency, note, status, created_by)
      SELECT i.id, i.enrollment_id, i.contract_id, ${value("kind")}, i.milestone_id, i.version_id,
        CASE WHEN i.repeatable::boolean THEN i.rank::int + coalesce((
          SELECT max(p.milestone_occurrence) FROM ${payments} p
          WHERE p.enrollment_id = i.enrollment_id AND p.milestone_id = i.milestone_id AND p.status <> 'rejected'
        ), 0) ELSE 1 END,
        i.appointment_id, i.amount_minor::bigint, i.currency, i.note, ${value("status")}, ${value("createdBy")}
      FROM unnest(
        ${value("paymentIds")}::text[], ${value("enrollmentIds")}::text[], ${value("contractIds")}::text[],
        ${value("milestoneIds")}::text[], ${value("versionIds")}::text[], ${value("repeatable")}::text[],
        ${value("ranks")}::text[], ${value("appointmentIds")}::text[], ${value("amounts")}::text[],
        ${value("currencies")}::text[], ${value("notes")}::text[]
      ) WITH ORDINALITY AS i(id, enrollment_id, contract_id, milestone_id, version_id, repeatable, rank,
        appointment_id, amount_minor, currency, note, position)
      WHERE i.enrollment_id IN (
        SELECT e.id FROM ${enrollments} e
        WHERE e.id = ANY(${value("enrollmentIds")}::text[]) AND e.status = 'enrolled' FOR SHARE
      )
      ORDER BY i.enrollment_id, i.milestone_id, i.position
      ON CONFLICT (enrollment_id, milestone_id, milestone_occurrence)
        WHERE milestone_id IS NOT NULL AND status <> 'rejected' DO NOTHING
      RETURNING *
    ), history AS (${history}), audit AS (${audit})`;
}

const paymentsById = (rows: readonly Record<string, unknown>[]) =>
  new Map(rows.map((raw) => paymentRows.read(raw)).map((payment) => [payment.id, payment]));

/** The one statement did not make every payment: it wrote nothing, and a transaction makes them. */
class NotInOneStatement extends Error {}

/**
 * Makes the planned payments, all of one contract, in one statement outside a transaction: PostgreSQL makes a
 * statement atomic by itself, so there is no BEGIN or COMMIT to wait for, and the contract's row is locked from the
 * funding to the statement's end only, never while the app waits on the network. The statement inserts the
 * payments with their history and audit entries (as insertMilestonePayments does), then commits their funding: the
 * funding reads their sum, so every insert is done (and any wait on the pay-once index or an enrollment over) before
 * the contract's row is locked. It makes every payment or none, and returns null when it made none, for
 * makeMilestonePayments to make them in a transaction that answers each item: when an item was left out (its
 * milestone paid, its enrollment no longer enrolled), when the contract cannot fund them all, and when the funding
 * would fall below the contract's low-balance threshold (whose alert is queued in the payment's transaction). In
 * those last cases the statement sets committed funding below zero, so contracts_never_overdrawn refuses it whole.
 * A clash with another transaction (a deadlock) leaves it to the transaction too. A connection lost while the
 * statement ran leaves it in doubt: the payments' ids, drawn here, say whether it committed (all of them exist, or
 * none). When none does it is made in a transaction, with the same ids: should the lost statement still commit after
 * all, the pay-once index and the payments' primary key stop a second payment.
 */
async function payInOneStatement(
  db: Database,
  actor: Actor,
  contractId: string,
  items: readonly Planned[],
): Promise<Map<string, Payment> | null> {
  try {
    const rows = await onViolation(
      () =>
        payingInOneStatement(db, {
          ...milestonePaymentValues(actor, items),
          contractId,
          count: items.length,
        }),
      {
        code: PG_CHECK_VIOLATION,
        constraint: "contracts_never_overdrawn",
        error: () => new NotInOneStatement(),
      },
    );
    return rows.length ? paymentsById(rows) : null;
  } catch (error) {
    if (error instanceof NotInOneStatement || transientFailure(error) === "clash") return null;
    if (transientFailure(error) !== "connection lost") throw error;
    const ids = items.map((item) => item.paymentId);
    const rows = await db
      .execute<Record<string, unknown>>(
        sql`SELECT * FROM ${payments} WHERE id = ANY(${sql.param(ids)}::text[])`,
      )
      .catch((lookup: unknown) => {
        throw transientFailure(lookup) ? outcomeUnknown() : lookup;
      });
    return rows.length ? paymentsById(rows) : null;
  }
}

/** payInOneStatement's statement: compiled once, as it runs for every payment. */
const payingInOneStatement = compiledStatement<
  MilestonePaymentValues & { contractId: string; count: number }
>((value) => {
  const funded = sql`committed_minor + made.total`;
  const crossesThreshold = sql`low_balance_since IS NULL AND ${lowBalanceSet(funded)} IS NOT NULL`;
  return sql`
    WITH ${insertingMilestonePayments(value)},
    made AS (SELECT count(*)::int AS n, sum(amount_minor) AS total FROM inserted),
    funded AS (
      UPDATE ${contracts} SET
        committed_minor = CASE WHEN made.n < ${value("count")} OR (${crossesThreshold}) THEN -1 ELSE ${funded} END,
        updated_at = now(),
        low_balance_since = ${lowBalanceSet(funded)}
      FROM made WHERE ${contracts.id} = ${value("contractId")} AND made.n > 0
      RETURNING ${contracts.id}
    )
    SELECT inserted.* FROM inserted, funded`;
});

/** What a milestone payment is when made: owed at once. */
const KIND = "milestone" satisfies Payment["kind"];
const NEW_STATUS = "unclaimed" satisfies Payment["status"];
const paymentRows = rowReader(payments);

/** How often a repeatable payment may lose its occurrence to concurrent payments before its item gives up. */
const OCCURRENCE_ATTEMPTS = 5;

/**
 * Makes the planned payments in the caller's transaction: inserts them with their history and audit entries
 * (insertMilestonePayments, again for a repeatable one whose occurrence a concurrent payment took), and commits
 * their funding last, one statement per contract in the order of contract ids (commitFunding), so each contract's
 * row is locked once, for the shortest time, always in one order, and never while the transaction still inserts
 * (an insert may wait on a concurrent payment's key, and that payment on the contract: a deadlock). Without a
 * repeatable item there is one insert, and the funding is sent right behind it (postgres.js pipelines a
 * transaction's statements and PostgreSQL runs them in order): one round trip for both. Throws Shortfall when a
 * contract cannot fund them all. Returns each item's payment or refusal.
 */
async function makeMilestonePayments(
  tx: Executor,
  actor: Actor,
  planned: readonly Planned[],
): Promise<Map<Planned, Payment | DomainError>> {
  const fund = (items: readonly Planned[]) =>
    [...new Set(items.map((item) => item.contractId))].sort().map(async (contractId) => {
      const ofContract = items.filter((item) => item.contractId === contractId);
      const funded = await commitFunding(tx, contractId, {
        paymentIds: ofContract.map((item) => item.paymentId),
      });
      return { ofContract, ...funded };
    });
  const outcomes = new Map<Planned, Payment | DomainError>();
  const fundedWithInsert = !planned.some((item) => item.repeatable);
  let funded: Awaited<ReturnType<typeof fund>[number]>[] = [];
  let pending = planned;
  for (let attempt = 1; pending.length; attempt++) {
    // Promise.all: when the insert fails, the funding behind it fails too, and is handled here.
    const [made, ...fundedNow] = await Promise.all([
      insertMilestonePayments(tx, actor, pending),
      ...(fundedWithInsert ? fund(pending) : []),
    ]);
    if (fundedWithInsert) funded = fundedNow;
    const missed = pending.filter((item) => !made.has(item.paymentId));
    for (const item of pending) {
      const payment = made.get(item.paymentId);
      if (payment) outcomes.set(item, payment);
    }
    if (!missed.length) break;
    // Left out: no longer enrolled, or its milestone paid (for a repeatable one, that occurrence).
    const statuses = new Map(
      (
        await tx.execute<{ id: string; status: string }>(sql`
          SELECT id, status FROM ${enrollments}
          WHERE id = ANY(${sql.param(missed.map((item) => item.enrollmentId))}::text[])`)
      ).map((row) => [row.id, row.status]),
    );
    const again: Planned[] = [];
    for (const item of missed) {
      const status = statuses.get(item.enrollmentId) ?? null;
      if (status !== "enrolled") outcomes.set(item, notEnrolled(status));
      else if (!item.repeatable) outcomes.set(item, alreadyPaid(item));
      else if (attempt < OCCURRENCE_ATTEMPTS) again.push(item);
      else outcomes.set(item, outpaced(item));
    }
    pending = again;
  }
  if (!fundedWithInsert)
    funded = await Promise.all(fund(planned.filter((item) => !isRefusal(outcomes.get(item)))));
  // Only the payments made were funded (the others do not exist): each contract's are covered in order, from the
  // first, as far as its funding goes.
  for (const { ofContract, committed, remaining } of funded) {
    const made = ofContract.filter((item) => !isRefusal(outcomes.get(item)));
    if (committed < made.length) throw new Shortfall(made.slice(committed), remaining);
  }
  return outcomes;
}

const isRefusal = (outcome: unknown): outcome is DomainError => outcome instanceof DomainError;

/** A contract could not fund every payment asked of it: these are the ones past what it covers. */
class Shortfall extends Error {
  constructor(
    readonly unfunded: readonly Planned[],
    readonly remaining: MoneyValue,
  ) {
    super("The contract's remaining funding does not cover every payment.");
  }
}

/** Nothing was paid: the transaction (and any Idempotency-Key claim in it) is rolled back, and this answered. */
class NothingPaid extends Error {
  constructor(readonly results: MilestonePaymentResult[]) {
    super("No payment was made.");
  }
}

/**
 * Pays milestones (the spec's milestone_payment), one or a batch of up to MAX_MILESTONE_PAYMENTS, each checked and
 * answered on its own: its payment at the amount in effect now, owed at once (UNCLAIMED), its funding committed;
 * or the refusal its own request would have had. Payments of one contract, without an Idempotency-Key, are made by
 * one statement when it can make them all (payInOneStatement, the usual case); otherwise one transaction makes
 * them (and claims the Idempotency-Key, when there is one), locking each contract once, last. When a contract's
 * remaining funding covers only some of its payments, those after the ones it covers (in the batch's order) answer
 * INSUFFICIENT_FUNDS and the others are made in a new transaction. An answer in which nothing was paid changed nothing and keeps no Idempotency-Key.
 */
export async function payMilestones(
  ctx: Context,
  inputs: readonly MilestonePaymentInput[],
): Promise<MilestonePaymentResult[]> {
  if (inputs.length < 1 || inputs.length > MAX_MILESTONE_PAYMENTS)
    throw badInput([{ field: "items", message: `must hold 1 to ${MAX_MILESTONE_PAYMENTS} payments` }]);
  const answered = new Map<number, MilestonePaymentResult>();
  let planned: Planned[] = [];
  (await planMilestonePayments(ctx.access, inputs)).forEach((plan, index) => {
    if (plan instanceof DomainError) answered.set(index, { error: itemError(plan) });
    else planned.push(plan);
  });
  // Of one contract and without an Idempotency-Key (whose claim and answer are written in the transaction), one
  // statement can make them all.
  const contractIds = new Set(planned.map((item) => item.contractId));
  if (contractIds.size === 1 && !ctx.idempotentCall) {
    const made = await payInOneStatement(ctx.db, actorOf(ctx), planned[0]!.contractId, planned);
    if (made) {
      for (const item of planned) answered.set(item.index, { payment: made.get(item.paymentId)! });
      return inputs.map((_, index) => answered.get(index)!);
    }
  }
  for (;;) {
    if (!planned.length && !ctx.idempotentCall) return inputs.map((_, index) => answered.get(index)!);
    try {
      return await inTransaction(ctx, async (tx, actor) => {
        const outcomes = await makeMilestonePayments(tx, actor, planned);
        const results = new Map(answered);
        for (const [item, outcome] of outcomes)
          results.set(item.index, isRefusal(outcome) ? { error: itemError(outcome) } : { payment: outcome });
        const answer = inputs.map((_, index) => results.get(index)!);
        if (!answer.some((result) => result.payment)) throw new NothingPaid(answer);
        return answer;
      });
    } catch (error) {
      if (error instanceof NothingPaid) return error.results;
      if (!(error instanceof Shortfall)) throw error;
      for (const item of error.unfunded)
        answered.set(item.index, { error: itemError(insufficientFunds(error.remaining)) });
      planned = planned.filter((item) => !error.unfunded.includes(item));
    }
  }
}
