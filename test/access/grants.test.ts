import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { registerUser, staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const Grant = graphql(`
  mutation AccessGrant($input: PermissionsChangeInput!) {
    grantPermissions(input: $input) { done refused { permission reason } message }
  }
`);
const Revoke = graphql(`
  mutation AccessRevoke($input: PermissionsChangeInput!) {
    revokePermissions(input: $input) { done refused { permission } message }
  }
`);
const Copy = graphql(`
  mutation AccessCopy($input: CopyPermissionsInput!) { copyPermissions(input: $input) { copied refused message } }
`);
const UserGrants = graphql(`
  query AccessUserGrants($userId: ID!) { userGrants(userId: $userId) { permission resourceType resourceId } }
`);
const TrialAndTrials = graphql(`
  query AccessTrialAndTrials($id: ID!) { trial(id: $id) { name contract { id } } trials { edges { node { id } } } }
`);
const EditTrial = graphql(`
  mutation AccessEditTrial($input: EditTrialInput!) { editTrial(input: $input) { trial { name } } }
`);

let server: TestServer;
let org: Organization;
let other: Organization;
let adminToken: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, "Walton");
  other = await createOrganization(server, "Cochran");
  adminToken = await server.loginAdmin();
});
afterAll(() => server.close());

const grantsOf = async (uid: string) =>
  (
    await server.sql<
      {
        permission_name: string;
        client_id: string | null;
        trial_id: string | null;
        trial_site_id: string | null;
      }[]
    >`
    SELECT permission_name, client_id, trial_id, trial_site_id FROM grants WHERE user_id = ${uid} ORDER BY 1`
  ).map((g) => ({ ...g }));

describe("grantPermissions", () => {
  it("an admin grants any permission on any resource; it is audited on the resource", async () => {
    const user = await registerUser(server);
    const contract = gid.contract(org.contract.id);
    const result = await server.request(
      Grant,
      {
        input: {
          userId: user.id,
          resourceId: contract,
          permissions: ["VIEW_TRIALS", "CREATE_TRIAL", "APPROVE_PAYMENTS"],
        },
      },
      adminToken,
    );
    expect(result.data?.grantPermissions).toEqual({
      done: ["VIEW_TRIALS", "CREATE_TRIAL", "APPROVE_PAYMENTS"],
      refused: [],
      message: "3 permissions granted, 0 refused",
    });
    const grants =
      await server.sql`SELECT permission_name FROM grants WHERE user_id = ${user.uid} AND contract_id = ${org.contract.id} ORDER BY 1`;
    expect(grants.map((g) => g.permission_name)).toEqual(["approve_payments", "create_trial", "view_trials"]);
    expect((await auditEntriesFor(server, org.contract.id)).map((e) => e.action)).toContain("grant");
  });

  it("a granter gives only what they hold there themselves, and says why not the rest", async () => {
    const granter = await staffWith(server, ["grant", "view_trials"], { trialId: org.trial.id });
    const user = await registerUser(server);
    const result = await server.request(
      Grant,
      {
        input: {
          userId: user.id,
          resourceId: gid.trial(org.trial.id),
          permissions: ["VIEW_TRIALS", "APPROVE_PAYMENTS"],
        },
      },
      granter.token,
    );
    expect(result.data?.grantPermissions.done).toEqual(["VIEW_TRIALS"]);
    expect(result.data?.grantPermissions.refused).toEqual([
      { permission: "APPROVE_PAYMENTS", reason: "you do not hold approve_payments on this resource" },
    ]);
    expect(await grantsOf(user.uid)).toEqual([
      { permission_name: "view_trials", client_id: null, trial_id: org.trial.id, trial_site_id: null },
    ]);
  });

  it("a grant on the client lets you grant on its trial sites; a grant on a trial site does not reach the trial", async () => {
    const granter = await staffWith(server, ["grant", "enroll"], { clientId: org.client.id });
    const user = await registerUser(server);
    const below = await server.request(
      Grant,
      {
        input: {
          userId: user.id,
          resourceId: gid.trialSite(org.trialSites[0]!.id),
          permissions: ["ENROLL"],
        },
      },
      granter.token,
    );
    expect(below.data?.grantPermissions.done).toEqual(["ENROLL"]);

    const siteLevel = await staffWith(server, ["grant", "enroll"], { trialSiteId: org.trialSites[0]!.id });
    const above = await expectNothingWritten(server, () =>
      server.request(
        Grant,
        { input: { userId: user.id, resourceId: gid.trial(org.trial.id), permissions: ["ENROLL"] } },
        siteLevel.token,
      ),
    );
    expect(errorCode(above)).toBe("FORBIDDEN");
  });

  it("without grant on the resource, or on another client's resource, nothing is granted", async () => {
    const user = await registerUser(server);
    const stranger = await staffWith(server, ["grant", "view_trials", "enroll"], {
      clientId: other.client.id,
    });
    const noGrant = await staffWith(server, ["view_trials"], { trialId: org.trial.id });

    const fromStranger = await expectNothingWritten(server, () =>
      server.request(
        Grant,
        {
          input: {
            userId: user.id,
            resourceId: gid.trial(org.trial.id),
            permissions: ["VIEW_TRIALS"],
          },
        },
        stranger.token,
      ),
    );
    expect(errorCode(fromStranger)).toBe("NOT_FOUND");
    const withoutGrant = await expectNothingWritten(server, () =>
      server.request(
        Grant,
        {
          input: {
            userId: user.id,
            resourceId: gid.trial(org.trial.id),
            permissions: ["VIEW_TRIALS"],
          },
        },
        noGrant.token,
      ),
    );
    expect(errorCode(withoutGrant)).toBe("FORBIDDEN");
    const badId = await expectNothingWritten(server, () =>
      server.request(
        Grant,
        { input: { userId: user.id, resourceId: user.id, permissions: ["VIEW_TRIALS"] } },
        adminToken,
      ),
    );
    expect(errorCode(badId)).toBe("BAD_USER_INPUT");
  });
});

