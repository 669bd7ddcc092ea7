import { afterAll, beforeAll, expect, it } from "vitest";
import { expectNothingWritten } from "../support/db.js";
import { createOrganization, globalId, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
let token: string;
let org: Organization;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.loginAdmin();
  org = await createOrganization(server);
});
afterAll(() => server.close());

const CreateContract = `
  mutation($input: CreateContractInput!) { createContract(input: $input) { contract { id } } }`;
const AddMilestone = `
  mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { __typename } }`;

// JavaScript reads all of these as dates; PostgreSQL stores none of them.
it.each(["0000-01-01", "0000-12-31"])("a Date in the year 0 (%s) is BAD_USER_INPUT", async (startDate) => {
  const result = await expectNothingWritten(server, () =>
    server.request(
      CreateContract,
      {
        input: {
          clientId: globalId("Client", org.client.id),
          name: "Year zero",
          totalValue: { amount: "1.00", currency: "USD" },
          startDate,
        },
      },
      token,
    ),
  );
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
});

it.each([
  "0000-01-01",
  "0000-06-01T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "+010000-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
])("a DateTime outside the years 1–9999 (%s) is BAD_USER_INPUT", async (effectiveAt) => {
  const result = await expectNothingWritten(server, () =>
    server.request(
      AddMilestone,
      {
        input: {
          trialId: globalId("Trial", org.trial.id),
          siteId: globalId("Site", org.sites[0]!.id),
          name: "Week 1",
          amount: { amount: "10.00", currency: "USD" },
          effectiveAt,
        },
      },
      token,
    ),
  );
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
});

it("the first and last days of the years 1–9999 are dates", async () => {
  const result = await server.request(
    CreateContract,
    {
      input: {
        clientId: globalId("Client", org.client.id),
        name: "Long contract",
        totalValue: { amount: "1.00", currency: "USD" },
        startDate: "0001-01-01",
        endDate: "9999-12-31",
      },
    },
    token,
  );
  expect(result.errors).toBeUndefined();
});
