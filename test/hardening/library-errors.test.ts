import { afterAll, beforeAll, expect, it } from "vitest";
import { registerUser } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { createOrganization, globalId, type Organization } from "../support/organizations.js";
import { startTestServer, type TestServer } from "../support/server.js";

/* Input mistakes that Pothos and graphql-js report themselves, without a code of ours. */

let server: TestServer;
let token: string;
let org: Organization;
let staffId: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.loginAdmin();
  org = await createOrganization(server);
  staffId = (await registerUser(server)).id;
});
afterAll(() => server.close());

const codes = (result: { errors?: { extensions?: { code?: string } }[] }) => [
  ...new Set(result.errors?.map((error) => error.extensions?.code)),
];

it("a global id of another type in a mutation's input is BAD_USER_INPUT", async () => {
  const answers = await expectNothingWritten(server, async () => [
    await server.request(
      `mutation($input: SwitchUserInput!) { switchUser(input: $input) { __typename } }`,
      { input: { userId: globalId("Site", org.sites[0]!.id) } },
      token,
    ),
    await server.request(
      `mutation($input: EditClientInput!) { editClient(input: $input) { client { id } } }`,
      { input: { clientId: globalId("Trial", org.trial.id), name: "Renamed" } },
      token,
    ),
    await server.request(
      `mutation($input: CopyPermissionsInput!) { copyPermissions(input: $input) { __typename } }`,
      { input: { fromUserId: staffId, toUserId: globalId("Client", org.client.id) } },
      token,
    ),
  ]);
  for (const answer of answers) {
    expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.errors![0]!.message).toMatch(/is not (of type|the id of)/);
  }
});

it("more problems in the variables than graphql-js lists (50) is still BAD_USER_INPUT", async () => {
  const result = await server.request(
    `mutation($input: PermissionsChangeInput!) { grantPermissions(input: $input) { done } }`,
    {
      input: {
        userId: staffId,
        resourceId: globalId("Trial", org.trial.id),
        permissions: Array.from({ length: 60 }, (_, i) => `NOT_A_PERMISSION_${i}`),
      },
    },
    token,
  );
  expect(result.status).toBe(400);
  expect(result.errors!.length).toBeGreaterThan(50);
  expect(codes(result)).toEqual(["BAD_USER_INPUT"]);
});
