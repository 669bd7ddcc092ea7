import { z } from "zod";
import { badInput, type FieldProblem } from "../core/errors.js";
import { ConditionError, keysOf, parseCondition } from "./conditions.js";

/** The question types of seed 002 (and free text and numbers). */
export const QUESTION_TYPES = [
  "dateofbirth",
  "yesno",
  "radiobutton",
  "checkbox",
  "scale",
  "text",
  "number",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const CONSENT_TYPES = ["dataconsent", "leadconsent", "lookalikeconsent"] as const;
export const DATE_FORMATS = ["yyyy", "yyyy-MM", "yyyy-MM-dd"] as const;

/** A BCP 47 tag as Intl writes it ("en-US", "sv-SE", "ar"). */
export const localeTag = z
  .string()
  .trim()
  .refine((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, "is not a BCP 47 language tag (en-US, sv-SE, ar)")
  .transform((tag) => Intl.getCanonicalLocales(tag)[0]!);

/** A text in several locales: locale tag → text. */
const localized = z.record(localeTag, z.string().max(10_000));
export type Localized = z.output<typeof localized>;

const key = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, _ or -");

const item = z.object({
  key,
  label: localized,
  unique: z.boolean().default(false),
  maxLength: z.number().int().positive().nullish(),
});

const criterion = z.object({
  oneOf: z.array(z.string()).nullish(),
  noneOf: z.array(z.string()).nullish(),
  min: z.number().nullish(),
  max: z.number().nullish(),
});
export type Criterion = z.output<typeof criterion>;

const question = z.object({
  key,
  type: z.enum(QUESTION_TYPES),
  text: localized,
  description: localized.default({}),
  dateFormat: z.enum(DATE_FORMATS).nullish(),
  items: z.array(item).max(100).nullish(),
  visibleIf: z
    .string()
    .trim()
    .max(1000)
    .nullish()
    .transform((s) => s || null),
  criteria: criterion.nullish(),
});
export type Question = z.output<typeof question>;

const consentQuestion = z.object({
  key,
  type: z.enum(CONSENT_TYPES),
  text: localized,
  description: localized.default({}),
});
export type ConsentQuestion = z.output<typeof consentQuestion>;

const jsonObject = z.record(z.string(), z.unknown());

/** UI messages of one locale: message id → text. */
const messageSet = z.record(
  z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, "message ids are 1 to 128 letters, digits, _, - or ."),
  z.string().max(10_000),
);

/** A questionnaire version as stored (questionnaire_versions.content) and edited. */
export const questionnaireContent = z.object({
  publicStudyName: localized,
  fallbackLocale: localeTag,
  locales: z
    .array(z.object({ tag: localeTag, direction: z.enum(["ltr", "rtl"]) }))
    .min(1, "needs at least one locale"),
  questions: z.array(question).min(1, "needs at least one question").max(200),
  consentQuestions: z.array(consentQuestion).max(20).default([]),
  config: jsonObject.default({}),
  configByLocale: z.record(localeTag, jsonObject).default({}),
  messages: z.record(localeTag, messageSet).default({}),
});
export type QuestionnaireContent = z.output<typeof questionnaireContent>;

const NEEDS_ITEMS = new Set<QuestionType>(["radiobutton", "checkbox", "scale"]);

/** The values a question's answer may take, for its criteria (null: any). */
function answerValues(q: Question): string[] | null {
  if (q.type === "yesno") return ["true", "false"];
  if (q.type === "radiobutton" || q.type === "checkbox") return (q.items ?? []).map((i) => i.key);
  return null;
}

/**
 * Checks a questionnaire as a whole: unique keys, items where the type needs them, a date format for dates of
 * birth, criteria naming real answers, and each visibleIf parsed, reading only other questions' keys. Every
 * problem is one BAD_USER_INPUT entry naming the question.
 */
export function checkQuestionnaire(input: unknown): QuestionnaireContent {
  const parsed = questionnaireContent.safeParse(input);
  if (!parsed.success) {
    throw badInput(parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));
  }
  const content = parsed.data;
  const problems: FieldProblem[] = [];
  const tags = content.locales.map((l) => l.tag);
  if (new Set(tags).size !== tags.length)
    problems.push({ field: "locales", message: "lists a locale twice" });
  if (!tags.includes(content.fallbackLocale)) {
    problems.push({ field: "fallbackLocale", message: "must be one of the locales" });
  }
  // A translation for a locale the questionnaire does not list would never be served.
  for (const field of ["messages", "configByLocale"] as const) {
    for (const tag of Object.keys(content[field]).filter((t) => !tags.includes(t)))
      problems.push({ field: `${field}.${tag}`, message: `${tag} is not one of the locales` });
  }
  const keys = content.questions.map((q) => q.key);
  const allKeys = [...keys, ...content.consentQuestions.map((c) => c.key)];
  for (const [i, k] of allKeys.entries()) {
    if (allKeys.indexOf(k) !== i)
      problems.push({ field: "questions", message: `the key "${k}" is used twice` });
  }
  if (content.consentQuestions.filter((c) => c.type === "dataconsent").length > 1) {
    problems.push({ field: "consentQuestions", message: "may hold one dataconsent question" });
  }
  for (const [i, q] of content.questions.entries()) {
    const at = (field: string, message: string) =>
      problems.push({ field: `questions.${i}.${field}`, message: `question "${q.key}": ${message}` });
    const items = q.items ?? [];
    if (NEEDS_ITEMS.has(q.type) && items.length < (q.type === "scale" ? 2 : 1))
      at("items", `a ${q.type} question needs items`);
    if (!NEEDS_ITEMS.has(q.type) && items.length) at("items", `a ${q.type} question takes no items`);
    if (new Set(items.map((it) => it.key)).size !== items.length) at("items", "an item key is used twice");
    if (q.type !== "checkbox" && items.some((it) => it.unique))
      at("items", "only checkbox items can be unique");
    if (q.type === "scale" && items.some((it) => !/^-?\d+$/.test(it.key))) {
      at("items", "a scale's items are its whole-number ends (keys such as 1 and 5)");
    }
    if (q.type === "dateofbirth" && !q.dateFormat) at("dateFormat", "a date of birth needs a date format");
    const allowed = answerValues(q);
    for (const list of ["oneOf", "noneOf"] as const) {
      const unknown = allowed && (q.criteria?.[list] ?? []).filter((v) => !allowed.includes(v));
      if (unknown?.length) at(`criteria.${list}`, `names answers it cannot have: ${unknown.join(", ")}`);
    }
    if (q.visibleIf) {
      try {
        const condition = parseCondition(q.visibleIf);
        for (const read of keysOf(condition)) {
          if (read === q.key) at("visibleIf", "cannot depend on its own answer");
          else if (!keys.includes(read)) at("visibleIf", `reads answer.${read}, which no question has`);
        }
      } catch (error) {
        if (!(error instanceof ConditionError)) throw error;
        at("visibleIf", `the condition ${error.message}`);
      }
    }
  }
  if (problems.length) throw badInput(problems);
  return content;
}

