import { vi } from "vitest";

/**
 * Waits for work done elsewhere (the background worker, another server process, a subscription) until `check`
 * returns something truthy, and returns it. The wait is generous: the worker polls and retries with backoff.
 */
export const eventually = <T>(check: () => T | Promise<T>, timeout = 15_000) =>
  vi.waitUntil(check, { timeout, interval: 100 });
