import { randomUUID } from "node:crypto";
import type http from "node:http";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Database } from "../db/connection.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import { isExpectedError } from "../schema/core/errors.js";
import { closeLiveMessages } from "../schema/messaging/live.js";
import { createContext } from "./context.js";
import { MAX_COST, operationCost, tooComplex } from "./cost.js";
import { logUnexpected } from "./errors.js";
import { MAX_TOKENS } from "./limits.js";
import type { Logger } from "./logger.js";
import {
  isTrusted,
  mayRunAnyDocument,
  TRUSTED_DOCUMENT_REQUIRED,
  type TrustedDocuments,
} from "./trusted-documents.js";

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the HTTP server's own port and path, /graphql.
 * A connection authenticates with `connectionParams: { authorization: "Bearer <token>" }`, or a subscription with
 * `extensions: { headers: { Authorization: "Bearer <token>" } }` (as GraphiQL sends its Headers tab); each gets a
 * context like an HTTP request's and runs against the same shielded schema, with the same validation
 * and cost limits. Under TRUSTED_DOCUMENTS=required a subscription's text must be a trusted document's, exactly (the
 * protocol carries no document ids), unless the caller may run any document.
 */
export function serveSubscriptions(deps: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  config: Config;
  db: Database;
  log: Logger;
  trusted: TrustedDocuments;
  validationRules?: readonly unknown[];
}) {
  const { httpServer, schema, config, db, log, trusted } = deps;
  const wss = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const rules = [...specifiedRules, ...((deps.validationRules ?? []) as typeof specifiedRules)];
  const server = useServer(
    {
      schema,
      // Parsed, validated and given its context here rather than by graphql-ws, so that a refusal carries a code as
      // over HTTP, hides field suggestions and keeps the token limit, and neither a malformed document nor a failing
      // context closes the socket (graphql-ws would also print the error, unredacted, to the console).
      onSubscribe: async ({ connectionParams }, _id, payload) => {
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: MAX_TOKENS });
        } catch (error) {
          return [refusal(error, "GRAPHQL_PARSE_FAILED", config.fieldSuggestions)];
        }
        const errors = validate(schema, document, rules);
        if (errors.length)
          return errors.map((error) => refusal(error, "GRAPHQL_VALIDATION_FAILED", config.fieldSuggestions));
        const operation = getOperationAST(document, payload.operationName);
        const cost = operation && operationCost(schema, document, operation, payload.variables ?? {});
        if (cost && cost > MAX_COST) return [tooComplex(cost)];
        const authorization =
          authorizationIn(connectionParams) ?? authorizationIn(payload.extensions?.headers);
        const requestId = randomUUID();
        try {
          const contextValue = await createContext({ config, db }, { authorization, requestId });
          const mayRun =
            config.TRUSTED_DOCUMENTS !== "required" ||
            isTrusted(trusted, payload.query) ||
            mayRunAnyDocument(contextValue);
          if (!mayRun)
            return [
              new GraphQLError(TRUSTED_DOCUMENT_REQUIRED, {
                extensions: { code: "TRUSTED_DOCUMENT_REQUIRED" },
              }),
            ];
          const { operationName, variables: variableValues } = payload;
          return { schema, document, operationName, variableValues, contextValue };
        } catch (error) {
          logUnexpected(log, requestId, error);
          return [new GraphQLError(UNEXPECTED, { extensions: { code: "INTERNAL_SERVER_ERROR" } })];
        }
      },
      // As over HTTP: expected failures keep their code and message, anything else is logged and hidden.
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors?.length) return;
        const { requestId } = args.contextValue as Context;
        return {
          ...result,
          errors: result.errors.map((error) => {
            if (isExpectedError(error.extensions?.code)) return error.toJSON();
            logUnexpected(log, requestId, error);
            return {
              message: UNEXPECTED,
              path: error.path,
              extensions: { code: "INTERNAL_SERVER_ERROR" },
            };
          }),
        };
      },
    },
    wss,
  );
  return {
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await closeLiveMessages(db);
    },
  };
}

/** The `authorization` entry of connection params or headers, whatever its case. */
function authorizationIn(entries: unknown): string | undefined {
  if (!entries || typeof entries !== "object") return undefined;
  for (const [key, value] of Object.entries(entries))
    if (key.toLowerCase() === "authorization" && typeof value === "string") return value;
  return undefined;
}

const UNEXPECTED = "Something went wrong on our side.";

/**
 * A parse or validation error as answered: its code, and "did you mean" only where suggestions are shown
 * (graphql-armor's mask over HTTP).
 */
function refusal(error: unknown, code: string, suggestions: boolean): GraphQLError {
  const { message, nodes, source, positions } =
    error instanceof GraphQLError ? error : new GraphQLError(String(error));
  const shown = suggestions ? message : message.replace(/Did you mean ".+"\?/g, "[Suggestion hidden]").trim();
  return new GraphQLError(shown, { nodes, source, positions, extensions: { code } });
}
