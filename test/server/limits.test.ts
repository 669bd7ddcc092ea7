import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clients } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { createOrganization, globalId, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { overWebSocket } from "./websocket.js";

// The README's dashboard: a trial's sites, their enrollments, each participant and their first 100 payments.
const Dashboard = graphql(`
  query LimitsDashboard($id: ID!) {
    trial(id: $id) {
      name
      trialSites(first: 20) {
        nodes {
          site { name }
          enrollments(first: 50) {
            nodes {
              subjectId
              participant { firstName lastName }
              payments(first: 100) { edges { node { amount { amount } status } } }
            }
          }
        }
      }
    }
  }
`);
const UsersLiteral = graphql(`query LimitsUsersLiteral { users(first: 7) { edges { node { email } } } }`);
const UsersVariable = graphql(`
  query LimitsUsersVariable($first: Int) { users(first: $first) { edges { node { email } } } }
`);
const UsersFragment = graphql(`
  query LimitsUsersFragment($first: Int) { users(first: $first) { ...LimitsUserEdges } }
  fragment LimitsUserEdges on UserConnection { edges { node { email } } }
`);
const Ping = graphql(`query LimitsPing { ping }`);
// Every client's contracts' trials' sites' enrollments' payments: far more than any answer should carry.
const CreateClientReadingEverything = graphql(`
  mutation LimitsCreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      client {
        name
        contracts { trials { trialSites(first: 100) { nodes { enrollments(first: 100) { nodes { payments(first: 100) { edges { node { id } } } } } } } } }
      }
    }
  }
`);

const LIMIT = 5_000_000;

let server: TestServer;
let token: string;
let org: Organization;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.loginAdmin();
  org = await createOrganization(server);
});
afterAll(() => server.close());

describe("the cost of an operation", () => {
  it("is the same with `first` written in the query, passed as a variable, or inside a fragment", async () => {
    const literal = await server.request(UsersLiteral, {}, token);
    const variable = await server.request(UsersVariable, { first: 7 }, token);
    const fragment = await server.request(UsersFragment, { first: 7 }, token);
    // The connection, and for each of its 7 rows an edge and a node.
    const cost = { requested: 1 + 7 * 2, limit: LIMIT };
    for (const result of [literal, variable, fragment]) {
      expect(result.errors).toBeUndefined();
      expect(result.extensions?.cost).toEqual(cost);
    }
    // Without a page size a connection returns its default page, 20 rows.
    const unsized = await server.request(UsersVariable, {}, token);
    expect(unsized.extensions?.cost).toEqual({ requested: 1 + 20 * 2, limit: LIMIT });
  });

  it("is reported with every answer, nothing for scalars", async () => {
    const result = await server.request(Ping);
    expect(result.data).toEqual({ ping: "pong" });
    expect(result.extensions?.cost).toEqual({ requested: 0, limit: LIMIT });
  });

  it("lets the README's trial dashboard through, its connections counted by their first", async () => {
    const result = await server.request(Dashboard, { id: globalId("Trial", org.trial.id) }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.trial.trialSites.nodes).toHaveLength(2);
    // trial 1 + nodes 1 + 20 trial sites × (itself, its site, nodes 1 + 50 enrollments × (itself, participant,
    // payments 1 + 100 × 3))
    const requested = 1 + 1 + 20 * (1 + 1 + 1 + 50 * (1 + 1 + (1 + 100 * 3)));
    expect(requested).toBe(303_062);
    expect(result.extensions?.cost).toEqual({ requested, limit: LIMIT });
  });

  it("over the limit is refused with QUERY_TOO_COMPLEX and its figures, and nothing runs", async () => {
    const name = "Refused for its cost";
    const result = await server.request(CreateClientReadingEverything, { input: { name } }, token);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(errorCode(result)).toBe("QUERY_TOO_COMPLEX");
    const requested = 1 + 1 + 100 * (1 + 100 * (1 + 1 + 100 * (1 + 1 + 100 * (1 + (1 + 100 * 2)))));
    expect(result.errors?.[0]?.extensions).toEqual({
      code: "QUERY_TOO_COMPLEX",
      cost: requested,
      limit: LIMIT,
    });
    expect(result.errors?.[0]?.message).toMatch(/limit is 5,000,000/);
    expect(result.extensions?.cost).toEqual({ requested, limit: LIMIT });
    expect(await server.db.select().from(clients).where(eq(clients.name, name))).toEqual([]);
  });

  it("over the limit is refused over WebSocket too", async () => {
    const result = await overWebSocket(
      server,
      `subscription { messageReceived { enrollment { trial { contract { client { contracts { trials {
        trialSites(first: 100) { nodes { enrollments(first: 100) { nodes { payments(first: 100) { edges { node { id } } } } } } } } } } } } } } }`,
      token,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("field suggestions", () => {
  const misspelt = `{ me { emial } }`; // on purpose: no typed document can hold it

  it("are given in development", async () => {
    const result = await server.request(misspelt);
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(result.errors?.[0]?.message).toMatch(/Did you mean "email"\?/);
    const overWs = await overWebSocket(server, `subscription { messageReceived { bdy } }`, token);
    expect(overWs.errors?.[0]?.message).toMatch(/Did you mean "body"/);
  });

  it("are hidden in production, over HTTP and WebSocket", async () => {
    const production = await startTestServer({ NODE_ENV: "production" });
    try {
      const result = await production.request(misspelt);
      expect(result.status).toBe(400);
      expect(errorCode(result)).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(result.errors?.[0]?.message).not.toMatch(/did you mean|email/i);
      const overWs = await overWebSocket(production, `subscription { messageReceived { bdy } }`);
      expect(overWs.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(overWs.errors?.[0]?.message).not.toMatch(/did you mean|body/i);
    } finally {
      await production.close();
    }
  });
});
