import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNothingWritten } from "../support/db.js";
import { createOrganization, globalId, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { errorCode, type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";

const CreateClient = `
  mutation($input: CreateClientInput!) { createClient(input: $input) { client { id name } } }`;
const RequestReimbursement = `
  mutation($input: RequestReimbursementInput!) { requestReimbursement(input: $input) { payment { id } } }`;
const SearchClients = `query($search: String) { clients(search: $search) { edges { node { id } } } }`;

const ADDRESS = { street1: "1 Main St", city: "Springfield", state: "IL", postCode: "62701" };
const RECEIPT = Buffer.from("%PDF-1.4\n").toString("base64");

let server: TestServer;
let token: string;
let org: Organization;
let enrollmentId: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.loginAdmin();
  org = await createOrganization(server);
  enrollmentId = globalId("Enrollment", (await createEnrolledParticipant(server, org, 0)).enrollment.id);
});
afterAll(() => server.close());

/** The fields a BAD_USER_INPUT answer names. */
const namedFields = (result: GraphQLResponse<unknown>) =>
  (result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((p) => p.field);

async function expectRefused(result: Promise<GraphQLResponse<unknown>>, fields: string[]) {
  const answer = await expectNothingWritten(server, () => result);
  expect(errorCode(answer)).toBe("BAD_USER_INPUT");
  expect(answer.status).toBe(400);
  expect(namedFields(answer)).toEqual(fields);
  expect(answer.data).toBeUndefined();
}

describe.each([
  ["NUL", "a\u0000b"],
  ["a lone high surrogate", "a\ud800b"],
  ["a lone low surrogate", "\udc00"],
  ["a reversed pair", "\ude00\ud83d"],
])("text holding %s", (_what, text) => {
  it("is refused in a variable, with the field's path", async () => {
    await expectRefused(server.request(CreateClient, { input: { name: text } }, token), ["input.name"]);
  });

  it("is refused deep in a variable", async () => {
    await expectRefused(
      server.request(CreateClient, { input: { name: "Fine", address: { ...ADDRESS, city: text } } }, token),
      ["input.address.city"],
    );
  });

  it("is refused inside a list of input objects", async () => {
    await expectRefused(
      server.request(
        RequestReimbursement,
        {
          input: {
            enrollmentId,
            amount: { amount: "12.00", currency: "USD" },
            category: "Parking",
            attachments: [
              { dataBase64: RECEIPT, filename: "ok.pdf" },
              { dataBase64: RECEIPT, filename: text },
            ],
          },
        },
        token,
      ),
      ["input.attachments.1.filename"],
    );
  });

  it("is refused in a query's argument", async () => {
    await expectRefused(server.request(SearchClients, { search: text }, token), ["search"]);
  });

  it("is refused in every variable at once", async () => {
    await expectRefused(
      server.request(
        `mutation($a: CreateClientInput!, $b: CreateClientInput!) {
          a: createClient(input: $a) { client { id } }
          b: createClient(input: $b) { client { id } }
        }`,
        { a: { name: text }, b: { name: "Fine", salesContact: text } },
        token,
      ),
      ["a.name", "b.salesContact"],
    );
  });
});

describe("a NUL written in the query", () => {
  it("is refused in an argument, with the field's path", async () => {
    await expectRefused(
      server.request(`mutation { createClient(input: { name: "a\\u0000b" }) { client { id } } }`, {}, token),
      ["input.name"],
    );
  });

  it("is refused deep in an input object and in a list", async () => {
    await expectRefused(
      server.request(
        `mutation {
          createClient(input: { name: "Fine", address: { street1: "1\\u0000", city: "C", state: "S", postCode: "12345" } }) {
            client { id }
          }
        }`,
        {},
        token,
      ),
      ["input.address.street1"],
    );
    await expectRefused(server.request(`{ nodes(ids: ["a", "\\u0000"]) { id } }`, {}, token), ["ids.1"]);
  });

  it("is refused inside a fragment and in a variable's default", async () => {
    await expectRefused(
      server.request(
        `query { ...Search } fragment Search on Query { clients(search: "\\u0000") { edges { cursor } } }`,
        {},
        token,
      ),
      ["search"],
    );
    await expectRefused(
      server.request(
        `query($search: String = "\\u0000") { clients(search: $search) { edges { cursor } } }`,
        {},
        token,
      ),
      ["search"],
    );
  });
});

it("a lone surrogate written in the query is refused as a syntax error, not a server error", async () => {
  const result = await server.request(`{ clients(search: "a\ud800") { edges { cursor } } }`, {}, token);
  expect(result.status).toBe(400);
  expect(errorCode(result)).toBe("GRAPHQL_PARSE_FAILED");
  expect(result.errors![0]!.message).toContain("Syntax Error: Invalid character within String");
});

it("accepts text that is unusual but valid: emoji, joiners, right-to-left marks, other control characters", async () => {
  const name = "Clinic \u{1F469}\u200D\u{1F52C} \u200F\u05E9\u05DC\u05D5\u05DD\u200E \u0007 \uFEFF";
  const result = await server.request<{ createClient: { client: { name: string } } }>(
    CreateClient,
    { input: { name } },
    token,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.createClient.client.name).toBe(name.trim());
});
