import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  enrollments,
  fundingDeposits,
  milestones,
  milestoneVersions,
  participants,
  users,
} from "../db/schema/index.js";
import { createOrganization, globalId, type Organization } from "../test/support/organizations.js";
import { startTestServer, type TestServer } from "../test/support/server.js";

/**
 * Milestone payments per second over HTTP: the full path (session, shield rules, access checks, the locked
 * contract row, the pay-once index, history and audit), for one contract, sequentially and with concurrency.
 * Every payment draws on the same contract, so they serialise on its row lock by design.
 */
const PAY = `mutation Bench($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }`;
const N = 200;

let server: TestServer;
let org: Organization;
let milestoneId: string;
let enrollmentIds: string[];
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  await server.db
    .insert(fundingDeposits)
    .values({ contractId: org.contract.id, amountMinor: 10_000_000_00n, currency: "USD" });
  await server.sql`UPDATE contracts SET deposited_minor = 1000000000 WHERE id = ${org.contract.id}`;
  const [milestone] = await server.db
    .insert(milestones)
    .values({ trialSiteId: org.trialSites[0]!.id, name: "Visit 1" })
    .returning();
  await server.db.insert(milestoneVersions).values({
    milestoneId: milestone!.id,
    amountMinor: 5000n,
    currency: "USD",
    effectiveAt: new Date("2020-01-01"),
  });
  milestoneId = milestone!.id;
  const tag = randomBytes(3).toString("hex");
  const people = await server.db
    .insert(users)
    .values(
      Array.from({ length: 2 * N }, (_, i) => ({
        email: `bench-${tag}-${i}@example.com`,
        firstName: "B",
        lastName: `${i}`,
        userType: "participant" as const,
      })),
    )
    .returning({ id: users.id });
  const profiles = await server.db
    .insert(participants)
    .values(people.map((u) => ({ userId: u.id, homeSiteId: org.sites[0]!.id })))
    .returning({ id: participants.id });
  const rows = await server.db
    .insert(enrollments)
    .values(
      profiles.map((p, i) => ({
        participantId: p.id,
        trialSiteId: org.trialSites[0]!.id,
        trialId: org.trial.id,
        subjectId: `B${tag}${i}`,
      })),
    )
    .returning({ id: enrollments.id });
  enrollmentIds = rows.map((r) => r.id);
});
afterAll(() => server.close());

async function payAll(ids: string[], concurrency: number, token: string) {
  const queue = [...ids];
  const before = server.statements.count;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const result = await server.request(
          PAY,
          { input: { enrollmentId: globalId("Enrollment", id), milestoneId } },
          token,
        );
        expect(result.errors).toBeUndefined();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency,
    payments: ids.length,
    perSecond: Math.round(ids.length / seconds),
    msEach: Math.round((seconds * 1000) / ids.length),
    statementsPerPayment: Math.round((server.statements.count - before) / ids.length),
  };
}

it("measures milestone payments per second", async () => {
  const token = await server.loginAdmin();
  const results = [
    await payAll(enrollmentIds.slice(0, N), 1, token),
    await payAll(enrollmentIds.slice(N), 10, token),
  ];
  console.table(results);
  const [paid] = await server.sql`SELECT count(*)::int AS n, sum(amount_minor)::text AS total FROM payments`;
  expect(paid).toEqual({ n: 2 * N, total: String(2 * N * 5000) });
});
