import { afterAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { enqueueJob } from "../../schema/core/jobs.js";
import { eventually } from "../support/eventually.js";
import { globalId } from "../support/organizations.js";
import { startTestServer, type TestServer } from "../support/server.js";

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function start(env: Record<string, string>) {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

const jobsOf = (server: TestServer, job: string) =>
  server.sql<{ attempts: number; last_error: string | null }[]>`
    SELECT j.attempts, j.last_error FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${job}`;

describe("a job's payload is checked against the job's schema", () => {
  it("enqueueJob refuses a payload that is not the job's and queues nothing", async () => {
    const server = await start({ WORKER: "off" });
    // The API's global id where the payment's row id belongs: a string, so only the schema can tell.
    const payload = { paymentId: globalId("Payment", newId()) };
    await expect(enqueueJob(server.db, "payout_payment", payload)).rejects.toThrow(
      /Bad payload for job payout_payment[\s\S]*paymentId/,
    );
    expect(await jobsOf(server, "payout_payment")).toEqual([]);
  });

  it("the worker fails a job whose payload is bad, before its handler runs", async () => {
    const server = await start({ WORKER: "on" });
    // Queued past enqueueJob, as an older or careless enqueuer could. The handler would look the number up, find
    // no outbox entry and succeed; the check fails the attempt instead, with what is wrong.
    await server.sql`SELECT graphile_worker.add_job('deliver_notification', '{"outboxId": 42}'::json)`;
    const [failed] = await eventually(async () => {
      const jobs = await jobsOf(server, "deliver_notification");
      return jobs[0]?.last_error ? jobs : null;
    });
    expect(failed!.attempts).toBeGreaterThanOrEqual(1);
    expect(failed!.last_error).toMatch(/Bad payload for job deliver_notification[\s\S]*outboxId/);
  });
});
