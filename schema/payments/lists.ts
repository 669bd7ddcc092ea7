import DataLoader from "dataloader";
import { and, count, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { GraphQLResolveInfo } from "graphql";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { isAnyOf, rowReader } from "../../db/rows.js";
import {
  appointments,
  enrollments,
  milestones,
  milestoneVersions,
  paymentKind,
  paymentStatus,
  payments,
  trialSites,
} from "../../db/schema/index.js";
import type { Access } from "../core/authorization.js";
import type { Context } from "../core/context.js";
import { notFound, parseInput } from "../core/errors.js";
import {
  byCreation,
  countRows,
  keysetPage,
  nodeFieldsAsked,
  orderings,
  type Page,
  type PageArgs,
  withTotalCount,
} from "../core/pagination.js";
import { ofEnrollmentsHeldSql, participantsActedForBy } from "../core/participant-access.js";
import { perRequest } from "../core/request-cache.js";
import { shownBy } from "../core/shield.js";
import { type PaymentScheduleLine, scheduleOf } from "../participants/schedule.js";
import type { Payment } from "./refs.js";

/*
 * The payments lists read: which payments a viewer may see, the filters the lists take, and the lists that are
 * not plain pages of payments (recent per participant, payable visits, an enrollment's milestones).
 */

/** Plain lists (not connections) stop here. */
export const LIST_LIMIT = 500;

/**
 * A WHERE condition on `payments` keeping those the viewer may see: staff's on trial sites where they hold
 * view_payments, and the participant's (or their caregiver's) own; undefined for admins and those holding it
 * everywhere.
 */
export const paymentsVisibleSql = (access: Access) =>
  ofEnrollmentsHeldSql(access, payments.enrollmentId, "view_payments");

/** What the payment lists filter on; every field optional. Created times run from `createdFrom` up to `createdTo`. */
export interface PaymentFilter {
  trialId?: string;
  siteId?: string;
  participantId?: string;
  status?: Payment["status"];
  kind?: Payment["kind"];
  createdFrom?: Date;
  createdTo?: Date;
}

const ListFilter = z.object({
  status: z.enum(paymentStatus.enumValues).nullish(),
  kind: z.enum(paymentKind.enumValues).nullish(),
  createdAt: z
    .object({ from: z.date().nullish(), to: z.date().nullish() })
    .nullish()
    .refine((range) => !range?.from || !range.to || range.from < range.to, {
      message: "must be later than from.",
      path: ["to"],
    }),
});

/** A list's filter arguments, as GraphQL gives them. */
export type PaymentFilterArgs = z.input<typeof ListFilter>;

/** The filter a payments list's arguments ask for (status, kind, createdAt range); BAD_USER_INPUT for an empty range. */
export function paymentFilter(args: PaymentFilterArgs): PaymentFilter {
  // A dashboard asks this of each of its rows, mostly with no filter at all.
  if (args.status == null && args.kind == null && args.createdAt == null) return {};
  const { status, kind, createdAt } = parseInput(ListFilter, args);
  return {
    status: status ?? undefined,
    kind: kind ?? undefined,
    createdFrom: createdAt?.from ?? undefined,
    createdTo: createdAt?.to ?? undefined,
  };
}

/** The viewer's visible payments, narrowed by `filter`, as one WHERE condition. */
export async function visiblePayments(ctx: Context, filter: PaymentFilter): Promise<SQL | undefined> {
  const { trialId, siteId, participantId, status, kind, createdFrom, createdTo } = filter;
  return and(
    await paymentsVisibleSql(ctx.access),
    trialId
      ? sql`${payments.enrollmentId} IN (SELECT id FROM ${enrollments} WHERE trial_id = ${trialId})`
      : undefined,
    siteId
      ? sql`${payments.enrollmentId} IN (SELECT e.id FROM ${enrollments} e JOIN ${trialSites} ts ON ts.id = e.trial_site_id WHERE ts.site_id = ${siteId})`
      : undefined,
    participantId
      ? sql`${payments.enrollmentId} IN (SELECT id FROM ${enrollments} WHERE participant_id = ${participantId})`
      : undefined,
    status ? eq(payments.status, status) : undefined,
    kind ? eq(payments.kind, kind) : undefined,
    createdFrom ? gte(payments.createdAt, createdFrom) : undefined,
    createdTo ? lt(payments.createdAt, createdTo) : undefined,
  );
}

/** Ids of the latest visible payment of each participant. */
export async function recentPaymentIds(ctx: Context): Promise<string[]> {
  const visible = await paymentsVisibleSql(ctx.access);
  const rows = await ctx.db.execute<{ id: string }>(sql`
    SELECT DISTINCT ON (e.participant_id) ${payments.id} AS id
    FROM ${payments} JOIN ${enrollments} e ON e.id = ${payments.enrollmentId}
    WHERE ${visible ?? sql`true`}
    ORDER BY e.participant_id, ${payments.createdAt} DESC, ${payments.id} DESC`);
  return rows.map((r) => r.id);
}

/** Throws NOT_FOUND unless the viewer sees the trial or is (or cares for) someone enrolled in it. */
export async function requireTrialReach(ctx: Context, trialId: string): Promise<void> {
  if (await ctx.access.sees({ type: "trial", id: trialId })) return;
  const [mine] = await ctx.db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.trialId, trialId),
        sql`${enrollments.participantId} IN ${participantsActedForBy(ctx.access.userId ?? "")}`,
      ),
    )
    .limit(1);
  if (!mine) throw notFound("Trial");
}

