import type { Request, Response } from "express";
import type { Database } from "../db/connection.js";
import { recordApiRequest } from "../schema/apiaccess/log.js";
import type { Config } from "../schema/core/config.js";
import type { Context } from "../schema/core/context.js";
import { createContext } from "./context.js";
import type { Logger } from "./logger.js";
import { RATE_LIMITED_MESSAGE, type RateLimits } from "./rate-limits.js";

export interface FileToSend {
  filename: string;
  contentType: string;
  body: Buffer | string;
  etag?: string;
}

/**
 * An Express handler for a download behind the API's Bearer credentials: a person's session, or an API client's
 * access token (found live by machineAuthentication, in front). 401 without either, 404 when `find` (the owning
 * area's decision, for either principal) finds nothing this caller may have, else the file as an uncached
 * attachment. An API client's download spends one point of its rate limit and is written to its request log as
 * its GraphQL requests are: the route as the operation, the path's parameters redacted (a report link's token).
 */
export function serveFile(
  deps: { config: Config; db: Database; log: Logger; rates: RateLimits | null },
  notFoundMessage: string,
  find: (ctx: Context, param: string) => Promise<FileToSend | null>,
) {
  return async (req: Request<{ id?: string; token?: string }>, res: Response) => {
    const started = performance.now();
    const ctx = await createContext(deps, {
      authorization: req.get("authorization"),
      requestId: res.locals.requestId as string,
      machine: res.locals.machine,
      ip: req.ip,
    });
    const machine = ctx.machine;
    if (!ctx.viewer && !machine) {
      res.status(401).set("WWW-Authenticate", "Bearer").json({ error: "You are not logged in." });
      return;
    }
    const verdict =
      machine && deps.rates ? await deps.rates.charge({ apiClientId: machine.apiClientId }, 1) : null;
    if (verdict) res.set(verdict.headers);
    let file: FileToSend | null = null;
    let failure: string | null = "RATE_LIMITED";
    try {
      if (!verdict?.refused) {
        file = await find(ctx, req.params.id ?? req.params.token ?? "");
        failure = file ? null : "NOT_FOUND";
      }
    } catch (error) {
      failure = "INTERNAL_SERVER_ERROR";
      throw error;
    } finally {
      if (machine) {
        await recordApiRequest(ctx.db, {
          apiClientId: machine.apiClientId,
          clientId: machine.clientId,
          operationName: `GET ${req.route?.path ?? req.path}`,
          documentHash: null,
          variables: { ...req.params },
          ip: ctx.ip ?? null,
          result: failure ? "error" : "ok",
          errorCodes: failure ? [failure] : [],
          durationMs: Math.round(performance.now() - started),
        }).catch((error: unknown) =>
          deps.log.error("the API request log could not be written", { requestId: ctx.requestId, error }),
        );
      }
    }
    if (verdict?.refused) {
      res.status(429).json({ error: RATE_LIMITED_MESSAGE });
      return;
    }
    if (!file) {
      res.status(404).json({ error: notFoundMessage });
      return;
    }
    res
      .status(200)
      .attachment(file.filename) // before type(): attachment() guesses a type from the file name
      .type(file.contentType)
      .set({
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        ...(file.etag ? { ETag: `"${file.etag}"` } : {}),
      })
      .send(file.body);
  };
}
