import { builder } from "../core/builder.js";
import {
  dropoutsByQuestion,
  type FunnelCounts,
  type FunnelMetrics,
  failingCriteria,
  funnelByReferrer,
  funnelByRegion,
  funnelTrend,
  MIN_GROUP_SIZE,
  type ReferralLogEntry,
  trialSiteGlobalId,
} from "./metrics.js";

export const TrendIntervalEnum = builder.enumType("PrescreeningTrendInterval", {
  description: "The length of a trend's periods (UTC).",
  values: {
    DAY: { value: "day", description: "Calendar days, UTC." },
    WEEK: { value: "week", description: "ISO weeks, Monday to Sunday, UTC." },
  } as const,
});

export const RegionLevelEnum = builder.enumType("PrescreeningRegionLevel", {
  description: "How finely candidates are grouped by where they are.",
  values: {
    COUNTRY: { value: "country", description: "By country (the region of the candidate's locale)." },
    POSTAL_PREFIX: {
      value: "postal_prefix",
      description:
        "By country and the first three characters of the postal code given with the candidate's details.",
    },
  } as const,
});

const ReferralStatusEnum = builder.enumType("ReferralStatus", {
  description: "What became of a referral.",
  values: {
    REFERRED: { value: "referred", description: "Referred to the trial site, not yet enrolled." },
    ENROLLED: { value: "enrolled", description: "Enrolled at the trial site from the referral." },
    CONSENT_WITHDRAWN: {
      value: "consent_withdrawn",
      description: "The candidate withdrew their data consent before being enrolled.",
    },
  } as const,
});

type TrendRow = FunnelCounts & { periodStart: string };
const TrendPeriodRef = builder.objectRef<TrendRow>("PrescreeningTrendPeriod");
TrendPeriodRef.implement({
  description: `The candidates whose start group began in one period (a day or a week, UTC), and what became of them so far. Start groups are consecutive UTC days holding at least ${MIN_GROUP_SIZE} candidates together: the candidates of a quieter day are counted with their group, under the period the group began in.`,
  fields: (t) => ({
    periodStart: t.expose("periodStart", {
      type: "Date",
      description: "The period's first day (a Monday for weeks).",
    }),
    starts: t.exposeInt("starts", {
      description:
        "Candidates of the start groups that began in the period (none, or at least the minimum group size).",
    }),
    completions: t.exposeInt("completions", { description: "Of them, submitted as completed." }),
    dropouts: t.exposeInt("dropouts", { description: "Of them, submitted as dropouts." }),
    inProgress: t.exposeInt("inProgress", { description: "Of them, still answering (not submitted)." }),
    eligible: t.exposeInt("eligible", { description: "Of the completions, those eligible." }),
    referred: t.exposeInt("referred", { description: "Of them, referred to a trial site." }),
    enrolled: t.exposeInt("enrolled", { description: "Of them, enrolled from their referral." }),
    matchRate: t.exposeString("matchRate", {
      nullable: true,
      description: "eligible ÷ completions, 4 decimal places; null without completions.",
    }),
  }),
});

