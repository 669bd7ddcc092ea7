import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { graphql } from "../graphql/index.js";
import { startTestServer, type TestServer } from "../support/server.js";

const UsersWithDetails = graphql(`
  query UsersWithDetails($first: Int!, $search: String) {
    users(first: $first, search: $search) {
      edges { node { id email roles address { city } contactPreferences { email } } }
    }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Inserts `count` users, each with an address, whose e-mails share `tag`. */
async function seedUsers(tag: string, count: number) {
  for (let i = 0; i < count; i++) {
    const [address] = await server.sql`
      INSERT INTO addresses (id, street1, city, state, post_code) VALUES (${newId()}, '1 Main St', ${`City ${i}`}, 'CO', '80202')
      RETURNING id`;
    await server.sql`
      INSERT INTO users (id, email, first_name, last_name, address_id)
      VALUES (${newId()}, ${`${tag}-${i}@example.com`}, 'Batch', 'User', ${address!.id})`;
  }
}

async function statementsFor(search: string, first: number, token: string) {
  const before = server.statements.count;
  const result = await server.request(UsersWithDetails, { first, search }, token);
  expect(result.errors).toBeUndefined();
  return { statements: server.statements.count - before, rows: result.data!.users.edges.length };
}

describe("nested reads are batched", () => {
  it("reading 2 or 40 users with their addresses and roles takes the same number of SQL statements", async () => {
    await seedUsers("few", 2);
    await seedUsers("many", 40);
    const token = await server.loginAdmin();
    // Warm up: postgres.js looks up array types once per connection.
    await statementsFor("many-", 50, token);
    const few = await statementsFor("few-", 50, token);
    const many = await statementsFor("many-", 50, token);
    expect(few.rows).toBe(2);
    expect(many.rows).toBe(40);
    expect(many.statements).toBe(few.statements);
    // Session lookup, the page, addresses, roles: a handful, whatever the row count.
    expect(many.statements).toBeLessThanOrEqual(5);
  });
});
