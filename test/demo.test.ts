import { afterAll, beforeAll, expect, it } from "vitest";
import { loadDemoData } from "../server/demo.js";
import { graphql } from "./graphql/index.js";
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
