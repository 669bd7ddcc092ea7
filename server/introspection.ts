import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from "graphql";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";

/**
 * GRAPHQL_INTROSPECTION=admins: an operation querying the schema (__schema, __type, found by graphql-js's own rule)
 * from anyone but an admin is refused with FORBIDDEN. It is decided per request, after validation (whose results
 * Apollo caches per document, whoever asks), because the answer depends on the viewer.
 */
const introspectionForAdminsOnly: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    if (contextValue.viewer?.isAdmin) return;
    return {
      async didResolveOperation({ schema, document }) {
        if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length === 0) return;
        throw new GraphQLError("Only admins may query the schema (__schema, __type) on this server.", {
          extensions: { code: "FORBIDDEN", http: { status: 403 } },
        });
      },
    };
  },
};

/** Apollo's options for GRAPHQL_INTROSPECTION: "off" is Apollo's own switch (GRAPHQL_VALIDATION_FAILED). */
export const introspectionOptions = ({ introspection }: Config) => ({
  introspection: introspection !== "off",
  plugins: introspection === "admins" ? [introspectionForAdminsOnly] : [],
});

/** Over WebSocket, validated before any viewer is known, the schema can be queried only when introspection is on. */
export const webSocketIntrospectionRules = ({ introspection }: Config) =>
  introspection === "on" ? [] : [NoSchemaIntrospectionCustomRule];
