const LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

export interface Logger {
  debug: (message: string, detail?: unknown) => void;
  info: (message: string, detail?: unknown) => void;
  warn: (message: string, detail?: unknown) => void;
  error: (message: string, detail?: unknown) => void;
}

/** Where the lines go: stderr, or (in tests) a capture. */
export interface LogOutput {
  write: (line: string) => unknown;
}

/**
 * One JSON line per event on stderr, so logs are machine-readable and stdout stays for the start-up banner. A
 * detail that is a record becomes the line's fields; every line is cleaned of secrets and personal data first.
 */
export function createLogger(level: LogLevel, output: LogOutput = process.stderr): Logger {
  const threshold = LEVELS.indexOf(level);
  const at = (l: Exclude<LogLevel, "silent">) => (message: string, detail?: unknown) => {
    if (LEVELS.indexOf(l) < threshold) return;
    const fields =
      detail instanceof Error
        ? { error: detail }
        : detail === undefined
          ? {}
          : isRecord(detail)
            ? detail
            : { detail };
    const line = { time: new Date().toISOString(), level: l, message, ...fields };
    output.write(`${JSON.stringify(loggable(line))}\n`);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
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
