import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from "@apollo/server";
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  GraphQLInt,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
} from "graphql";
import type { Context } from "../schema/core/context.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../schema/core/pagination.js";

/**
 * The largest cost an operation may have. The trial dashboard of the README (a trial's sites, their enrollments,
 * each participant and their first 100 payments) costs 3,030,201: its plain lists count as 100 items each.
 */
export const MAX_COST = 5_000_000;

type Variables = Record<string, unknown>;

/**
 * What an operation costs: the most objects its answer can hold, computed from the document and its variables
 * alone, so that `first: 50` costs the same written in the query or passed as `$first`. Each field returning an
 * object counts once for every object it may return: a connection (a field taking `first`/`last`) returns its
 * page size, `first` or `last` (DEFAULT_PAGE_SIZE when neither is given), and the lists directly inside it (edges,
 * nodes) have that size; any other list counts as MAX_PAGE_SIZE items. Scalars, enums, `__typename` and the
 * schema's introspection cost nothing. Alternatives (inline fragments on several types, @skip/@include) all count:
 * the cost bounds the answer before anything runs.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Variables = {},
): number {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  // Variables that do not coerce are refused when the operation runs; until then their page sizes are defaults.
  const variables = coerced.coerced ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // A fragment's cost does not depend on where it is spread: each is walked once.
  const fragmentCosts = new Map<string, number>();

  const selectionCost = (type: GraphQLCompositeType, set: SelectionSetNode, listSize: number): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(type, selection, listSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) cost += selectionCost(on, selection.selectionSet, listSize);
      } else {
        const name = selection.name.value;
        let known = fragmentCosts.get(`${name}/${listSize}`);
        if (known === undefined) {
          const fragment = fragments.get(name);
          const on = fragment && schema.getType(fragment.typeCondition.name.value);
          known = on && isCompositeType(on) ? selectionCost(on, fragment.selectionSet, listSize) : 0;
          fragmentCosts.set(`${name}/${listSize}`, known);
        }
        cost += known;
      }
    }
    return cost;
  };

  const fieldCost = (parent: GraphQLCompositeType, node: FieldNode, listSize: number): number => {
    if (node.name.value.startsWith("__") || !node.selectionSet) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = parent.getFields()[node.name.value];
    const type = field && getNamedType(field.type);
    if (!field || !type || !isCompositeType(type)) return 0;
    const isConnection = field.args.some((arg) => arg.name === "first" || arg.name === "last");
    const pageSize = isConnection ? pageSizeOf(node, variables) : MAX_PAGE_SIZE;
    const each = 1 + selectionCost(type, node.selectionSet, pageSize);
    return (isListType(getNullableType(field.type)) ? listSize : 1) * each;
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(root, operation.selectionSet, MAX_PAGE_SIZE) : 0;
}

/** The rows a connection returns: `first`, else `last`, else the default, within what a page may hold. */
function pageSizeOf(node: FieldNode, variables: Variables): number {
  const argument = (name: string) => {
    const given = node.arguments?.find((a) => a.name.value === name);
    const value = given && valueFromAST(given.value, GraphQLInt, variables);
    return typeof value === "number" ? value : undefined;
  };
  const size = argument("first") ?? argument("last") ?? DEFAULT_PAGE_SIZE;
  // A larger page is refused when the connection runs (BAD_USER_INPUT naming the argument): no answer holds more.
  return Math.min(Math.max(size, 0), MAX_PAGE_SIZE);
}

/*
 * Costs already computed, by document (Apollo hands the same one for the same text) and then by operation and
 * variables: an app asks the same few queries over and over.
 */
const costs = new WeakMap<DocumentNode, Map<string, number>>();
const COSTS_PER_DOCUMENT = 100;

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables | undefined,
): number {
  let known = costs.get(document);
  if (!known) {
    known = new Map();
    costs.set(document, known);
  }
  const key = `${operation.name?.value ?? ""}\n${JSON.stringify(variables ?? {})}`;
  let cost = known.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, operation, variables);
    if (known.size >= COSTS_PER_DOCUMENT) known.clear();
    // Large variables (a batch of payments) are not kept: they are not asked again.
    if (key.length <= 1000) known.set(key, cost);
  }
  return cost;
}

/** The refusal of an operation over the limit, with its figures; nothing of it has run. */
export const tooComplex = (cost: number) =>
  new GraphQLError(
    `This operation could return up to ${cost.toLocaleString("en")} objects; the limit is ` +
      `${MAX_COST.toLocaleString("en")}. Ask for smaller pages (first/last) or fewer nested lists.`,
    { extensions: { code: "QUERY_TOO_COMPLEX", cost, limit: MAX_COST, http: { status: 400 } } },
  );

/**
 * The cost limit over HTTP: an operation over MAX_COST is refused before it runs, and every answer reports
 * `extensions.cost: { requested, limit }` (as GitHub and Shopify do) so a client sees how near it is. An operation
 * within the limit is then charged its cost (`charge`: the rate limits, server/rate-limits.ts), which may refuse it.
 */
export function costLimit(
  charge: (cost: number, request: GraphQLRequestContextDidResolveOperation<Context>) => Promise<void>,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let requested: number | undefined;
      return {
        async didResolveOperation(request) {
          const { schema, document, operation } = request;
          if (!operation) return;
          requested = costOf(schema, document, operation, request.request.variables);
          if (requested > MAX_COST) throw tooComplex(requested);
          await charge(requested, request);
        },
        async willSendResponse({ response }) {
          if (requested === undefined || response.body.kind !== "single") return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { requested, limit: MAX_COST },
          };
        },
      };
    },
  };
}
