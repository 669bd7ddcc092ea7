import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { graphql } from "../graphql/index.js";
import { PASSWORD, registerUser } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten, lastEmail } from "../support/db.js";
import { gid, uniqueTag } from "../support/ids.js";
import { ADMIN_EMAIL, errorCode, startTestServer, type TestServer } from "../support/server.js";

const AdminUsers = graphql(`
  query AdminUsers($first: Int, $after: String, $search: String) {
    users(first: $first, after: $after, search: $search) {
      edges { cursor node { id uid email firstName lastName createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const AdminUpdateUser = graphql(`
  mutation AdminUpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user { id uid email emailVerified firstName lastName phone address { street1 street2 city state postCode country } }
    }
  }
`);

const AdminUpdateContactPreferences = graphql(`
  mutation AdminUpdateContactPreferences($input: UpdateContactPreferencesInput!) {
    updateContactPreferences(input: $input) { user { uid contactPreferences { email sms push } } }
  }
`);

const AdminChangeUserPassword = graphql(`
  mutation AdminChangeUserPassword($input: ChangeUserPasswordInput!) { changeUserPassword(input: $input) { changed } }
`);

const AdminIssueVerificationToken = graphql(`
  mutation AdminIssueVerificationToken($input: IssueVerificationTokenInput!) {
    issueVerificationToken(input: $input) { token expiresAt }
  }
`);

const AdminPasswordResetTokens = graphql(
  `query AdminPasswordResetTokens { passwordResetTokens { email token } }`,
);

const AdminVerifyEmail = graphql(`
  mutation AdminVerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }
`);

const AdminSwitchUser = graphql(`
  mutation AdminSwitchUser($input: SwitchUserInput!) {
    switchUser(input: $input) { viewer { impersonating isAdmin user { email } realUser { email } } }
  }
`);

const AdminSwitchUserAs = graphql(`
  mutation AdminSwitchUserAs($input: SwitchUserInput!) {
    switchUser(input: $input) { viewer { impersonating isAdmin user { email } } }
  }
`);

const AdminSwitchBack = graphql(`
  mutation AdminSwitchBack { switchBack { viewer { impersonating isAdmin user { email } realUser { email } } } }
