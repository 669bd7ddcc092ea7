import type { IncomingMessage } from "node:http";
import { type Logger as Pino, pino } from "pino";
import { pinoHttp } from "pino-http";
import type { LayerResponse, Step } from "./http-layer.js";
import { type RequestRecord, routeOf } from "./telemetry.js";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug: (message: string, detail?: unknown) => void;
  info: (message: string, detail?: unknown) => void;
  warn: (message: string, detail?: unknown) => void;
  error: (message: string, detail?: unknown) => void;
  /** The pino logger underneath (for the access log). */
  pino: Pino;
}

/** Where the lines go: stderr, or (in tests) a capture. */
export interface LogOutput {
  write: (line: string) => unknown;
}

/**
 * One JSON line per event (pino) on stderr, so logs are machine-readable and stdout stays for the start-up banner:
 * `time`, `level` (its name), `message`, then the fields. A detail that is a record becomes the line's fields. Every
 * line is cleaned of secrets and personal data first, here and only here: by key at any depth (REDACTED_KEYS), and
 * in any text (statement parameters, password hashes).
 */
export function createLogger(level: LogLevel, output: LogOutput = process.stderr): Logger {
  const logger = pino(
    {
      level,
      messageKey: "message",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => loggable(bindings) as Record<string, unknown>,
        log: (fields) => loggable(fields) as Record<string, unknown>,
      },
      hooks: {
        // The message is text like any other: cleaned too.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === "string" ? clean(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    output,
  );
  const at = (l: Exclude<LogLevel, "silent">) => (message: string, detail?: unknown) => {
    const fields =
      detail instanceof Error
        ? { error: detail }
        : detail === undefined
          ? {}
          : isRecord(detail)
            ? detail
            : { detail };
    logger[l](fields, message);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), pino: logger };
}

/**
 * One access line per HTTP request as it is answered (pino-http), at info: method, route or path (never a query
 * string, nor the token of a report link), GraphQL operation and outcome, status, duration, request id, and who
 * asked by id (user or API client), and `kept` when a kept statement answered it (kept-answers.ts). Never headers or bodies, so never a token, password or address.
 */
export function accessLog(log: Logger): Step {
  // Lines at info not written (LOG_LEVEL above it): nothing to prepare for each request either.
  if (!log.pino.isLevelEnabled("info")) return (_req, _res, next) => next();
  const line = (req: IncomingMessage, res: LayerResponse) => {
    const record = res.locals.record as RequestRecord | undefined;
    return {
      method: req.method,
      path: routeOf(req, record),
      operation: record?.operation,
      outcome: record?.outcome,
      status: res.statusCode,
      durationMs: record ? Math.round(performance.now() - record.startedAt) : undefined,
      userId: record?.userId,
      apiClientId: record?.apiClientId,
      statements: record?.statements,
      kept: record?.kept,
    };
  };
  return pinoHttp({
    logger: log.pino,
    // The request id comes as the line's binding, named requestId as on every other line.
    genReqId: (_req, res) => (res as LayerResponse).locals.requestId as string,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: "requestId" },
    customSuccessMessage: () => "request",
    customErrorMessage: () => "request",
    customSuccessObject: (req, res) => line(req, res as LayerResponse),
    customErrorObject: (req, res) => line(req, res as LayerResponse),
    customLogLevel: () => "info",
  }) as unknown as Step;
}

/** Keys whose values never reach a log, at any depth: credentials, secrets and personal data. */
const REDACTED_KEYS =
  /password|passphrase|secret|token|authori[sz]ation|cookie|hash|e_?mail|phone|account_?number|card_?number|routing_?number|iban|ssn|tax_?id|date_?of_?birth|^(tin|body|to|recipient|params|parameters|variables)$/i;
const REDACTED = "[redacted]";

/** The line as written: redacted keys, errors described, strings cleaned, bounded depth. */
function loggable(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return clean(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (depth > 6) return "[too deep]";
  if (value instanceof Error) return loggable(describeError(value), depth + 1);
  if (ArrayBuffer.isView(value)) return "[binary]";
  if (Array.isArray(value)) return value.map((item) => loggable(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      REDACTED_KEYS.test(key) ? REDACTED : loggable(item, depth + 1),
    ]),
  );
}

/**
 * An error as logged: its name, message, database error code and constraint, stack frames (the stack's first line
 * repeats the message), and what caused it. Never the values a database error carries (postgres.js's `parameters`,
 * and `detail`, which repeats the row).
 */
function describeError(error: Error, depth = 0): Record<string, unknown> {
  const { code, constraint_name, path, originalError } = error as {
    code?: unknown;
    constraint_name?: unknown;
    path?: readonly (string | number)[];
    originalError?: unknown;
  };
  // A GraphQLError wraps what a resolver threw (same message): describe that, at the field it came from.
  if (originalError instanceof Error && originalError !== error)
    return { ...describeError(originalError, depth), ...(path ? { path: path.join(".") } : {}) };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(typeof constraint_name === "string" ? { constraint: constraint_name } : {}),
    ...(depth === 0 && error.stack
      ? { stack: error.stack.split("\n").flatMap((l) => (/^\s+at /.test(l) ? [l.trim()] : [])) }
      : {}),
    ...(error.cause instanceof Error && depth < 3 ? { cause: describeError(error.cause, depth + 1) } : {}),
  };
}

/**
 * drizzle writes every parameter of a failed statement into its error's message ("Failed query: …\nparams: …"),
 * and so into stacks and graphile-worker's failure lines: the statement stays, its values go (up to the stack's
 * first frame). An argon2 hash goes wherever it appears.
 */
function clean(text: string): string {
  return text
    .replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/g, `\nparams: ${REDACTED}`)
    .replace(/\$argon2(id|i|d)\$[^\s"',]+/g, REDACTED);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