/** The locale a candidate asked for as the questionnaire has it: exact, then by language, then the fallback. */
export function resolveLocale(content: QuestionnaireContent, requested: string | null | undefined) {
  let tag: string | undefined;
  try {
    tag = requested ? Intl.getCanonicalLocales(requested)[0] : undefined;
  } catch {
    tag = undefined;
  }
  const language = tag?.split("-")[0];
  return (
    content.locales.find((l) => l.tag === tag) ??
    content.locales.find((l) => l.tag.split("-")[0] === language) ??
    content.locales.find((l) => l.tag === content.fallbackLocale)!
  );
}

/** `over` laid on `base`: objects merged key by key, anything else (texts, arrays) replaced. */
function overlay(base: Record<string, unknown>, over: Record<string, unknown> = {}): Record<string, unknown> {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  return Object.fromEntries(
    [...new Set([...Object.keys(base), ...Object.keys(over)])].map((key) => {
      const [b, o] = [base[key], over[key]];
      return [key, isObject(b) && isObject(o) ? overlay(b, o) : key in over ? o : b];
    }),
  );
}

/** A text in `locale`, else in the fallback locale, else empty. */
const inLocale = (content: QuestionnaireContent, locale: string) => (text: Localized | undefined) =>
  text?.[locale] ?? text?.[content.fallbackLocale] ?? "";

/**
 * The questionnaire as seed 002's GET /rest/v1/studies/{studyId}/questionnaire writes it, in one locale: study,
 * text direction, questions, consent (with its criteria: data consent required), config (with the locale's
 * configByLocale laid on it) and messages.
 */
export function renderQuestionnaire(studyId: string, content: QuestionnaireContent, requested: string) {
  const locale = resolveLocale(content, requested);
  const t = inLocale(content, locale.tag);
  const requiredConsents = content.consentQuestions.filter((c) => c.type === "dataconsent");
  // Versions saved before configByLocale existed have none.
  const byLocale: Partial<QuestionnaireContent["configByLocale"]> = content.configByLocale ?? {};
  return {
    study: { id: studyId, publicStudyName: t(content.publicStudyName) },
    locale: locale.tag,
    textDirection: locale.direction,
    questions: content.questions.map((q) => ({
      id: q.key,
      type: q.type,
      question: t(q.text),
      description: t(q.description),
      key: q.key,
      options: q.dateFormat ? { dateFormat: q.dateFormat } : {},
      items: q.items?.length
        ? q.items.map((it) => ({
            key: it.key,
            label: t(it.label),
            inlineText: null,
            unique: it.unique || null,
            maxLength: it.maxLength ?? null,
          }))
        : null,
      visibleIf: q.visibleIf,
    })),
    consent: {
      id: studyId,
      questions: content.consentQuestions.map((c) => ({
        id: c.key,
        type: c.type,
        question: t(c.text),
        description: t(c.description),
        key: c.key,
        options: {},
        items: null,
        visibleIf: null,
      })),
      criteria: JSON.stringify(
        requiredConsents.length
          ? [
              {
                criteria: Object.fromEntries(requiredConsents.map((c) => [c.key, "true"])),
                studyIds: [studyId],
              },
            ]
          : [],
      ),
    },
    // Each message and config text in the locale, else in the fallback locale, else config's own.
    config: overlay(overlay(content.config, byLocale[content.fallbackLocale]), byLocale[locale.tag]),
    messages: { ...content.messages[content.fallbackLocale], ...content.messages[locale.tag] },
  };
}