type RegionRow = FunnelCounts & { country: string | null; postalPrefix: string | null; suppressed: boolean };
const RegionRef = builder.objectRef<RegionRow>("PrescreeningRegion");
RegionRef.implement({
  description: `The candidates of one region. Regions of fewer than ${MIN_GROUP_SIZE} candidates are never named: they are summed into one row with suppressed true.`,
  fields: (t) => ({
    country: t.exposeString("country", {
      nullable: true,
      description:
        "ISO 3166-1 alpha-2 country (from the candidate's locale); null when unknown or suppressed.",
    }),
    postalPrefix: t.exposeString("postalPrefix", {
      nullable: true,
      description:
        "The first three characters of the postal code (POSTAL_PREFIX level only); null when not given, at COUNTRY level, or suppressed.",
    }),
    suppressed: t.exposeBoolean("suppressed", {
      description: `Whether this row sums the regions of fewer than ${MIN_GROUP_SIZE} candidates each, unnamed.`,
    }),
    starts: t.exposeInt("starts", { description: "Candidates who started." }),
    completions: t.exposeInt("completions", { description: "Of them, submitted as completed." }),
    dropouts: t.exposeInt("dropouts", { description: "Of them, submitted as dropouts." }),
    inProgress: t.exposeInt("inProgress", { description: "Of them, still answering (not submitted)." }),
    eligible: t.exposeInt("eligible", { description: "Of the completions, those eligible." }),
    referred: t.exposeInt("referred", { description: "Of them, referred to a trial site." }),
    enrolled: t.exposeInt("enrolled", { description: "Of them, enrolled from their referral." }),
    matchRate: t.exposeString("matchRate", {
      nullable: true,
      description: "eligible ÷ completions, 4 decimal places; null without completions.",
    }),
  }),
});

const PartnerRef = builder.objectRef<{ clientIdentifier: string; name: string }>("PrescreeningPartner");
PartnerRef.implement({
  description: "A recruitment partner: one of the client's API clients that submits candidates.",
  fields: (t) => ({
    clientIdentifier: t.exposeString("clientIdentifier", {
      description: "Its OAuth client_id (ApiClient.clientIdentifier).",
    }),
    name: t.exposeString("name", { description: "The name it was issued under." }),
  }),
});

type ReferrerRow = FunnelCounts & {
  partner: { clientIdentifier: string; name: string } | null;
  source: string | null;
  suppressed: boolean;
};
const ReferrerRef = builder.objectRef<ReferrerRow>("PrescreeningReferrer");
ReferrerRef.implement({
  description: `The candidates of one referrer: a partner and the referrer token it gave. Referrers of fewer than ${MIN_GROUP_SIZE} candidates are never named: they are summed into one row with suppressed true.`,
  fields: (t) => ({
    partner: t.field({
      type: PartnerRef,
      nullable: true,
      description:
        "The partner that created the candidates; null for candidates created by staff, or suppressed.",
      resolve: (r) => r.partner,
    }),
    source: t.exposeString("source", {
      nullable: true,
      description:
        "The referrer token given when the candidates started (a campaign, a page); null when none, or suppressed.",
    }),
    suppressed: t.exposeBoolean("suppressed", {
      description: `Whether this row sums the referrers of fewer than ${MIN_GROUP_SIZE} candidates each, unnamed.`,
    }),
    starts: t.exposeInt("starts", { description: "Candidates who started." }),
    completions: t.exposeInt("completions", { description: "Of them, submitted as completed." }),
    dropouts: t.exposeInt("dropouts", { description: "Of them, submitted as dropouts." }),
    inProgress: t.exposeInt("inProgress", { description: "Of them, still answering (not submitted)." }),
    eligible: t.exposeInt("eligible", { description: "Of the completions, those eligible." }),
    referred: t.exposeInt("referred", { description: "Of them, referred to a trial site." }),
    enrolled: t.exposeInt("enrolled", { description: "Of them, enrolled from their referral." }),
    matchRate: t.exposeString("matchRate", {
      nullable: true,
      description: "eligible ÷ completions, 4 decimal places; null without completions.",
    }),
  }),
});

const DropoutRef = builder.objectRef<{ question: string | null; suppressed: boolean; count: number }>(
  "PrescreeningDropoutPoint",
);
DropoutRef.implement({
  description: `Where candidates dropped out: the last question they answered before being submitted as dropouts. Questions left by fewer than ${MIN_GROUP_SIZE} dropouts are never named: they are summed into one row with suppressed true.`,
  fields: (t) => ({
    question: t.exposeString("question", {
      nullable: true,
      description: "The question's key; null for dropouts who answered no question, or suppressed.",
    }),
    suppressed: t.exposeBoolean("suppressed", {
      description: `Whether this row sums the questions left by fewer than ${MIN_GROUP_SIZE} dropouts each, unnamed.`,
    }),
    count: t.exposeInt("count", { description: "Dropouts whose last answer was this question." }),
  }),
});

