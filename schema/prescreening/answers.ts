import { badInput } from "../core/errors.js";
import { type AnswerValue, ageFrom, evaluateCondition, parseCondition } from "./conditions.js";
import type { Question, QuestionnaireContent } from "./content.js";

const refuse = (q: Question, message: string) =>
  badInput([{ field: "answer", message: `question "${q.key}": ${message}` }]);

/** The keys set true in a radio button's or checkbox's answer: the seed's stringified JSON, '{"a": true}'. */
function selectedKeys(q: Question, answer: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch {
    // A radio button's answer may also be its item's key alone.
    if (q.type === "radiobutton") return [answer];
    throw refuse(q, 'must be a JSON object of the selected items, such as {"sinemet": true}');
  }
  if (typeof parsed === "string" && q.type === "radiobutton") return [parsed];
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw refuse(q, 'must be a JSON object of the selected items, such as {"sinemet": true}');
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.some(([, v]) => typeof v !== "boolean"))
    throw refuse(q, "each selected item must be true or false");
  return entries.filter(([, v]) => v === true).map(([k]) => k);
}

const DATE_PATTERNS = { yyyy: /^\d{4}$/, "yyyy-MM": /^\d{4}-\d{2}$/, "yyyy-MM-dd": /^\d{4}-\d{2}-\d{2}$/ };

/**
 * An answer string checked against its question's type and items, as it is stored and conditions read it: yes/no
 * as "true"/"false", a radio button as its item key, a checkbox as its selected keys, numbers and dates as given.
 * BAD_USER_INPUT otherwise.
 */
export function normalizeAnswer(q: Question, raw: string, today = new Date()): AnswerValue {
  const answer = raw.trim();
  if (!answer) throw refuse(q, "is empty");
  switch (q.type) {
    case "yesno": {
      const value = answer.toLowerCase();
      if (["true", "yes"].includes(value)) return "true";
      if (["false", "no"].includes(value)) return "false";
      throw refuse(q, "must be Yes or No (true or false)");
    }
    case "dateofbirth": {
      const format = q.dateFormat ?? "yyyy-MM-dd";
      const age = ageFrom(answer, today);
      const real =
        format !== "yyyy-MM-dd" || new Date(`${answer}T00:00:00Z`).toISOString().slice(0, 10) === answer;
      if (!DATE_PATTERNS[format].test(answer) || age === undefined || !real || age < 0 || age > 130) {
        throw refuse(q, `must be a date of birth written ${format}`);
      }
      return answer;
    }
    case "radiobutton": {
      const keys = selectedKeys(q, answer);
      if (keys.length !== 1) throw refuse(q, "must select exactly one item");
      if (!q.items?.some((it) => it.key === keys[0])) throw refuse(q, `has no item "${keys[0]}"`);
      return keys[0];
    }
    case "checkbox": {
      const keys = selectedKeys(q, answer);
      if (!keys.length) throw refuse(q, "must select at least one item");
      const unknown = keys.filter((k) => !q.items?.some((it) => it.key === k));
      if (unknown.length) throw refuse(q, `has no item ${unknown.map((k) => `"${k}"`).join(", ")}`);
      const exclusive = q.items?.find((it) => it.unique && keys.includes(it.key));
      if (exclusive && keys.length > 1)
        throw refuse(q, `"${exclusive.key}" cannot be selected with another item`);
      return [...keys].sort();
    }
    case "scale": {
      const ends = (q.items ?? []).map((it) => Number(it.key));
      const value = Number(answer);
      if (!/^-?\d+$/.test(answer) || value < Math.min(...ends) || value > Math.max(...ends)) {
        throw refuse(q, `must be a whole number from ${Math.min(...ends)} to ${Math.max(...ends)}`);
      }
      return String(value);
    }
    case "number":
      if (!Number.isFinite(Number(answer))) throw refuse(q, "must be a number");
      return String(Number(answer));
    case "text":
      if (answer.length > 2000) throw refuse(q, "must be at most 2000 characters");
      return answer;
  }
}

export type Answers = Record<string, AnswerValue>;

/** Whether a question is shown, given the answers so far (its visibleIf holds, or it has none). */
export const isVisible = (q: Question, answers: Answers, today = new Date()) =>
  !q.visibleIf || evaluateCondition(parseCondition(q.visibleIf), answers, today);

/** Why one answer fails its question's criteria, or null when it passes. */
function failure(q: Question, answer: AnswerValue, today: Date): string | null {
  const c = q.criteria;
  if (!c) return null;
  if (answer === undefined) return `${q.key}: not answered`;
  const values = Array.isArray(answer) ? answer : [answer];
  if (c.oneOf?.length && !values.some((v) => c.oneOf!.includes(v)))
    return `${q.key}: must be one of ${c.oneOf.join(", ")}`;
  if (c.noneOf?.length && values.some((v) => c.noneOf!.includes(v)))
    return `${q.key}: must not be ${c.noneOf.join(", ")}`;
  const n = q.type === "dateofbirth" ? ageFrom(answer as string, today) : Number(answer);
  const what = q.type === "dateofbirth" ? "age" : "answer";
  if (c.min != null && !(n !== undefined && n >= c.min)) return `${q.key}: ${what} must be at least ${c.min}`;
  if (c.max != null && !(n !== undefined && n <= c.max)) return `${q.key}: ${what} must be at most ${c.max}`;
  return null;
}

/**
 * A candidate's standing against the criteria of the questions they are shown: eligible when every shown
 * question with criteria is answered and passes; `failing` lists each failing criterion (an unanswered one
 * included, so a partial questionnaire is not yet eligible).
 */
export function assessEligibility(content: QuestionnaireContent, answers: Answers, today = new Date()) {
  const failing = content.questions
    .filter((q) => isVisible(q, answers, today))
    .map((q) => failure(q, answers[q.key], today))
    .filter((f): f is string => f !== null);
  return { eligible: failing.length === 0, failing };
}
