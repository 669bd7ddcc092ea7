import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, contracts, milestones, milestoneVersions, payments } from "../../db/schema/index.js";
import { staffWith } from "../support/accounts.js";
import { eventually } from "../support/eventually.js";
import { globalId } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
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

describe("a milestone payment, made by one statement outside a transaction, is never left in doubt", () => {
  /** A $5.00 milestone at the mileage setup's trial site, a coordinator who pays it, and a new enrollment to pay. */
  async function milestoneSetup() {
    const [line] = await server.db
      .insert(milestones)
      .values({ trialSiteId: setup.org.trialSites[0]!.id, name: `Visit ${randomUUID()}` })
      .returning();
    await server.db.insert(milestoneVersions).values({
      milestoneId: line!.id,
      amountMinor: 500n,
      currency: "USD",
      effectiveAt: new Date("2020-01-01"),
    });
    const staff = await staffWith(server, ["milestone_payment", "view_payments"], {
      trialSiteId: setup.org.trialSites[0]!.id,
    });
    const { enrollment } = await createEnrolledParticipant(server, setup.org);
    return {
      enrollment,
      pay: () =>
        server.request<{ payMilestone: { payment: { id: string } } }>(
          `mutation($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }`,
          {
            input: {
              enrollmentId: globalId("Enrollment", enrollment.id),
              milestoneId: globalId("PaymentScheduleLine", line!.id),
            },
          },
          staff.token,
        ),
      /** What paying it has written: the enrollment's payments, the money committed, their audit entries. */
      written: async () => {
        const rows = await server.db.select().from(payments).where(eq(payments.enrollmentId, enrollment.id));
        const [contract] = await server.db
          .select()
          .from(contracts)
          .where(eq(contracts.id, setup.org.contract.id));
        const [audit] = await server.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEntries)
          .where(eq(auditEntries.action, "milestone_payment"));
        return { payments: rows.length, committedMinor: contract!.committedMinor, audited: audit!.n };
      },
    };
  }

  it("its connection killed while it waits for a lock: made again, in a transaction; paid once", async () => {
    const milestone = await milestoneSetup();
    const before = await milestone.written();
    const answer = await admin.begin(async (tx) => {
      await tx`SELECT 1 FROM enrollments WHERE id = ${milestone.enrollment.id} FOR UPDATE`;
      const request = milestone.pay();
      for (const { pid } of await waitingOn("Lock")) await tx`SELECT pg_terminate_backend(${pid})`;
      // Not awaited here: it is made again once this transaction lets go of the enrollment.
      return { request };
    });
    const result = await answer.request;
    expect(result.errors).toBeUndefined();
    expect(await milestone.written()).toEqual({
      payments: 1,
      committedMinor: before.committedMinor + 500n,
      audited: before.audited + 1,
    });
  });

  it("its connection killed while it commits: its payment's id shows it was not made, so it is made again; paid once", async () => {
    const milestone = await milestoneSetup();
    const before = await milestone.written();
    await slowFirstCommit();
    try {
      const request = milestone.pay();
      for (const { pid } of await waitingOn("PgSleep")) await admin`SELECT pg_terminate_backend(${pid})`;
      const result = await request;
      // payMileage answers OUTCOME_UNKNOWN here (its COMMIT was sent); this statement's payment, by its id, says.
      expect(result.errors).toBeUndefined();
      expect(await milestone.written()).toEqual({
        payments: 1,
        committedMinor: before.committedMinor + 500n,
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
