import { randomBytes } from "node:crypto";
import { newId } from "../../db/ids.js";
import { ADMIN_ROLE, type ResourceRef } from "../../schema/core/roles.js";
import { grantPermissions } from "./organizations.js";
import type { TestServer } from "./server.js";

export const PASSWORD = "Correct-horse-1!";

/** Registers a new staff account over the API and logs it in. */
export async function registerUser(
  server: Pick<TestServer, "request">,
  overrides: Record<string, unknown> = {},
) {
  const email = `user-${randomBytes(4).toString("hex")}@example.com`;
  const result = await server.request<{
    register: { token: string; user: { id: string; uid: string; email: string } };
  }>(`mutation($input: RegisterInput!) { register(input: $input) { token user { id uid email } } }`, {
    input: { email, password: PASSWORD, firstName: "Dawn", lastName: "Kidd", ...overrides },
  });
  if (!result.data?.register) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
  const { user, token } = result.data.register;
  return { ...user, password: PASSWORD, token };
}

/** A fresh staff user, logged in, holding `permissions` on `resource` (nothing when the list is empty). */
export async function staffWith(server: TestServer, permissions: string[], resource: ResourceRef) {
  const user = await registerUser(server);
  if (permissions.length) await grantPermissions(server, user.uid, permissions, resource);
  return user;
}

/**
 * A new user made an admin straight in the database, then signed in (so the server remembers them as an admin);
 * `demote` takes the role away the same way, as another process would.
 */
export async function registerAdmin(server: Pick<TestServer, "request" | "sql" | "login">) {
  const user = await registerUser(server);
  await server.sql`INSERT INTO role_assignments (id, user_id, role_name) VALUES (${newId()}, ${user.uid}, ${ADMIN_ROLE})`;
  const token = await server.login(user.email, user.password);
  const demote = async () => {
    await server.sql`DELETE FROM role_assignments WHERE user_id = ${user.uid}`;
  };
  return { ...user, token, demote };
}