const FailingCriterionRef = builder.objectRef<{
  criterion: string | null;
  question: string | null;
  suppressed: boolean;
  count: number;
}>("PrescreeningFailingCriterion");
FailingCriterionRef.implement({
  description: `One eligibility criterion that completed, ineligible candidates failed. Criteria failed by fewer than ${MIN_GROUP_SIZE} candidates are never named: they are summed into one row with suppressed true.`,
  fields: (t) => ({
    criterion: t.exposeString("criterion", {
      nullable: true,
      description:
        "The criterion as the eligibility check words it: `<question key>: <why>`; null when suppressed.",
    }),
    question: t.exposeString("question", {
      nullable: true,
      description: "The key of the question it belongs to; null when suppressed.",
    }),
    suppressed: t.exposeBoolean("suppressed", {
      description: `Whether this row sums the criteria failed by fewer than ${MIN_GROUP_SIZE} candidates each, unnamed.`,
    }),
    count: t.exposeInt("count", {
      description: "Completed, ineligible candidates who failed it (one may fail several criteria).",
    }),
  }),
});

/** A count of the totals, or null when the metrics are suppressed. */
const total =
  (field: keyof FunnelCounts) =>
  async (m: FunnelMetrics): Promise<number | null> =>
    m.unlessSuppressed(async () => (await m.totals())[field] as number, null);

