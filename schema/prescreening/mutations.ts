import { eq } from "drizzle-orm";
import { questionnaireVersions } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { inTransaction } from "../core/transaction.js";
import { EnrollmentRef, ParticipantRef } from "../participants/refs.js";
import { TrialRef, TrialSiteRef } from "../trials/refs.js";
import {
  answerQuestion,
  createCandidate,
  submitCandidate,
  updateCandidateDetails,
  withdrawDataConsent,
} from "./candidates.js";
import {
  ConsentQuestionInput,
  contentFromInput,
  LocaleInput,
  LocalizedTextInput,
  QuestionInput,
} from "./inputs.js";
import { publishQuestionnaire, saveQuestionnaireDraft, setRecruitingSite } from "./questionnaires.js";
import { enrollCandidate } from "./referrals.js";
import { CandidateRef, QuestionnaireVersionRef, selectVersions, type VersionRow } from "./types.js";

/** A version as the schema shows it (with its questionnaire's trial and study id). */
async function versionRow(ctx: Context, id: string): Promise<VersionRow> {
  const [row] = await selectVersions(ctx.db).where(eq(questionnaireVersions.id, id));
  return { ...row!.version, trialId: row!.trialId, studyId: row!.studyId };
}

builder.relayMutationField(
  "saveQuestionnaireDraft",
  {
    description: "A trial's questionnaire, as its draft.",
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef, description: "The trial it pre-screens for." }),
      studyId: t.string({
        description: "The public study id partners use (DEMO3); fixed by the first save.",
      }),
      publicStudyName: t.field({
        type: [LocalizedTextInput],
        description: "The study's public name, per locale.",
      }),
      fallbackLocale: t.string({
        description: "The locale used when a candidate's is missing; one of locales.",
      }),
      locales: t.field({
        type: [LocaleInput],
        description: "The locales it is written in, with their text direction.",
      }),
      questions: t.field({ type: [QuestionInput], description: "Its questions, in order." }),
      consentQuestions: t.field({
        type: [ConsentQuestionInput],
        required: false,
        description: "The consents asked with the details.",
      }),
      config: t.field({
        type: "JSON",
        required: false,
        description:
          "The UI config (colours, messages, contactForm, steps, customPages: the completed, ineligible and leave result pages), given back as is, its texts in the fallback locale.",
      }),
      configByLocale: t.field({
        type: "JSON",
        required: false,
        description:
          'Translations of config, by locale: the parts that differ in that locale, laid on config key by key (objects merged, texts and lists replaced): { "sv-SE": { "customPages": { "ineligible": { "title": "Tack …" } } } }. A locale missing here gets the fallback locale\'s, then config. Every locale must be one of locales (BAD_USER_INPUT otherwise).',
      }),
      messages: t.field({
        type: "JSON",
        required: false,
        description:
          'Study messages (UI texts) by locale: { "en-US": { "ClinicForm.SelectClinic": "…" }, "sv-SE": { … } }. A message missing in a locale is served in the fallback locale. Every locale must be one of locales; ids are 1 to 128 letters, digits, _, - or . and texts are strings (BAD_USER_INPUT otherwise).',
      }),
    }),
  },
  {
    description:
      "Saves a trial's questionnaire as its draft (creating the questionnaire the first time). Editing after publishing starts a new draft; published versions never change. Refused with BAD_USER_INPUT naming the question when a visibleIf does not parse or reads an unknown key. Needs manage_prescreening on the trial.",
    resolve: async (_root, { input: { trialId, studyId, ...rest } }, ctx) => {
      const saved = await inTransaction(ctx, (tx, actor) =>
        saveQuestionnaireDraft(tx, actor, { trialId: trialId.id, studyId, content: contentFromInput(rest) }),
      );
      return { version: await versionRow(ctx, saved.id) };
    },
  },
  {
    description: "What saveQuestionnaireDraft answers.",
    outputFields: (t) => ({
      version: t.field({
        type: QuestionnaireVersionRef,
        description: "The draft saved.",
        resolve: (p) => p.version,
      }),
    }),
  },
);

builder.relayMutationField(
  "publishQuestionnaire",
  {
    description: "The trial whose draft to publish.",
    inputFields: (t) => ({ trialId: t.globalID({ for: TrialRef, description: "The trial." }) }),
  },
  {
    description:
      "Publishes a trial's questionnaire draft: new candidates start on it, and it never changes again. Needs manage_prescreening on the trial.",
    resolve: async (_root, { input }, ctx) => {
      const published = await inTransaction(ctx, (tx, actor) =>
        publishQuestionnaire(tx, actor, input.trialId.id),
      );
      return { version: await versionRow(ctx, published.id) };
    },
  },
  {
    description: "What publishQuestionnaire answers.",
    outputFields: (t) => ({
      version: t.field({
        type: QuestionnaireVersionRef,
        description: "The version published.",
        resolve: (p) => p.version,
      }),
    }),
  },
);

