import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { PASSWORD, registerUser } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten, lastEmail } from "../support/db.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const Register = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      user { id uid email firstName lastName phone emailVerified userType address { street1 street2 city state postCode country } contactPreferences { email sms push } }
    }
  }
`);

const MyRoles = graphql(`query RegistrationMyRoles { viewer { roles isAdmin userType } }`);
const Users = graphql(`query RegistrationUsers { users { edges { node { id } } } }`);
const EmailVerified = graphql(`query RegistrationEmailVerified { me { emailVerified } }`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("ping and password rules (no session needed)", () => {
  it("answers pong and the spec's four rules", async () => {
    const result = await server.request(graphql(`query Open { ping passwordRules }`));
    expect(result.data?.ping).toBe("pong");
    expect(result.data?.passwordRules).toEqual([
      "Password must be at least 8 characters long.",
      "Password must contain at least one digit.",
      "Password must contain at least one special character: !@#$%^&*()-_=+[]{}|;:'\",.<>/?`~",
      "Password must contain at least one letter (capital or lowercase.)",
    ]);
  });
});

describe("register", () => {
  const input = {
    email: "Maricela.Todd@Example.com",
    password: "w?761)H&Ql4@",
    firstName: "Maricela",
    lastName: "Todd",
    phone: "(212) 555-1212",
    address: { street1: "1357 Shalton Dr", street2: "", city: "Denver", state: "CO", postCode: "80202" },
  };

  it("creates an unverified staff account, e-mails a verification code and audits it", async () => {
    const result = await server.request(Register, { input });
    expect(result.errors).toBeUndefined();
    const user = result.data!.register.user;
    expect(user).toMatchObject({
      email: "maricela.todd@example.com",
      firstName: "Maricela",
      phone: "(212) 555-1212",
      emailVerified: false,
      userType: "STAFF",
      address: {
        street1: "1357 Shalton Dr",
        street2: null,
        city: "Denver",
        state: "CO",
        postCode: "80202",
        country: "US",
      },
      contactPreferences: { email: true, sms: true, push: true },
    });
    const mail = await lastEmail(server, "maricela.todd@example.com", "verify_email");
    expect(mail?.payload.token).toBeTruthy();
    expect(mail?.body).toContain(mail?.payload.token);
    expect((await auditEntriesFor(server, user.uid)).map((e) => e.action)).toContain("register");

    // It can log in, but holds no roles: it can do nothing until granted permissions.
    const token = await server.login("maricela.todd@example.com", input.password);
    const viewer = await server.request(MyRoles, {}, token);
    expect(viewer.data).toEqual({ viewer: { roles: [], isAdmin: false, userType: "STAFF" } });
    expect(viewer.extensions?.viewer).toEqual({ userType: "STAFF", roles: [], impersonating: false });
    const users = await server.request(Users, {}, token);
    expect(errorCode(users)).toBe("FORBIDDEN");
  });

  it("refuses a second account with the same e-mail in any case, writing nothing", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(Register, { input: { ...input, email: "MARICELA.TODD@example.com" } }),
    );
    expect(errorCode(result)).toBe("CONFLICT");
  });

  it("names every password rule broken, writing nothing", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(Register, { input: { ...input, email: "new@example.com", password: "short" } }),
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    const fields = result.errors?.[0]?.extensions?.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.message)).toEqual([
      "Password must be at least 8 characters long.",
      "Password must contain at least one digit.",
      "Password must contain at least one special character: !@#$%^&*()-_=+[]{}|;:'\",.<>/?`~",
    ]);
  });

  it.each([
    ["a malformed e-mail", { email: "not-an-email" }, "email"],
    ["a malformed phone", { phone: "call me" }, "phone"],
    ["a blank first name", { firstName: "  " }, "firstName"],
    ["an address without a city", { address: { ...input.address, city: "" } }, "address.city"],
    ["a bad postal code", { address: { ...input.address, postCode: "!!" } }, "address.postCode"],
  ])("refuses %s with a field-specific error, writing nothing", async (_label, change, field) => {
    const result = await expectNothingWritten(server, () =>
      server.request(Register, { input: { ...input, email: "other@example.com", ...change } }),
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    const fields = result.errors?.[0]?.extensions?.fields as { field: string }[];
    expect(fields.map((f) => f.field)).toContain(field);
  });
});

describe("verifyEmail", () => {
  it("verifies with the e-mailed token, once", async () => {
    const user = await registerUser(server);
    const mail = await lastEmail(server, user.email, "verify_email");
    const VerifyEmail = graphql(
      `mutation VerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }`,
    );
    const first = await server.request(VerifyEmail, { input: { token: mail!.payload.token! } });
    expect(first.data?.verifyEmail.verified).toBe(true);
    const me = await server.request(EmailVerified, {}, user.token);
    expect(me.data).toEqual({ me: { emailVerified: true } });
    const again = await expectNothingWritten(server, () =>
      server.request(VerifyEmail, { input: { token: mail!.payload.token! } }),
    );
    expect(errorCode(again)).toBe("INVALID_TOKEN");
    expect(PASSWORD).toBeTruthy();
  });
});