export interface PayableVisit {
  appointmentId: string;
  enrollmentId: string;
  milestoneId: string;
  milestoneName: string;
  scheduledAt: Date;
  amountMinor: bigint;
  currency: string;
}

/** Attended visits with an unpaid milestone, of enrolled participants, where the viewer holds milestone_payment. */
export async function payableVisits(ctx: Context): Promise<PayableVisit[]> {
  const atTrialSites = await ctx.access.trialSitesHeld("milestone_payment");
  const rows = await ctx.db.execute<{
    appointment_id: string;
    enrollment_id: string;
    milestone_id: string;
    name: string;
    scheduled_at: string | Date;
    amount_minor: string;
    currency: string;
  }>(sql`
    SELECT a.id AS appointment_id, a.enrollment_id, m.id AS milestone_id, m.name, a.scheduled_at,
      v.amount_minor::text AS amount_minor, v.currency
    FROM ${appointments} a
    JOIN ${enrollments} e ON e.id = a.enrollment_id AND e.status = 'enrolled'
    JOIN ${milestones} m ON m.id = a.milestone_id AND m.trial_site_id = e.trial_site_id
    JOIN LATERAL (
      SELECT mv.amount_minor, mv.currency FROM ${milestoneVersions} mv
      WHERE mv.milestone_id = m.id AND mv.effective_at <= now() ORDER BY mv.effective_at DESC LIMIT 1
    ) v ON true
    WHERE a.status = 'attended'
      AND ${atTrialSites ? isAnyOf(sql`e.trial_site_id`, atTrialSites) : sql`true`}
      AND NOT EXISTS (
        SELECT 1 FROM ${payments} p WHERE p.enrollment_id = e.id AND p.milestone_id = m.id AND p.status <> 'rejected'
          AND (NOT m.repeatable OR p.appointment_id = a.id))
    ORDER BY a.scheduled_at, a.id
    LIMIT ${LIST_LIMIT}`);
  return rows.map((r) => ({
    appointmentId: r.appointment_id,
    enrollmentId: r.enrollment_id,
    milestoneId: r.milestone_id,
    milestoneName: r.name,
    scheduledAt: new Date(r.scheduled_at),
    amountMinor: BigInt(r.amount_minor),
    currency: r.currency.trim(),
  }));
}

export interface EnrollmentMilestone {
  line: PaymentScheduleLine;
  timesPaid: number;
  paidMinor: bigint;
}

/**
 * Each enrollment's schedule with what was paid per milestone, for many enrollments in two statements (the
 * schedules of their trial sites, and the paid sums grouped by enrollment and milestone).
 */