describe("revokePermissions", () => {
  it("revokes what was granted on exactly that resource, within what the revoker holds", async () => {
    const revoker = await staffWith(server, ["grant", "enroll"], { trialId: org.trial.id });
    const user = await staffWith(server, ["enroll", "approve_payments"], { trialId: org.trial.id });
    await grantPermissions(server, user.uid, ["enroll"], { trialSiteId: org.trialSites[0]!.id });
    const result = await server.request(
      Revoke,
      {
        input: {
          userId: user.id,
          resourceId: gid.trial(org.trial.id),
          permissions: ["ENROLL", "APPROVE_PAYMENTS"],
        },
      },
      revoker.token,
    );
    expect(result.data?.revokePermissions.done).toEqual(["ENROLL"]);
    expect(result.data?.revokePermissions.refused).toEqual([{ permission: "APPROVE_PAYMENTS" }]);
    expect((await grantsOf(user.uid)).map((g) => [g.permission_name, g.trial_id ?? g.trial_site_id])).toEqual(
      [
        ["approve_payments", org.trial.id],
        ["enroll", org.trialSites[0]!.id],
      ],
    );
    expect((await auditEntriesFor(server, org.trial.id)).map((e) => e.action)).toContain("revoke");
  });

  it("another client's granter cannot revoke here", async () => {
    const user = await staffWith(server, ["enroll"], { trialId: org.trial.id });
    const stranger = await staffWith(server, ["grant", "enroll"], { clientId: other.client.id });
    const result = await expectNothingWritten(server, () =>
      server.request(
        Revoke,
        { input: { userId: user.id, resourceId: gid.trial(org.trial.id), permissions: ["ENROLL"] } },
        stranger.token,
      ),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
  });
});

describe("copyPermissions", () => {
  it("copies what the caller may give and keeps the target's existing grants; grants elsewhere are not counted", async () => {
    const from = await registerUser(server);
    const to = await registerUser(server);
    await grantPermissions(server, from.uid, ["enroll", "view_trials", "approve_payments"], {
      trialId: org.trial.id,
    });
    await grantPermissions(server, from.uid, ["enroll"], { trialId: other.trial.id });
    await grantPermissions(server, to.uid, ["view_sites"], { siteId: org.sites[1]!.id });
    const copier = await registerUser(server);
    await grantPermissions(server, copier.uid, ["grant", "enroll", "view_trials"], {
      clientId: org.client.id,
    });

    const result = await server.request(
      Copy,
      { input: { fromUserId: from.id, toUserId: to.id } },
      copier.token,
    );
    expect(result.data?.copyPermissions).toEqual({
      copied: 2,
      refused: 1,
      message: "2 of 3 permissions copied successfully",
    });
    const after = (await grantsOf(to.uid)).map((g) => g.permission_name);
    expect(after).toEqual(["enroll", "view_sites", "view_trials"]);

    const byAdmin = await server.request(
      Copy,
      { input: { fromUserId: from.id, toUserId: to.id } },
      adminToken,
    );
    expect(byAdmin.data?.copyPermissions).toMatchObject({ copied: 2, refused: 0 });
    expect((await grantsOf(to.uid)).length).toBe(5);
  });
});

describe("userGrants", () => {
  it("shows your own grants, anyone's to admins, and refuses others", async () => {
    const user = await staffWith(server, ["enroll"], { trialSiteId: org.trialSites[1]!.id });
    const nosy = await registerUser(server);
    const own = await server.request(UserGrants, { userId: user.id }, user.token);
    expect(own.data?.userGrants).toEqual([
      {
        permission: "ENROLL",
        resourceType: "TRIAL_SITE",
        resourceId: gid.trialSite(org.trialSites[1]!.id),
      },
    ]);
    expect((await server.request(UserGrants, { userId: user.id }, adminToken)).data?.userGrants).toHaveLength(
      1,
    );
    expect(errorCode(await server.request(UserGrants, { userId: user.id }, nosy.token))).toBe("FORBIDDEN");
  });
});

describe("what a site-level grant shows", () => {
  it("a user granted on a site sees the trials that site takes part in, but cannot act on them", async () => {
    const user = await staffWith(server, ["view_sites", "edit_trial"], { siteId: org.sites[0]!.id });
    const seen = await server.request(TrialAndTrials, { id: gid.trial(org.trial.id) }, user.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.trials.edges.map((e) => e.node.id)).toEqual([gid.trial(org.trial.id)]);
    const edit = await expectNothingWritten(server, () =>
      server.request(EditTrial, { input: { trialId: gid.trial(org.trial.id), name: "Renamed" } }, user.token),
    );
    expect(errorCode(edit)).toBe("FORBIDDEN");
  });
});
