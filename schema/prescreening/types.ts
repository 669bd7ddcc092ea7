import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import {
  candidateEvents,
  candidates,
  questionnaires,
  questionnaireVersions,
  recruitingSites,
} from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { EnrollmentRef, ParticipantRef } from "../participants/refs.js";
import { TrialRef, TrialSiteRef } from "../trials/refs.js";
import type { Candidate } from "./candidates.js";
import { type QuestionnaireContent, renderQuestionnaire } from "./content.js";
import type { Questionnaire, QuestionnaireVersion, RecruitingSite } from "./questionnaires.js";

/** A version with its questionnaire's trial and study id, which its rules and preview need. */
export type VersionRow = QuestionnaireVersion & { trialId: string; studyId: string };

export const QuestionnaireRef = builder.loadableNodeRef<Questionnaire>("Questionnaire", {
  id: { resolve: (q) => q.id },
  load: (ids: string[], ctx) => ctx.db.select().from(questionnaires).where(inArray(questionnaires.id, ids)),
  sort: (q) => q.id,
});

/** Versions with their questionnaire's trial and study id. */
export const selectVersions = (db: Executor) =>
  db
    .select({
      version: questionnaireVersions,
      trialId: questionnaires.trialId,
      studyId: questionnaires.studyId,
    })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId));
const asRow = (r: { version: QuestionnaireVersion; trialId: string; studyId: string }): VersionRow => ({
  ...r.version,
  trialId: r.trialId,
  studyId: r.studyId,
});

export const QuestionnaireVersionRef = builder.loadableNodeRef<VersionRow>("QuestionnaireVersion", {
  id: { resolve: (v) => v.id },
  load: async (ids: string[], ctx) =>
    (await selectVersions(ctx.db).where(inArray(questionnaireVersions.id, ids))).map(asRow),
  sort: (v) => v.id,
});

export const CandidateRef = builder.loadableNodeRef<Candidate>("Candidate", {
  id: { resolve: (c) => c.id },
  load: (ids: string[], ctx) => ctx.db.select().from(candidates).where(inArray(candidates.id, ids)),
  sort: (c) => c.id,
});

const RecruitingSiteRef = builder.objectRef<RecruitingSite>("RecruitingSite");

export const VersionStatusEnum = builder.enumType("QuestionnaireVersionStatus", {
  description: "Whether a questionnaire version is still being edited or frozen for candidates.",
  values: {
    DRAFT: { value: "draft", description: "Being edited; candidates never see it." },
    PUBLISHED: {
      value: "published",
      description: "Frozen; new candidates start on the newest published version.",
    },
  } as const,
});

export const CandidateStatusEnum = builder.enumType("CandidateStatus", {
  description: "Where a candidate is: answering, or submitted (as a dropout or completed).",
  values: {
    IN_PROGRESS: { value: "in_progress", description: "Still answering; answers and details may change." },
    DROPOUT: { value: "dropout", description: "Submitted as having left the questionnaire; locked." },
    COMPLETED: {
      value: "completed",
      description: "Submitted as completed; locked, and referred when eligible.",
    },
  } as const,
});

QuestionnaireRef.implement({
  description:
    "A trial's pre-screening questionnaire (a study, in the REST API), with its versions. Read by staff holding manage_prescreening on the trial.",
  fields: (t) => ({
    studyId: t.exposeString("studyId", { description: "The public study id partners use (DEMO3)." }),
    trial: t.field({
      type: TrialRef,
      description: "The trial it pre-screens for.",
      resolve: (q) => q.trialId,
    }),
    versions: t.field({
      type: [QuestionnaireVersionRef],
      description: "Every version, oldest first: the published ones frozen, and at most one draft.",
      resolve: async (q, _args, ctx) =>
        (
          await selectVersions(ctx.db)
            .where(eq(questionnaireVersions.questionnaireId, q.id))
            .orderBy(asc(questionnaireVersions.number))
        ).map(asRow),
    }),
  }),
});

