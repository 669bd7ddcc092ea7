import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { candidates, questionnaireVersions, recruitingSites, trialSites } from "../../db/schema/index.js";
import { email, phone } from "../accounts/inputs.js";
import { type Actor, recordAudit } from "../core/audit.js";
import type { Context } from "../core/context.js";
import {
  badInput,
  conflict,
  DomainError,
  notFound,
  onViolation,
  PG_UNIQUE_VIOLATION,
  parseInput,
} from "../core/errors.js";
import { encodeGlobalId } from "../core/ids.js";
import { inTransaction } from "../core/transaction.js";
import { emitWebhookEvent } from "../core/webhooks.js";
import { type Answers, assessEligibility, isVisible, normalizeAnswer } from "./answers.js";
import { type CandidateCaller, candidateCaller } from "./callers.js";
import { localeTag, renderQuestionnaire } from "./content.js";
import { recordFunnel } from "./events.js";
import { contentOf, publishedVersion, questionnaireByStudy } from "./questionnaires.js";

export type Candidate = typeof candidates.$inferSelect;

const candidateId = z.string().trim().min(1, "is required").max(128, "must be at most 128 characters");

/** A published questionnaire of a trial the caller may pre-screen for, by its public study id; NOT_FOUND otherwise. */
async function studyFor(ctx: Context, caller: CandidateCaller, study: string) {
  const questionnaire = await questionnaireByStudy(ctx.db, study);
  if (!questionnaire || !(await caller.mayUseTrial(questionnaire.trialId))) throw notFound("Study");
  const version = await publishedVersion(ctx.db, questionnaire.id);
  if (!version) throw conflict(`Study "${study}" has no published questionnaire yet.`);
  return { questionnaire, version };
}

/** The questionnaire of a study in a locale, as the REST API returns it (GET /rest/v1/studies/{studyId}/questionnaire). */
export async function studyQuestionnaire(ctx: Context, study: string, locale: string) {
  const tag = parseInput(z.object({ locale: localeTag }), { locale }).locale;
  const { questionnaire, version } = await studyFor(ctx, candidateCaller(ctx), study);
  return renderQuestionnaire(questionnaire.studyId, contentOf(version), tag);
}

const newCandidate = z.object({
  studyId: z.string().trim().min(1, "is required"),
  candidateId,
  referrerToken: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  locale: localeTag.nullish(),
});

/** Creates a candidate for a study under the caller's own candidate id (CONFLICT when it is taken). */
export async function createCandidate(ctx: Context, input: z.input<typeof newCandidate>): Promise<Candidate> {
  const values = parseInput(newCandidate, input);
  const caller = candidateCaller(ctx);
  const { questionnaire, version } = await studyFor(ctx, caller, values.studyId);
  const locale = values.locale ?? contentOf(version).fallbackLocale;
  return inTransaction(ctx, async (tx) => {
    const [candidate] = await onViolation(
      () =>
        tx
          .insert(candidates)
          .values({
            trialId: questionnaire.trialId,
            versionId: version.id,
            owner: caller.owner,
            externalId: values.candidateId,
            referrerToken: values.referrerToken,
            locale,
            country: countryOf(locale),
          })
          .returning(),
      {
        code: PG_UNIQUE_VIOLATION,
        constraint: "candidates_owner_external_key",
        error: () =>
          new DomainError("CONFLICT", `You already have a candidate "${values.candidateId}".`, {
            fields: [{ field: "candidateId", message: "is already used" }],
          }),
      },
    );
    await recordFunnel(tx, candidate!, [
      "started",
      { version: version.number, locale: candidate!.locale, referrerToken: values.referrerToken },
    ]);
    return candidate!;
  });
}

/**
 * Checks, before a transaction opens, that the caller's candidate exists in a trial the caller may pre-screen for
 * (NOT_FOUND otherwise). The check reads the caller's reach or grants through the pool, once a request: left to
 * ownCandidate inside the transaction, each request held a connection while waiting for another, and as many at
 * once as the pool has connections hung the server.
 */
