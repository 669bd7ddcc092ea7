import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox, workerHeartbeats } from "../../db/schema/index.js";
import { eventually } from "../support/eventually.js";
import { type ServerProcess, startServerProcess } from "../support/processes.js";
import { ADMIN_EMAIL, graphqlClient, startTestServer, type TestServer } from "../support/server.js";

const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) { accepted } }`;

/** The delivery jobs of an outbox row still queued (graphile-worker deletes a job once it has run). */
async function queuedDeliveries(server: TestServer, outboxId: string) {
  return server.sql<{ attempts: number; locked_by: string | null }[]>`
    SELECT j.attempts, j.locked_by FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'deliver_notification' AND j.payload->>'outboxId' = ${outboxId}`;
}

// The production layout in small: an API process without jobs (WORKER=off) and a process of jobs alone
// (WORKER=only) on one database; the test's own server runs no worker either.
const METRICS_TOKEN = "worker-metrics-token-0123456789";

describe("WORKER=off API processes and a WORKER=only process", () => {
  let server: TestServer;
  let api: ServerProcess;
  let worker: ServerProcess | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    // It would beat every sixth of a second if it ran jobs: none of its heartbeats shows it does not.
    api = await startServerProcess(server.databaseUrl, { WORKER: "off", WORKER_LOST_AFTER_SECONDS: "1" });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await server?.close();
  });

  it("a job queued through the API waits for the worker process, which runs it", async () => {
    const asked = await graphqlClient(api.url).request(REQUEST_RESET, { email: ADMIN_EMAIL });
    expect(asked.errors).toBeUndefined();
    const [row] = await server.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.template, "password_reset"));
    expect(row?.status).toBe("pending");
    // No process runs jobs: none has a heartbeat, and the job is queued, untouched.
    expect(await server.db.select().from(workerHeartbeats)).toEqual([]);
    expect(await queuedDeliveries(server, row!.id)).toEqual([{ attempts: 0, locked_by: null }]);

    // A heartbeat every sixth of a second: the check below sees the worker's pools.
    worker = await startServerProcess(server.databaseUrl, {
      WORKER: "only",
      WORKER_LOST_AFTER_SECONDS: "1",
      METRICS_TOKEN,
    });
    await eventually(async () => {
      const [delivered] = await server.db
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.id, row!.id));
      return delivered?.status === "sent";
    });
    // graphile-worker removes a job after its handler's transaction commits: a moment after "sent".
    await eventually(async () => (await queuedDeliveries(server, row!.id)).length === 0);
    expect(await queuedDeliveries(server, row!.id)).toEqual([]);
    await eventually(async () => (await server.db.select().from(workerHeartbeats)).length > 0);
  }, 60_000);

  it("the worker process serves its health checks and metrics, and no API; the API process serves GraphQL", async () => {
    worker ??= await startServerProcess(server.databaseUrl, { WORKER: "only", METRICS_TOKEN });
    const healthz = await fetch(`${worker.url}/healthz`);
    expect([healthz.status, await healthz.json()]).toEqual([200, { status: "ok" }]);
    const readyz = await fetch(`${worker.url}/readyz`);
    expect([readyz.status, await readyz.json()]).toEqual([200, { status: "ready" }]);

    const metrics = await fetch(`${worker.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^mural_job_queue_depth/m);
    expect((await fetch(`${worker.url}/metrics`)).status).toBe(401);

    const posted = await fetch(`${worker.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ ping }" }),
    });
    expect(posted.status).toBe(404);
    const browsed = await fetch(`${worker.url}/graphql`, { headers: { accept: "text/html" } });
    expect(browsed.status).toBe(404);
    for (const path of ["/oauth/token", "/rest/v1/studies/x/questionnaire", "/.well-known/jwks.json"])
      expect((await fetch(`${worker.url}${path}`)).status).toBe(404);

    const answered = await graphqlClient(api.url).request<{ ping: string }>("{ ping }");
    expect(answered.errors).toBeUndefined();
    expect(typeof answered.data?.ping).toBe("string");
  }, 60_000);
});