QuestionnaireVersionRef.implement({
  description: "One version of a questionnaire: questions, consents, locales and UI config.",
  fields: (t) => ({
    number: t.exposeInt("number", { description: "1 for the first version, then counting up." }),
    status: t.expose("status", { type: VersionStatusEnum, description: "DRAFT or PUBLISHED." }),
    publishedAt: t.expose("publishedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was published; null for a draft.",
    }),
    content: t.field({
      type: "JSON",
      description:
        "The version as saved: publicStudyName, fallbackLocale, locales, questions (key, type, text per locale, items, visibleIf, criteria), consentQuestions, config, configByLocale, messages.",
      resolve: (v) => v.content,
    }),
    preview: t.field({
      type: "JSON",
      description:
        "The version as partners get it in one locale (GET /rest/v1/studies/{studyId}/questionnaire).",
      args: {
        locale: t.arg.string({ description: "A BCP 47 tag; the nearest locale of the version is used." }),
      },
      resolve: (v, args) => renderQuestionnaire(v.studyId, v.content as QuestionnaireContent, args.locale),
    }),
  }),
});

RecruitingSiteRef.implement({
  description:
    "Whether a trial site recruits candidates, and where (candidates are matched by country and postal-code prefix).",
  fields: (t) => ({
    recruiting: t.exposeBoolean("recruiting", { description: "Whether candidates may be referred to it." }),
    country: t.exposeString("country", {
      nullable: true,
      description:
        "ISO 3166-1 alpha-2 country of its candidates (matched with the region of their locale); null: any.",
    }),
    postalCodePrefix: t.exposeString("postalCodePrefix", {
      nullable: true,
      description: "Candidates whose postal code starts with it; null: any postal code.",
    }),
  }),
});

const CandidateConsentsRef = builder.objectRef<{
  dataConsent: boolean;
  leadConsent: boolean;
  lookalikeConsent: boolean;
}>("CandidateConsents");
CandidateConsentsRef.implement({
  description: "The consents a candidate gave with their details.",
  fields: (t) => ({
    dataConsent: t.exposeBoolean("dataConsent", {
      description: "Consent to process their personal data (needed for PII).",
    }),
    leadConsent: t.exposeBoolean("leadConsent", {
      description: "Consent to be contacted about future studies.",
    }),
    lookalikeConsent: t.exposeBoolean("lookalikeConsent", { description: "Consent to lookalike modelling." }),
  }),
});

