import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { seedTrial } from "../support/dashboard.js";
import { gid } from "../support/ids.js";
import { type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";

/*
 * The dashboard's nested payments, their totalCounts and the payment totals load per level, not per row: a request
 * takes as many SQL statements for 2 trial sites (or participants) as for 20.
 */

const TrialDashboard = graphql(`
  query TrialDashboard($id: ID!) {
    trial(id: $id) {
      paymentTotals { currency count committed { amount { amount } } }
      trialSites {
        nodes {
          paymentTotals { count paid { count amount { amount } } }
          payments(first: 2, orderBy: AMOUNT_DESC) { totalCount edges { node { uid } } }
          enrollments {
            nodes {
              paymentTotals { count unclaimed { amount { amount } } }
              payments(first: 2, status: UNCLAIMED) { totalCount edges { node { uid } } }
              participant { payments(first: 1, orderBy: CREATED_AT_ASC) { totalCount edges { node { uid } } } }
            }
          }
        }
      }
    }
  }
`);

/** The dashboard of the benchmarks (bench/, ../shared/peer-bench): every list a connection of 100, as asked there. */
const BenchDashboard = graphql(`
  query BenchDashboard($id: ID!) {
    trial(id: $id) {
      name
      trialSites(first: 100) {
        edges {
          node {
            site { name }
            enrollments(first: 100) {
              edges {
                node {
                  subjectId
                  participant { firstName lastName }
                  payments(first: 100) { edges { node { amount { amount } status } } }
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** Every plain field of a payment, nested (first pages read only the columns their nodes ask) and at the root. */
const PaymentFieldsBothWays = graphql(`
  query PaymentFieldsBothWays($id: ID!) {
    trial(id: $id) {
      trialSites(first: 10) {
        nodes {
          enrollments(first: 10) {
            nodes {
              payments(first: 10) {
                nodes {
                  id uid kind status amount { amount currency }
                  ... on Payment { category note rejectionReason failureReason createdAt }
                }
                edges { node { status } }
              }
              withMilestone: payments(first: 10) { nodes { status milestoneName } }
            }
          }
        }
      }
    }
    payments(trialId: $id, first: 100) {
      nodes { id uid kind status amount { amount currency } category note rejectionReason failureReason createdAt }
    }
  }
`);

/** Selection sets nested in a document: trial { trialSites { edges { node { … } } } } is 4 deep. */
function depthOf(document: string) {
  let depth = 0;
  let deepest = 0;
  for (const char of document) {
    if (char === "{") deepest = Math.max(deepest, ++depth);
    if (char === "}") depth--;
  }
  return deepest - 1; // the operation's own braces
}

const ParticipantsWithPayments = graphql(`
  query ParticipantsWithPayments($trialId: ID!) {
    participants(trialId: $trialId, first: 100, orderBy: NAME_ASC) {
      totalCount
      edges { node { lastName payments(first: 2, kind: MANUAL) { totalCount edges { node { uid } } } } }
    }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A request's answer, checked free of errors, and the SQL statements it took. */
async function measured<T>(request: () => Promise<GraphQLResponse<T>>) {
  const before = server.statements.count;
  const result = await request();
  expect(result.errors).toBeUndefined();
  return { data: result.data!, statements: server.statements.count - before };
}

describe("nested payments, counts and totals are batched per level", () => {
  it("a trial dashboard takes as many statements at 2 trial sites as at 20, as admin and as trial staff", async () => {
    const few = await seedTrial(server, 2);
    const many = await seedTrial(server, 20);
    const adminToken = await server.loginAdmin();
    const report: Record<string, unknown>[] = [];
    for (const who of ["admin", "trial staff"] as const) {
      const tokenFor = async (clientId: string) =>
        who === "admin"
          ? adminToken
          : (
              await staffWith(
                server,
                ["view_trials", "view_enrollments", "view_participants", "view_payments"],
                {
                  clientId,
                },
              )
            ).token;
      const counts: number[] = [];
      for (const seeded of [many, few, many]) {
        const token = await tokenFor(seeded.clientId);
        const { data, statements } = await measured(() =>
          server.request(TrialDashboard, { id: gid.trial(seeded.trialId) }, token),
        );
        const sites = seeded.trialSiteIds.length;
        expect(data.trial.trialSites.nodes).toHaveLength(sites);
        expect(data.trial.paymentTotals).toEqual([
          {
            currency: "USD",
            count: sites * 6,
            committed: { amount: { amount: (sites * 2 * 30).toFixed(2) } },
          },
        ]);
        counts.push(statements);
      }
      // The first run warms postgres.js's connections (array types are looked up once per connection).
      expect(counts[1]).toBe(counts[2]);
      report.push({ who, "2 trial sites": counts[1], "20 trial sites": counts[2] });
    }
    console.log("trial dashboard with nested payments (SQL statements per request):");
    console.table(report);
  });

  it("the benchmarks' dashboard takes as many statements at 2 trial sites as at 20, at most its depth + 2, as admin and as trial staff", async () => {
    const few = await seedTrial(server, 2);
    const many = await seedTrial(server, 20);
    const limit = depthOf(print(BenchDashboard)) + 2;
    const adminToken = await server.loginAdmin();
    const report: Record<string, unknown>[] = [];
    for (const who of ["admin", "trial staff"] as const) {
      const counts: number[] = [];
      for (const seeded of [many, few, many]) {
        const token =
          who === "admin"
            ? adminToken
            : (
                await staffWith(
                  server,
                  ["view_trials", "view_enrollments", "view_participants", "view_payments"],
                  { clientId: seeded.clientId },
                )
              ).token;
        const { data, statements } = await measured(() =>
          server.request(BenchDashboard, { id: gid.trial(seeded.trialId) }, token),
        );
        const trialSites = data.trial.trialSites.edges.map((edge) => edge.node);
        expect(trialSites).toHaveLength(seeded.trialSiteIds.length);
        for (const trialSite of trialSites) {
          expect(trialSite.enrollments.edges).toHaveLength(2);
          for (const { node } of trialSite.enrollments.edges) {
            expect(node.participant.firstName).toBe("Pat");
            expect(node.payments.edges.map((edge) => edge.node.amount.amount).sort()).toEqual([
              "10.00",
              "20.00",
              "30.00",
            ]);
          }
        }
        counts.push(statements);
      }
      expect(counts[1]).toBe(counts[2]);
      expect(counts[2]).toBeLessThanOrEqual(limit);
      report.push({ who, "2 trial sites": counts[1], "20 trial sites": counts[2], "depth + 2": limit });
    }
    console.log("the benchmarks' dashboard (SQL statements per request):");
    console.table(report);
  });

  it("a nested list reading only the columns its nodes ask answers every field as the whole row does", async () => {
    const seeded = await seedTrial(server, 3);
    const result = await server.request(
      PaymentFieldsBothWays,
      { id: gid.trial(seeded.trialId) },
      await server.loginAdmin(),
    );
    expect(result.errors).toBeUndefined();
    const enrollments = result.data!.trial.trialSites.nodes.flatMap((ts) => ts.enrollments.nodes);
    const nested = enrollments.flatMap((e) => e.payments.nodes);
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(nested).toHaveLength(18);
    expect(byId(nested)).toEqual(byId(result.data!.payments.nodes));
    for (const e of enrollments) {
      expect(e.payments.edges.map((edge) => edge.node.status)).toEqual(e.payments.nodes.map((n) => n.status));
      expect(e.withMilestone.nodes.map((n) => n.status)).toEqual(e.payments.nodes.map((n) => n.status));
    }
  });

  it("participants with their payments take as many statements for 4 participants as for 40", async () => {
    const few = await seedTrial(server, 2);
    const many = await seedTrial(server, 20);
    const token = await server.loginAdmin();
    const counts: number[] = [];
    for (const seeded of [many, few, many]) {
      const { data, statements } = await measured(() =>
        server.request(ParticipantsWithPayments, { trialId: gid.trial(seeded.trialId) }, token),
      );
      const people = seeded.trialSiteIds.length * 2;
      expect(data.participants.totalCount).toBe(people);
      expect(data.participants.edges.map((edge) => edge.node.payments.totalCount)).toEqual(
        Array(people).fill(3),
      );
      counts.push(statements);
    }
    expect(counts[1]).toBe(counts[2]);
    console.log(`participants with payments: ${counts[1]} statements for 4 and for 40`);
  });
});
