import type { ApolloServerPlugin } from "@apollo/server";
import { type GraphQLSchema, isEnumType } from "graphql";
import { checkViewer } from "../schema/accounts/sessions.js";
import type { Context, Viewer } from "../schema/core/context.js";

/**
 * Every response says who asked (as the spec's envelope did), the user type written as the schema's UserType enum
 * writes it, and carries the request id.
 */
export function describeResponse(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  const describe = viewerExtension(schema);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          // Refused before anything ran (invalid, too costly): the viewer remembered is checked before it is shown.
          if (contextValue) await checkViewer(contextValue);
          const viewer = contextValue?.viewer;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            requestId: contextValue?.requestId,
            viewer: viewer ? describe(viewer) : null,
          };
        },
      };
    },
  };
}

/** What writes `extensions.viewer` of an answer to a viewer. */
export function viewerExtension(schema: GraphQLSchema) {
  const userType = schema.getType("UserType");
  if (!isEnumType(userType)) throw new Error("The schema has no UserType enum.");
  return (viewer: Viewer) => ({
    userType: userType.serialize(viewer.userType),
    roles: viewer.roles,
    impersonating: viewer.userId !== viewer.realUserId,
  });
}
