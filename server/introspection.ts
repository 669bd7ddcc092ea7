import type { ApolloServerPlugin } from "@apollo/server";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  validate,
} from "graphql";
import { checkViewer } from "../schema/accounts/sessions.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";

/**
 * GRAPHQL_INTROSPECTION=admins: an operation querying the schema (__schema, __type, found by graphql-js's own rule)
 * from anyone but an admin is refused with FORBIDDEN. It is decided per request, after validation (whose results
 * Apollo caches per document, whoever asks), because the answer depends on the viewer.
 */
const introspectionForAdminsOnly: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, contextValue }) {
        if (!asksForSchema(schema, document)) return;
        // Decided on a viewer found now, not one remembered (Context.viewerCheck).
        await checkViewer(contextValue);
        if (contextValue.viewer?.isAdmin) return;
        throw new GraphQLError("Only admins may query the schema (__schema, __type) on this server.", {
          extensions: { code: "FORBIDDEN", http: { status: 403 } },
        });
      },
    };
  },
};

/** Whether a document queries the schema, walked once per document (Apollo hands the same one for the same text). */
const schemaQueries = new WeakMap<DocumentNode, boolean>();
function asksForSchema(schema: GraphQLSchema, document: DocumentNode) {
  let asks = schemaQueries.get(document);
  if (asks === undefined) {
    asks = validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0;
    schemaQueries.set(document, asks);
  }
  return asks;
}

/** Apollo's options for GRAPHQL_INTROSPECTION: "off" is Apollo's own switch (GRAPHQL_VALIDATION_FAILED). */
export const introspectionOptions = ({ introspection }: Config) => ({
  introspection: introspection !== "off",
  plugins: introspection === "admins" ? [introspectionForAdminsOnly] : [],
});

/** Over WebSocket, validated before any viewer is known, the schema can be queried only when introspection is on. */
export const webSocketIntrospectionRules = ({ introspection }: Config) =>
  introspection === "on" ? [] : [NoSchemaIntrospectionCustomRule];
