import { isUtf8 } from "node:buffer";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";

/*
 * The HTTP layer: what every request gets before it is answered, at node:http's handler, before Express. Its id, its
 * record, its access line, its metrics, compression and CORS are connect-style steps here, so that an answer given
 * before Express (a kept answer: kept-answers.ts) has each of them as any other has. Express's own work per request
 * (its router, its request and response objects) was as much as the rest of a kept answer's.
 */

/** A response as the steps and Express's routes share it: `locals` is Express's res.locals, made here first. */
export type LayerResponse = ServerResponse & { locals: Record<string, unknown> };

/**
 * One step, connect's shape: it calls `next` to go on, with an error if it failed, or answers the request itself.
 */
export type Step = (
  req: IncomingMessage,
  res: LayerResponse,
  next: (error?: unknown) => void,
) => void | Promise<void>;

/** A step's failure, carried to Express (carriedFailure), whose error handler answers every failure. */
const failures = new WeakMap<IncomingMessage, unknown>();

/** node:http's handler: each request takes `steps` in order, then Express (at once, should a step fail). */
export function httpLayer(steps: Step[], express: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, plain: ServerResponse) => {
    const res = plain as LayerResponse;
    res.locals = Object.create(null) as Record<string, unknown>;
    let at = 0;
    const next = (error?: unknown) => {
      // As in connect and Express, only a truthy error is one (cors passes null for none).
      if (error) failures.set(req, error);
      const step = error ? undefined : steps[at++];
      if (!step) return express(req, res);
      // A step that throws, or whose promise rejects, has failed: as Express does for its middleware.
      try {
        step(req, res, next)?.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    next();
  };
}

/** Express's first middleware: a request whose step failed goes to the error handler with that failure. */
export const carriedFailure: RequestHandler = (req, _res, next) => next(failures.get(req));

/** A JSON body read before Express, as Express's body reader would have read it, or why it could not be. */
type ReadAhead = { body: unknown } | { error: Error & { status: number } };

const readAhead = new WeakMap<IncomingMessage, ReadAhead>();

/** What Express's body reader (errors.ts: readJsonBody) takes instead of reading: a body read ahead, if one was. */
export const bodyReadAhead = (req: IncomingMessage) => readAhead.get(req);

const PLAIN_JSON = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;

/**
 * A request's JSON body, read before Express when it is plain (JSON in UTF-8, uncompressed, of a length given and at
 * most `longest` bytes), as body-parser reads it in strict mode: empty is {}, anything but an object or array is
 * refused. Undefined when it is not plain (left for Express to read) or could not be read (a 400, as body-parser's,
 * answered by Express).
 */
export async function readBodyAhead(req: IncomingMessage, longest: number): Promise<unknown> {
  const { "content-type": type = "", "content-encoding": encoding = "identity" } = req.headers;
  const length = Number(req.headers["content-length"] ?? Number.NaN);
  if (!(length <= longest) || encoding !== "identity" || !PLAIN_JSON.test(type)) return undefined;
  const read = await new Promise<ReadAhead>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(parse(Buffer.concat(chunks))));
    // Resolved once: a request cut short closes (and fails) before it ends.
    const aborted = () => resolve({ error: unreadable("The request was aborted.") });
    req.on("error", aborted);
    req.on("close", aborted);
  });
  readAhead.set(req, read);
  return "body" in read ? read.body : undefined;
}

export const NOT_UTF8 = "The request body is not UTF-8.";

function parse(bytes: Buffer): ReadAhead {
  if (!isUtf8(bytes)) return { error: unreadable(NOT_UTF8) };
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (text.length === 0) return { body: {} };
  const first = /^[ \t\n\r]*(.)/.exec(text)?.[1];
  if (first !== "{" && first !== "[") return { error: unreadable("The request body is not a JSON object.") };
  try {
    return { body: JSON.parse(text) };
  } catch {
    return { error: unreadable("The request body is not JSON.") };
  }
}

/** A body that cannot be read: a 400, as body-parser answers one (errors.ts answers it). */
export const unreadable = (message: string) => Object.assign(new Error(message), { status: 400 });
