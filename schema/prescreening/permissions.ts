import { eq } from "drizzle-orm";
import { allow } from "graphql-shield";
import { candidates } from "../../db/schema/index.js";
import type { Context } from "../core/context.js";
import { notFound, unauthenticated } from "../core/errors.js";
import { machineMay, type Scope } from "../core/machine.js";
import { and, decide, forArgument, holds, type Permissions, readsWith, rule } from "../core/rules.js";
import { openToMachines } from "../core/shield.js";
import { pushes } from "../trials/pushers.js";
import { ownerOf } from "./callers.js";
import { requirePrescreeningReader } from "./metrics.js";

/**
 * Callers of the candidate operations, people or partners' API clients: each operation then decides on the study
 * or candidate it names (callers.ts). Open to API clients, which the shield otherwise keeps from mutations.
 */
const isCandidateCaller = openToMachines(
  rule({ cache: "no_cache" })((_parent, _args, ctx: Context) => (ownerOf(ctx) ? true : unauthenticated())),
);

/** Object rule for a questionnaire or one of its versions: manage_prescreening on its trial (content:write for API clients). */
const managesQuestionnaire = rule({ cache: "no_cache" })(
  async (parent: { trialId: string }, _args, ctx: Context) => {
    // An API client with content:write on the trial writes its questionnaire, so reads what it wrote.
    if (ctx.machine)
      return (await machineMay(ctx, "content:write", parent.trialId)) ? true : notFound("Questionnaire");
    if (!ctx.viewer) return unauthenticated();
    return (await ctx.access.holds("manage_prescreening", { type: "trial", id: parent.trialId }))
      ? true
      : notFound("Questionnaire");
  },
);

/**
 * Object rule for a candidate: whoever created it, staff holding manage_prescreening on its trial, or
 * view_candidates on the trial site it was referred to.
 */
const canSeeCandidate = rule({ cache: "no_cache" })(
  async (
    parent: { owner: string; trialId: string; referredTrialSiteId: string | null },
    _args,
    ctx: Context,
  ) => {
    if (parent.owner === ownerOf(ctx)) return true;
    if (!ctx.viewer) return unauthenticated();
    if (await ctx.access.holds("manage_prescreening", { type: "trial", id: parent.trialId })) return true;
    const site = parent.referredTrialSiteId;
    if (site && (await ctx.access.holds("view_candidates", { type: "trialSite", id: site }))) return true;
    return notFound("Candidate");
  },
);

/**
 * A candidate's PII and health data (answers, the funnel's criteria), to people who see the candidate; API clients
 * (which sent them) never read them back.
 */
const readsCandidatePii = rule({ cache: "no_cache" })((_parent, _args, ctx: Context) =>
  ctx.viewer ? true : unauthenticated(),
);

/** Enrolling a referral: view_candidates, add_participant and enroll on the trial site it was referred to. */
const enrollsReferral = forArgument(
  "Candidate",
  (a: { input: { candidateId: string } }) => a.input.candidateId,
  async (ctx, { id }) => {
    const [candidate] = await ctx.db
      .select({ site: candidates.referredTrialSiteId })
      .from(candidates)
      .where(eq(candidates.id, id));
    const site = candidate?.site;
    if (!site || !(await ctx.access.holds("view_candidates", { type: "trialSite", id: site }))) {
      throw notFound("Referred candidate");
    }
    for (const permission of ["add_participant", "enroll"] as const) {
      await ctx.access.require(permission, { type: "trialSite", id: site }, "Trial site");
    }
  },
);

/**
 * A trial's metrics (prescreening:read) or referral log (referrals:read), by the trial an argument names: people
 * with manage_prescreening there, API clients with the scope on a trial they reach (metrics.ts).
 */
const readsFunnelOf = (scope: Scope) =>
  forArgument(
    "Trial",
    (a: { trialId: string }) => a.trialId,
    (ctx, { id }) => requirePrescreeningReader(ctx, scope, id),
  );

/**
 * The same on a Trial's own fields: API clients by their scope; people as readsWith decides (so one who sees the
 * trial without manage_prescreening, a participant too, gets FORBIDDEN).
 */
const readsFunnel = (scope: Scope) => {
  const people = readsWith("manage_prescreening", "trial") as unknown as {
    resolve: (
      parent: unknown,
      args: unknown,
      ctx: Context,
      info: unknown,
      options: object,
    ) => Promise<true | Error>;
  };
  return rule({ cache: "no_cache" })((trial: { id: string }, args, ctx: Context, info) =>
    ctx.machine
      ? decide(() => requirePrescreeningReader(ctx, scope, trial.id))
      : people.resolve(trial, args, ctx, info, {}),
  );
};

/** Who may use each prescreening field. Fields not listed here are closed (the shield's fallback is deny). */
export const prescreeningPermissions = {
  Query: {
    questionnaire: pushes("content:write", "manage_prescreening", "Trial", (a) => a.trialId),
    studyQuestionnaire: isCandidateCaller,
    candidateEligibility: isCandidateCaller,
    prescreeningMetrics: readsFunnelOf("prescreening:read"),
    referralLog: readsFunnelOf("referrals:read"),
  },
  Mutation: {
    // Eligibility logic, its texts and their translations: staff, or API clients with the elevated content:write.
    saveQuestionnaireDraft: pushes("content:write", "manage_prescreening", "Trial", (a) => a.input.trialId),
    publishQuestionnaire: pushes("content:write", "manage_prescreening", "Trial", (a) => a.input.trialId),
    setRecruitingSite: holds("manage_prescreening", "TrialSite", (a) => a.input.trialSiteId),
    createCandidate: isCandidateCaller,
    answerCandidateQuestion: isCandidateCaller,
    updateCandidateDetails: isCandidateCaller,
    submitCandidate: isCandidateCaller,
    withdrawCandidateDataConsent: isCandidateCaller,
    enrollCandidate: enrollsReferral,
  },
  Trial: {
    questionnaire: readsWith("manage_prescreening", "trial"),
    prescreeningMetrics: readsFunnel("prescreening:read"),
    referralLog: readsFunnel("referrals:read"),
  },
  TrialSite: {
    recruitment: readsWith(["manage_prescreening", "view_trials"], "trialSite"),
    referredCandidates: readsWith("view_candidates", "trialSite"),
  },
  Questionnaire: managesQuestionnaire,
  QuestionnaireVersion: managesQuestionnaire,
  Candidate: {
    "*": canSeeCandidate,
    name: and(canSeeCandidate, readsCandidatePii),
    email: and(canSeeCandidate, readsCandidatePii),
    phoneNumber: and(canSeeCandidate, readsCandidatePii),
    postalCode: and(canSeeCandidate, readsCandidatePii),
    answers: and(canSeeCandidate, readsCandidatePii),
    events: and(canSeeCandidate, readsCandidatePii),
  },
  // Reached only through the guarded fields above.
  CandidateConsents: allow,
  CandidateEvent: allow,
  CandidateEligibility: allow,
  RecruitingSite: allow,
  // Aggregates and referral lines without personal data, reached only through the guarded fields above.
  PrescreeningMetrics: allow,
  PrescreeningTrendPeriod: allow,
  PrescreeningRegion: allow,
  PrescreeningReferrer: allow,
  PrescreeningPartner: allow,
  PrescreeningDropoutPoint: allow,
  PrescreeningFailingCriterion: allow,
  ReferralLogEntry: allow,
} satisfies Permissions;
