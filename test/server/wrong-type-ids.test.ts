import { afterAll, beforeAll, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { createOrganization, globalId } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const Schedule = graphql(`
  query ScheduleByIds($trialId: ID!, $siteId: ID!) { paymentSchedule(trialId: $trialId, siteId: $siteId) { name } }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it("answers an id of the wrong type in any argument as BAD_USER_INPUT naming the type it needs", async () => {
  const org = await createOrganization(server);
  const token = await server.loginAdmin();
  const site = globalId("Site", org.sites[0]!.id);
  const result = await server.request(Schedule, { trialId: site, siteId: site }, token);
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
  expect(result.errors?.[0]?.message).toBe(`trialId: "${site}" is not the id of a Trial.`);
  expect(result.errors?.[0]?.extensions?.fields).toEqual([
    { field: "trialId", message: `"${site}" is not the id of a Trial.` },
  ]);
});
