import { randomBytes } from "node:crypto";
import KSUID from "ksuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId, ID_PATTERN, newId } from "../../db/ids.js";
import { registerUser } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { globalId } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
let token: string;
let staffId: string;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.loginAdmin();
  staffId = (await registerUser(server)).id;
});
afterAll(() => server.close());

/** Global ids of the right type whose raw id no object can have. */
const MALFORMED_RAW_IDS = [
  ["a NUL", "\u0000"],
  ["a NUL inside", `${newId()}\u0000`],
  ["100 KB", "x".repeat(100 * 1024)],
  ["SQL", "' OR 1=1 --"],
  ["a replacement character", "a\ufffd"],
  ["spaces", " ".repeat(27)],
];

describe.each(MALFORMED_RAW_IDS)("a global id whose raw id holds %s", (_what, raw) => {
  it("is refused as BAD_USER_INPUT by node, by a query's argument and by a mutation's input", async () => {
    const id = globalId("Client", raw);
    const answers = await expectNothingWritten(server, async () => [
      await server.request(`query($id: ID!) { node(id: $id) { id } }`, { id }, token),
      await server.request(`query($id: ID!) { client(id: $id) { id } }`, { id }, token),
      await server.request(
        `mutation($input: EditClientInput!) { editClient(input: $input) { client { id } } }`,
        { input: { clientId: id, name: "Renamed" } },
        token,
      ),
      await server.request(
        `mutation($input: PermissionsChangeInput!) { grantPermissions(input: $input) { done } }`,
        { input: { userId: staffId, resourceId: globalId("Trial", raw), permissions: ["VIEW_TRIALS"] } },
        token,
      ),
    ]);
    expect(answers.map(errorCode)).toEqual(Array(answers.length).fill("BAD_USER_INPUT"));
  });
});

it("a resource id naming no resource type (not even one inherited by every object) is BAD_USER_INPUT", async () => {
  for (const typename of ["constructor", "toString", "__proto__", "Nope"]) {
    const result = await server.request(
      `mutation($input: PermissionsChangeInput!) { grantPermissions(input: $input) { done } }`,
      { input: { userId: staffId, resourceId: globalId(typename, newId()), permissions: ["VIEW_TRIALS"] } },
      token,
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
  }
});

it("a well-formed id of nothing is still NOT_FOUND", async () => {
  const result = await server.request(
    `mutation($input: EditClientInput!) { editClient(input: $input) { client { id } } }`,
    { input: { clientId: globalId("Client", newId()), name: "Renamed" } },
    token,
  );
  expect(errorCode(result)).toBe("NOT_FOUND");
});

describe("newId", () => {
  it("writes a KSUID as the ksuid package does, timestamped now", () => {
    const edges = [Buffer.alloc(20, 0), Buffer.alloc(20, 0xff)];
    for (const bytes of [...edges, ...Array.from({ length: 10_000 }, () => randomBytes(20))])
      expect(encodeId(bytes)).toBe(new KSUID(bytes).string);
    const before = Math.floor(Date.now() / 1000);
    const id = newId();
    expect(id).toMatch(new RegExp(`^${ID_PATTERN}$`));
    const seconds = KSUID.parse(id).date.getTime() / 1000;
    expect(seconds).toBeGreaterThanOrEqual(before);
    expect(seconds).toBeLessThanOrEqual(Date.now() / 1000);
  });
});
