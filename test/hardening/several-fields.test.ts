import { afterAll, beforeAll, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { expectNothingWritten } from "../support/db.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const CreateClient = graphql(`
  mutation SeveralFieldsCreateClient($input: CreateClientInput!) { createClient(input: $input) { client { id } } }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it("names each bad field in its own entry of extensions.fields, with its own message", async () => {
  const token = await server.loginAdmin();
  const input = { name: " ", taxId: "!", contactEmail: "not an address", salesContact: "Sam" };
  const result = await expectNothingWritten(server, () => server.request(CreateClient, { input }, token));
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]?.extensions?.fields).toEqual([
    { field: "name", message: "is required" },
    { field: "taxId", message: "must be a tax id such as 66-0057137" },
    { field: "contactEmail", message: expect.any(String) },
  ]);
  // The message says each of them too, apart from one another.
  expect(result.errors?.[0]?.message).toMatch(
    /^3 inputs are invalid: name: is required; taxId: must be a tax id such as 66-0057137; contactEmail: [^;]+\.$/,
  );
});