async function reachable(ctx: Context, caller: CandidateCaller, externalId: string) {
  const id = parseInput(z.object({ candidateId }), { candidateId: externalId }).candidateId;
  const [candidate] = await ctx.db
    .select({ trialId: candidates.trialId })
    .from(candidates)
    .where(and(eq(candidates.owner, caller.owner), eq(candidates.externalId, id)));
  if (!candidate || !(await caller.mayUseTrial(candidate.trialId))) throw notFound("Candidate");
}

/**
 * The caller's candidate by their own id, locked for the transaction: NOT_FOUND for another caller's candidate or
 * one in a trial the caller may no longer pre-screen for (in a transaction, after `reachable`).
 */
async function ownCandidate(tx: Executor, caller: CandidateCaller, externalId: string): Promise<Candidate> {
  const id = parseInput(z.object({ candidateId }), { candidateId: externalId }).candidateId;
  const [candidate] = await tx
    .select()
    .from(candidates)
    .where(and(eq(candidates.owner, caller.owner), eq(candidates.externalId, id)))
    .for("update");
  if (!candidate || !(await caller.mayUseTrial(candidate.trialId))) throw notFound("Candidate");
  return candidate;
}

const locked = () => conflict("This candidate was submitted: nothing about it can change any more.");

async function versionContent(tx: Executor, candidate: Candidate) {
  const [version] = await tx
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.id, candidate.versionId));
  return contentOf(version!);
}

/**
 * Answers one question (the seed's answer string; checkbox and radio button answers as stringified JSON of the
 * selected items). The answer is checked against the question's type and items; a question hidden by its
 * visibleIf, given the answers so far, refuses answers. Records the answer and, when it changes, the eligibility.
 */
export async function answerQuestion(
  ctx: Context,
  input: { candidateId: string; key: string; answer: string },
): Promise<Candidate> {
  const caller = candidateCaller(ctx);
  const { answer } = parseInput(z.object({ answer: z.string().max(10_000) }), { answer: input.answer });
  await reachable(ctx, caller, input.candidateId);
  return inTransaction(ctx, async (tx) => {
    const candidate = await ownCandidate(tx, caller, input.candidateId);
    if (candidate.status !== "in_progress") throw locked();
    const content = await versionContent(tx, candidate);
    const question = content.questions.find((q) => q.key === input.key);
    if (!question)
      throw badInput([{ field: "key", message: `the questionnaire has no question "${input.key}"` }]);
    const answers = candidate.answers as Answers;
    const { [question.key]: _previous, ...others } = answers;
    if (!isVisible(question, others)) {
      throw badInput([
        {
          field: "key",
          message: `question "${question.key}" is hidden by its condition (${question.visibleIf})`,
        },
      ]);
    }
    const next = { ...answers, [question.key]: normalizeAnswer(question, answer) };
    const { eligible, failing } = assessEligibility(content, next);
    const [updated] = await tx
      .update(candidates)
      .set({ answers: next, eligible })
      .where(eq(candidates.id, candidate.id))
      .returning();
    await recordFunnel(
      tx,
      candidate,
      ["answered", { key: question.key }],
      ...(eligible !== candidate.eligible ? [["eligibility", { eligible, failing }] as const] : []),
    );
    return updated!;
  });
}

/** The ISO 3166-1 alpha-2 country of a locale's region ("en-US" → "US"); null when it names none (or a UN M.49 area). */
export function countryOf(locale: string | null | undefined): string | null {
  if (!locale) return null;
  try {
    const region = new Intl.Locale(locale).region;
    return region && /^[A-Z]{2}$/.test(region) ? region : null;
  } catch {
    return null;
  }
}

/**
 * The postal-code prefix the funnel metrics group by: its first three characters without spaces, upper case (a US
 * ZIP3, a UK outward area, a Swedish postal area), coarse enough to name no one; the full code stays in the PII.
 */
export const POSTAL_PREFIX_LENGTH = 3;
export const postalPrefixOf = (postalCode: string | null | undefined) =>
  postalCode ? postalCode.replace(/\s/g, "").toUpperCase().slice(0, POSTAL_PREFIX_LENGTH) || null : null;

