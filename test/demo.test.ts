import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_API_CLIENT, loadDemoData } from "../server/demo.js";
import { graphql } from "./graphql/index.js";
import { accessToken } from "./support/apiclients.js";
import { startTestServer, type TestServer } from "./support/server.js";

const DemoViewer = graphql(`query DemoViewer { viewer { roles userType } }`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it("loads the demo once, and its people can log in with their roles", async () => {
  const loaded = await loadDemoData(server.db);
  expect(loaded?.password).toBeTruthy();
  expect(await loadDemoData(server.db)).toBeNull();

  const token = await server.login("carla.reyes@example.com", loaded!.password);
  const viewer = await server.request(DemoViewer, {}, token);
  expect(viewer.data).toEqual({ viewer: { roles: ["Site Coordinator"], userType: "STAFF" } });

  const [counts] = await server.sql`
    SELECT (SELECT count(*)::int FROM enrollments) AS enrollments,
           (SELECT count(*)::int FROM milestones) AS milestones,
           (SELECT deposited_minor::text FROM contracts) AS deposited,
           (SELECT sum(amount_minor)::text FROM funding_deposits) AS deposits`;
  expect(counts).toEqual({ enrollments: 6, milestones: 20, deposited: "25000000", deposits: "25000000" });
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