type FunnelEvent = typeof candidateEvents.$inferSelect;
const CandidateEventRef = builder.objectRef<FunnelEvent>("CandidateEvent");
CandidateEventRef.implement({
  description: "One step of a candidate's pre-screening funnel, with its time. Never holds personal data.",
  fields: (t) => ({
    kind: t.exposeString("kind", {
      description:
        "started, answered, eligibility, details, consents, submitted, referred, enrolled or consent_withdrawn.",
    }),
    detail: t.field({
      type: "JSON",
      description:
        "What the step recorded: the question key answered, eligibility with its failing criteria, …",
      resolve: (e) => e.detail,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it happened." }),
  }),
});

const pii = (field: string) => (c: Candidate) => c.pii?.[field] ?? null;

CandidateRef.implement({
  description:
    "A person pre-screening for a trial. Read by staff holding manage_prescreening on its trial or view_candidates on the trial site it was referred to, and by whoever created it; PII only while data consent stands.",
  fields: (t) => ({
    partnerCandidateId: t.exposeString("externalId", {
      description: "The id its creator gave it (candidateId in the REST API).",
    }),
    status: t.expose("status", {
      type: CandidateStatusEnum,
      description: "IN_PROGRESS, DROPOUT or COMPLETED.",
    }),
    locale: t.exposeString("locale", { description: "The candidate's BCP 47 locale." }),
    referrerToken: t.exposeString("referrerToken", {
      nullable: true,
      description: "Attribution given at creation.",
    }),
    eligible: t.exposeBoolean("eligible", {
      nullable: true,
      description: "Whether their answers meet the criteria so far; null before the first answer.",
    }),
    answers: t.field({
      type: "JSON",
      nullable: true,
      description: 'Answers by question key (yes/no as "true"/"false", checkboxes as lists of item keys).',
      resolve: (c) => c.answers,
    }),
    name: t.string({ nullable: true, description: "Full name (PII).", resolve: pii("name") }),
    email: t.string({ nullable: true, description: "E-mail address (PII).", resolve: pii("email") }),
    phoneNumber: t.string({
      nullable: true,
      description: "Phone number (PII).",
      resolve: pii("phoneNumber"),
    }),
    postalCode: t.string({ nullable: true, description: "Postal code (PII).", resolve: pii("postalCode") }),
    consents: t.field({
      type: CandidateConsentsRef,
      nullable: true,
      description: "The consents given with the details; null before any.",
      resolve: (c) => c.consents,
    }),
    questionnaireVersion: t.field({
      type: QuestionnaireVersionRef,
      description: "The version they answer: kept for good, so later edits never change an answer's meaning.",
      resolve: (c) => c.versionId,
    }),
    trial: t.field({
      type: TrialRef,
      description: "The trial they pre-screen for.",
      resolve: (c) => c.trialId,
    }),
    preferredTrialSite: t.field({
      type: TrialSiteRef,
      nullable: true,
      description: "The eligible trial site they chose.",
      resolve: (c) => c.preferredTrialSiteId,
    }),
    referredTrialSite: t.field({
      type: TrialSiteRef,
      nullable: true,
      description: "The trial site they were referred to on completion.",
      resolve: (c) => c.referredTrialSiteId,
    }),
    participant: t.field({
      type: ParticipantRef,
      nullable: true,
      description: "The participant they became at enrollment.",
      resolve: (c) => c.participantId,
    }),
    enrollment: t.field({
      type: EnrollmentRef,
      nullable: true,
      description: "Their enrollment, once enrolled from the referral.",
      resolve: (c) => c.enrollmentId,
    }),
    events: t.loadableList({
      type: CandidateEventRef,
      nullable: true,
      description: "Their funnel, oldest first (people only: API clients never read it).",
      load: async (ids: string[], ctx) => {
        const rows = await ctx.db
          .select()
          .from(candidateEvents)
          .where(inArray(candidateEvents.candidateId, ids))
          .orderBy(asc(candidateEvents.sequence));
        return ids.map((id) => rows.filter((r) => r.candidateId === id));
      },
      resolve: (c) => c.id,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was created (started)." }),
    submittedAt: t.expose("submittedAt", {
      type: "DateTime",
      nullable: true,
      description: "When it was submitted.",
    }),
  }),
});

builder.objectField(TrialRef, "questionnaire", (t) =>
  t.field({
    type: QuestionnaireRef,
    nullable: true,
    description: "The trial's pre-screening questionnaire, if it has one (manage_prescreening on the trial).",
    resolve: async (trial, _args, ctx) =>
      (await ctx.db.select().from(questionnaires).where(eq(questionnaires.trialId, trial.id)))[0] ?? null,
  }),
);

builder.objectField(TrialSiteRef, "recruitment", (t) =>
  t.field({
    type: RecruitingSiteRef,
    nullable: true,
    description: "Whether and where the trial site recruits candidates; null until set.",
    resolve: async (trialSite, _args, ctx) =>
      (await ctx.db.select().from(recruitingSites).where(eq(recruitingSites.trialSiteId, trialSite.id)))[0] ??
      null,
  }),
);

export const CandidateEligibilityRef = builder.objectRef<{
  eligibility: boolean;
  eligibleSites: string[];
  failingCriteria: string[];
}>("CandidateEligibility");
CandidateEligibilityRef.implement({
  description: "A candidate's eligibility now (REST: GET /rest/v1/candidates/{candidateId}/eligibility).",
  fields: (t) => ({
    eligibility: t.exposeBoolean("eligibility", {
      description: "Whether the answers meet every shown question's criteria.",
    }),
    eligibleSites: t.exposeStringList("eligibleSites", {
      description: "Ids of the recruiting trial sites they match (TrialSite ids); empty when not eligible.",
    }),
    failingCriteria: t.exposeStringList("failingCriteria", {
      description: "Each criterion not met, as `<question key>: <why>` (unanswered ones included).",
    }),
  }),
});
