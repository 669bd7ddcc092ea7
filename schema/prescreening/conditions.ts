import jsep, { type Expression } from "jsep";

/**
 * A question's `visibleIf`, in the seed's syntax (`answer.diagnosis == 'true'`), parsed by jsep into this small
 * tree and evaluated by walking it: nothing is ever run as code. Supported: `answer.<key>`, string, number and
 * boolean literals, `==` `!=` `<` `<=` `>` `>=`, `&&` `||` `!`, parentheses, `<value> in [<literals>]`, and
 * `age(answer.<dateofbirth key>)` (full years, today).
 */
export type Condition =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "answer"; key: string }
  | { kind: "age"; of: Condition }
  | { kind: "not"; operand: Condition }
  | { kind: "and" | "or"; left: Condition; right: Condition }
  | { kind: "compare"; op: CompareOp; left: Condition; right: Condition }
  | { kind: "in"; value: Condition; list: (string | number | boolean | null)[] };

type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
const COMPARE_OPS = new Set<string>(["==", "!=", "<", "<=", ">", ">="]);

jsep.addBinaryOp("in", 7);

/** Why a condition was refused: a message a questionnaire's editor can act on. */
export class ConditionError extends Error {}

/** The answer a condition reads: a string (yes/no as "true"/"false"), or the selected keys of a checkbox. */
export type AnswerValue = string | string[] | undefined;

const MAX_LENGTH = 1000;

/** Parses a condition; ConditionError when it does not parse or uses anything outside the supported syntax. */
export function parseCondition(source: string): Condition {
  if (source.length > MAX_LENGTH) throw new ConditionError(`is longer than ${MAX_LENGTH} characters`);
  let tree: Expression;
  try {
    tree = jsep(source);
  } catch (error) {
    throw new ConditionError(`does not parse: ${(error as Error).message}`);
  }
  return convert(tree);
}

function convert(node: Expression): Condition {
  switch (node.type) {
    case "Literal": {
      const value = node.value as unknown;
      if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
        return { kind: "literal", value: value as string | number | boolean | null };
      }
      throw new ConditionError(`has an unsupported literal ${String(node.raw)}`);
    }
    case "MemberExpression": {
      const object = node.object as Expression;
      const property = node.property as Expression;
      if (
        object.type === "Identifier" &&
        object.name === "answer" &&
        !node.computed &&
        property.type === "Identifier"
      ) {
        return { kind: "answer", key: property.name as string };
      }
      throw new ConditionError("may read only answer.<key>");
    }
    case "CallExpression": {
      const callee = node.callee as Expression;
      const args = node.arguments as Expression[];
      if (callee.type === "Identifier" && callee.name === "age" && args.length === 1) {
        return { kind: "age", of: convert(args[0]!) };
      }
      throw new ConditionError("may call only age(answer.<key>)");
    }
    case "UnaryExpression":
      if (node.operator === "!") return { kind: "not", operand: convert(node.argument as Expression) };
      if (node.operator === "-" && (node.argument as Expression).type === "Literal") {
        const value = (node.argument as Expression).value;
        if (typeof value === "number") return { kind: "literal", value: -value };
      }
      throw new ConditionError(`has an unsupported operator ${String(node.operator)}`);
    case "BinaryExpression": {
      const op = node.operator as string;
      const left = node.left as Expression;
      const right = node.right as Expression;
      if (op === "&&" || op === "||") {
        return { kind: op === "&&" ? "and" : "or", left: convert(left), right: convert(right) };
      }
      if (COMPARE_OPS.has(op))
        return { kind: "compare", op: op as CompareOp, left: convert(left), right: convert(right) };
      if (op === "in") {
        if (right.type !== "ArrayExpression")
          throw new ConditionError("needs a list after in: x in ['a', 'b']");
        const list = (right.elements as (Expression | null)[]).map((element) => {
          const item = element ? convert(element) : null;
          if (item?.kind !== "literal") throw new ConditionError("may list only literals after in");
          return item.value;
        });
        return { kind: "in", value: convert(left), list };
      }
      throw new ConditionError(`has an unsupported operator ${op}`);
    }
    default:
      throw new ConditionError(`has an unsupported expression (${node.type})`);
  }
}

/** The answer keys a condition reads. */
export function keysOf(condition: Condition): string[] {
  switch (condition.kind) {
    case "answer":
      return [condition.key];
    case "literal":
      return [];
    case "age":
      return keysOf(condition.of);
    case "not":
      return keysOf(condition.operand);
    case "in":
      return keysOf(condition.value);
    default:
      return [...keysOf(condition.left), ...keysOf(condition.right)];
  }
}

type Value = string | number | boolean | null | undefined | string[];

/**
 * Full years since a date of birth given as yyyy, yyyy-MM or yyyy-MM-dd (a year alone counts from 1 January, so
 * a candidate is as old as they will be this year); undefined for anything else.
 */
export function ageFrom(dateOfBirth: Value, today: Date = new Date()): number | undefined {
  if (typeof dateOfBirth !== "string") return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(dateOfBirth);
  if (!match) return undefined;
  const [year, month = 1, day = 1] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth() + 1;
  const d = today.getUTCDate();
  return y - year - (m < month || (m === month && d < day) ? 1 : 0);
}

const truthy = (value: Value): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : value === true ||
      (typeof value === "number" && value !== 0) ||
      (typeof value === "string" && value !== "" && value !== "false");

const asNumber = (value: Value): number | undefined => {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
};

/** Equality as the seed writes it: 'true' equals a yes, 2 equals "2"; a checkbox equals any key it selected. */
function equals(left: Value, right: Value): boolean {
  if (left === undefined || right === undefined) return false;
  if (Array.isArray(left)) return right !== null && left.includes(String(right));
  if (Array.isArray(right)) return equals(right, left);
  return String(left) === String(right);
}

function evaluateValue(condition: Condition, answers: Record<string, AnswerValue>, today: Date): Value {
  switch (condition.kind) {
    case "literal":
      return condition.value;
    case "answer":
      return answers[condition.key];
    case "age":
      return ageFrom(evaluateValue(condition.of, answers, today), today);
    case "not":
      return !truthy(evaluateValue(condition.operand, answers, today));
    case "and":
      return (
        truthy(evaluateValue(condition.left, answers, today)) &&
        truthy(evaluateValue(condition.right, answers, today))
      );
    case "or":
      return (
        truthy(evaluateValue(condition.left, answers, today)) ||
        truthy(evaluateValue(condition.right, answers, today))
      );
    case "in": {
      const value = evaluateValue(condition.value, answers, today);
      if (value === undefined) return false;
      return condition.list.some((item) => equals(value, item));
    }
    case "compare": {
      const left = evaluateValue(condition.left, answers, today);
      const right = evaluateValue(condition.right, answers, today);
      if (condition.op === "==") return equals(left, right);
      if (condition.op === "!=") return !equals(left, right);
      const [a, b] = [asNumber(left), asNumber(right)];
      if (a === undefined || b === undefined) return false;
      if (condition.op === "<") return a < b;
      if (condition.op === "<=") return a <= b;
      if (condition.op === ">") return a > b;
      return a >= b;
    }
  }
}

/** Whether a condition holds for these answers (an unanswered key is neither equal nor comparable to anything). */
export function evaluateCondition(
  condition: Condition,
  answers: Record<string, AnswerValue>,
  today: Date = new Date(),
): boolean {
  return truthy(evaluateValue(condition, answers, today));
}
