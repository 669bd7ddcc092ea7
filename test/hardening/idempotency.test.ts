import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contracts, idempotencyKeys } from "../../db/schema/index.js";
import { expireIdempotencyKeys } from "../../schema/core/idempotency.js";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { globalId } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { mileageSetup, PAY_MILEAGE, type PaidMileage } from "./fixtures.js";

/*
 * Money mutations under an Idempotency-Key (Stripe's model): the first answer is kept per user, operation and key
 * and replayed for a retry, which writes nothing; another body under the key is a CONFLICT; concurrent duplicates
 * run once.
 */

let server: TestServer;
let setup: Awaited<ReturnType<typeof mileageSetup>>;

beforeAll(async () => {
  server = await startTestServer();
  setup = await mileageSetup(server);
});
afterAll(() => server?.close());

const keyed = (key: string = randomUUID()) => ({ "Idempotency-Key": key });

describe("Idempotency-Key on money mutations", () => {
  it("a retry with the same key answers the first answer and writes nothing", async () => {
    const key = keyed();
    const first = await setup.pay("12.00", key);
    expect(first.errors).toBeUndefined();
    const retry = await expectNothingWritten(server, () => setup.pay("12.00", key));
    expect(retry.data).toEqual(first.data);
  });

  it("the same key with another body answers CONFLICT and writes nothing", async () => {
    const key = keyed();
    expect((await setup.pay("5.00", key)).errors).toBeUndefined();
    const other = await expectNothingWritten(server, () => setup.pay("6.00", key));
    expect(errorCode(other)).toBe("CONFLICT");
    expect(other.errors?.[0]?.message).toMatch(/Idempotency-Key was used for another payMileage request/);
  });

  it("two concurrent identical requests pay once and both get its answer", async () => {
    const before = await setup.written();
    const key = keyed();
    const [a, b] = await Promise.all([setup.pay("8.00", key), setup.pay("8.00", key)]);
    expect(a.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
    expect(await setup.written()).toEqual({
      payments: before.payments + 1,
      committedMinor: before.committedMinor + 800n,
      audited: before.audited + 1,
    });
  });

  it("keys are each user's own: another user's same key is a request of its own", async () => {
    const key = keyed();
    const mine = await setup.pay("2.00", key);
    const colleague = await staffWith(server, ["travel_payment", "view_payments"], {
      trialSiteId: setup.org.trialSites[0]!.id,
    });
    const theirs = await server.request<PaidMileage>(
      PAY_MILEAGE,
      {
        input: {
          enrollmentId: globalId("Enrollment", setup.enrollment.id),
          amount: { amount: "2.00", currency: "USD" },
        },
      },
      colleague.token,
      key,
    );
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.payMileage.payment.id).not.toBe(mine.data?.payMileage.payment.id);
  });

  it("an error is not kept: the key pays once the cause is gone", async () => {
    const key = keyed();
    const [contract] = await server.db
      .select()
      .from(contracts)
      .where(eq(contracts.id, setup.org.contract.id));
    const remaining = contract!.depositedMinor - contract!.committedMinor;
    const tooMuch = ((Number(remaining) + 100) / 100).toFixed(2);
    const refused = await expectNothingWritten(server, () => setup.pay(tooMuch, key));
    expect(errorCode(refused)).toBe("INSUFFICIENT_FUNDS");
    await server.db
      .update(contracts)
      .set({ depositedMinor: sql`${contracts.depositedMinor} + 100000` })
      .where(eq(contracts.id, setup.org.contract.id));
    const paid = await setup.pay(tooMuch, key);
    expect(paid.errors).toBeUndefined();
    expect((await expectNothingWritten(server, () => setup.pay(tooMuch, key))).data).toEqual(paid.data);
  });

  it("a key expires after IDEMPOTENCY_KEY_HOURS: then it is a new request", async () => {
    const key = keyed();
    const first = await setup.pay("1.00", key);
    // Move the key's clock back a day and a minute rather than waiting.
    await server.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`${idempotencyKeys.createdAt} - interval '24 hours 1 minute'` })
      .where(eq(idempotencyKeys.key, key["Idempotency-Key"]));
    const later = await setup.pay("1.50", key);
    expect(later.errors).toBeUndefined();
    expect(later.data?.payMileage.payment.id).not.toBe(first.data?.payMileage.payment.id);
  });

  it("the hourly job forgets expired keys and keeps the others", async () => {
    const [old, fresh] = [keyed(), keyed()];
    await setup.pay("1.10", old);
    await setup.pay("1.20", fresh);
    await server.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`${idempotencyKeys.createdAt} - interval '24 hours 1 minute'` })
      .where(eq(idempotencyKeys.key, old["Idempotency-Key"]));
    await expireIdempotencyKeys(server.db, server.config.idempotencyKeyMs);
    const kept = await server.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(kept.map((k) => k.key)).toContain(fresh["Idempotency-Key"]);
    expect(kept.map((k) => k.key)).not.toContain(old["Idempotency-Key"]);
  });

  it("one key covers one money mutation: a request with two is refused before either runs", async () => {
    const input = (amount: string) => ({
      enrollmentId: globalId("Enrollment", setup.enrollment.id),
      amount: { amount, currency: "USD" },
    });
    const two = await expectNothingWritten(server, () =>
      server.request(
        `mutation($a: PayMileageInput!, $b: PayMileageInput!) {
          a: payMileage(input: $a) { payment { id } }
          b: payMileage(input: $b) { payment { id } }
        }`,
        { a: input("1.25"), b: input("1.75") },
        setup.staff.token,
        keyed(),
      ),
    );
    expect(two.status).toBe(400);
    expect(errorCode(two)).toBe("BAD_USER_INPUT");
    expect(two.errors?.[0]?.message).toMatch(/one money mutation/);
  });

  it("a key is 1 to 255 visible ASCII characters", async () => {
    for (const key of ["with space", "x".repeat(256), ""]) {
      const bad = await expectNothingWritten(server, () => setup.pay("1.00", keyed(key)));
      expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    }
  });

  it("approving and funding replay too: a retried approval is not refused as already approved", async () => {
    const coordinator = await staffWith(server, ["manual_payment", "approve_payments", "view_payments"], {
      trialSiteId: setup.org.trialSites[0]!.id,
    });
    const reimburse = `mutation($input: RequestReimbursementInput!) {
      requestReimbursement(input: $input) { payment { id status } }
    }`;
    const reimbursement = {
      input: {
        enrollmentId: globalId("Enrollment", setup.enrollment.id),
        amount: { amount: "9.00", currency: "USD" },
        category: "Meal",
      },
    };
    const requestKey = keyed();
    const requested = await server.request<{ requestReimbursement: { payment: { id: string } } }>(
      reimburse,
      reimbursement,
      coordinator.token,
      requestKey,
    );
    const again = await expectNothingWritten(server, () =>
      server.request(reimburse, reimbursement, coordinator.token, requestKey),
    );
    expect(again.data).toEqual(requested.data);

    const approve = `mutation($input: ApprovePaymentInput!) { approvePayment(input: $input) { payment { id status } } }`;
    const approval = { input: { paymentId: requested.data!.requestReimbursement.payment.id } };
    const approveKey = keyed();
    const approved = await server.request(approve, approval, coordinator.token, approveKey);
    expect(approved.data).toMatchObject({ approvePayment: { payment: { status: "UNCLAIMED" } } });
    const retried = await expectNothingWritten(server, () =>
      server.request(approve, approval, coordinator.token, approveKey),
    );
    expect(retried.data).toEqual(approved.data);
    // Without the key, the same approval is refused: it is no longer pending.
    expect(errorCode(await server.request(approve, approval, coordinator.token))).toBe("CONFLICT");

    const admin = await server.loginAdmin();
    const fund = `mutation($input: AddFundingInput!) {
      addFunding(input: $input) { deposit { amount { amount } createdAt } contract { funding { deposited { amount } } } }
    }`;
    const deposit = {
      input: {
        contractId: globalId("Contract", setup.org.contract.id),
        amount: { amount: "100.00", currency: "USD" },
      },
    };
    const fundKey = keyed();
    const funded = await server.request(fund, deposit, admin, fundKey);
    expect(funded.errors).toBeUndefined();
    const refunded = await expectNothingWritten(server, () => server.request(fund, deposit, admin, fundKey));
    expect(refunded.data).toEqual(funded.data);
  });
});
