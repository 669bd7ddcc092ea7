import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { PASSWORD, registerUser } from "../support/accounts.js";
import { expectNothingWritten, lastEmail } from "../support/db.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }
`);
const RequestReset = graphql(`
  mutation RequestReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }
`);
const ResetPassword = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }
`);
const ResetTokens = graphql(`query ResetTokens { passwordResetTokens { email token expiresAt } }`);
const Me = graphql(`query MyEmail { me { email emailVerified } }`);
const Login = graphql(`mutation PasswordsLogin($input: LoginInput!) { login(input: $input) { token } }`);

const NEW_PASSWORD = "New-secret-2?";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ PASSWORD_RESET_MINUTES: String(1.5 / 60) });
});
afterAll(() => server.close());

async function canLogIn(email: string, password: string) {
  const result = await server.request(Login, { input: { email, password } });
  return Boolean(result.data?.login);
}

describe("changePassword with a session", () => {
  it("needs the current password; ends the other sessions but not this one", async () => {
    const user = await registerUser(server);
    const otherSession = await server.login(user.email, PASSWORD);

    const wrongCurrent = await expectNothingWritten(server, () =>
      server.request(
        ChangePassword,
        { input: { currentPassword: "Not-it-1!", newPassword: NEW_PASSWORD } },
        user.token,
      ),
    );
    expect(errorCode(wrongCurrent)).toBe("BAD_USER_INPUT");

    const changed = await server.request(
      ChangePassword,
      { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } },
      user.token,
    );
    expect(changed.data?.changePassword.changed).toBe(true);
    expect((await server.request(Me, undefined, user.token)).data?.me.email).toBe(user.email);
    expect(errorCode(await server.request(Me, undefined, otherSession))).toBe("UNAUTHENTICATED");
    expect(await canLogIn(user.email, PASSWORD)).toBe(false);
    expect(await canLogIn(user.email, NEW_PASSWORD)).toBe(true);
  });

  it("refuses a password that breaks the rules, keeping the old one", async () => {
    const user = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(
        ChangePassword,
        { input: { currentPassword: PASSWORD, newPassword: "password" } },
        user.token,
      ),
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/at least one digit/);
    expect(await canLogIn(user.email, PASSWORD)).toBe(true);
  });

  it("without a session or token is refused", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(ChangePassword, { input: { newPassword: NEW_PASSWORD } }),
    );
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });
});

describe("changePassword with a fresh account's verification token", () => {
  it("sets the password and verifies the e-mail, once", async () => {
    const user = await registerUser(server);
    const token = (await lastEmail(server, user.email, "verify_email"))!.payload.token!;
    const first = await server.request(ChangePassword, {
      input: { verificationToken: token, newPassword: NEW_PASSWORD },
    });
    expect(first.data?.changePassword.changed).toBe(true);
    expect(await canLogIn(user.email, NEW_PASSWORD)).toBe(true);
    const me = await server.request(Me, undefined, await server.login(user.email, NEW_PASSWORD));
    expect(me.data?.me.emailVerified).toBe(true);
    const again = await expectNothingWritten(server, () =>
      server.request(ChangePassword, { input: { verificationToken: token, newPassword: "Another-one-3!" } }),
    );
    expect(errorCode(again)).toBe("INVALID_TOKEN");
  });
});

describe("password reset", () => {
  it("answers the same whether or not the e-mail has an account, and e-mails only real accounts", async () => {
    const user = await registerUser(server);
    const unknown = await expectNothingWritten(server, () =>
      server.request(RequestReset, { input: { email: "nobody-here@example.com" } }),
    );
    const known = await server.request(RequestReset, { input: { email: user.email } });
    expect(unknown.data).toEqual(known.data);
    expect(unknown.errors).toBeUndefined();
    expect(await lastEmail(server, user.email, "password_reset")).toBeDefined();
  });

  it("a reset token works once, ends every session, and not a second time", async () => {
    const user = await registerUser(server);
    await server.request(RequestReset, { input: { email: user.email } });
    const token = (await lastEmail(server, user.email, "password_reset"))!.payload.token!;

    const reset = await server.request(ResetPassword, {
      input: { email: user.email, token, newPassword: NEW_PASSWORD },
    });
    expect(reset.data?.resetPassword.reset).toBe(true);
    expect(errorCode(await server.request(Me, undefined, user.token))).toBe("UNAUTHENTICATED");
    expect(await canLogIn(user.email, NEW_PASSWORD)).toBe(true);

    const again = await expectNothingWritten(server, () =>
      server.request(ResetPassword, { input: { email: user.email, token, newPassword: "Third-pass-3!" } }),
    );
    expect(errorCode(again)).toBe("INVALID_TOKEN");
    expect(await canLogIn(user.email, NEW_PASSWORD)).toBe(true);
  });

  it("a token presented with another e-mail, or with a bad password, is refused and stays usable", async () => {
    const user = await registerUser(server);
    const other = await registerUser(server);
    await server.request(RequestReset, { input: { email: user.email } });
    const token = (await lastEmail(server, user.email, "password_reset"))!.payload.token!;

    const wrongEmail = await expectNothingWritten(server, () =>
      server.request(ResetPassword, { input: { email: other.email, token, newPassword: NEW_PASSWORD } }),
    );
    expect(errorCode(wrongEmail)).toBe("INVALID_TOKEN");
    const weak = await expectNothingWritten(server, () =>
      server.request(ResetPassword, { input: { email: user.email, token, newPassword: "weak" } }),
    );
    expect(errorCode(weak)).toBe("BAD_USER_INPUT");
    const ok = await server.request(ResetPassword, {
      input: { email: user.email, token, newPassword: NEW_PASSWORD },
    });
    expect(ok.data?.resetPassword.reset).toBe(true);
  });

  it("an expired token is refused", async () => {
    const user = await registerUser(server);
    await server.request(RequestReset, { input: { email: user.email } });
    const token = (await lastEmail(server, user.email, "password_reset"))!.payload.token!;
    await sleep(1600);
    const late = await expectNothingWritten(server, () =>
      server.request(ResetPassword, { input: { email: user.email, token, newPassword: NEW_PASSWORD } }),
    );
    expect(errorCode(late)).toBe("INVALID_TOKEN");
    expect(await canLogIn(user.email, PASSWORD)).toBe(true);
  });

  it("two resets racing with one token: exactly one wins", async () => {
    const user = await registerUser(server);
    await server.request(RequestReset, { input: { email: user.email } });
    const token = (await lastEmail(server, user.email, "password_reset"))!.payload.token!;
    const results = await Promise.all(
      ["Racer-one-1!", "Racer-two-2!"].map((newPassword) =>
        server.request(ResetPassword, { input: { email: user.email, token, newPassword } }),
      ),
    );
    expect(results.filter((r) => r.data?.resetPassword).length).toBe(1);
    expect(results.filter((r) => errorCode(r) === "INVALID_TOKEN").length).toBe(1);
  });

  it("admins can list outstanding reset tokens (testing aid); others cannot", async () => {
    const user = await registerUser(server);
    await server.request(RequestReset, { input: { email: user.email } });
    const mailed = (await lastEmail(server, user.email, "password_reset"))!.payload.token!;
    const listed = await server.request(ResetTokens, undefined, await server.loginAdmin());
    expect(listed.data?.passwordResetTokens).toContainEqual(
      expect.objectContaining({ email: user.email, token: mailed }),
    );
    expect(errorCode(await server.request(ResetTokens, undefined, user.token))).toBe("FORBIDDEN");
  });
});
