import { afterAll, beforeAll, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from "../support/server.js";

const Login = graphql(`mutation LogInToTouch($input: LoginInput!) { login(input: $input) { token } }`);
const MyEmail = graphql(`query MyEmailWhileTouching { me { email } }`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const lastSeen = async (token: string) => {
  const [row] = await server.sql<{ at: string }[]>`
    SELECT last_seen_at::text AS at FROM sessions WHERE token_hash = sha256(convert_to(${token}, 'UTF8'))`;
  return row?.at;
};

it("does not write the session on every read: its idle timer is written at most once a minute", async () => {
  const login = await server.request(Login, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  const token = login.data!.login.token;
  const before = await lastSeen(token);
  expect(before).toBeDefined();
  for (let i = 0; i < 3; i++)
    expect((await server.request(MyEmail, undefined, token)).data?.me.email).toBe(ADMIN_EMAIL);
  expect(await lastSeen(token)).toBe(before);
  // A timer older than the interval is written by the next request.
  await server.sql`UPDATE sessions SET last_seen_at = now() - interval '2 minutes'
    WHERE token_hash = sha256(convert_to(${token}, 'UTF8'))`;
  const stale = await lastSeen(token);
  await server.request(MyEmail, undefined, token);
  expect(new Date((await lastSeen(token))!).getTime()).toBeGreaterThan(new Date(stale!).getTime());
});