builder.relayMutationField(
  "setRecruitingSite",
  {
    description: "Whether and where a trial site recruits.",
    inputFields: (t) => ({
      trialSiteId: t.globalID({ for: TrialSiteRef, description: "The trial site." }),
      recruiting: t.boolean({ description: "Whether candidates may be referred to it." }),
      country: t.string({
        required: false,
        description: "ISO 3166-1 alpha-2 country it recruits in; null: any.",
      }),
      postalCodePrefix: t.string({
        required: false,
        description: "Postal-code prefix it recruits in; null: any.",
      }),
    }),
  },
  {
    description:
      "Sets whether a trial site recruits candidates and where (matched by the candidate's country and postal-code prefix). Needs manage_prescreening on the trial site.",
    resolve: async (_root, { input: { trialSiteId, ...values } }, ctx) => {
      await inTransaction(ctx, (tx, actor) => setRecruitingSite(tx, actor, trialSiteId.id, values));
      return { trialSite: trialSiteId.id };
    },
  },
  {
    description: "What setRecruitingSite answers.",
    outputFields: (t) => ({
      trialSite: t.field({ type: TrialSiteRef, description: "The trial site.", resolve: (p) => p.trialSite }),
    }),
  },
);

builder.relayMutationField(
  "createCandidate",
  {
    description: "A new candidate (REST: POST /rest/v1/candidates).",
    inputFields: (t) => ({
      studyId: t.string({ description: "The study's public id (DEMO3)." }),
      partnerCandidateId: t.string({
        description: "Your own unique id for the candidate (candidateId in the REST API).",
      }),
      referrerToken: t.string({
        required: false,
        description: "Attribution of who recruited them (pag-1-poster).",
      }),
      locale: t.string({
        required: false,
        description: "Their BCP 47 locale; the questionnaire's fallback when omitted.",
      }),
    }),
  },
  {
    description:
      "Creates a candidate on the study's published questionnaire, under your own candidate id. Staff with manage_prescreening on the trial, or the trial's partners.",
    resolve: async (_root, { input }, ctx) => ({
      candidate: await createCandidate(ctx, { ...input, candidateId: input.partnerCandidateId }),
    }),
  },
  {
    description: "What createCandidate answers.",
    outputFields: (t) => ({
      candidate: t.field({
        type: CandidateRef,
        description: "The candidate created.",
        resolve: (p) => p.candidate,
      }),
    }),
  },
);

builder.relayMutationField(
  "answerCandidateQuestion",
  {
    description: "One answer (REST: PUT /rest/v1/candidates/{candidateId}/answers/{key}).",
    inputFields: (t) => ({
      partnerCandidateId: t.string({ description: "Your id of the candidate." }),
      key: t.string({ description: "The question's key." }),
      answer: t.string({
        description:
          'The answer; radio button and checkbox answers as stringified JSON of the selected items: {"sinemet": true}.',
      }),
    }),
  },
  {
    description:
      "Answers a question for your candidate: checked against its type and items; refused for a question its visibleIf hides, and after submission.",
    resolve: async (_root, { input }, ctx) => ({
      candidate: await answerQuestion(ctx, { ...input, candidateId: input.partnerCandidateId }),
    }),
  },
  {
    description: "What answerCandidateQuestion answers.",
    outputFields: (t) => ({
      candidate: t.field({ type: CandidateRef, description: "The candidate.", resolve: (p) => p.candidate }),
    }),
  },
);

const CandidatePiiInput = builder.inputType("CandidatePiiInput", {
  description: "A candidate's personal details (stored only with data consent).",
  fields: (t) => ({
    name: t.string({ description: "Full name." }),
    email: t.string({ description: "E-mail address." }),
    phoneNumber: t.string({ description: "Phone number (+15551234567)." }),
    firstName: t.string({ required: false, description: "First name." }),
    lastName: t.string({ required: false, description: "Last name." }),
    postalCode: t.string({
      required: false,
      description: "Postal code, matched to sites' postal-code prefixes.",
    }),
    timezone: t.string({ required: false, description: "IANA time zone (Europe/Stockholm)." }),
  }),
});

const CandidateConsentsInput = builder.inputType("CandidateConsentsInput", {
  description: "The consents given with the details.",
  fields: (t) => ({
    dataConsent: t.boolean({
      description: "Consent to process personal data; must be true when pii is given.",
    }),
    leadConsent: t.boolean({ required: false, description: "Consent to be contacted about future studies." }),
    lookalikeConsent: t.boolean({ required: false, description: "Consent to lookalike modelling." }),
  }),
});

const ContactMethodEnum = builder.enumType("ContactMethod", {
  description: "How a candidate prefers to be contacted (the values the REST API takes).",
  values: {
    PHONE_CALL: { value: "Phone call", description: "A phone call." },
    SMS: { value: "SMS", description: "A text message." },
    EMAIL: { value: "Email", description: "An e-mail." },
    WHATSAPP: { value: "WhatsApp", description: "A WhatsApp message." },
  } as const,
});

