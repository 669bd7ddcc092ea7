const LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

export interface Logger {
  debug: (message: string, detail?: unknown) => void;
  info: (message: string, detail?: unknown) => void;
  warn: (message: string, detail?: unknown) => void;
  error: (message: string, detail?: unknown) => void;
}

/** One JSON line per event on stderr, so logs are machine-readable and stdout stays for the start-up banner. */
export function createLogger(level: LogLevel): Logger {
  const threshold = LEVELS.indexOf(level);
  const at = (l: Exclude<LogLevel, "silent">) => (message: string, detail?: unknown) => {
    if (LEVELS.indexOf(l) < threshold) return;
    const extra =
      detail instanceof Error
        ? { error: detail.message, stack: detail.stack }
        : detail === undefined
          ? {}
          : { detail };
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: l, message, ...extra })}\n`,
    );
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
