import type { ChildProcess } from "node:child_process";
import http from "node:http";
import { setTimeout as pause } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "../support/eventually.js";
import { type ServerProcess, startServerProcess } from "../support/processes.js";
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestDatabase } from "../support/server.js";

/*
 * An API process as an orchestrator runs it and stops it: an external database (DATABASE_URL), no job worker
 * (WORKER=off), NODE_ENV other than "test" (Apollo installs signal handlers of its own unless told not to, and they
 * raced ours: the process never exited), then SIGTERM to the process alone, as soon as it says it serves.
 */

const EXIT_BOUND_MS = 10_000;

const databaseUrl = await createTestDatabase();

let server: ServerProcess | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** Its exit code (or the signal that ended it), or "still running" if it has not exited within EXIT_BOUND_MS. */
function exitWithinBound(child: ChildProcess): Promise<number | string | null> {
  return Promise.race([
    new Promise<number | string | null>((resolve) =>
      child.once("exit", (code, signal) => resolve(code ?? signal)),
    ),
    pause(EXIT_BOUND_MS, "still running", { ref: false }),
  ]);
}

describe.each(["production", "development"])("with NODE_ENV=%s", (nodeEnv) => {
  it(`exits with code 0 within ${EXIT_BOUND_MS / 1000} s of SIGTERM`, async () => {
    server = await startServerProcess(databaseUrl, { NODE_ENV: nodeEnv, WORKER: "off" });
    const exited = exitWithinBound(server.child);
    server.child.kill("SIGTERM");
    expect(await exited, server.output()).toBe(0);
  });
});

it("answers a request in flight at SIGTERM before it exits with code 0", async () => {
  server = await startServerProcess(databaseUrl, {
    NODE_ENV: "production",
    WORKER: "off",
    LOG_LEVEL: "info",
  });
  const child = server.child;
  const body = JSON.stringify({
    query: "mutation($input: LoginInput!) { login(input: $input) { token } }",
    variables: { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } },
  });
  const request = http.request(`${server.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      // Node's server answers 100 Continue as it hands the request to the app: then the request is in flight.
      expect: "100-continue",
    },
  });
  const answered = new Promise<{ status?: number; text: string }>((resolve, reject) => {
    request.once("response", (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.once("end", () => resolve({ status: response.statusCode, text }));
    });
    request.once("error", reject);
  });
  request.flushHeaders();
  await new Promise((resolve) => request.once("continue", resolve));

  const exited = exitWithinBound(child);
  child.kill("SIGTERM");
  await eventually(() => server?.output().includes('"message":"shutting down"'));
  // Without a request in flight it would have exited by now (in about 0.1 s): it waits for this one's body.
  await pause(500);
  expect(child.exitCode, server.output()).toBeNull();
  request.end(body);

  const answer = await answered;
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.text)).toMatchObject({ data: { login: { token: expect.any(String) } } });
  expect(await exited, server.output()).toBe(0);
});