export const PrescreeningMetricsRef = builder.objectRef<FunnelMetrics>("PrescreeningMetrics");
PrescreeningMetricsRef.implement({
  description: `A trial's pre-screening funnel as aggregates (never a candidate's data), over the candidates who started in the window asked for: each part is computed by the database when asked for. No set of fewer than ${MIN_GROUP_SIZE} candidates is counted apart. Time: the candidates (under version, referrer and country) form start groups, consecutive UTC start days holding at least ${MIN_GROUP_SIZE} together, and a window counts every start group it touches whole, so two windows differ by whole groups. Regions, referrers, dropout questions and failing criteria of fewer than ${MIN_GROUP_SIZE} candidates are never named (one unnamed row, suppressed true). Filters leaving fewer than ${MIN_GROUP_SIZE} (but some) candidates suppress everything.`,
  fields: (t) => ({
    suppressed: t.boolean({
      description: `Whether the metrics are withheld: the filters leave fewer than ${MIN_GROUP_SIZE} (but some) candidates. The counts are then null and the lists empty.`,
      resolve: (m) => m.suppressed(),
    }),
    minimumGroupSize: t.int({
      description:
        "The fewest candidates a group counted apart holds: a start group, a named region, referrer, dropout question or failing criterion.",
      resolve: () => MIN_GROUP_SIZE,
    }),
    starts: t.int({
      nullable: true,
      description:
        "Candidates of the start groups the window touches (who started, were created, in or beside the window).",
      resolve: total("starts"),
    }),
    completions: t.int({
      nullable: true,
      description: "Of them, submitted as completed.",
      resolve: total("completions"),
    }),
    dropouts: t.int({
      nullable: true,
      description: "Of them, submitted as dropouts.",
      resolve: total("dropouts"),
    }),
    inProgress: t.int({
      nullable: true,
      description: "Of them, still answering (not submitted).",
      resolve: total("inProgress"),
    }),
    eligible: t.int({
      nullable: true,
      description: "Of the completions, those eligible (meeting every criterion).",
      resolve: total("eligible"),
    }),
    referred: t.int({
      nullable: true,
      description: "Of them, referred to a trial site.",
      resolve: total("referred"),
    }),
    enrolled: t.int({
      nullable: true,
      description: "Of them, enrolled from their referral.",
      resolve: total("enrolled"),
    }),
    matchRate: t.string({
      nullable: true,
      description:
        'The match (eligibility) rate: eligible ÷ completions, as a decimal string rounded half away from zero to 4 places ("0.6667" for 2 of 3); null without completions or when suppressed.',
      resolve: (m) => m.unlessSuppressed(async () => (await m.totals()).matchRate, null),
    }),
    dropoutByQuestion: t.field({
      type: [DropoutRef],
      description: `Dropouts by the last question they answered, most frequent first; questions of fewer than ${MIN_GROUP_SIZE} dropouts summed into one unnamed row (last).`,
      resolve: (m) => m.unlessSuppressed(() => dropoutsByQuestion(m.db, m.filter), []),
    }),
    failingCriteria: t.field({
      type: [FailingCriterionRef],
      description: `The eligibility breakdown: each criterion completed, ineligible candidates failed at submission, most frequent first; criteria of fewer than ${MIN_GROUP_SIZE} candidates summed into one unnamed row (last).`,
      resolve: (m) => m.unlessSuppressed(() => failingCriteria(m.db, m.filter), []),
    }),
    trend: t.field({
      type: [TrendPeriodRef],
      description:
        "The candidates by the day or week their start group began, from the first such period to the last (empty ones as zeros). The CSV trend exports hold the same rows.",
      args: {
        interval: t.arg({ type: TrendIntervalEnum, description: "DAY or WEEK." }),
      },
      resolve: (m, args) => m.unlessSuppressed(() => funnelTrend(m.db, m.filter, args.interval), []),
    }),
    byRegion: t.field({
      type: [RegionRef],
      description: `The candidates by country, or by country and postal-code prefix; regions of fewer than ${MIN_GROUP_SIZE} candidates summed into one unnamed row. Largest first.`,
      args: {
        level: t.arg({ type: RegionLevelEnum, description: "COUNTRY or POSTAL_PREFIX." }),
      },
      resolve: (m, args) => m.unlessSuppressed(() => funnelByRegion(m.db, m.filter, args.level), []),
    }),
    byReferrer: t.field({
      type: [ReferrerRef],
      description: `The candidates by partner and referrer token; referrers of fewer than ${MIN_GROUP_SIZE} candidates summed into one unnamed row. Largest first.`,
      resolve: (m) => m.unlessSuppressed(() => funnelByReferrer(m.db, m.filter), []),
    }),
  }),
});

export const ReferralLogEntryRef = builder.objectRef<ReferralLogEntry>("ReferralLogEntry");
ReferralLogEntryRef.implement({
  description:
    "One referral of a candidate to a trial site: when, where, from which partner, and what became of it. Never the candidate's name, contact details or answers.",
  fields: (t) => ({
    referredAt: t.expose("referredAt", {
      type: "DateTime",
      description: "When the candidate was referred (on submission).",
    }),
    trialSiteId: t.id({
      description: "The global id of the trial site referred to.",
      resolve: (r) => trialSiteGlobalId(r.trialSiteId),
    }),
    siteName: t.exposeString("siteName", { description: "The name of the site referred to." }),
    partner: t.field({
      type: PartnerRef,
      nullable: true,
      description: "The partner that submitted the candidate; null for candidates created by staff.",
      resolve: (r) =>
        r.partnerClientId ? { clientIdentifier: r.partnerClientId, name: r.partnerName! } : null,
    }),
    source: t.exposeString("source", {
      nullable: true,
      description: "The referrer token given when the candidate started; null when none.",
    }),
    status: t.expose("status", { type: ReferralStatusEnum, description: "What became of the referral." }),
  }),
});

export const ReferralLogConnection = builder.connectionObject(
  {
    type: ReferralLogEntryRef,
    name: "ReferralLogConnection",
    description: "A page of a trial's referral log, newest first, with the number in the whole log.",
  },
  { name: "ReferralLogEdge", description: "A referral in a page of the log, with its cursor." },
);
