import type { ApolloServerPlugin } from "@apollo/server";
import { PothosValidationError } from "@pothos/core";
import { type DocumentNode, type GraphQLError, valueFromASTUntyped, visit } from "graphql";
import { badInput, ErrorCode, type FieldProblem } from "../schema/core/errors.js";

/**
 * Why a text cannot be taken, if it cannot: PostgreSQL stores no NUL in text, and half of a UTF-16 surrogate pair
 * is not text at all (it cannot be encoded as UTF-8).
 */
function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain the NUL character (U+0000).";
  if (/\p{Surrogate}/u.test(text)) return "must be valid Unicode text (it holds half of a surrogate pair).";
  return null;
}

/** Every unusable text inside a value (at any depth of objects and lists), with its path from `path`. */
function* textProblems(value: unknown, path: string): Generator<FieldProblem> {
  if (typeof value === "string") {
    const message = textProblem(value);
    if (message) yield { field: path, message };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* textProblems(item, `${path}.${index}`);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) yield* textProblems(item, `${path}.${key}`);
  }
}

/** Unusable texts in a document's literals, found once per document (Apollo hands the same one for the same text). */
const documentProblems = new WeakMap<DocumentNode, FieldProblem[]>();
function literalProblems(document: DocumentNode): FieldProblem[] {
  let problems = documentProblems.get(document);
  if (problems) return problems;
  const found: FieldProblem[] = [];
  visit(document, {
    Argument: (node) => {
      found.push(...textProblems(valueFromASTUntyped(node.value), node.name.value));
    },
    VariableDefinition: (node) => {
      if (node.defaultValue)
        found.push(...textProblems(valueFromASTUntyped(node.defaultValue), node.variable.name.value));
    },
  });
  problems = found;
  documentProblems.set(document, problems);
  return problems;
}

/**
 * Mistakes in the input that libraries report without a code: Pothos's (a global id of another type than the
 * field takes) and graphql-js's, when the variables hold more problems than it lists.
 */
const isLibraryInputError = (error: GraphQLError) =>
  error.originalError instanceof PothosValidationError ||
  error.message === "Too many errors processing variables, error limit reached. Execution aborted.";

/**
 * Input mistakes are BAD_USER_INPUT, not server errors. One rule for every text input: before anything runs, the
 * operation's literals (arguments, at any depth, and variables' defaults) and its variables are refused, naming
 * each field's path, when they hold text PostgreSQL would refuse. And input errors raised by libraries get the
 * code they lack.
 */
export const inputHygiene: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request }) {
        const problems = [...literalProblems(document)];
        for (const definition of operation?.variableDefinitions ?? []) {
          const name = definition.variable.name.value;
          problems.push(...textProblems(request.variables?.[name], name));
        }
        if (problems.length) throw badInput(problems, { http: { status: 400 } });
      },
      // Runs before the errors are formatted, so the code set here is the one the client sees.
      async didEncounterErrors({ errors }) {
        for (const error of errors)
          if (error.extensions.code === undefined && isLibraryInputError(error))
            error.extensions.code = ErrorCode.BAD_USER_INPUT;
      },
    };
  },
};