export async function enrollmentMilestones(
  db: Executor,
  list: readonly { id: string; trialSiteId: string }[],
): Promise<EnrollmentMilestone[][]> {
  const trialSiteIds = [...new Set(list.map((e) => e.trialSiteId))];
  const [schedules, paid] = await Promise.all([
    scheduleOf(db, trialSiteIds),
    db
      .select({
        enrollmentId: payments.enrollmentId,
        milestoneId: payments.milestoneId,
        n: sql<number>`count(*)::int`,
        total: sql<string>`coalesce(sum(${payments.amountMinor}), 0)::text`,
      })
      .from(payments)
      .where(
        and(
          inArray(
            payments.enrollmentId,
            list.map((e) => e.id),
          ),
          sql`${payments.status} <> 'rejected'`,
          sql`${payments.milestoneId} IS NOT NULL`,
        ),
      )
      .groupBy(payments.enrollmentId, payments.milestoneId),
  ]);
  const scheduleBySite = new Map(trialSiteIds.map((id, i) => [id, schedules[i] ?? []]));
  const paidByKey = new Map(paid.map((p) => [`${p.enrollmentId}:${p.milestoneId}`, p]));
  return list.map((enrollment) =>
    (scheduleBySite.get(enrollment.trialSiteId) ?? []).map((line) => {
      const sum = paidByKey.get(`${enrollment.id}:${line.milestoneId}`);
      return { line, timesPaid: Number(sum?.n ?? 0), paidMinor: BigInt(sum?.total ?? "0") };
    }),
  );
}

/** The orders of a payments list, by the PaymentOrder value that asks for each. */
export const PAYMENT_ORDERS = orderings<Payment, "CREATED_AT" | "AMOUNT">({
  CREATED_AT: byCreation(payments),
  AMOUNT: [
    { sql: payments.amountMinor, type: "integer", of: (p) => p.amountMinor },
    { sql: payments.id, type: "id", of: (p) => p.id },
  ],
});
export type PaymentOrder = keyof typeof PAYMENT_ORDERS;

/** A page of the viewer's visible payments narrowed by `filter`, in `order`, with totalCount. */
export function paymentsPage(ctx: Context, args: PageArgs, filter: PaymentFilter, order: PaymentOrder) {
  return withTotalCount(
    keysetPage(args, PAYMENT_ORDERS[order], async (page) =>
      shownBy(
        ctx.access,
        "Payment",
        await ctx.db
          .select()
          .from(payments)
          .where(and(await visiblePayments(ctx, filter), page.where))
          .orderBy(...page.orderBy)
          .limit(page.limit),
      ),
    ),
    async () => countRows(ctx.db, payments, await visiblePayments(ctx, filter)),
  );
}

/**
 * What a nested list of payments hangs from: its payments are those of an enrollment, of a participant's
 * enrollments, or of the enrollments at a trial site or in a trial. Each names the column of `enrollments` that
 * says which one a payment belongs to.
 */
const PARENT_KEY = {
  enrollment: enrollments.id,
  participant: enrollments.participantId,
  trialSite: enrollments.trialSiteId,
  trial: enrollments.trialId,
} as const;
export type PaymentParent = keyof typeof PARENT_KEY;

/** The join of a payment to its enrollment, whose columns say which parent it belongs to. */
const ofItsEnrollment = eq(enrollments.id, payments.enrollmentId);

/** Per request: loaders of many parents' first pages, by parent kind, filter, order and page size. */
const firstPageLoaders = perRequest(() => new Map<string, DataLoader<string, Payment[]>>());

/**
 * A page of the visible payments of one enrollment, participant, trial site or trial, in `order`, with totalCount.
 * First pages — what a dashboard asks of every row at once — load together: one statement ranks each parent's
 * payments and keeps the first `limit` of each, and one counts them. A later page (after a cursor) or one from the
 * end is the parent's own statement.
 */
