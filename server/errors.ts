import { isUtf8 } from "node:buffer";
import type { ApolloServerPlugin } from "@apollo/server";
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import type { Context } from "../schema/core/context.js";
import { isExpectedError } from "../schema/core/errors.js";
import { bodyReadAhead, NOT_UTF8, unreadable } from "./http-layer.js";
import type { Logger } from "./logger.js";

const UNEXPECTED_ERROR_MESSAGE =
  "Something went wrong on our side. Quote the request id if you contact support.";

/** Expected failures keep their code and message; anything else is answered as INTERNAL_SERVER_ERROR, no details. */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isExpectedError(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: UNEXPECTED_ERROR_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/** What an answer hides is logged with the request id the client was given. */
export function logUnexpected(log: Logger, requestId: string | undefined, error: unknown) {
  log.error("unexpected error", { requestId, error });
}

/** Each unexpected failure of a GraphQL request, logged before formatError hides it. */
export function logUnexpectedErrors(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors)
            if (!isExpectedError(error.extensions?.code)) logUnexpected(log, contextValue.requestId, error);
        },
      };
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      logUnexpected(log, requestContext.contextValue.requestId, error);
    },
  };
}

/** The largest body: a contract PDF of up to 10 MiB travels base64-encoded (4/3 of its size) inside the JSON. */
const BODY_LIMIT_MB = 15;

/**
 * Reads a JSON body. One that is not UTF-8 is refused: the parser would otherwise turn its bad bytes into U+FFFD
 * and pass it on as if it were the client's text. A body the HTTP layer read ahead (http-layer.ts) is taken as read.
 */
export function readJsonBody(): RequestHandler {
  const json = express.json({
    limit: `${BODY_LIMIT_MB}mb`,
    verify: (_req, _res, body) => {
      if (!isUtf8(body)) throw unreadable(NOT_UTF8);
    },
  });
  return (req, res, next) => {
    const ahead = bodyReadAhead(req);
    if (!ahead) return json(req, res, next);
    if ("error" in ahead) return next(ahead.error);
    req.body = ahead.body;
    next();
  };
}

/** A failure answered the way Apollo answers: GraphQL errors with a stable code, and the request id. */
function answer(res: Response, status: number, code: string, message: string) {
  res.status(status).json({
    errors: [{ message, extensions: { code } }],
    extensions: { requestId: res.locals.requestId },
  });
}

export const answerNotFound: RequestHandler = (_req, res) => {
  answer(res, 404, "NOT_FOUND", "There is nothing at this address; the API is at /graphql.");
};

const BAD_BODY: Record<number, string> = {
  413: `The request body is larger than ${BODY_LIMIT_MB} MB.`,
  415: "The request body must be JSON in UTF-8, uncompressed, gzip or deflate.",
};

/**
 * What express itself would answer with an HTML page (with a stack outside production): a body it cannot read
 * (not JSON, not an object, too large, not UTF-8) is BAD_REQUEST with its 4xx status; any other failure in a route
 * is logged and answered as INTERNAL_SERVER_ERROR.
 */
export function answerErrors(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const status = Number((error as { status?: unknown }).status);
    if (status >= 400 && status < 500) {
      const message =
        BAD_BODY[status] ?? "The request body must be a JSON object (a GraphQL request) in UTF-8.";
      answer(res, status, "BAD_REQUEST", message);
      return;
    }
    logUnexpected(log, res.locals.requestId, error);
    if (res.headersSent) res.destroy();
    else answer(res, 500, "INTERNAL_SERVER_ERROR", UNEXPECTED_ERROR_MESSAGE);
  };
}
