import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/eventually.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { mileageSetup } from "./fixtures.js";

/*
 * Real faults in the middle of a money mutation's transaction: its connection killed (pg_terminate_backend) while
 * it waits for a lock, a deadlock, and its connection killed during COMMIT (with and without an Idempotency-Key).
 * The client gets success or an answer that says what to do, never a second payment.
 */

let server: TestServer;
let setup: Awaited<ReturnType<typeof mileageSetup>>;
/** A connection of the test's own, apart from the app's pool, to hold locks and end the app's sessions. */
let admin: postgres.Sql;

beforeAll(async () => {
  server = await startTestServer();
  setup = await mileageSetup(server);
  admin = postgres(server.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await admin?.end();
  await server?.close();
});

/** The app's sessions on this database that wait for a lock or sleep, once there is one. */
const waitingOn = (what: "Lock" | "PgSleep") =>
  eventually(async () => {
    const rows = await admin<{ pid: number }[]>`
      SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
      AND (wait_event_type = ${what} OR wait_event = ${what})`;
    return rows.length > 0 ? rows : null;
  });

describe("a transaction is run once more on a passing fault", () => {
  it("its connection killed while it waits for a lock: retried on another, paid once", async () => {
    const before = await setup.written();
    const answer = await admin.begin(async (tx) => {
      await tx`SELECT 1 FROM contracts WHERE id = ${setup.org.contract.id} FOR UPDATE`;
      const request = setup.pay("12.50");
      for (const { pid } of await waitingOn("Lock")) await tx`SELECT pg_terminate_backend(${pid})`;
      // Not awaited here: the retry waits for this transaction's lock.
      return { request };
    });
    const result = await answer.request;
    expect(result.errors).toBeUndefined();
    expect(result.data?.payMileage.payment.amount.amount).toBe("12.50");
    expect(await setup.written()).toEqual({
      payments: before.payments + 1,
      committedMinor: before.committedMinor + 1250n,
      audited: before.audited + 1,
    });
  });

  it("chosen as a deadlock's victim: retried, paid once", async () => {
    const before = await setup.written();
    const answer = await admin.begin(async (tx) => {
      // This session never gives up first: the app, waiting longer, detects the deadlock and is rolled back.
      await tx`SET LOCAL deadlock_timeout = '1min'`;
      await tx`SELECT 1 FROM enrollments WHERE id = ${setup.enrollment.id} FOR UPDATE`;
      // payMileage locks the contract, then its new payment's foreign key waits for the enrollment held here.
      const request = setup.pay("7.25");
      await waitingOn("Lock");
      await tx`SELECT 1 FROM contracts WHERE id = ${setup.org.contract.id} FOR UPDATE`;
      return { request };
    });
    const result = await answer.request;
    expect(result.errors).toBeUndefined();
    expect(await setup.written()).toEqual({
      payments: before.payments + 1,
      committedMinor: before.committedMinor + 725n,
      audited: before.audited + 1,
    });
  });

  it("its connection killed during COMMIT: OUTCOME_UNKNOWN, since running it again could pay twice", async () => {
    const before = await setup.written();
    await slowFirstCommit();
    try {
      const request = setup.pay("3.00");
      for (const { pid } of await waitingOn("PgSleep")) await admin`SELECT pg_terminate_backend(${pid})`;
      const result = await request;
      expect(errorCode(result)).toBe("OUTCOME_UNKNOWN");
      expect(result.errors?.[0]?.message).toMatch(/may or may not have been made/);
      // This time the kill came before the commit was done: nothing was written, nor written twice.
      expect(await setup.written()).toEqual(before);
    } finally {
      await dropSlowCommit();
    }
  });
});

describe("a money mutation under an Idempotency-Key is never left in doubt", () => {
  it("its connection killed during COMMIT: run again, since its key says whether it committed; paid once", async () => {
    const before = await setup.written();
    await slowFirstCommit();
    try {
      const request = setup.pay("4.00", { "Idempotency-Key": randomUUID() });
      for (const { pid } of await waitingOn("PgSleep")) await admin`SELECT pg_terminate_backend(${pid})`;
      const result = await request;
      expect(result.errors).toBeUndefined();
      expect(await setup.written()).toEqual({
        payments: before.payments + 1,
        committedMinor: before.committedMinor + 400n,
        audited: before.audited + 1,
      });
    } finally {
      await dropSlowCommit();
    }
  });
});

/** The next COMMIT of a new payment sleeps (a deferred trigger; a sequence counts across rollbacks): a window to kill it in. */
async function slowFirstCommit() {
  await admin.unsafe(`
    CREATE SEQUENCE slow_commits;
    CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF nextval('slow_commits') = 1 THEN PERFORM pg_sleep(60); END IF; RETURN NULL; END $$;
    CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON payments DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION slow_commit();`);
}

async function dropSlowCommit() {
  await admin.unsafe(`
    DROP TRIGGER slow_commit ON payments; DROP FUNCTION slow_commit(); DROP SEQUENCE slow_commits;`);
}
