import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

/**
 * The id of a document of clients/typed (`sha256:<hex>`, codegen's `__meta__.hash`): what an app sends as
 * `documentId`, or, without its `sha256:` prefix, as Apollo's `extensions.persistedQuery.sha256Hash`.
 */
export function documentId(document: TypedDocumentNode<unknown, never> | object): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== "string") throw new Error("Not a document of clients/typed: it carries no hash.");
  return hash;
}

/** The body of a POST to /graphql naming a trusted document by its id, its variables typed by the document. */
export const persistedRequest = <R, V>(document: TypedDocumentNode<R, V>, variables: V) => ({
  documentId: documentId(document),
  variables,
});