`);

const AdminMe = graphql(`query AdminMe { me { id uid email emailVerified } }`);

const AdminMyContactPreferences = graphql(
  `query AdminMyContactPreferences { me { contactPreferences { email sms push } } }`,
);

const AdminImpersonating = graphql(`query AdminImpersonating { viewer { impersonating } }`);

const AdminUserNode = graphql(`query AdminUserNode($id: ID!) { node(id: $id) { id ... on User { email } } }`);

/** The global id of a user that does not exist. */
const unknownUserId = () => gid.user(newId());

let server: TestServer;
let adminToken: string;
let adminUid: string;
beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.loginAdmin();
  const me = await server.request(AdminMe, {}, adminToken);
  adminUid = me.data!.me.uid;
});
afterAll(() => server.close());

async function searchUsers(search: string, first?: number, after?: string, token = adminToken) {
  return server.request(AdminUsers, { search, first, after }, token);
}

describe("users (admins)", () => {
  it("lists users newest first", async () => {
    const tag = uniqueTag();
    const created = [];
    for (let i = 0; i < 6; i++) created.push(await registerUser(server, { lastName: `${tag}${i}` }));
    const result = await searchUsers(tag);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.users.edges.map((e) => e.node);
    expect(nodes.map((n) => n.email)).toEqual(created.map((u) => u.email).reverse());
    const times = nodes.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("searches first name, last name and e-mail, partially and in any case", async () => {
    const tag = uniqueTag();
    const byFirst = await registerUser(server, { firstName: `Ottoline${tag}` });
    const byLast = await registerUser(server, { lastName: `Brackenridge${tag}` });
    const byEmail = await registerUser(server, { email: `mail.${tag}.box@example.com` });
    await registerUser(server, { firstName: "Unrelated", lastName: "Person" });

    const all = await searchUsers(tag.toUpperCase());
    expect(all.data!.users.edges.map((e) => e.node.email).sort()).toEqual(
      [byFirst.email, byLast.email, byEmail.email].sort(),
    );
    const first = await searchUsers(`TOLINE${tag.slice(0, 5)}`);
    expect(first.data!.users.edges.map((e) => e.node.email)).toEqual([byFirst.email]);
    const last = await searchUsers(`kenRIDGE${tag}`);
    expect(last.data!.users.edges.map((e) => e.node.email)).toEqual([byLast.email]);
    const email = await searchUsers(`L.${tag.toUpperCase()}.BO`);
    expect(email.data!.users.edges.map((e) => e.node.email)).toEqual([byEmail.email]);
    const none = await searchUsers(`${tag}-nobody`);
    expect(none.data!.users.edges).toEqual([]);
  });

  it("pages with first/after into disjoint pages that together hold every match", async () => {
    const tag = uniqueTag();
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await registerUser(server, { firstName: `Page${tag}` }));

    const seen: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await searchUsers(tag, 2, after);
      expect(page.errors).toBeUndefined();
      const { edges, pageInfo } = page.data!.users;
      expect(edges.length).toBeLessThanOrEqual(2);
      seen.push(edges.map((e) => e.node.email));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor!;
      expect(seen.length).toBeLessThan(5);
    }
    expect(seen.map((p) => p.length)).toEqual([2, 2, 1]);
    const flat = seen.flat();
    expect(new Set(flat).size).toBe(flat.length);
    expect([...flat].sort()).toEqual(created.map((u) => u.email).sort());
  });

  it("returns at most 100 users a page and refuses to be asked for more", async () => {
    const tag = uniqueTag();
    const rows = Array.from({ length: 105 }, (_, i) => ({
      id: newId(),
      email: `bulk-${tag}-${i}@example.com`,
      first_name: "Bulk",
      last_name: `${tag}${i}`,
    }));
    await server.sql`INSERT INTO users ${server.sql(rows)}`;

    const result = await searchUsers(tag, 100);
    expect(result.errors).toBeUndefined();
    expect(result.data!.users.edges).toHaveLength(100);
    expect(result.data!.users.pageInfo.hasNextPage).toBe(true);
    const rest = await searchUsers(tag, 100, result.data!.users.pageInfo.endCursor!);
    expect(rest.data!.users.edges).toHaveLength(5);
    const tooMany = await server.request(AdminUsers, { first: 1000 }, adminToken);
    expect(errorCode(tooMany)).toBe("BAD_USER_INPUT");
  });

  it("is FORBIDDEN to a non-admin and UNAUTHENTICATED without a session", async () => {
    const user = await registerUser(server);
    const forbidden = await expectNothingWritten(server, () =>
      searchUsers("", undefined, undefined, user.token),
    );
    expect(errorCode(forbidden)).toBe("FORBIDDEN");
    expect(forbidden.data ?? null).toBeNull();
    const anonymous = await expectNothingWritten(server, () => server.request(AdminUsers, {}));
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    expect(anonymous.data ?? null).toBeNull();
  });
});

describe("updateUser", () => {
  const address = {
    street1: "1357 Shalton Dr",
    street2: "Unit 4",
    city: "Denver",
    state: "CO",
    postCode: "80202",
  };

  it("lets a user update their own name, phone and address, audited from → to", async () => {
    const user = await registerUser(server);
    const result = await server.request(
      AdminUpdateUser,
      { input: { firstName: "Renata", phone: "(303) 555-0100", address } },
      user.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateUser.user).toMatchObject({
      uid: user.uid,
      firstName: "Renata",
      lastName: "Kidd",
      phone: "(303) 555-0100",
      address: { ...address, country: "US" },
    });
    const me = await server.request(AdminMe, {}, user.token);
    expect(me.data!.me.email).toBe(user.email);

    const entry = (await auditEntriesFor(server, user.uid)).find((e) => e.action === "update_user");
    expect(entry).toBeDefined();
    expect(entry!.actor_user_id).toBe(user.uid);
    expect(entry!.acting_as_user_id).toBeNull();
    expect(entry!.changes.firstName).toEqual({ from: "Dawn", to: "Renata" });
    expect(entry!.changes.phone).toEqual({ from: null, to: "(303) 555-0100" });
    expect(entry!.changes.address?.from).toBeNull();
    expect(entry!.changes.address?.to).toMatchObject({ street1: "1357 Shalton Dr", city: "Denver" });
    expect(entry!.changes.lastName).toBeUndefined();
  });

  it("makes a changed e-mail unverified and sends a new verification e-mail", async () => {
    const user = await registerUser(server);
    const first = await lastEmail(server, user.email, "verify_email");
    await server.request(AdminVerifyEmail, { input: { token: first!.payload.token! } });
    expect((await server.request(AdminMe, {}, user.token)).data!.me.emailVerified).toBe(true);

    const newEmail = `moved-${randomBytes(4).toString("hex")}@example.com`;
    const result = await server.request(
      AdminUpdateUser,
      { input: { email: newEmail.toUpperCase() } },
      user.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateUser.user).toMatchObject({ email: newEmail, emailVerified: false });
    const mail = await lastEmail(server, newEmail, "verify_email");
    expect(mail?.payload.token).toBeTruthy();
    expect(mail!.payload.token).not.toBe(first!.payload.token);
    expect(mail!.body).toContain(mail!.payload.token);
    const entry = (await auditEntriesFor(server, user.uid)).find((e) => e.action === "update_user");
    expect(entry!.changes.email).toEqual({ from: user.email, to: newEmail });

    const verified = await server.request(AdminVerifyEmail, { input: { token: mail!.payload.token! } });
    expect(verified.data?.verifyEmail.verified).toBe(true);
  });

  it("refuses a non-admin updating another user, writing nothing", async () => {
    const user = await registerUser(server);
    const other = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(AdminUpdateUser, { input: { userId: other.id, firstName: "Hacked" } }, user.token),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
    expect(result.data ?? null).toBeNull();
  });

  it("lets an admin update another user, audited as the admin", async () => {
    const user = await registerUser(server);
    const result = await server.request(
      AdminUpdateUser,
      { input: { userId: user.id, lastName: "Okonkwo" } },
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateUser.user).toMatchObject({ uid: user.uid, lastName: "Okonkwo" });
    const entry = (await auditEntriesFor(server, user.uid)).find((e) => e.action === "update_user");
    expect(entry).toMatchObject({ actor_user_id: adminUid, acting_as_user_id: null });
    expect(entry!.changes.lastName).toEqual({ from: "Kidd", to: "Okonkwo" });
    const admin = await server.request(AdminMe, {}, adminToken);
    expect(admin.data!.me.email).toBe(ADMIN_EMAIL);
  });

  it("refuses a malformed phone with BAD_USER_INPUT, writing nothing", async () => {
    const user = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(AdminUpdateUser, { input: { firstName: "Valid", phone: "call me" } }, user.token),
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    const fields = result.errors?.[0]?.extensions?.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field)).toContain("phone");
    expect(fields.every((f) => f.field === "phone")).toBe(true);
  });

  it("refuses another account's e-mail with CONFLICT, writing nothing", async () => {
    const user = await registerUser(server);
    const other = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(AdminUpdateUser, { input: { email: other.email.toUpperCase() } }, user.token),
    );
    expect(errorCode(result)).toBe("CONFLICT");
  });
});

describe("updateContactPreferences", () => {
  it("lets a user opt out of SMS and push, audited", async () => {
    const user = await registerUser(server);
    const result = await server.request(
      AdminUpdateContactPreferences,
      { input: { sms: false, push: false } },
      user.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateContactPreferences.user.contactPreferences).toEqual({
      email: true,
      sms: false,
      push: false,
    });
    const me = await server.request(AdminMyContactPreferences, {}, user.token);
    expect(me.data).toEqual({ me: { contactPreferences: { email: true, sms: false, push: false } } });
    const entry = (await auditEntriesFor(server, user.uid)).find(
      (e) => e.action === "update_contact_preferences",
    );
    expect(entry).toMatchObject({ actor_user_id: user.uid, acting_as_user_id: null });
    expect(entry!.changes).toEqual({
      smsEnabled: { from: true, to: false },
      pushEnabled: { from: true, to: false },
    });
  });

  it("refuses a non-admin changing another user's preferences, writing nothing", async () => {
    const user = await registerUser(server);
    const other = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(
        AdminUpdateContactPreferences,
        { input: { userId: other.id, email: false } },
        user.token,
      ),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
  });
});

describe("changeUserPassword (admins)", () => {
  const newPassword = "Brand-new-pass-9?";

  it("sets the password and ends the target's sessions", async () => {
    const user = await registerUser(server);
    expect((await server.request(AdminMe, {}, user.token)).data?.me.id).toBe(user.id);
    const result = await server.request(
      AdminChangeUserPassword,
      { input: { userId: user.id, newPassword } },
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.changeUserPassword.changed).toBe(true);

    const stale = await server.request(AdminMe, {}, user.token);
    expect(errorCode(stale)).toBe("UNAUTHENTICATED");
    await expect(server.login(user.email, PASSWORD)).rejects.toThrow(/INVALID_CREDENTIALS/);
    const token = await server.login(user.email, newPassword);
    expect((await server.request(AdminMe, {}, token)).data?.me.id).toBe(user.id);
    const entry = (await auditEntriesFor(server, user.uid)).find((e) => e.action === "change_user_password");
    expect(entry).toMatchObject({ actor_user_id: adminUid });
  });

  it("is FORBIDDEN to a non-admin, writing nothing", async () => {
    const user = await registerUser(server);
    const other = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(AdminChangeUserPassword, { input: { userId: other.id, newPassword } }, user.token),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
    expect(await server.login(other.email, PASSWORD)).toBeTruthy();
  });

  it("refuses a password that breaks the rules with BAD_USER_INPUT, writing nothing", async () => {
    const user = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(
        AdminChangeUserPassword,
        { input: { userId: user.id, newPassword: "short" } },
        adminToken,
      ),
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    const fields = result.errors?.[0]?.extensions?.fields as { field: string }[];
    expect(fields.map((f) => f.field)).toContain("newPassword");
    expect((await server.request(AdminMe, {}, user.token)).data?.me.id).toBe(user.id);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(
        AdminChangeUserPassword,
        { input: { userId: unknownUserId(), newPassword } },
        adminToken,
      ),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
  });
});

describe("issueVerificationToken (admins, testing aid)", () => {
  it("issues a token that verifyEmail accepts", async () => {
    const user = await registerUser(server);
    const result = await server.request(
      AdminIssueVerificationToken,
      { input: { userId: user.id } },
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    const { token, expiresAt } = result.data!.issueVerificationToken;
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const verified = await server.request(AdminVerifyEmail, { input: { token } });
    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifyEmail.verified).toBe(true);
    expect((await server.request(AdminMe, {}, user.token)).data!.me.emailVerified).toBe(true);
  });

  it("is FORBIDDEN to a non-admin, writing nothing", async () => {
    const user = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(AdminIssueVerificationToken, { input: { userId: user.id } }, user.token),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
  });

  it("does not exist in production, nor does passwordResetTokens", async () => {
    const production = await startTestServer({ NODE_ENV: "production" });
    try {
      const token = await production.loginAdmin();
      const me = await production.request(AdminMe, {}, token);
      const issued = await expectNothingWritten(production, () =>
        production.request(AdminIssueVerificationToken, { input: { userId: me.data!.me.id } }, token),
      );
      expect(errorCode(issued)).toBe("NOT_FOUND");
      const tokens = await production.request(AdminPasswordResetTokens, {}, token);
      expect(errorCode(tokens)).toBe("NOT_FOUND");
      expect(tokens.data ?? null).toBeNull();
    } finally {
      await production.close();
    }
    // Outside production the same admin gets answers.
    const tokens = await server.request(AdminPasswordResetTokens, {}, adminToken);
    expect(tokens.errors).toBeUndefined();
  });
});

describe("switchUser / switchBack", () => {
  it("answers with both the user now acted as and the admin really logged in", async () => {
    const token = await server.loginAdmin();
    const target = await registerUser(server);
    const switched = await server.request(AdminSwitchUser, { input: { userId: target.id } }, token);
    expect(switched.errors).toBeUndefined();
    expect(switched.data?.switchUser.viewer).toEqual({
      impersonating: true,
      isAdmin: false,
      user: { email: target.email },
      realUser: { email: ADMIN_EMAIL },
    });
    expect(switched.extensions?.viewer).toMatchObject({ impersonating: true });
  });

  it("lets an admin see and act as a staff user, audited as both, then switch back", async () => {
    const token = await server.loginAdmin();
    const target = await registerUser(server);

    const switched = await server.request(AdminSwitchUserAs, { input: { userId: target.id } }, token);
    expect(switched.errors).toBeUndefined();
    expect(switched.data!.switchUser.viewer).toEqual({
      impersonating: true,
      isAdmin: false,
      user: { email: target.email },
    });
    const entry = (await auditEntriesFor(server, target.uid)).find((e) => e.action === "switch_user");
    expect(entry).toMatchObject({ actor_user_id: adminUid });

    // The admin now sees what the user sees.
    const me = await server.request(AdminMe, {}, token);
    expect(me.data!.me.email).toBe(target.email);
    expect(me.extensions?.viewer).toMatchObject({ impersonating: true });
    const users = await server.request(AdminUsers, {}, token);
    expect(errorCode(users)).toBe("FORBIDDEN");

    const update = await server.request(AdminUpdateContactPreferences, { input: { push: false } }, token);
    expect(update.errors).toBeUndefined();
    expect(update.data!.updateContactPreferences.user).toMatchObject({
      uid: target.uid,
      contactPreferences: { push: false },
    });
    expect(update.extensions?.viewer).toMatchObject({ impersonating: true });
    const audited = (await auditEntriesFor(server, target.uid)).find(
      (e) => e.action === "update_contact_preferences",
    );
    expect(audited).toMatchObject({ actor_user_id: adminUid, acting_as_user_id: target.uid });

    const back = await server.request(AdminSwitchBack, {}, token);
    expect(back.errors).toBeUndefined();
    expect(back.data!.switchBack.viewer).toEqual({
      impersonating: false,
      isAdmin: true,
      user: { email: ADMIN_EMAIL },
      realUser: { email: ADMIN_EMAIL },
    });
    expect(back.extensions?.viewer).toMatchObject({ impersonating: false });
    const again = await server.request(AdminUsers, { first: 1 }, token);
    expect(again.errors).toBeUndefined();
    expect(again.data!.users.edges).toHaveLength(1);
    expect((await server.request(AdminMe, {}, token)).data!.me.email).toBe(ADMIN_EMAIL);
  });

  it("is FORBIDDEN to a non-admin, writing nothing", async () => {
    const user = await registerUser(server);
    const other = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(AdminSwitchUser, { input: { userId: other.id } }, user.token),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
    expect((await server.request(AdminMe, {}, user.token)).data!.me.email).toBe(user.email);
  });

  it("refuses switchBack when not switched, writing nothing", async () => {
    const token = await server.loginAdmin();
    const result = await expectNothingWritten(server, () => server.request(AdminSwitchBack, {}, token));
    expect(errorCode(result)).toBe("FORBIDDEN");
  });

  it("refuses switching to yourself with BAD_USER_INPUT, writing nothing", async () => {
    const token = await server.loginAdmin();
    const me = await server.request(AdminMe, {}, token);
    const result = await expectNothingWritten(server, () =>
      server.request(AdminSwitchUser, { input: { userId: me.data!.me.id } }, token),
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect((await server.request(AdminImpersonating, {}, token)).data).toEqual({
      viewer: { impersonating: false },
    });
  });
});

describe("who can see a user", () => {
  it("shows a non-admin their own profile through node, but not another user's", async () => {
    const user = await registerUser(server);
    const other = await registerUser(server);
    const theirs = await server.request(AdminUserNode, { id: other.id }, user.token);
    expect(theirs.data?.node ?? null).toBeNull();
    expect(JSON.stringify(theirs)).not.toContain(other.email);
    expect(errorCode(theirs)).toBe("FORBIDDEN");

    const own = await server.request(AdminUserNode, { id: user.id }, user.token);
    expect(own.errors).toBeUndefined();
    expect(own.data?.node).toEqual({ id: user.id, email: user.email });

    const asAdmin = await server.request(AdminUserNode, { id: other.id }, adminToken);
    expect(asAdmin.data?.node).toEqual({ id: other.id, email: other.email });
  });
});
