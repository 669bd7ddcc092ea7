import { randomUUID } from "node:crypto";
import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  printSchema,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { checkViewer, viewerStillSql } from "../schema/accounts/sessions.js";
import type { Context, ViewerCheck } from "../schema/core/context.js";
import { readByPlan, VIEWER_CHANGED } from "../schema/core/read-plans.js";
import { inSpan, REQUEST_ID_ATTRIBUTE } from "./telemetry.js";

/** How many compiled operations a process keeps (least recently used go first). */
const COMPILED_OPERATIONS = 500;

/**
 * Executes operations with graphql-jit instead of graphql-js: each distinct operation is compiled once into a
 * function that walks the selection set and calls the schema's own resolvers (so the shield rules, loaders and
 * errors are the same), several times faster than graphql-js on the large nested answers dashboards ask for.
 * Apollo takes a custom executor only through its gateway interface; this "gateway" serves the local schema as it
 * is, so parsing, validation, the limits and every plugin stay Apollo's.
 */
export function compiledExecution(schema: GraphQLSchema): ApolloServerOptionsWithGateway<Context>["gateway"] {
  const compiled = new Map<string, CompiledQuery>();
  const compile = (key: string, document: DocumentNode, operationName: string | null) => {
    let query = compiled.get(key);
    if (query) {
      // Map keeps insertion order: re-inserting marks it the most recently used.
      compiled.delete(key);
      compiled.set(key, query);
      return query;
    }
    const result = compileQuery(schema, document, operationName ?? undefined);
    if (!isCompiledQuery(result)) return result;
    query = result;
    compiled.set(key, query);
    if (compiled.size > COMPILED_OPERATIONS) compiled.delete(compiled.keys().next().value as string);
    return query;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return {
        async executor(request) {
          const key = `${request.queryHash}:${request.operationName ?? ""}`;
          const query = compile(key, request.document, request.operationName);
          if (!("query" in query)) return query;
          // graphql-js checks the variables first, so a bad one is refused with graphql-js's own error, which
          // Apollo answers as BAD_USER_INPUT (graphql-jit words and places its errors differently).
          const variables = request.request.variables ?? {};
          const checked = getVariableValues(schema, request.operation.variableDefinitions ?? [], variables, {
            maxErrors: 50,
          });
          if (checked.errors) return { errors: checked.errors };
          // When tracing, the operation is a span, and the SQL its resolvers send nests beneath it.
          const type = request.operation.operation;
          const result = await inSpan(
            `${type} ${request.operationName ?? "anonymous"}`,
            {
              "graphql.operation.type": type,
              "graphql.operation.name": request.operationName ?? "",
              [REQUEST_ID_ATTRIBUTE]: request.context.requestId,
            },
            async () => {
              const context = request.context as Context;
              const planned = await plannedAnswer(
                schema,
                key,
                context,
                request.document,
                request.operation,
                checked.coerced,
              );
              if (planned) return planned;
              // The resolvers decide on a viewer found now (a planned read's statement checked its own).
              await checkViewer(context);
              return query.query(undefined, context, variables);
            },
          );
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
        },
      };
    },
    async stop() {},
  };
}

/**
 * The answer of one statement that builds the whole document, when plans are on and the query has one
 * (schema/core/read-plans.ts); null to resolve it field by field.
 */
async function plannedAnswer(
  schema: GraphQLSchema,
  documentKey: string,
  context: Context,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Promise<ExecutionResult | null> {
  if (!context.config.readPlans) return null;
  const fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  // A remembered viewer is planned for and checked by the same statement: one statement, not two; and the
  // statement is kept for the same query, variables and viewer. When the check fails, the viewer is found again
  // and the read planned (and kept) for whoever that is.
  const reuseOf = (check: ViewerCheck) =>
    [documentKey, JSON.stringify(variables), viewerKey(check)].join("\n");
  const plan = (check: ViewerCheck | null | undefined) =>
    readByPlan(
      context,
      schema,
      operation,
      fragments,
      variables,
      check ? { viewerStill: () => viewerStillSql(check, context.config), reuse: reuseOf(check) } : {},
    );
  let check: ViewerCheck | null | undefined = context.viewerCheck;
  let text = await plan(check);
  if (text === VIEWER_CHANGED) {
    check = await checkViewer(context);
    text = await plan(check);
  } else if (text !== null) context.viewerCheck = undefined;
  if (text === null || text === VIEWER_CHANGED) return null;
  plannedData.set(context.requestId, {
    text,
    kept: check ? { reuse: reuseOf(check), viewer: viewerKey(check) } : null,
  });
  return { data: PLANNED as unknown as Record<string, unknown> };
}

/** Names a viewer as a kept statement checks them: their session's token and what it gave them (ViewerCheck). */
export const viewerKey = (check: ViewerCheck) =>
  `${check.tokenHash.toString("base64")}\n${check.fingerprint}`;

/*
 * A planned answer's data is already JSON text, ~300 KB for a dashboard: parsing it for Apollo to write it out
 * again cost a third of the request. So Apollo writes a marker in its place and the text is spliced into the body
 * as it is sent (splicePlannedData). No plugin reads a planned answer's data (people's queries only; the API request
 * log, which counts data, is for API clients). Apollo hands the executor a context of its own making, so the text
 * is kept by request id until the response is sent or closed.
 */
const plannedData = new Map<string, { text: string; kept: KeptRead | null }>();

/** A planned answer's statement as kept (schema/core/read-plans.ts): its key, and the viewer it checks. */
export interface KeptRead {
  reuse: string;
  viewer: string;
}

/** The statement request `requestId`'s planned answer was read by, as kept for its viewer; null if none. */
export const keptReadOf = (requestId: string) => plannedData.get(requestId)?.kept ?? null;
const MARKER = `read-plan:${randomUUID()}`;
const PLANNED = { toJSON: () => MARKER };

/** The response body with the planned data of request `requestId`, if it had any, in its place. */
export function splicePlannedData(requestId: string, body: string): string {
  const text = plannedData.get(requestId)?.text;
  if (text === undefined) return body;
  plannedData.delete(requestId);
  // A function as the replacement: the text is inserted as it is ($ has no special meaning).
  return body.replace(`"data":"${MARKER}"`, () => `"data":${text}`);
}

/** Drops what a request planned once its response is done, sent or not. */
export const forgetPlannedData = (requestId: string) => plannedData.delete(requestId);

/**
 * graphql-jit's errors imitate graphql-js's but leave `extensions` out when there are none, where Apollo expects
 * an object: they are made again as graphql-js makes them, same message, path, locations and cause.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const remade = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  Object.defineProperty(remade, "locations", {
    value: error.locations,
    enumerable: error.locations !== undefined,
  });
  return remade;
}
