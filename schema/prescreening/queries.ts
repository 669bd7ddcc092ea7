import { eq } from "drizzle-orm";
import { candidates, questionnaires } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { byCreation, type Children, childrenPage } from "../core/pagination.js";
import { TrialRef, TrialSiteRef } from "../trials/refs.js";
import type { Candidate } from "./candidates.js";
import { candidateEligibility, studyQuestionnaire } from "./candidates.js";
import { FunnelMetrics, funnelFilter, referralLogPage } from "./metrics.js";
import { PrescreeningMetricsRef, ReferralLogConnection, ReferralLogEntryRef } from "./metrics-types.js";
import { CandidateEligibilityRef, CandidateRef, QuestionnaireRef } from "./types.js";

builder.queryFields((t) => ({
  questionnaire: t.field({
    type: QuestionnaireRef,
    nullable: true,
    description:
      "A trial's pre-screening questionnaire, with its versions; null when it has none. Needs manage_prescreening on the trial.",
    args: { trialId: t.arg.globalID({ for: TrialRef, description: "The trial." }) },
    resolve: async (_root, args, ctx) =>
      (await ctx.db.select().from(questionnaires).where(eq(questionnaires.trialId, args.trialId.id)))[0] ??
      null,
  }),
  studyQuestionnaire: t.field({
    type: "JSON",
    description:
      "A study's published questionnaire in a locale, as the REST API returns it (GET /rest/v1/studies/{studyId}/questionnaire): study, textDirection, questions, consent, config, messages. For the trial's partners and staff with manage_prescreening.",
    args: {
      studyId: t.arg.string({ description: "The study's public id (DEMO3)." }),
      locale: t.arg.string({ description: "A BCP 47 tag; the nearest locale, else the fallback, is used." }),
    },
    resolve: (_root, args, ctx) => studyQuestionnaire(ctx, args.studyId, args.locale),
  }),
  candidateEligibility: t.field({
    type: CandidateEligibilityRef,
    description:
      "Whether your candidate is eligible and at which recruiting trial sites (GET /rest/v1/candidates/{candidateId}/eligibility).",
    args: { partnerCandidateId: t.arg.string({ description: "Your id of the candidate." }) },
    resolve: (_root, args, ctx) => candidateEligibility(ctx, args.partnerCandidateId),
  }),
}));

/** The candidates referred to a trial site, newest first; the field's rule decides who reads them (view_candidates). */
const referralsOf: Children<Candidate> = {
  table: candidates,
  parent: candidates.referredTrialSiteId,
  parentOf: (row) => row.referredTrialSiteId!,
  ordering: { name: "CREATED_AT_DESC", direction: "desc", keys: byCreation(candidates) },
  visible: async () => undefined,
};

builder.objectField(TrialSiteRef, "referredCandidates", (t) =>
  t.connection(
    {
      type: CandidateRef,
      description:
        "The candidates referred to this trial site, newest first (PII only while their data consent stands). Needs view_candidates on the trial site. First pages of many trial sites load together.",
      resolve: (trialSite, args, ctx) => childrenPage(ctx.access, referralsOf, trialSite.id, args),
    },
    { name: "CandidateConnection", description: "A page of candidates, with the number in the whole list." },
    { name: "CandidateEdge", description: "A candidate in a page." },
  ),
);

/** The metrics' filter, the same on Query.prescreeningMetrics and Trial.prescreeningMetrics. */
const metricsFilter = builder.args((t) => ({
  from: t.field({
    type: "DateTime",
    required: false,
    description:
      "Count candidates who started at or after this instant; omitted: from the first. The window widens to the whole start groups it touches (see PrescreeningMetrics).",
  }),
  to: t.field({
    type: "DateTime",
    required: false,
    description:
      "Count candidates who started before this instant; omitted: up to now. The window widens to the whole start groups it touches (see PrescreeningMetrics).",
  }),
  version: t.int({
    required: false,
    description: "Only candidates answering this version (number) of the trial's questionnaire.",
  }),
  referrer: t.string({
    required: false,
    description: "Only candidates who started with this referrer token.",
  }),
  country: t.string({
    required: false,
    description: "Only candidates of this ISO 3166-1 alpha-2 country (the region of their locale).",
  }),
}));

/** The referral log's window, the same on Query.referralLog and Trial.referralLog. */
const logWindow = builder.args((t) => ({
  from: t.field({
    type: "DateTime",
    required: false,
    description: "Referrals at or after this instant; omitted: from the first.",
  }),
  to: t.field({
    type: "DateTime",
    required: false,
    description: "Referrals before this instant; omitted: up to now.",
  }),
}));

const METRICS_DESCRIPTION =
  "The trial's pre-screening funnel metrics (aggregates only: starts, completions, dropout points, match rate, failing criteria, trend, regions, referrers). Needs manage_prescreening on the trial, or an API client's prescreening:read scope on a trial it reaches.";
const LOG_DESCRIPTION =
  "The trial's referrals, newest first: when, to which trial site, from which partner, and what became of them; never a candidate's personal data. Needs manage_prescreening on the trial, or an API client's referrals:read scope on a trial it reaches. As CSV: requestPrescreeningReport.";

builder.queryFields((t) => ({
  prescreeningMetrics: t.field({
    type: PrescreeningMetricsRef,
    description: METRICS_DESCRIPTION,
    args: { trialId: t.arg.globalID({ for: TrialRef, description: "The trial." }), ...metricsFilter },
    resolve: (_root, { trialId, ...filter }, ctx) =>
      new FunnelMetrics(ctx.db, funnelFilter(trialId.id, filter)),
  }),
  referralLog: t.connection(
    {
      type: ReferralLogEntryRef,
      description: LOG_DESCRIPTION,
      args: { trialId: t.arg.globalID({ for: TrialRef, description: "The trial." }), ...logWindow },
      resolve: (_root, args, ctx) => referralLogPage(ctx.db, args.trialId.id, args),
    },
    ReferralLogConnection,
  ),
}));

builder.objectFields(TrialRef, (t) => ({
  prescreeningMetrics: t.field({
    type: PrescreeningMetricsRef,
    description: METRICS_DESCRIPTION,
    args: metricsFilter,
    resolve: (trial, filter, ctx) => new FunnelMetrics(ctx.db, funnelFilter(trial.id, filter)),
  }),
  referralLog: t.connection(
    {
      type: ReferralLogEntryRef,
      description: LOG_DESCRIPTION,
      args: logWindow,
      resolve: (trial, args, ctx) => referralLogPage(ctx.db, trial.id, args),
    },
    ReferralLogConnection,
  ),
}));
