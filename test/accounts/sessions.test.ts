import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { PASSWORD, registerUser } from "../support/accounts.js";
import { expectNothingWritten, lastEmail } from "../support/db.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  errorCode,
  type GraphQLResponse,
  startTestServer,
  type TestServer,
} from "../support/server.js";

const Login = graphql(`
  mutation LogIn($input: LoginInput!) {
    login(input: $input) { token expiresAt invalidAttempts viewer { isAdmin roles userType user { email } } }
  }
`);
const Me = graphql(`query Me { me { email } }`);
const Keepalive = graphql(`mutation Keepalive { keepalive { viewer { idleExpiresAt sessionExpiresAt } } }`);
const Logout = graphql(`mutation LogOut { logout { loggedOut } }`);

let server: TestServer;
beforeAll(async () => {
  // Lockout after 3 attempts for 2 seconds, so the test can watch it end.
  server = await startTestServer({ LOGIN_MAX_ATTEMPTS: "3", LOGIN_LOCKOUT_MINUTES: String(2 / 60) });
});
afterAll(() => server.close());

describe("login", () => {
  it("opens a session that identifies the user, with the roles in every response", async () => {
    const result = await server.request(Login, {
      input: { email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD },
    });
    expect(result.errors).toBeUndefined();
    const login = result.data!.login;
    expect(login.viewer).toEqual({
      isAdmin: true,
      roles: ["Mural Admin"],
      userType: "STAFF",
      user: { email: ADMIN_EMAIL },
    });
    expect(login.invalidAttempts).toBe(0);
    const me = await server.request(Me, undefined, login.token);
    expect(me.data).toEqual({ me: { email: ADMIN_EMAIL } });
    expect(me.extensions?.viewer).toEqual({
      userType: "STAFF",
      roles: ["Mural Admin"],
      impersonating: false,
    });
  });

  it("answers an unknown e-mail exactly as a wrong password", async () => {
    const unknown = await server.request(Login, {
      input: { email: "nobody@example.com", password: PASSWORD },
    });
    const user = await registerUser(server);
    const wrong = await server.request(Login, { input: { email: user.email, password: "Wrong-pass-1!" } });
    expect(errorCode(unknown)).toBe("INVALID_CREDENTIALS");
    expect(errorCode(wrong)).toBe("INVALID_CREDENTIALS");
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it("locks the account after too many wrong passwords, refuses the right one while locked, then reports the failures", async () => {
    const user = await registerUser(server);
    for (let i = 0; i < 3; i++) {
      const wrong = await server.request(Login, {
        input: { email: user.email, password: `Wrong-pass-${i}!` },
      });
      expect(errorCode(wrong)).toBe("INVALID_CREDENTIALS");
    }
    const whileLocked = await server.request(Login, { input: { email: user.email, password: PASSWORD } });
    expect(errorCode(whileLocked)).toBe("INVALID_CREDENTIALS");
    expect((await lastEmail(server, user.email, "account_locked"))?.subject).toMatch(/locked/);

    await sleep(2100);
    const afterLock = await server.request(Login, { input: { email: user.email, password: PASSWORD } });
    expect(afterLock.errors).toBeUndefined();
    // The lock restarts the count: attempts refused while locked are not checked, so not counted.
    expect(afterLock.data?.login.invalidAttempts).toBe(0);
  });

  it("reports failed attempts since the last good login", async () => {
    const user = await registerUser(server);
    await server.request(Login, { input: { email: user.email, password: "Wrong-pass-1!" } });
    await server.request(Login, { input: { email: user.email, password: "Wrong-pass-2!" } });
    const good = await server.request(Login, { input: { email: user.email, password: PASSWORD } });
    expect(good.data?.login.invalidAttempts).toBe(2);
  });

  it("locks the account once under many parallel guesses", async () => {
    const user = await registerUser(server);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        server.request(Login, { input: { email: user.email, password: `Wrong-pass-${i}!` } }),
      ),
    );
    expect(guesses.every((g) => errorCode(g) === "INVALID_CREDENTIALS")).toBe(true);
    const right = await server.request(Login, { input: { email: user.email, password: PASSWORD } });
    expect(errorCode(right)).toBe("INVALID_CREDENTIALS");
    const [mails] =
      await server.sql`SELECT count(*)::int AS n FROM notification_outbox WHERE recipient = ${user.email} AND template = 'account_locked'`;
    expect(mails?.n).toBe(1);
  });
});

describe("sessions", () => {
  it("logout ends the session: the token is refused afterwards", async () => {
    const user = await registerUser(server);
    expect((await server.request(Logout, undefined, user.token)).data).toEqual({
      logout: { loggedOut: true },
    });
    const after = await server.request(Me, undefined, user.token);
    expect(errorCode(after)).toBe("UNAUTHENTICATED");
    expect(after.data).toBeNull();
  });

  it("refuses made-up and malformed tokens", async () => {
    expect(errorCode(await server.request(Me, undefined, "A".repeat(43)))).toBe("UNAUTHENTICATED");
    expect(errorCode(await server.request(Me, undefined, "not a token"))).toBe("UNAUTHENTICATED");
  });

  it("stores only a hash of the token", async () => {
    const user = await registerUser(server);
    const [row] =
      await server.sql`SELECT count(*)::int AS n FROM sessions WHERE encode(token_hash, 'escape') LIKE ${`%${user.token}%`}`;
    expect(row?.n).toBe(0);
  });
});

describe("session timeouts", () => {
  let short: TestServer;
  beforeAll(async () => {
    // Idle timeout 1.5 s, absolute lifetime 3.6 s.
    short = await startTestServer({
      SESSION_IDLE_MINUTES: String(1.5 / 60),
      SESSION_MAX_HOURS: String(3.6 / 3600),
    });
  });
  afterAll(() => short.close());

  it("an idle session expires; keepalive (or any request) keeps it alive", async () => {
    const idle = await registerUser(short);
    const kept = await registerUser(short);
    await sleep(900);
    expect((await short.request(Keepalive, undefined, kept.token)).errors).toBeUndefined();
    await sleep(900);
    expect(errorCode(await short.request(Me, undefined, idle.token))).toBe("UNAUTHENTICATED");
    expect((await short.request(Me, undefined, kept.token)).data?.me.email).toBe(kept.email);
  });

  it("a session ends at its absolute lifetime however busy it is", async () => {
    const user = await registerUser(short);
    const deadline = Date.now() + 4200;
    let last: GraphQLResponse<unknown> = await short.request(Me, undefined, user.token);
    while (Date.now() < deadline) {
      await sleep(500);
      last = await short.request(Keepalive, undefined, user.token);
    }
    expect(errorCode(last)).toBe("UNAUTHENTICATED");
  });

  it("keepalive without a session is refused and writes nothing", async () => {
    const result = await expectNothingWritten(short, () => short.request(Keepalive));
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });
});
