import { afterAll, beforeAll, expect, it } from "vitest";
import { milestones, milestoneVersions, payments } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { createOrganization, globalId, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { insertUnclaimedPayment } from "./claim-fixtures.js";

const TrialMilestones = graphql(`
  query TrialMilestones($id: ID!) {
    trial(id: $id) {
      trialSites {
        nodes { enrollments { nodes { milestonePayments { timesPaid payable paid { amount } milestone { name } } } } }
      }
    }
  }
`);

const TrialPayments = graphql(`
  query TrialPayments($id: ID!) {
    trial(id: $id) {
      trialSites {
        nodes {
          enrollments {
            nodes {
              subjectId
              payments(first: 10) { totalCount edges { node { status amount { amount } } } }
              unclaimed: payments(first: 1, status: UNCLAIMED) { totalCount edges { node { status } } }
            }
          }
        }
      }
    }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** `perSite` enrolled participants at each of two trial sites with a two-visit schedule, each paid for one visit. */
async function scheduleOf(perSite: number): Promise<Organization> {
  const org = await createOrganization(server);
  for (const trialSite of org.trialSites) {
    const rows = await server.db
      .insert(milestones)
      .values(
        ["Screening", "Week 1"].map((name, sortOrder) => ({ trialSiteId: trialSite.id, name, sortOrder })),
      )
      .returning();
    await server.db
      .insert(milestoneVersions)
      .values(rows.map((m) => ({ milestoneId: m.id, amountMinor: 5_000n, currency: "USD" })));
  }
  for (let i = 0; i < perSite * 2; i++) {
    const { enrollment } = await createEnrolledParticipant(server, org, i % 2);
    await insertUnclaimedPayment(server, org, enrollment.id, 2_500n, i % 2);
  }
  return org;
}

it("reads every enrollment's milestones in the same number of SQL statements for 2 and 30 enrollments", async () => {
  const token = await server.loginAdmin();
  const counts: number[] = [];
  for (const org of [await scheduleOf(1), await scheduleOf(15)]) {
    const before = server.statements.count;
    const result = await server.request(TrialMilestones, { id: globalId("Trial", org.trial.id) }, token);
    counts.push(server.statements.count - before);
    expect(result.errors).toBeUndefined();
    const enrollments = result.data!.trial.trialSites.nodes.flatMap((ts) => ts.enrollments.nodes);
    for (const { milestonePayments } of enrollments) {
      // The two scheduled visits, unpaid, and the one-off visit each participant was paid for.
      expect(milestonePayments.map((m) => [m.milestone.name, m.timesPaid])).toEqual(
        expect.arrayContaining([
          ["Screening", 0],
          ["Week 1", 0],
        ]),
      );
      expect(milestonePayments.filter((m) => m.timesPaid === 1).map((m) => m.paid.amount)).toEqual(["25.00"]);
    }
  }
  expect(counts[1]).toBe(counts[0]);
});

it("reads a whole trial's payments nested under its enrollments in one request, in as many statements at 2 and 30 enrollments", async () => {
  const admin = await server.loginAdmin();
  const counts: number[] = [];
  for (const org of [await scheduleOf(1), await scheduleOf(15)]) {
    // A second, pending payment for the first enrollment, so the status filter and the page size matter.
    const [first] = await server.sql<{ id: string }[]>`
      SELECT id FROM enrollments WHERE trial_id = ${org.trial.id} ORDER BY id LIMIT 1`;
    await server.db.insert(payments).values({
      enrollmentId: first!.id,
      contractId: org.contract.id,
      kind: "manual",
      status: "pending",
      amountMinor: 1_000n,
      currency: "USD",
    });
    const before = server.statements.count;
    const result = await server.request(TrialPayments, { id: globalId("Trial", org.trial.id) }, admin);
    counts.push(server.statements.count - before);
    expect(result.errors).toBeUndefined();
    const enrollments = result.data!.trial.trialSites.nodes.flatMap((ts) => ts.enrollments.nodes);
    for (const e of enrollments) {
      const many = e.payments.totalCount;
      expect(e.payments.edges).toHaveLength(many);
      expect(e.unclaimed).toEqual({ totalCount: 1, edges: [{ node: { status: "UNCLAIMED" } }] });
      expect(many).toBe(e.payments.edges.some((p) => p.node.status === "PENDING") ? 2 : 1);
    }
    expect(enrollments.filter((e) => e.payments.totalCount === 2)).toHaveLength(1);
  }
  expect(counts[1]).toBe(counts[0]);
});