export function nestedPaymentsPage(
  ctx: Context,
  parent: PaymentParent,
  parentId: string,
  args: PageArgs,
  filter: PaymentFilter,
  order: PaymentOrder,
  columns?: PaymentColumn[],
) {
  const ordering = PAYMENT_ORDERS[order];
  const page = keysetPage(args, ordering, async (page) => {
    if (page.where || args.last != null) {
      const rows = await ctx.db
        .select({ payment: payments })
        .from(payments)
        .innerJoin(enrollments, ofItsEnrollment)
        .where(and(eq(PARENT_KEY[parent], parentId), await visiblePayments(ctx, filter), page.where))
        .orderBy(...page.orderBy)
        .limit(page.limit);
      return shownBy(
        ctx.access,
        "Payment",
        rows.map((row) => row.payment),
      );
    }
    const loader = loaderFor(
      firstPageLoaders(ctx.access),
      [parent, filter, order, page.limit, columns],
      () => new DataLoader((ids) => firstPages(ctx, parent, ids, filter, page, columns)),
    );
    return loader.load(parentId);
  });
  return withTotalCount(page, () => countPaymentsOf(ctx, parent, parentId, filter));
}

const paymentRows = rowReader(payments);

type PaymentColumn = keyof Payment;

/**
 * The columns each Payment field reads (keep in step with PaymentRef's fields in ./types.ts), so that a dashboard's
 * first pages read only what their nodes ask; a field not named here reads the whole row.
 */
const PAYMENT_FIELD_COLUMNS: Partial<Record<string, PaymentColumn[]>> = {
  __typename: [],
  id: [],
  uid: [],
  kind: ["kind"],
  status: ["status"],
  amount: ["amountMinor", "currency"],
  category: ["category"],
  note: ["note"],
  rejectionReason: ["rejectionReason"],
  failureReason: ["failureReason"],
  distance: ["mileageDistance"],
  mileageRate: ["mileageRateMinor", "mileageRateUnit", "currency"],
  createdAt: [],
};

/** Always read: the id, the enrollment (the object rule, the list's parent) and what orders and cursors sort by. */
const ALWAYS_READ: PaymentColumn[] = ["id", "enrollmentId", "createdAt", "amountMinor"];

/** Per selection (the same field nodes for every row of a list), the columns its nodes ask for. */
const columnsBySelection = new WeakMap<GraphQLResolveInfo["fieldNodes"], PaymentColumn[] | undefined>();

/** The columns a payments connection's nodes ask for, or undefined for the whole row. */
export function paymentColumnsAsked(info: GraphQLResolveInfo): PaymentColumn[] | undefined {
  if (columnsBySelection.has(info.fieldNodes)) return columnsBySelection.get(info.fieldNodes);
  const columns = columnsFor(info);
  columnsBySelection.set(info.fieldNodes, columns);
  return columns;
}

function columnsFor(info: GraphQLResolveInfo): PaymentColumn[] | undefined {
  const columns = new Set(ALWAYS_READ);
  for (const field of nodeFieldsAsked(info)) {
    const read = PAYMENT_FIELD_COLUMNS[field];
    if (!read) return undefined;
    for (const column of read) columns.add(column);
  }
  return [...columns].sort();
}

/** The first page of each parent's visible payments, in one statement (row_number over each parent's rows). */
async function firstPages(
  ctx: Context,
  parent: PaymentParent,
  parentIds: readonly string[],
  filter: PaymentFilter,
  page: Page,
  columns: PaymentColumn[] | undefined,
): Promise<Payment[][]> {
  const parentKey = PARENT_KEY[parent];
  const order = sql.join(page.orderBy, sql`, `);
  const rows = await ctx.db.execute<Record<string, unknown>>(sql`
    SELECT ${columns ? paymentRows.columnsOf(columns) : paymentRows.columns}, ranked.parent_id
    FROM ${payments} JOIN (
      SELECT ${payments.id} AS id, ${parentKey} AS parent_id,
        row_number() OVER (PARTITION BY ${parentKey} ORDER BY ${order}) AS rank
      FROM ${payments} JOIN ${enrollments} ON ${ofItsEnrollment}
      WHERE ${and(isAnyOf(parentKey, parentIds), await visiblePayments(ctx, filter))}
    ) ranked ON ranked.id = ${payments.id}
    WHERE ranked.rank <= ${page.limit}
    ORDER BY ${order}`);
  const byParent = new Map(parentIds.map((id) => [id, [] as Payment[]]));
  const shown: Payment[] = [];
  for (const raw of rows) {
    const payment = paymentRows.read(raw);
    shown.push(payment);
    byParent.get(raw.parent_id as string)?.push(payment);
  }
  shownBy(ctx.access, "Payment", shown);
  return parentIds.map((id) => byParent.get(id) ?? []);
}

