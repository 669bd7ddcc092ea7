import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";

/** Tokens in one document: graphql-js's parse option, given to Apollo (parseOptions) and to subscriptions. */
export const MAX_TOKENS = 2000;

/**
 * Depth, alias, directive and token limits from graphql-armor (the cost limit is ours, server/cost.ts: armor's
 * cannot see variables). "Did you mean" field suggestions only where anyone may read the schema anyway
 * (config.fieldSuggestions). Aliases of __typename count too (armor lets them through by default): they cost no
 * resolver, but hundreds still cost parsing, validation and response bytes.
 */
export function armor(config: Config) {
  return new ApolloArmor({
    maxDepth: { n: 16, flattenFragments: true },
    costLimit: { enabled: false },
    maxAliases: { n: 15, allowList: [] },
    maxDirectives: { n: 20 },
    // Counted by graphql-js while parsing (Apollo's parseOptions, below), so that a document that does not parse
    // answers 400: armor counts them in a plugin hook, where Apollo answers any failure with 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !config.fieldSuggestions },
  }).protect();
}

/** Root fields a password guesser would alias many times in one request. */
const ONE_PER_REQUEST = new Set([
  "login",
  "resetPassword",
  "requestPasswordReset",
  "changePassword",
  "verifyEmail",
  "register",
]);

/**
 * One credential-checking field per request: aliases cannot turn one HTTP request into many guesses.
 * (Batched HTTP requests are off in Apollo; per-account lockout counts every attempt in the database anyway.)
 */
export const oneCredentialCheckPerRequest: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document }) {
        for (const [name, count] of rootFieldCounts(operation, document)) {
          if (ONE_PER_REQUEST.has(name) && count > 1)
            throw refusal(`Only one ${name} is allowed per request.`);
        }
      },
    };
  },
};

/**
 * Under an Idempotency-Key, one money mutation per request, refused before anything runs: the key names one
 * mutation's answer (schema/core/idempotency.ts), and a request half carried out would answer unclearly.
 */
export function oneMoneyMutationPerKey(moneyMutations: readonly string[]): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (contextValue.idempotencyKey === null) return;
          let count = 0;
          for (const [name, n] of rootFieldCounts(operation, document))
            if (moneyMutations.includes(name)) count += n;
          if (count > 1)
            throw refusal("An Idempotency-Key covers one money mutation: send each in a request of its own.");
        },
      };
    },
  };
}

const refusal = (message: string) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });

/** How many times each root field is asked for in the operation. */
function rootFieldCounts(operation: OperationDefinitionNode | undefined, document: DocumentNode) {
  const counts = new Map<string, number>();
  if (!operation) return counts;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  countRootFields(operation.selectionSet, fragments, counts);
  return counts;
}

/** Counts root field names, looking through inline fragments and fragment spreads. */
function countRootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  counts: Map<string, number>,
  seen = new Set<string>(),
) {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      counts.set(selection.name.value, (counts.get(selection.name.value) ?? 0) + 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      countRootFields(selection.selectionSet, fragments, counts, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value)) {
        seen.add(fragment.name.value);
        countRootFields(fragment.selectionSet, fragments, counts, seen);
      }
    }
  }
}
