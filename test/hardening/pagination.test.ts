import { isNonNullType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPothosSchema } from "../../schema/index.js";
import { createOrganization, globalId } from "../support/organizations.js";
import { errorCode, type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";

/** Every connection of the API: the Query fields that take Relay's page arguments. */
const FIELDS = buildPothosSchema().getQueryType()!.getFields();
const CONNECTIONS = Object.values(FIELDS)
  .filter((field) =>
    ["first", "last", "before", "after"].every((arg) => field.args.some((a) => a.name === arg)),
  )
  .map((field) => field.name);

/** The connection's required arguments besides its page (such as trialId), written into the query. */
const required = (field: string) =>
  FIELDS[field]!.args.filter((arg) => isNonNullType(arg.type)).map((arg) => {
    if (!(arg.name in requiredValues))
      throw new Error(`${field}: no value for its required argument ${arg.name}`);
    return `${arg.name}: ${JSON.stringify(requiredValues[arg.name])}`;
  });

const page = (field: string) => `
  query($first: Int, $last: Int, $before: String, $after: String) {
    ${field}(${[...required(field), "first: $first, last: $last, before: $before, after: $after"].join(", ")}) {
      edges { cursor }
    }
  }`;

const cursorOf = (text: string) => Buffer.from(text).toString("base64url");

let server: TestServer;
let token: string;
/** Values of the required arguments connections take: the organisation's. */
const requiredValues: Record<string, string> = {};
beforeAll(async () => {
  server = await startTestServer();
  token = await server.loginAdmin();
  const org = await createOrganization(server);
  requiredValues.trialId = globalId("Trial", org.trial.id);
});
afterAll(() => server.close());

/** The arguments a BAD_USER_INPUT answer names. */
const namedFields = (result: GraphQLResponse<unknown>) =>
  (result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((p) => p.field);

it("finds the connections", () => {
  expect(CONNECTIONS).toEqual(expect.arrayContaining(["payments", "clients", "users", "messages"]));
});

describe.each(CONNECTIONS)("%s", (field) => {
  it.each([
    [{ first: -5 }, "first"],
    [{ last: -1 }, "last"],
    [{ first: 101 }, "first"],
    [{ first: 2_147_483_647 }, "first"],
    [{ last: 1000 }, "last"],
  ])("refuses the page size %j as BAD_USER_INPUT naming %s", async (variables, arg) => {
    const result = await server.request(page(field), variables, token);
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(namedFields(result)).toEqual([arg]);
    expect(result.errors![0]!.message).toMatch(new RegExp(`^${arg}: `));
  });

  it("refuses a negative page size written in the query", async () => {
    const result = await server.request(
      `{ ${field}(${[...required(field), "first: -5"].join(", ")}) { edges { cursor } } }`,
      {},
      token,
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(namedFields(result)).toEqual(["first"]);
  });

  it.each([1.5, 2 ** 31, "ten"])("refuses the page size %j before running (Int coercion)", async (first) => {
    const result = await server.request(page(field), { first }, token);
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0]!.message).toContain("$first");
  });

  it("accepts 0 and 100", async () => {
    for (const first of [0, 100]) {
      const result = await server.request(page(field), { first }, token);
      expect(result.errors).toBeUndefined();
    }
  });

  it.each([
    ["zz", "not base64 of a cursor"],
    [cursorOf("2020-01-01T00:00:00.000Z|a\u0000b"), "a NUL in the id"],
    [cursorOf("0000-01-01T00:00:00.000Z|abc"), "a year PostgreSQL refuses"],
    [cursorOf("2020-02-30T00:00:00.000Z|abc"), "a day that does not exist"],
    [cursorOf("+100000-01-01T00:00:00.000Z|abc"), "a six-digit year"],
  ])("refuses the cursor %s (%s) under the argument it was given as", async (cursor) => {
    for (const arg of ["before", "after"]) {
      const result = await server.request(page(field), { [arg]: cursor }, token);
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(namedFields(result)).toEqual([arg]);
    }
  });
});

// The lists the setup put rows in: their cursors must pass the stricter reading.
it.each(["clients", "contracts", "sites", "trials", "users"])(
  "%s accepts the cursors it gave out",
  async (field) => {
    const first = await server.request<Record<string, { edges: { cursor: string }[] }>>(
      page(field),
      { first: 1 },
      token,
    );
    const cursor = first.data![field]!.edges[0]!.cursor;
    for (const arg of ["before", "after"]) {
      const result = await server.request(page(field), { [arg]: cursor, first: 5 }, token);
      expect(result.errors).toBeUndefined();
    }
  },
);