/** The trial sites recruiting for a candidate's trial where they could go: country and postal-code prefix match. */
async function matchingSites(db: Executor, candidate: Candidate, postalCode: string | null | undefined) {
  let country: string | undefined;
  try {
    country = new Intl.Locale(candidate.locale).region;
  } catch {
    country = undefined;
  }
  const code = postalCode?.replace(/\s/g, "").toUpperCase();
  const rows = await db
    .select({ id: trialSites.id, country: recruitingSites.country, prefix: recruitingSites.postalCodePrefix })
    .from(recruitingSites)
    .innerJoin(trialSites, eq(trialSites.id, recruitingSites.trialSiteId))
    .where(and(eq(trialSites.trialId, candidate.trialId), eq(recruitingSites.recruiting, true)))
    .orderBy(asc(trialSites.createdAt), asc(trialSites.id));
  return rows
    .filter((site) => !site.country || !country || site.country === country)
    .filter((site) => !site.prefix || !code || code.startsWith(site.prefix.replace(/\s/g, "").toUpperCase()))
    .map((site) => site.id);
}

/** The public id of a trial site, as eligibility lists it and preferences.site takes it. */
export const siteIdOf = (trialSiteId: string) => encodeGlobalId("TrialSite", trialSiteId);

async function eligibilityOf(db: Executor, candidate: Candidate, postalCode?: string | null) {
  const content = await versionContent(db, candidate);
  const { eligible, failing } = assessEligibility(content, candidate.answers as Answers);
  const sites = eligible ? await matchingSites(db, candidate, postalCode ?? candidate.pii?.postalCode) : [];
  return {
    eligibility: eligible,
    eligibleSites: sites.map(siteIdOf),
    trialSiteIds: sites,
    failingCriteria: failing,
  };
}

/** Whether the candidate is eligible now and at which trial sites (REST: GET …/eligibility), with why not. */
export async function candidateEligibility(ctx: Context, externalId: string) {
  const candidate = await ownCandidate(ctx.db, candidateCaller(ctx), externalId);
  const { trialSiteIds: _ids, ...answer } = await eligibilityOf(ctx.db, candidate);
  return answer;
}

const CONTACT_METHODS = ["Phone call", "SMS", "Email", "WhatsApp"] as const;
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
const timeZone = z
  .string()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "is not an IANA time zone such as Europe/Stockholm")
  .nullish()
  .transform((v) => v || null);

const details = z.object({
  pii: z
    .object({
      name: z.string().trim().min(1, "is required").max(200),
      email,
      phoneNumber: phone,
      firstName: optional(100),
      lastName: optional(100),
      postalCode: optional(20),
      timezone: timeZone,
    })
    .nullish(),
  consents: z.object({
    dataConsent: z.boolean(),
    leadConsent: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
    lookalikeConsent: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
  }),
  preferences: z
    .object({
      contactHours: optional(50),
      site: optional(200),
      contactMethod: z
        .enum(CONTACT_METHODS)
        .nullish()
        .transform((v) => v ?? null),
    })
    .nullish(),
});
export type CandidateDetails = z.input<typeof details>;

/**
 * Replaces a candidate's PII, consents and preferences (the seed's PUT …/details; no partial updates). PII needs
 * consents.dataConsent true; the preferred site must be one of the candidate's eligible sites. Without data
 * consent nothing personal is kept: details given earlier are erased.
 */
export async function updateCandidateDetails(
  ctx: Context,
  externalId: string,
  input: CandidateDetails,
): Promise<Candidate> {
  const caller = candidateCaller(ctx);
  const values = parseInput(details, input);
  if (values.pii && !values.consents.dataConsent) {
    throw badInput([
      { field: "consents.dataConsent", message: "must be true to store personal details (pii)" },
    ]);
  }
  await reachable(ctx, caller, externalId);
  return inTransaction(ctx, async (tx) => {
    const candidate = await ownCandidate(tx, caller, externalId);
    if (candidate.status !== "in_progress") throw locked();
    let preferredTrialSiteId: string | null = null;
    const site = values.preferences?.site;
    if (site) {
      const { trialSiteIds, eligibleSites } = await eligibilityOf(tx, candidate, values.pii?.postalCode);
      const index = eligibleSites.indexOf(site);
      if (index < 0) {
        throw badInput([
          { field: "preferences.site", message: "must be one of the candidate's eligible sites" },
        ]);
      }
      preferredTrialSiteId = trialSiteIds[index]!;
    }
    const withdrawn = candidate.pii !== null && !values.pii;
    const [updated] = await tx
      .update(candidates)
      .set({
        pii: values.pii ?? null,
        consents: values.consents,
        preferences: values.preferences ?? null,
        preferredTrialSiteId,
        postalPrefix: postalPrefixOf(values.pii?.postalCode),
        anonymisedAt: withdrawn ? sql`now()` : candidate.anonymisedAt,
      })
      .where(eq(candidates.id, candidate.id))
      .returning();
    await recordFunnel(
      tx,
      candidate,
      ["details", { pii: values.pii != null, preferredSite: site ? preferredTrialSiteId : null }],
      ["consents", values.consents],
      ...(withdrawn ? [["consent_withdrawn", {}] as const] : []),
    );
    return updated!;
  });
}

