import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationOutbox } from "../../db/schema/index.js";
import { queueEmail, queueSms } from "../../schema/core/outbox.js";
import { deliverNotification } from "../../server/delivery.js";
import { eventually } from "../support/eventually.js";
import { freePort } from "../support/ports.js";
import { startTestServer, type TestServer } from "../support/server.js";

const email = (to: string) => ({
  userId: null,
  to,
  template: "test_message",
  subject: "Hello",
  body: "Just testing.",
});

async function outboxRow(server: TestServer, id: string) {
  const [row] = await server.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, id));
  return row;
}

async function deliveryJobs(server: TestServer, outboxId: string) {
  const rows = await server.sql<{ attempts: number; last_error: string | null }[]>`
    SELECT j.attempts, j.last_error FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'deliver_notification' AND j.payload->>'outboxId' = ${outboxId}`;
  return rows;
}

describe("jobs are enqueued with their cause", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ WORKER: "off" });
  });
  afterAll(() => server.close());

  it("a committed e-mail has its delivery job; a rolled-back one leaves neither row nor job", async () => {
    const committed = await server.db.transaction((tx) => queueEmail(tx, email("kept@example.com")));
    expect(await deliveryJobs(server, committed)).toHaveLength(1);

    let rolledBack = "";
    await expect(
      server.db.transaction(async (tx) => {
        rolledBack = await queueEmail(tx, email("dropped@example.com"));
        throw new Error("the cause failed");
      }),
    ).rejects.toThrow("the cause failed");
    expect(rolledBack).not.toBe("");
    expect(await outboxRow(server, rolledBack)).toBeUndefined();
    expect(await deliveryJobs(server, rolledBack)).toHaveLength(0);
  });

  it("delivery is idempotent: a row already sent is not sent again", async () => {
    const id = await server.db.transaction((tx) =>
      queueSms(tx, { ...email("+15555550199"), to: "+15555550199" }),
    );
    let sends = 0;
    const transport = async () => {
      sends++;
    };
    await deliverNotification(server.db, transport, id);
    await deliverNotification(server.db, transport, id);
    expect(sends).toBe(1);
    const row = await outboxRow(server, id);
    expect(row).toMatchObject({ channel: "sms", status: "sent", attempts: 1, lastError: null });
  });
});

describe("the worker delivers the outbox", () => {
  it("without SMTP the message is logged and marked sent", async () => {
    const server = await startTestServer({ WORKER: "on" });
    try {
      const id = await server.db.transaction((tx) => queueEmail(tx, email("logged@example.com")));
      const row = await eventually(async () => {
        const r = await outboxRow(server, id);
        return r?.status === "sent" ? r : null;
      });
      expect(row.attempts).toBe(1);
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(await deliveryJobs(server, id)).toHaveLength(0); // done, so graphile-worker removed it
    } finally {
      await server.close();
    }
  });

  it("a failing SMTP transport marks the row failed with the error, and the job is retried", async () => {
    const server = await startTestServer({
      WORKER: "on",
      SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
    });
    try {
      const id = await server.db.transaction((tx) => queueEmail(tx, email("unlucky@example.com")));
      const failed = await eventually(async () => {
        const r = await outboxRow(server, id);
        return r?.status === "failed" ? r : null;
      });
      expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
      // The handler commits the row's failure before it throws; graphile-worker records the job's error just after.
      const job = await eventually(async () => {
        const [j] = await deliveryJobs(server, id);
        return j?.last_error ? j : null;
      });
      expect(job.attempts).toBeGreaterThanOrEqual(1);
      expect(job.last_error).toMatch(/failed/);
      // graphile-worker retries with backoff (about 3 s after the first failure).
      const retried = await eventually(async () => {
        const r = await outboxRow(server, id);
        return r && r.attempts >= 2 ? r : null;
      });
      expect(retried.status).toBe("failed");
    } finally {
      await server.close();
    }
  }, 30_000);
});
