import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import { checkViewer } from "../schema/accounts/sessions.js";
import type { Context } from "../schema/core/context.js";

/** Where `npm run codegen` writes the apps' trusted documents (sha256:<hex> → document), committed with the code. */
export const TRUSTED_DOCUMENTS_FILE = new URL("../clients/typed/persisted-documents.json", import.meta.url);

/** The trusted documents by their SHA-256 (hex), as every process reads them from the same committed file. */
export type TrustedDocuments = ReadonlyMap<string, string>;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const HASH = /^(?:sha256:)?([0-9a-f]{64})$/;

/**
 * Reads the manifest at start. Every entry must be the SHA-256 of its text: a hand-edited or stale entry stops the
 * process rather than trusting a document under another document's hash.
 */
export function loadTrustedDocuments(file: URL | string = TRUSTED_DOCUMENTS_FILE): TrustedDocuments {
  const entries = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(entries)) {
    const hash = HASH.exec(id)?.[1];
    if (!hash || typeof text !== "string" || sha256(text) !== hash)
      throw new Error(
        `Trusted documents: the entry ${id} of ${String(file)} is not sha256:<hex of its text>.`,
      );
    documents.set(hash, text);
  }
  return documents;
}

/** Whether `text` is, exactly, one of the trusted documents (as an app sends it over WebSocket, which has no ids). */
export const isTrusted = (documents: TrustedDocuments, text: string) => documents.has(sha256(text));

export type TrustedDocumentsMode = "off" | "allowed" | "required";

/** What a request sent: a POST's JSON body, or a GET's parameters (`extensions` as JSON text). */
export interface Sent {
  query?: unknown;
  extensions?: unknown;
  documentId?: unknown;
  /** A JSON array of operations (Apollo's batching, off here): admitted as a whole or not at all. */
  batch?: true;
}

/** The parts of an HTTP request to /graphql that say which document it runs. */
export function sentIn(req: { method: string; body?: unknown; query?: unknown }): Sent {
  if (req.method === "POST") {
    if (Array.isArray(req.body)) return { batch: true };
    return req.body && typeof req.body === "object" ? (req.body as Sent) : {};
  }
  const params = (req.query ?? {}) as Record<string, unknown>;
  let extensions: unknown;
  try {
    extensions = typeof params.extensions === "string" ? JSON.parse(params.extensions) : undefined;
  } catch {
    extensions = undefined; // Apollo refuses it as it stands.
  }
  return { query: params.query, extensions, documentId: params.documentId };
}

/**
 * The id a request names its document by, if any: `documentId` (GraphQL over HTTP's persisted documents, as
 * `sha256:<hex>`, in a POST body or a GET parameter) or Apollo's `extensions.persistedQuery.sha256Hash` (the hex
 * alone, as Apollo Client's persisted-queries link and Apollo Kotlin/iOS send it). "" for one that is no string.
 */
function idIn(sent: Sent): string | undefined {
  const apq = (sent.extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)
    ?.persistedQuery;
  if (apq) return typeof apq.sha256Hash === "string" ? apq.sha256Hash : "";
  if (sent.documentId !== undefined && sent.documentId !== null)
    return typeof sent.documentId === "string" ? sent.documentId : "";
  return undefined;
}

const refused = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

export const TRUSTED_DOCUMENT_REQUIRED =
  "This server runs only the apps' trusted documents: send the document's id (documentId or Apollo's persistedQuery hash) from clients/typed/persisted-documents.json. Admins signed in and API clients may send any document.";

/** Whether a caller may run a document that is not a trusted one under TRUSTED_DOCUMENTS=required. */
export const mayRunAnyDocument = (ctx: Context) =>
  // GraphiQL is for admins: the admin behind a switched user still types their own queries.
  Boolean(ctx.viewer?.realUserIsAdmin) ||
  // API clients write their own documents against their scopes; each request is costed, rate limited and logged.
  ctx.machine !== null;

/**
 * TRUSTED_DOCUMENTS, decided once the caller is known (server/app.ts calls it beside the request's context). `off`:
 * documents only (an id is PERSISTED_QUERY_NOT_SUPPORTED). `allowed`: a trusted document's id or any document.
 * `required`: a trusted document (by id, or its exact text), any document only for mayRunAnyDocument. An unknown id
 * is PERSISTED_QUERY_NOT_FOUND; an id beside a document that is not its text, BAD_REQUEST. Nothing is ever
 * registered (Apollo's own APQ, a per-process cache anyone may fill, is off), so "required" cannot be walked around
 * by sending a document with its hash. Each refusal is an HTTP 400 before the document is parsed.
 */
export async function admitDocument(
  mode: TrustedDocumentsMode,
  documents: TrustedDocuments,
  sent: Sent,
  ctx: Context,
): Promise<void> {
  // Who may send any document is decided on a viewer found now, never on one remembered (Context.viewerCheck).
  const mayRunAny = async () => {
    await checkViewer(ctx);
    return mayRunAnyDocument(ctx);
  };
  if (sent.batch) {
    // Should batching ever be turned on, its operations would pass here unseen: only those who may run any do.
    if (mode === "required" && !(await mayRunAny()))
      throw refused("TRUSTED_DOCUMENT_REQUIRED", TRUSTED_DOCUMENT_REQUIRED);
    return;
  }
  const id = idIn(sent);
  const query = typeof sent.query === "string" ? sent.query : undefined;
  if (id !== undefined) {
    if (mode === "off")
      throw refused(
        "PERSISTED_QUERY_NOT_SUPPORTED",
        "This server takes no document ids (TRUSTED_DOCUMENTS=off): send the document itself as `query`.",
      );
    const hash = HASH.exec(id)?.[1];
    if (query !== undefined && (!hash || sha256(query) !== hash))
      throw refused("BAD_REQUEST", "The document sent is not the one its id names (sha256 of its text).");
    if (hash && documents.has(hash)) return;
    if (query === undefined)
      throw refused(
        "PERSISTED_QUERY_NOT_FOUND",
        "No trusted document has this id: the app's operations are newer than this server's, or the id is wrong.",
      );
  }
  if (mode !== "required" || query === undefined) return;
  if (isTrusted(documents, query) || (await mayRunAny())) return;
  throw refused("TRUSTED_DOCUMENT_REQUIRED", TRUSTED_DOCUMENT_REQUIRED);
}

/**
 * Puts an admitted trusted document in place of its id, and drops the id of a document sent as text (Apollo, its
 * APQ off, would refuse the extension). Admission (admitDocument) has already refused what must be refused.
 */
export function trustedDocumentsPlugin(
  mode: TrustedDocumentsMode,
  documents: TrustedDocuments,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      if (mode === "off") return;
      const http = request.http;
      const id = idIn({
        extensions: request.extensions,
        documentId:
          http?.method === "GET"
            ? new URLSearchParams(http.search).get("documentId")
            : (http?.body as Sent | undefined)?.documentId,
      });
      if (id === undefined) return;
      const trusted = documents.get(HASH.exec(id)?.[1] ?? "");
      if (trusted !== undefined) request.query = trusted;
      if (request.query !== undefined && request.extensions) delete request.extensions.persistedQuery;
    },
  };
}