/**
 * Submits a candidate (DROPOUT or COMPLETED): nothing about it changes afterwards. A COMPLETED candidate who is
 * eligible, gave data consent and chose one of their eligible sites is referred to that trial site.
 */
export async function submitCandidate(
  ctx: Context,
  externalId: string,
  status: "DROPOUT" | "COMPLETED",
): Promise<Candidate> {
  const caller = candidateCaller(ctx);
  const { status: submitted } = parseInput(z.object({ status: z.enum(["DROPOUT", "COMPLETED"]) }), {
    status,
  });
  await reachable(ctx, caller, externalId);
  return inTransaction(ctx, async (tx) => {
    const candidate = await ownCandidate(tx, caller, externalId);
    if (candidate.status !== "in_progress") throw locked();
    const { eligibility, trialSiteIds, failingCriteria } = await eligibilityOf(tx, candidate);
    const referred =
      submitted === "COMPLETED" &&
      eligibility &&
      candidate.consents?.dataConsent === true &&
      candidate.preferredTrialSiteId !== null &&
      trialSiteIds.includes(candidate.preferredTrialSiteId)
        ? candidate.preferredTrialSiteId
        : null;
    const [updated] = await tx
      .update(candidates)
      .set({
        status: submitted === "COMPLETED" ? "completed" : "dropout",
        submittedAt: sql`now()`,
        eligible: eligibility,
        referredTrialSiteId: referred,
      })
      .where(eq(candidates.id, candidate.id))
      .returning();
    await recordFunnel(
      tx,
      candidate,
      // The failing criteria at submission feed the metrics' eligibility breakdown.
      ["submitted", { status: submitted, eligible: eligibility, failing: failingCriteria }],
      ...(referred ? [["referred", { trialSiteId: referred }] as const] : []),
    );
    if (referred)
      await emitWebhookEvent(tx, {
        type: "candidate.referred",
        trialId: candidate.trialId,
        data: {
          candidateId: encodeGlobalId("Candidate", candidate.id),
          trialId: encodeGlobalId("Trial", candidate.trialId),
          trialSiteId: encodeGlobalId("TrialSite", referred),
          referredAt: (updated!.submittedAt ?? new Date()).toISOString(),
        },
      });
    return updated!;
  });
}

/**
 * Withdraws a candidate's data consent, at any time (after submission too): their PII is erased for good; the
 * answers and funnel events, which hold none, stay.
 */
export async function withdrawDataConsent(ctx: Context, externalId: string): Promise<Candidate> {
  const caller = candidateCaller(ctx);
  await reachable(ctx, caller, externalId);
  return inTransaction(ctx, async (tx) => {
    const candidate = await ownCandidate(tx, caller, externalId);
    return anonymise(tx, candidate);
  });
}

async function anonymise(tx: Executor, candidate: Candidate): Promise<Candidate> {
  const consents = { dataConsent: false, leadConsent: false, lookalikeConsent: false };
  const [updated] = await tx
    .update(candidates)
    .set({ pii: null, postalPrefix: null, consents, preferences: null, anonymisedAt: sql`now()` })
    .where(eq(candidates.id, candidate.id))
    .returning();
  await recordFunnel(tx, candidate, ["consent_withdrawn", {}]);
  return updated!;
}

/** Audit of a staff action on a candidate (enrolling it). */
export const auditCandidate = (
  tx: Executor,
  actor: Actor,
  candidate: Candidate,
  action: string,
  changes = {},
) => recordAudit(tx, actor, { action, resourceType: "candidate", resourceId: candidate.id, changes });
