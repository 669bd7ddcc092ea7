import { and, count, desc, eq, gte, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { apiClients, candidates, sites, trialSites } from "../../db/schema/index.js";
import type { Context } from "../core/context.js";
import { forbidden, notFound, parseInput } from "../core/errors.js";
import { encodeGlobalId } from "../core/ids.js";
import { machineMay, type Scope } from "../core/machine.js";
import { keysetPage, type Ordering, type PageArgs, withTotalCount } from "../core/pagination.js";

/**
 * The pre-screening funnel of a trial as aggregates only, each computed by PostgreSQL in one statement (GROUP BY
 * over the trial's candidates and their funnel events): no candidate's row reaches Node. The metrics are about a
 * cohort: the candidates who started (were created) within the filter's window.
 *
 * Re-identification (small-cell suppression, MIN_GROUP_SIZE = k): every set of candidates the metrics count apart
 * holds none or at least k of them.
 * - Time: the population (the trial's candidates under version, referrer and country) is cut into start groups:
 *   consecutive UTC start days, merged until a group holds k candidates (a last smaller group joins the one before).
 *   A window counts the whole start groups it touches, and a trend period the groups that began in it, so two
 *   windows under the same other filters differ by whole groups of k or more, never by one or a few candidates.
 * - Named groups (region, referrer, dropout question, failing criterion) of fewer than k are never named: they are
 *   summed into one row without their name (`suppressed`).
 * - A population of 1 to k−1 candidates answers no counts at all (`suppressed`).
 * `smallGroup` is the test every part applies.
 */
export const MIN_GROUP_SIZE = 5;

/** Whether a group of `size` candidates is too small to be counted apart or named (SQL). */
const smallGroup = (size: SQL) => sql`(${size} < ${MIN_GROUP_SIZE})`;

/** `value` when the group of `size` candidates may be named, else null (SQL). */
const named = (size: SQL, value: SQL) => sql`CASE WHEN NOT ${smallGroup(size)} THEN ${value} END`;

/** Which candidates the metrics count. */
export interface FunnelFilter {
  trialId: string;
  from: Date | null;
  to: Date | null;
  version: number | null;
  referrer: string | null;
  country: string | null;
}

const filterInput = z
  .object({
    from: z.date().nullish(),
    to: z.date().nullish(),
    version: z.number().int().min(1, "must be a version number (1 or more)").nullish(),
    referrer: z.string().trim().min(1, "must not be empty").max(200).nullish(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166-1 alpha-2 country code such as US")
      .transform((c) => c.toUpperCase())
      .nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { path: ["to"], message: "must be after from" });

/** The filter of a trial's metrics from a field's arguments; BAD_USER_INPUT naming the argument otherwise. */
export function funnelFilter(trialId: string, args: z.input<typeof filterInput>): FunnelFilter {
  const f = parseInput(filterInput, args);
  return {
    trialId,
    from: f.from ?? null,
    to: f.to ?? null,
    version: f.version ?? null,
    referrer: f.referrer ?? null,
    country: f.country ?? null,
  };
}

/** The population's condition on `candidates c`: the trial and every filter but the window. */
function population(f: FunnelFilter): SQL {
  const conditions: SQL[] = [sql`c.trial_id = ${f.trialId}`];
  if (f.referrer) conditions.push(sql`c.referrer_token = ${f.referrer}`);
  if (f.country) conditions.push(sql`c.country = ${f.country}`);
  if (f.version) {
    conditions.push(sql`c.version_id IN (SELECT v.id FROM questionnaire_versions v
      JOIN questionnaires q ON q.id = v.questionnaire_id WHERE q.trial_id = c.trial_id AND v.number = ${f.version})`);
  }
  return sql.join(conditions, sql` AND `);
}

/**
 * The cohort as a subquery of candidates (alias it `c`), each with `group_start`: the first UTC day of its start
 * group. Start groups walk the population's start days in order, closing a group once it holds MIN_GROUP_SIZE
 * candidates; a last group still smaller joins the one before. The window keeps every start group one of whose
 * candidates started in it.
 */
function cohort(f: FunnelFilter): SQL {
  const inWindow: SQL[] = [];
  if (f.from) inWindow.push(sql`w.created_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) inWindow.push(sql`w.created_at < ${f.to.toISOString()}::timestamptz`);
  const window = inWindow.length
    ? sql`WHERE grouped.group_start IN (SELECT gw.group_start FROM population w
        JOIN grouped gw ON gw.day = w.start_day WHERE ${sql.join(inWindow, sql` AND `)})`
    : sql``;
  return sql`(WITH RECURSIVE population AS (
      SELECT c.*, (c.created_at AT TIME ZONE 'UTC')::date AS start_day FROM candidates c WHERE ${population(f)}
    ), days AS (
      SELECT start_day AS day, count(*)::int AS n, row_number() OVER (ORDER BY start_day)::int AS i
      FROM population GROUP BY start_day
    ), walk AS (
      SELECT i, day, day AS group_start, n AS group_n FROM days WHERE i = 1
      UNION ALL
      SELECT d.i, d.day,
        CASE WHEN ${smallGroup(sql`w.group_n`)} THEN w.group_start ELSE d.day END,
        CASE WHEN ${smallGroup(sql`w.group_n`)} THEN w.group_n + d.n ELSE d.n END
      FROM walk w JOIN days d ON d.i = w.i + 1
    ), start_groups AS (
      SELECT group_start, max(group_n) AS n, lag(group_start) OVER (ORDER BY group_start) AS previous
      FROM walk GROUP BY group_start
    ), grouped AS (
      SELECT w.day, CASE WHEN ${smallGroup(sql`g.n`)} AND g.previous IS NOT NULL THEN g.previous
        ELSE g.group_start END AS group_start
      FROM walk w JOIN start_groups g USING (group_start)
    )
    SELECT population.*, grouped.group_start FROM population JOIN grouped ON grouped.day = population.start_day
    ${window})`;
}

/** The funnel's counts over a group of `candidates c`. */
const COUNTS = sql`count(*)::int AS starts,
  count(*) FILTER (WHERE c.status = 'completed')::int AS completions,
  count(*) FILTER (WHERE c.status = 'dropout')::int AS dropouts,
  count(*) FILTER (WHERE c.status = 'in_progress')::int AS in_progress,
  count(*) FILTER (WHERE c.status = 'completed' AND c.eligible)::int AS eligible,
  count(*) FILTER (WHERE c.referred_trial_site_id IS NOT NULL)::int AS referred,
  count(*) FILTER (WHERE c.enrollment_id IS NOT NULL)::int AS enrolled`;

/** The same counts summed over groups `g` of COUNTS. */
const SUMS = sql`sum(g.starts)::int AS starts, sum(g.completions)::int AS completions,
  sum(g.dropouts)::int AS dropouts, sum(g.in_progress)::int AS in_progress, sum(g.eligible)::int AS eligible,
  sum(g.referred)::int AS referred, sum(g.enrolled)::int AS enrolled`;

/** eligible ÷ completions, rounded half away from zero to 4 decimal places, as text; null without completions. */
const matchRate = (eligible: SQL, completions: SQL) =>
  sql`CASE WHEN ${completions} > 0 THEN round(${eligible}::numeric / ${completions}, 4)::text END`;

type CountsRow = {
  starts: number;
  completions: number;
  dropouts: number;
  in_progress: number;
  eligible: number;
  referred: number;
  enrolled: number;
  match_rate: string | null;
};

/** A group's counts, as the API shows them. */
export interface FunnelCounts {
  starts: number;
  completions: number;
  dropouts: number;
  inProgress: number;
  eligible: number;
  referred: number;
  enrolled: number;
  matchRate: string | null;
}

const countsOf = (row: CountsRow): FunnelCounts => ({
  starts: row.starts,
  completions: row.completions,
  dropouts: row.dropouts,
  inProgress: row.in_progress,
  eligible: row.eligible,
  referred: row.referred,
  enrolled: row.enrolled,
  matchRate: row.match_rate,
});

/** The cohort's totals: one statement. */
export async function funnelTotals(db: Executor, f: FunnelFilter): Promise<FunnelCounts> {
  const [row] = await db.execute<CountsRow>(sql`
    SELECT t.*, ${matchRate(sql`t.eligible`, sql`t.completions`)} AS match_rate
    FROM (SELECT ${COUNTS} FROM ${cohort(f)} c) t`);
  return countsOf(row!);
}

/**
 * Where dropouts left: each candidate submitted as a dropout counted under the last question they answered (by the
 * funnel's order), or under null when they answered none. Questions left by fewer than MIN_GROUP_SIZE dropouts are
 * summed into one row without a question (`suppressed`). Most frequent first.
 */
export async function dropoutsByQuestion(db: Executor, f: FunnelFilter) {
  const rows = await db.execute<{ question: string | null; suppressed: boolean; count: number }>(sql`
    WITH g AS (
      SELECT last.question, count(*)::int AS count
      FROM ${cohort(f)} c
      LEFT JOIN LATERAL (
        SELECT e.detail->>'key' AS question FROM candidate_events e
        WHERE e.candidate_id = c.id AND e.kind = 'answered'
        ORDER BY e.sequence DESC LIMIT 1
      ) last ON true
      WHERE c.status = 'dropout'
      GROUP BY last.question
    )
    SELECT ${named(sql`g.count`, sql`g.question`)} AS question, ${smallGroup(sql`g.count`)} AS suppressed,
      sum(g.count)::int AS count
    FROM g GROUP BY 1, 2
    ORDER BY suppressed, count DESC, question NULLS FIRST`);
  return [...rows];
}

/**
 * Why completed candidates were not eligible (a candidate is submitted once, so one `submitted` event each): each
 * criterion they failed at submission (as the eligibility check words it, `<question key>: <why>`), counted once
 * per candidate failing it. A candidate failing two criteria counts under both. Criteria failed by fewer than
 * MIN_GROUP_SIZE candidates are summed into one row without a criterion (`suppressed`). Most frequent first.
 */
export async function failingCriteria(db: Executor, f: FunnelFilter) {
  const rows = await db.execute<{ criterion: string | null; suppressed: boolean; count: number }>(sql`
    WITH g AS (
      SELECT failing.criterion, count(*)::int AS count
      FROM candidate_events submitted
      JOIN ${cohort(f)} c ON c.id = submitted.candidate_id
      CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(submitted.detail->'failing') = 'array' THEN submitted.detail->'failing' ELSE '[]' END
      ) AS failing(criterion)
      WHERE submitted.trial_id = ${f.trialId} AND submitted.kind = 'submitted'
        AND c.status = 'completed' AND c.eligible = false
      GROUP BY failing.criterion
    )
    SELECT ${named(sql`g.count`, sql`g.criterion`)} AS criterion, ${smallGroup(sql`g.count`)} AS suppressed,
      sum(g.count)::int AS count
    FROM g GROUP BY 1, 2
    ORDER BY suppressed, count DESC, criterion`);
  return rows.map((row) => ({ ...row, question: row.criterion?.split(": ")[0] ?? null }));
}

export type TrendInterval = "day" | "week";

/**
 * The cohort by the day or week (ISO weeks, from Monday; UTC) its candidates' start groups began in, every period
 * from the first to the last included (empty ones as zeros): what became of those who started in each. A period
 * with fewer than MIN_GROUP_SIZE starts is counted with the start group it belongs to, under the period that group
 * began in.
 */
export async function funnelTrend(db: Executor, f: FunnelFilter, interval: TrendInterval) {
  const step = interval === "day" ? "1 day" : "1 week";
  const rows = await db.execute<CountsRow & { period_start: string }>(sql`
    WITH g AS (
      SELECT date_trunc(${interval}, c.group_start::timestamp) AS period, ${COUNTS}
      FROM ${cohort(f)} c GROUP BY 1
    )
    SELECT to_char(p.period, 'YYYY-MM-DD') AS period_start,
      coalesce(g.starts, 0) AS starts, coalesce(g.completions, 0) AS completions,
      coalesce(g.dropouts, 0) AS dropouts, coalesce(g.in_progress, 0) AS in_progress,
      coalesce(g.eligible, 0) AS eligible, coalesce(g.referred, 0) AS referred,
      coalesce(g.enrolled, 0) AS enrolled, ${matchRate(sql`g.eligible`, sql`g.completions`)} AS match_rate
    FROM generate_series((SELECT min(period) FROM g), (SELECT max(period) FROM g), ${step}::interval) AS p(period)
    LEFT JOIN g ON g.period = p.period
    ORDER BY p.period`);
  return rows.map((row) => ({ periodStart: row.period_start, ...countsOf(row) }));
}

export type RegionLevel = "country" | "postal_prefix";

/**
 * The cohort by country (the region of the candidate's locale) or by country and postal-code prefix. Groups of
 * fewer than MIN_GROUP_SIZE candidates are summed into one row with no region (`suppressed`). Largest first.
 */
export async function funnelByRegion(db: Executor, f: FunnelFilter, level: RegionLevel) {
  const prefix = level === "postal_prefix" ? sql`c.postal_prefix` : sql`NULL::text`;
  const rows = await db.execute<
    CountsRow & { country: string | null; postal_prefix: string | null; suppressed: boolean }
  >(sql`
    WITH g AS (
      SELECT c.country, ${prefix} AS postal_prefix, ${COUNTS} FROM ${cohort(f)} c GROUP BY 1, 2
    )
    SELECT t.*, ${matchRate(sql`t.eligible`, sql`t.completions`)} AS match_rate FROM (
      SELECT ${named(sql`g.starts`, sql`g.country`)} AS country,
        ${named(sql`g.starts`, sql`g.postal_prefix`)} AS postal_prefix,
        ${smallGroup(sql`g.starts`)} AS suppressed, ${SUMS}
      FROM g GROUP BY 1, 2, 3
    ) t
    ORDER BY t.suppressed, t.starts DESC, t.country NULLS LAST, t.postal_prefix NULLS LAST`);
  return rows.map((row) => ({
    country: row.country,
    postalPrefix: row.postal_prefix,
    suppressed: row.suppressed,
    ...countsOf(row),
  }));
}

/** The partner (API client) a candidate was created by, from its owner; null for staff. */
const PARTNER = sql`CASE WHEN c.owner LIKE 'apiClient:%' THEN substr(c.owner, 11) END`;

/**
 * The cohort by referrer: the partner that created the candidates (an API client of the trial's client; none for
 * candidates staff created) and the referrer token given at creation. Groups of fewer than MIN_GROUP_SIZE
 * candidates are summed into one row with no referrer (`suppressed`). Largest first.
 */
export async function funnelByReferrer(db: Executor, f: FunnelFilter) {
  const rows = await db.execute<
    CountsRow & {
      partner_client_id: string | null;
      partner_name: string | null;
      source: string | null;
      suppressed: boolean;
    }
  >(sql`
    WITH g AS (
      SELECT ${PARTNER} AS partner, c.referrer_token AS source, ${COUNTS}
      FROM ${cohort(f)} c GROUP BY 1, 2
    )
    SELECT t.*, ${matchRate(sql`t.eligible`, sql`t.completions`)} AS match_rate FROM (
      SELECT ${named(sql`g.starts`, sql`a.client_identifier`)} AS partner_client_id,
        ${named(sql`g.starts`, sql`a.name`)} AS partner_name,
        ${named(sql`g.starts`, sql`g.source`)} AS source,
        ${smallGroup(sql`g.starts`)} AS suppressed, ${SUMS}
      FROM g LEFT JOIN api_clients a ON a.id = g.partner
      GROUP BY 1, 2, 3, 4
    ) t
    ORDER BY t.suppressed, t.starts DESC, t.partner_name NULLS LAST, t.source NULLS LAST`);
  return rows.map((row) => ({
    partner: row.partner_client_id
      ? { clientIdentifier: row.partner_client_id, name: row.partner_name! }
      : null,
    source: row.source,
    suppressed: row.suppressed,
    ...countsOf(row),
  }));
}

/**
 * A trial's funnel metrics under a filter, each part computed when first asked for. A cohort of fewer than
 * MIN_GROUP_SIZE candidates (but some) is suppressed: no counts, no lists. (Start groups make that a population of
 * so few: a window always holds whole groups.)
 */
export class FunnelMetrics {
  private totalsOnce?: Promise<FunnelCounts>;

  constructor(
    readonly db: Executor,
    readonly filter: FunnelFilter,
  ) {}

  totals(): Promise<FunnelCounts> {
    this.totalsOnce ??= funnelTotals(this.db, this.filter);
    return this.totalsOnce;
  }

  async suppressed(): Promise<boolean> {
    const { starts } = await this.totals();
    return starts > 0 && starts < MIN_GROUP_SIZE;
  }

  /** `compute` unless suppressed, else `hidden`. */
  async unlessSuppressed<T, H>(compute: () => Promise<T>, hidden: H): Promise<T | H> {
    return (await this.suppressed()) ? hidden : compute();
  }
}

/**
 * Whether the request may read a trial's pre-screening metrics (`prescreening:read`) or referral log
 * (`referrals:read`): people holding manage_prescreening on the trial; API clients holding the scope, on a trial
 * within their reach. NOT_FOUND for a trial out of reach (or unseen), FORBIDDEN without the scope or permission.
 */
export async function requirePrescreeningReader(ctx: Context, scope: Scope, trialId: string) {
  if (ctx.machine) {
    if (await machineMay(ctx, scope, trialId)) return;
    if (!(await ctx.machineReach?.())?.trialIds.has(trialId)) throw notFound("Trial");
    throw forbidden(`This API client needs the ${scope} scope.`);
  }
  await ctx.access.require("manage_prescreening", { type: "trial", id: trialId }, "Trial");
}

/** One referral of the log: when, where to, from whom, and what became of it. No personal data. */
export interface ReferralLogEntry {
  id: string;
  referredAt: Date;
  trialSiteId: string;
  siteName: string;
  partnerClientId: string | null;
  partnerName: string | null;
  source: string | null;
  status: "referred" | "enrolled" | "consent_withdrawn";
}

const referralStatus = sql<ReferralLogEntry["status"]>`CASE
  WHEN ${candidates.enrollmentId} IS NOT NULL THEN 'enrolled'
  WHEN ${candidates.anonymisedAt} IS NOT NULL THEN 'consent_withdrawn'
  ELSE 'referred' END`;

const REFERRAL_ORDER: Ordering<ReferralLogEntry> = {
  name: "REFERRED_AT_DESC",
  direction: "desc",
  keys: [
    { sql: sql`${candidates.submittedAt}`, type: "timestamp", of: (r) => r.referredAt },
    { sql: candidates.id, type: "id", of: (r) => r.id },
  ],
};

const referralLogInput = z
  .object({ from: z.date().nullish(), to: z.date().nullish() })
  .refine((f) => !f.from || !f.to || f.from < f.to, { path: ["to"], message: "must be after from" });

/** The referrals of a trial in [from, to), as SQL. */
function referralsOf(trialId: string, window: { from?: Date | null; to?: Date | null }) {
  const { from, to } = parseInput(referralLogInput, window);
  return and(
    eq(candidates.trialId, trialId),
    isNotNull(candidates.referredTrialSiteId),
    from ? gte(candidates.submittedAt, from) : undefined,
    to ? lt(candidates.submittedAt, to) : undefined,
  );
}

/** The referral log's rows `where` picks, in `orderBy`, at most `limit` (all of them for an export). */
function referralRows(db: Executor, where: SQL | undefined, orderBy: SQL[], limit?: number) {
  const query = db
    .select({
      id: candidates.id,
      referredAt: sql<Date>`${candidates.submittedAt}`.mapWith(candidates.submittedAt),
      trialSiteId: trialSites.id,
      siteName: sites.name,
      partnerClientId: apiClients.clientIdentifier,
      partnerName: apiClients.name,
      source: candidates.referrerToken,
      status: referralStatus,
    })
    .from(candidates)
    .innerJoin(trialSites, eq(trialSites.id, candidates.referredTrialSiteId))
    .innerJoin(sites, eq(sites.id, trialSites.siteId))
    .leftJoin(apiClients, eq(candidates.owner, sql`'apiClient:' || ${apiClients.id}`))
    .where(where)
    .orderBy(...orderBy)
    .$dynamic();
  return (limit === undefined ? query : query.limit(limit)) as Promise<ReferralLogEntry[]>;
}

/** A page of a trial's referral log, newest first, with totalCount. */
export function referralLogPage(
  db: Executor,
  trialId: string,
  args: PageArgs & { from?: Date | null; to?: Date | null },
) {
  const where = referralsOf(trialId, args);
  return withTotalCount(
    keysetPage(args, REFERRAL_ORDER, (page) =>
      referralRows(db, and(where, page.where), page.orderBy, page.limit),
    ),
    async () => (await db.select({ n: count() }).from(candidates).where(where))[0]?.n ?? 0,
  );
}

/** A trial's whole referral log, newest first (the CSV export). */
export const referralLog = (db: Executor, trialId: string) =>
  referralRows(db, referralsOf(trialId, {}), [desc(candidates.submittedAt), desc(candidates.id)]);

/** The public id of a trial site in the log. */
export const trialSiteGlobalId = (id: string) => encodeGlobalId("TrialSite", id);