/** Per request: counts of many parents' visible payments, one statement per parent kind and filter. */
const countLoaders = perRequest(() => new Map<string, DataLoader<string, number>>());

function countPaymentsOf(ctx: Context, parent: PaymentParent, parentId: string, filter: PaymentFilter) {
  const parentKey = PARENT_KEY[parent];
  const loader = loaderFor(
    countLoaders(ctx.access),
    [parent, filter],
    () =>
      new DataLoader(async (ids: readonly string[]) => {
        const rows = await ctx.db
          .select({ parentId: parentKey, n: count() })
          .from(payments)
          .innerJoin(enrollments, ofItsEnrollment)
          .where(and(isAnyOf(parentKey, ids), await visiblePayments(ctx, filter)))
          .groupBy(parentKey);
        const byId = new Map(rows.map((r) => [r.parentId, r.n]));
        return ids.map((id) => byId.get(id) ?? 0);
      }),
  );
  return loader.load(parentId);
}

/** A count and a sum of payments. */
export interface PaymentSum {
  count: number;
  amountMinor: bigint;
}

/** What some payments add up to in one currency: how many, and how much, in each status. */
export interface PaymentTotals {
  currency: string;
  byStatus: Record<Payment["status"], PaymentSum>;
}

/** Per request: totals of many parents' visible payments, one statement per parent kind and filter. */
const totalsLoaders = perRequest(() => new Map<string, DataLoader<string, PaymentTotals[]>>());

/**
 * What the visible payments of one enrollment, participant, trial site or trial add up to, per currency (in code
 * order): counted and summed by PostgreSQL, grouped by parent, currency and status, for every parent of a request
 * in one statement.
 */
export function paymentTotalsOf(
  ctx: Context,
  parent: PaymentParent,
  parentId: string,
  filter: PaymentFilter,
) {
  const parentKey = PARENT_KEY[parent];
  const loader = loaderFor(
    totalsLoaders(ctx.access),
    [parent, filter],
    () =>
      new DataLoader(async (ids: readonly string[]) => {
        const rows = await ctx.db
          .select({
            parentId: parentKey,
            currency: payments.currency,
            status: payments.status,
            n: count(),
            sum: sql<string>`sum(${payments.amountMinor})::text`,
          })
          .from(payments)
          .innerJoin(enrollments, ofItsEnrollment)
          .where(and(isAnyOf(parentKey, ids), await visiblePayments(ctx, filter)))
          .groupBy(parentKey, payments.currency, payments.status)
          .orderBy(payments.currency);
        const byParent = new Map(ids.map((id) => [id, new Map<string, PaymentTotals>()]));
        for (const row of rows) {
          const currencies = byParent.get(row.parentId);
          const currency = row.currency.trim();
          let totals = currencies?.get(currency);
          if (!totals) {
            totals = { currency, byStatus: noPayments() };
            currencies?.set(currency, totals);
          }
          totals.byStatus[row.status] = { count: row.n, amountMinor: BigInt(row.sum) };
        }
        return ids.map((id) => [...(byParent.get(id)?.values() ?? [])]);
      }),
  );
  return loader.load(parentId);
}

const noPayments = () =>
  Object.fromEntries(
    paymentStatus.enumValues.map((status) => [status, { count: 0, amountMinor: 0n }]),
  ) as Record<Payment["status"], PaymentSum>;

/** The request's loader under `key` (its parts as JSON) in `loaders`, made the first time it is asked for. */
function loaderFor<V>(
  loaders: Map<string, DataLoader<string, V>>,
  key: unknown[],
  make: () => DataLoader<string, V>,
) {
  const name = JSON.stringify(key);
  let loader = loaders.get(name);
  if (!loader) {
    loader = make();
    loaders.set(name, loader);
  }
  return loader;
}
