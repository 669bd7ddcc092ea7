import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_CLIENT, DEMO_PASSWORD, demoAccounts, loadDemoData } from "../server/demo.js";
import { graphql } from "./graphql/index.js";
import { accessToken } from "./support/apiclients.js";
import { startTestServer, type TestServer } from "./support/server.js";

const DemoViewer = graphql(`query DemoViewer { viewer { roles userType } }`);

/** The GraphQL blocks of the README marked `<!-- readme-query: name (login e-mail) -->`, as written there. */
function readmeQueries() {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const marked = /<!-- readme-query: (\w+) \(([^)]+)\) -->\n```graphql\n([\s\S]*?)```/g;
  return Object.fromEntries(
    [...readme.matchAll(marked)].map(([, name, email, query]) => [name!, { email: email!, query: query! }]),
  );
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("demo data", () => {
  it("loads once, with visits, payments in every status and messages, its funding consistent", async () => {
    const loaded = await loadDemoData(server.db);
    expect(loaded?.password).toBe(DEMO_PASSWORD);
    expect(await loadDemoData(server.db)).toBeNull();

    const [counts] = await server.sql`
      SELECT (SELECT count(*)::int FROM enrollments) AS enrollments,
             (SELECT count(*)::int FROM milestones) AS milestones,
             (SELECT deposited_minor::text FROM contracts) AS deposited,
             (SELECT sum(amount_minor)::text FROM funding_deposits) AS deposits,
             (SELECT array_agg(DISTINCT status::text ORDER BY status::text) FROM payments) AS statuses,
             (SELECT array_agg(DISTINCT status::text ORDER BY status::text) FROM appointments) AS visits,
             (SELECT count(*)::int FROM messages) AS messages,
             (SELECT committed_minor::text FROM contracts) AS committed,
             (SELECT sum(amount_minor)::text FROM payments WHERE status NOT IN ('pending', 'rejected')) AS owed,
             (SELECT count(*)::int FROM payments p WHERE NOT EXISTS
               (SELECT 1 FROM payment_events e WHERE e.payment_id = p.id AND e.to_status = p.status)) AS without_history`;
    expect(counts).toEqual({
      enrollments: 6,
      milestones: 20,
      deposited: "25000000",
      deposits: "25000000",
      statuses: ["claimed", "failed", "paid", "pending", "rejected", "unclaimed"],
      visits: ["attended", "scheduled"],
      messages: 18,
      committed: counts!.owed,
      owed: counts!.owed,
      without_history: 0,
    });
  });

  it("prints accounts that log in with the demo password, each with its role", async () => {
    const accounts = demoAccounts();
    expect(accounts).toHaveLength(13);
    for (const { email } of accounts) await server.login(email, DEMO_PASSWORD);
    const token = await server.login("carla.reyes@example.com", DEMO_PASSWORD);
    const viewer = await server.request(DemoViewer, {}, token);
    expect(viewer.data).toEqual({ viewer: { roles: ["Site Coordinator"], userType: "STAFF" } });
  });

  it("answers the README's dashboard query as pasted: the coordinator's trial site, participants, payments", async () => {
    const { dashboard } = readmeQueries();
    expect(dashboard?.email).toBe("carla.reyes@example.com");
    const token = await server.login(dashboard!.email, DEMO_PASSWORD);
    const result = await server.request<{
      trials: {
        nodes: {
          name: string;
          trialSites: {
            nodes: {
              site: { name: string };
              enrollments: { nodes: { payments: { nodes: { status: string }[] } }[] };
            }[];
          };
        }[];
      };
    }>(dashboard!.query, undefined, token);
    expect(result.errors).toBeUndefined();
    const [trial] = result.data!.trials.nodes;
    expect(trial!.name).toBe("Trial Benjamin-97");
    expect(trial!.trialSites.nodes.map((ts) => ts.site.name)).toEqual(["Johnson Clinic"]);
    const enrollments = trial!.trialSites.nodes[0]!.enrollments.nodes;
    expect(enrollments).toHaveLength(3);
    const statuses = new Set(enrollments.flatMap((e) => e.payments.nodes.map((p) => p.status)));
    expect([...statuses].sort()).toEqual(["CLAIMED", "FAILED", "PAID", "PENDING", "REJECTED", "UNCLAIMED"]);
  });

  it("answers the README's participant query as pasted: their trial, site, coordinator and payments", async () => {
    const { participant } = readmeQueries();
    expect(participant?.email).toBe("ava.thompson@example.com");
    const token = await server.login(participant!.email, DEMO_PASSWORD);
    const result = await server.request<{
      me: {
        participant: {
          firstName: string;
          enrollments: {
            trial: { name: string };
            trialSite: { site: { name: string; phone: string }; coordinators: { email: string }[] };
            payments: { nodes: { kind: string; status: string }[] };
          }[];
        };
      };
    }>(participant!.query, undefined, token);
    expect(result.errors).toBeUndefined();
    const me = result.data!.me.participant;
    expect(me.firstName).toBe("Ava");
    expect(me.enrollments).toHaveLength(1);
    const [enrollment] = me.enrollments;
    expect(enrollment!.trial.name).toBe("Trial Benjamin-97");
    expect(enrollment!.trialSite.site).toMatchObject({ name: "Johnson Clinic", phone: "(407) 555-0100" });
    expect(enrollment!.trialSite.coordinators.map((c) => c.email)).toEqual(["carla.reyes@example.com"]);
    expect(enrollment!.payments.nodes.map((p) => `${p.kind} ${p.status}`).sort()).toEqual([
      "MILEAGE UNCLAIMED",
      "MILESTONE CLAIMED",
      "MILESTONE PAID",
    ]);
  });
});

it("gives the demo client a sandbox API credential that reads the demo trial, as the README shows", async () => {
  const token = await accessToken(server.url, DEMO_API_CLIENT.clientIdentifier, DEMO_API_CLIENT.secret);
  const result = await server.request(
    `{ trials(first: 5) { nodes { name protocolId sandbox } } }`,
    {},
    token,
  );
  expect(result.data).toEqual({
    trials: { nodes: [{ name: "Trial Benjamin-97", protocolId: expect.any(String), sandbox: true }] },
  });
  const scopes = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).scope;
  expect(scopes.split(" ").sort()).toEqual([
    "prescreening:read",
    "referrals:read",
    "sites:read",
    "trials:read",
  ]);
});
