import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "graphql-ws";
import { afterAll, expect, it } from "vitest";
import WebSocket from "ws";
import { freePort } from "../support/ports.js";
import { ADMIN_EMAIL, ADMIN_PASSWORD, graphqlClient } from "../support/server.js";

/*
 * `npm start` as a newcomer runs it: its own embedded PostgreSQL, the job worker on, a live subscription open; then
 * Ctrl-C, which the terminal sends to the whole process group, the embedded PostgreSQL included, so the database
 * may close the worker's connections before the server has begun to stop.
 */

const dataDir = await mkdtemp(path.join(tmpdir(), "mural-shutdown-"));
await chmod(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach its data
afterAll(() => rm(dataDir, { recursive: true, force: true }));

it("boots without a crontab line and stops on Ctrl-C with exit code 0 and no warning or error logged", async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      ADMIN_PASSWORD,
      WORKER: "on",
      LOG_LEVEL: "info",
    },
    // Its own process group, as a terminal's foreground job is: the signal below reaches all of it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  /** Until the server has printed `text`; a server that exits first fails at once, with what it printed. */
  const printed = async (text: string) => {
    for (const deadline = Date.now() + 90_000; !output.includes(text); ) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no "${text}" in:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  try {
    await printed("Mural Link API on");
    await printed("worker: Worker connected");

    const url = `http://127.0.0.1:${port}`;
    const token = await graphqlClient(url).login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const live = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    live.subscribe(
      { query: "subscription { messageReceived { body } }" },
      { next() {}, error() {}, complete() {} },
    );
    // A moment for the subscription's LISTEN to reach the database: its unlisten is part of the shutdown.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    process.kill(-child.pid!, "SIGINT");
    expect(await exited).toBe(0);
    await live.dispose();
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  }
  const lines = output.split("\n");
  expect(lines.filter((line) => /crontab/i.test(line))).toEqual([]);
  expect(lines.filter((line) => /"level":"(warn|error)"/.test(line))).toEqual([]);
  // Nothing printed past our logger either (a crash, or a library's dump of a client).
  expect(lines.filter((line) => line && !line.startsWith("{"))).toEqual([
    "First admin created: admin@example.com",
    expect.stringMatching(/^Mural Link API on .* with embedded PostgreSQL$/),
  ]);
}, 180_000);