const CandidatePreferencesInput = builder.inputType("CandidatePreferencesInput", {
  description: "A candidate's preferences.",
  fields: (t) => ({
    contactHours: t.string({ required: false, description: "When to call (8-20)." }),
    site: t.string({
      required: false,
      description: "The preferred site: one of candidateEligibility's eligibleSites.",
    }),
    contactMethod: t.field({ type: ContactMethodEnum, required: false, description: "How to contact them." }),
  }),
});

builder.relayMutationField(
  "updateCandidateDetails",
  {
    description: "The whole details record (REST: PUT /rest/v1/candidates/{candidateId}/details).",
    inputFields: (t) => ({
      partnerCandidateId: t.string({ description: "Your id of the candidate." }),
      pii: t.field({
        type: CandidatePiiInput,
        required: false,
        description: "Personal details; need dataConsent.",
      }),
      consents: t.field({ type: CandidateConsentsInput, description: "The consents." }),
      preferences: t.field({ type: CandidatePreferencesInput, required: false, description: "Preferences." }),
    }),
  },
  {
    description:
      "Replaces your candidate's PII, consents and preferences (no partial updates). PII without data consent is refused and nothing is stored; the preferred site must be eligible; without data consent earlier PII is erased.",
    resolve: async (_root, { input: { partnerCandidateId, ...details } }, ctx) => ({
      candidate: await updateCandidateDetails(ctx, partnerCandidateId, details),
    }),
  },
  {
    description: "What updateCandidateDetails answers.",
    outputFields: (t) => ({
      candidate: t.field({ type: CandidateRef, description: "The candidate.", resolve: (p) => p.candidate }),
    }),
  },
);

const SubmissionStatusEnum = builder.enumType("CandidateSubmissionStatus", {
  description: "How a candidate leaves the questionnaire.",
  values: {
    DROPOUT: { value: "DROPOUT", description: "They left without completing it." },
    COMPLETED: {
      value: "COMPLETED",
      description: "They completed it; referred when eligible with data consent.",
    },
  } as const,
});

builder.relayMutationField(
  "submitCandidate",
  {
    description: "A submission (REST: POST /rest/v1/candidates/{candidateId}/submit).",
    inputFields: (t) => ({
      partnerCandidateId: t.string({ description: "Your id of the candidate." }),
      status: t.field({ type: SubmissionStatusEnum, description: "DROPOUT or COMPLETED." }),
    }),
  },
  {
    description:
      "Submits your candidate: nothing about it changes afterwards. COMPLETED, eligible and with data consent, it is referred to its preferred trial site.",
    resolve: async (_root, { input }, ctx) => ({
      candidate: await submitCandidate(ctx, input.partnerCandidateId, input.status),
    }),
  },
  {
    description: "What submitCandidate answers.",
    outputFields: (t) => ({
      candidate: t.field({ type: CandidateRef, description: "The candidate.", resolve: (p) => p.candidate }),
    }),
  },
);

builder.relayMutationField(
  "withdrawCandidateDataConsent",
  {
    description: "The candidate withdrawing data consent.",
    inputFields: (t) => ({ partnerCandidateId: t.string({ description: "Your id of the candidate." }) }),
  },
  {
    description:
      "Withdraws your candidate's data consent, at any time: their PII is erased; answers and funnel events stay.",
    resolve: async (_root, { input }, ctx) => ({
      candidate: await withdrawDataConsent(ctx, input.partnerCandidateId),
    }),
  },
  {
    description: "What withdrawCandidateDataConsent answers.",
    outputFields: (t) => ({
      candidate: t.field({ type: CandidateRef, description: "The candidate.", resolve: (p) => p.candidate }),
    }),
  },
);

builder.relayMutationField(
  "enrollCandidate",
  {
    description: "A referred candidate to enroll.",
    inputFields: (t) => ({
      candidateId: t.globalID({
        for: CandidateRef,
        description: "The candidate, referred to your trial site.",
      }),
      subjectId: t.string({ description: "The subject id in the trial." }),
    }),
  },
  {
    description:
      "Turns a candidate referred to a trial site into a participant at that site, enrolled there, pre-filled from their details; candidate, participant and enrollment stay linked. Needs view_candidates, add_participant and enroll on the trial site.",
    resolve: async (_root, { input }, ctx) =>
      inTransaction(ctx, (tx, actor) =>
        enrollCandidate(tx, actor, ctx.config, input.candidateId.id, { subjectId: input.subjectId }),
      ),
  },
  {
    description: "What enrollCandidate answers.",
    outputFields: (t) => ({
      candidate: t.field({ type: CandidateRef, description: "The candidate.", resolve: (p) => p.candidate }),
      participant: t.field({
        type: ParticipantRef,
        description: "The new participant.",
        resolve: (p) => p.participant.id,
      }),
      enrollment: t.field({
        type: EnrollmentRef,
        description: "The new enrollment.",
        resolve: (p) => p.enrollment,
      }),
    }),
  },
);
