import { type ChildProcess, spawn } from "node:child_process";
import { setTimeout as pause } from "node:timers/promises";
import { freePort } from "./ports.js";
import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_ENV } from "./server.js";

const ROOT = new URL("../..", import.meta.url).pathname;

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it has written so far, stdout and stderr (its log lines are on stderr). */
  output: () => string;
  /** SIGTERM, then SIGKILL if it has not exited within the grace period (5 s unless spawnServerProcess was told). */
  stop: () => Promise<void>;
}

/**
 * `node <args>` in the project's root, serving on a free loopback port: the API only (WORKER=off), the test admin,
 * logging errors only, TEST_ENV's settings, then `env` over all of these (its database and NODE_ENV among them).
 * Resolves once it says it serves (the API or the worker), or fails after `startTimeoutMs`.
 */
export async function spawnServerProcess(
  args: string[],
  env: Record<string, string>,
  { startTimeoutMs = 30_000, stopGraceMs = 5000 } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      WORKER: "off",
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOG_LEVEL: "error",
      ...TEST_ENV,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server process did not start:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Mural Link (API|worker) on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited (${code}):\n${output}`));
    });
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, pause(stopGraceMs)]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

/**
 * `npm start` as a separate process on the same database, as another instance behind a load balancer would be:
 * no worker unless `env` turns it on (WORKER: "on", or "only" for a process of background jobs alone). Resolves once
 * it serves, or fails after `startTimeoutMs`.
 */
export function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  startTimeoutMs = 30_000,
): Promise<ServerProcess> {
  return spawnServerProcess(
    ["--import", "tsx", "server/main.ts"],
    { NODE_ENV: "test", DATABASE_URL: databaseUrl, ...env },
    { startTimeoutMs },
  );
}
