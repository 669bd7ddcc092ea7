import type { ApolloServerPlugin } from "@apollo/server";
import accepts from "accepts";
import type { GraphQLSchema } from "graphql";
import type { Database } from "../db/connection.js";
import { findViewer, rememberedViewer } from "../schema/accounts/sessions.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import { readKept, VIEWER_CHANGED } from "../schema/core/read-plans.js";
import { bearerToken } from "./context.js";
import { type KeptRead, keptReadOf, viewerKey } from "./executor.js";
import { readBodyAhead, type Step } from "./http-layer.js";
import { recordAnswer } from "./metrics.js";
import { viewerExtension } from "./response-extensions.js";
import { currentRequest, inSpan, REQUEST_ID_ATTRIBUTE } from "./telemetry.js";

/*
 * Kept answers: a query a person's session has had answered by a kept statement (a read plan kept for the same
 * query, variables and viewer: executor.ts, schema/core/read-plans.ts) is answered by that statement again as soon
 * as its body is read, without Apollo's request pipeline, which was a third of a small read's CPU (the trial list:
 * 0.48 ms a request, 0.33 without it). It answers what Apollo would, byte for byte but the request id:
 *
 * - everything Apollo's plugins decided for it (the limits, the cost limit and the cost it reports, input hygiene,
 *   trusted documents, introspection) depends on the document, its variables and the viewer alone: they passed it
 *   for the same ones, and what they added to the answer's extensions is kept with it; a person's session is never
 *   rate limited (rate-limits.ts), so nothing is charged either way;
 * - the statement checks, as it does under Apollo, that the session still gives exactly the viewer it was kept for
 *   and that their grants and what lies above them are unchanged; when anything has changed (or the statement
 *   fails), nothing was read and the request goes on to Apollo, which finds the viewer again and plans anew;
 * - the request keeps its id, access line, metrics, CORS and compression: those are the HTTP layer's, before both
 *   (http-layer.ts), which is also why it is answered before Express's router.
 *
 * Only what is surely the same is taken: a POST of JSON with `query` and at most `operationName` and `variables`,
 * from a session (never an API client's token), answered as JSON. Anything else goes to Apollo.
 */

/** How many requests a process knows the kept statement of (least recently used go first). */
const KEPT_ANSWERS = 1000;
/** Requests longer than this (a query with large variables) are not kept: they are rarely asked again. */
const LONGEST_KEY = 10_000;

interface KeptAnswer {
  kept: KeptRead;
  /** The operation's name as Apollo resolved it, for the request's record. */
  operation: string;
  /** What Apollo's plugins added to the answer's extensions before the request id and the viewer. */
  extensions: Record<string, unknown>;
}

/** The content types Apollo answers a single result in, in its order of preference (its MEDIA_TYPES). */
const JSON_TYPE = "application/json; charset=utf-8";
const GRAPHQL_RESPONSE_TYPE = "application/graphql-response+json; charset=utf-8";
const CALLBACK_TYPE = "application/json; callbackSpec=1.0; charset=utf-8";

interface Sent {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** The body as one Apollo would take the same way every time: a query, its operation's name and variables only. */
function plainQuery(body: unknown): Sent | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const sent = body as Record<string, unknown>;
  if (typeof sent.query !== "string") return null;
  for (const key in sent) if (key !== "query" && key !== "operationName" && key !== "variables") return null;
  return sent as unknown as Sent;
}

const keyOf = (sent: Sent, viewer: string) =>
  `${JSON.stringify([sent.query, sent.operationName ?? null, sent.variables ?? null])}\n${viewer}`;

export function keptAnswers({ config, db, schema }: { config: Config; db: Database; schema: GraphQLSchema }) {
  const known = new Map<string, KeptAnswer>();
  const describe = viewerExtension(schema);

  /**
   * After Apollo's plugins that add to the answer's extensions (it reads them as they stand): remembers a planned
   * answer read by a kept statement, under its request and viewer.
   */
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, contextValue, operationName }) {
          const kept = contextValue && keptReadOf(contextValue.requestId);
          if (!kept) return; // most answers: nothing more to look at
          const sent = plainQuery(request.http?.body);
          if (!sent || response.body.kind !== "single" || response.body.singleResult.errors) return;
          // Nothing of the answer but its body is kept: one with a status or headers of its own is not.
          if ((response.http.status ?? 200) !== 200 || response.http.headers.size > 0) return;
          const key = keyOf(sent, kept.viewer);
          if (key.length > LONGEST_KEY) return;
          const { requestId: _, viewer: __, ...extensions } = response.body.singleResult.extensions ?? {};
          known.delete(key);
          known.set(key, { kept, operation: operationName ?? "anonymous", extensions });
          if (known.size > KEPT_ANSWERS) known.delete(known.keys().next().value as string);
        },
      };
    },
  };

  /**
   * The HTTP layer's last step, before Express (http-layer.ts): a POST to /graphql answered by a kept statement when
   * it can; anything else goes on to Express (`next`), with its body read if it was.
   */
  const answer: Step = async (req, res, next) => {
    // Only a session's token (an API client's is a JWT, which no session token looks like) already remembered has
    // kept answers, so only its body is read here. A body longer than any kept request's key (a bulk mutation), or
    // of a length not given (chunked), is left to Express: its key would cost to make. Apps' requests give their length.
    const token =
      config.readPlans && req.method === "POST" && req.url === "/graphql"
        ? bearerToken(req.headers.authorization)
        : null;
    const remembered = token ? rememberedViewer(token) : null;
    const sent = remembered ? plainQuery(await readBodyAhead(req, LONGEST_KEY)) : null;
    const key = sent && keyOf(sent, viewerKey(remembered!.check));
    const entry = key && known.get(key);
    const type = entry && accepts(req).type([JSON_TYPE, GRAPHQL_RESPONSE_TYPE, CALLBACK_TYPE]);
    if (!entry || (type !== JSON_TYPE && type !== GRAPHQL_RESPONSE_TYPE)) return next();
    const requestId = res.locals.requestId as string;
    // It never throws: a statement that fails answers undefined.
    const text = await inSpan(
      `query ${entry.operation}`,
      {
        "graphql.operation.type": "query",
        "graphql.operation.name": entry.operation,
        [REQUEST_ID_ATTRIBUTE]: requestId,
      },
      () => readKept(db, entry.kept.reuse),
    );
    if (typeof text !== "string") {
      // The viewer changed: found again now (and remembered so), for Apollo to plan for them and keep it. Should
      // that fail, Apollo meets the failure where it belongs. Refused: the resolvers answer from now on. Failed, or
      // no longer kept: Apollo plans it again.
      if (text === VIEWER_CHANGED) await findViewer(db, token!, config).catch(() => null);
      if (text === null) known.delete(key!);
      return next();
    }
    const viewer = remembered!.viewer;
    const record = currentRequest();
    recordAnswer(record, entry.operation, undefined, { viewer, machine: null });
    if (record) Object.assign(record, { kept: true, route: "/graphql" });
    const extensions = { ...entry.extensions, requestId, viewer: describe(viewer) };
    const body = `{"data":${text},"extensions":${JSON.stringify(extensions)}}\n`;
    res.writeHead(200, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) }).end(body);
  };

  return { plugin, answer };
}
