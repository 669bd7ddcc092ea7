import { builder } from "../core/builder.js";

/** GraphQL input types of the prescreening area, and their conversion to the stored document's shape. */

export const LocalizedTextInput = builder.inputType("LocalizedTextInput", {
  description: "A text in one locale.",
  fields: (t) => ({
    locale: t.string({
      description: "A BCP 47 tag of one of the questionnaire's locales (en-US, sv-SE, ar).",
    }),
    text: t.string({ description: "The text in that locale (Markdown where the widget renders it)." }),
  }),
});

type LocalizedList = { locale: string; text: string }[] | null | undefined;
/** A list of texts by locale as the stored map (locale → text). */
export const localizedMap = (list: LocalizedList) =>
  list ? Object.fromEntries(list.map((entry) => [entry.locale, entry.text])) : undefined;

export const QuestionTypeEnum = builder.enumType("QuestionType", {
  description: "How a question is answered.",
  values: {
    DATEOFBIRTH: {
      value: "dateofbirth",
      description: "A date of birth in the question's dateFormat (yyyy, yyyy-MM or yyyy-MM-dd).",
    },
    YESNO: { value: "yesno", description: 'Yes or No; stored and compared as "true" or "false".' },
    RADIOBUTTON: { value: "radiobutton", description: "Exactly one of its items." },
    CHECKBOX: {
      value: "checkbox",
      description: 'Any of its items; a unique item ("None of these") stands alone.',
    },
    SCALE: { value: "scale", description: "A whole number between its two items' keys (1 and 5)." },
    TEXT: { value: "text", description: "Free text, at most 2000 characters." },
    NUMBER: { value: "number", description: "A number." },
  } as const,
});

export const ConsentTypeEnum = builder.enumType("ConsentType", {
  description: "The consents a candidate gives with their details.",
  values: {
    DATACONSENT: {
      value: "dataconsent",
      description: "Processing of personal data: required for PII and referral.",
    },
    LEADCONSENT: { value: "leadconsent", description: "Being contacted about future studies." },
    LOOKALIKECONSENT: { value: "lookalikeconsent", description: "Use in lookalike modelling." },
  } as const,
});

export const TextDirectionEnum = builder.enumType("TextDirection", {
  description: "Which way a locale's text runs.",
  values: {
    LTR: { value: "ltr", description: "Left to right (en-US, sv-SE)." },
    RTL: { value: "rtl", description: "Right to left (ar, he)." },
  } as const,
});

const QuestionItemInput = builder.inputType("QuestionItemInput", {
  description: "One choice of a radio button, checkbox or scale question.",
  fields: (t) => ({
    key: t.string({ description: "Stable key of the choice, sent back in answers." }),
    label: t.field({ type: [LocalizedTextInput], description: "The label shown, per locale." }),
    unique: t.boolean({
      required: false,
      description: 'A checkbox item that must be selected alone ("None of these").',
    }),
    maxLength: t.int({ required: false, description: "Longest text an inline text may take, if any." }),
  }),
});

const CriteriaInput = builder.inputType("EligibilityCriteriaInput", {
  description:
    "What a question's answer must be for the candidate to be eligible; a hidden question's criteria do not apply.",
  fields: (t) => ({
    oneOf: t.stringList({
      required: false,
      description: 'The answer (any selected item) must be one of these keys (yes/no: "true"/"false").',
    }),
    noneOf: t.stringList({ required: false, description: "No selected item may be one of these keys." }),
    min: t.float({
      required: false,
      description: "Smallest number allowed (for a date of birth: the age in years).",
    }),
    max: t.float({
      required: false,
      description: "Largest number allowed (for a date of birth: the age in years).",
    }),
  }),
});

export const QuestionInput = builder.inputType("QuestionInput", {
  description: "One question of a questionnaire, in order.",
  fields: (t) => ({
    key: t.string({
      description: "Stable key: answers are sent to it and conditions read it (answer.<key>).",
    }),
    type: t.field({ type: QuestionTypeEnum, description: "How it is answered." }),
    text: t.field({ type: [LocalizedTextInput], description: "The question, per locale." }),
    description: t.field({
      type: [LocalizedTextInput],
      required: false,
      description: "Help text, per locale.",
    }),
    dateFormat: t.string({ required: false, description: "For DATEOFBIRTH: yyyy, yyyy-MM or yyyy-MM-dd." }),
    items: t.field({
      type: [QuestionItemInput],
      required: false,
      description: "Its choices (radio button, checkbox, scale).",
    }),
    visibleIf: t.string({
      required: false,
      description:
        "When it is shown, in this syntax: answer.<key> == 'true', && || ! ( ), < <= > >= != , x in ['a','b'], age(answer.dob) >= 18. Checked when saved.",
    }),
    criteria: t.field({
      type: CriteriaInput,
      required: false,
      description: "Eligibility criteria on its answer.",
    }),
  }),
});

export const ConsentQuestionInput = builder.inputType("ConsentQuestionInput", {
  description: "A consent asked with the contact details.",
  fields: (t) => ({
    key: t.string({ description: "Stable key (data_consent)." }),
    type: t.field({ type: ConsentTypeEnum, description: "Which consent it is." }),
    text: t.field({ type: [LocalizedTextInput], description: "The consent's statement, per locale." }),
    description: t.field({
      type: [LocalizedTextInput],
      required: false,
      description: "Its full text, per locale.",
    }),
  }),
});

export const LocaleInput = builder.inputType("QuestionnaireLocaleInput", {
  description: "A locale a questionnaire is written in.",
  fields: (t) => ({
    tag: t.string({ description: "BCP 47 tag (en-US, sv-SE, ar)." }),
    direction: t.field({ type: TextDirectionEnum, description: "Its text direction." }),
  }),
});

type QuestionnaireArgs = {
  publicStudyName: { locale: string; text: string }[];
  fallbackLocale: string;
  locales: { tag: string; direction: string }[];
  questions: {
    key: string;
    type: string;
    text: { locale: string; text: string }[];
    description?: LocalizedList;
    dateFormat?: string | null;
    items?:
      | {
          key: string;
          label: { locale: string; text: string }[];
          unique?: boolean | null;
          maxLength?: number | null;
        }[]
      | null;
    visibleIf?: string | null;
    criteria?: object | null;
  }[];
  consentQuestions?:
    | { key: string; type: string; text: { locale: string; text: string }[]; description?: LocalizedList }[]
    | null;
  config?: unknown;
  configByLocale?: unknown;
  messages?: unknown;
};

/** The GraphQL input as the stored document (checked by checkQuestionnaire). */
export function contentFromInput(input: QuestionnaireArgs) {
  return {
    publicStudyName: localizedMap(input.publicStudyName),
    fallbackLocale: input.fallbackLocale,
    locales: input.locales,
    questions: input.questions.map((q) => ({
      ...q,
      text: localizedMap(q.text),
      description: localizedMap(q.description),
      items: q.items?.map((item) => ({
        ...item,
        label: localizedMap(item.label),
        unique: item.unique ?? false,
      })),
    })),
    consentQuestions: (input.consentQuestions ?? []).map((c) => ({
      ...c,
      text: localizedMap(c.text),
      description: localizedMap(c.description),
    })),
    config: input.config ?? undefined,
    configByLocale: input.configByLocale ?? undefined,
    messages: input.messages ?? undefined,
  };
}
