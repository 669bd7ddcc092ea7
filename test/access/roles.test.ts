import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { registerUser, staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const Catalogue = graphql(
  `query AccessCatalogue { permissions { name description } roles { name description } }`,
);
const Template = graphql(`
  query AccessRoleTemplate($roleName: String!, $resourceId: ID) {
    roleTemplate(roleName: $roleName, resourceId: $resourceId) { permissions overridden }
  }
`);
const AssignRole = graphql(`
  mutation AccessAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded message } }
`);
const AddRolePermissions = graphql(`
  mutation AccessAddRolePermissions($input: AddRolePermissionsInput!) { addRolePermissions(input: $input) { permissions } }
`);
const MyRoles = graphql(`query AccessMyRoles { me { roles } }`);
const UserReach = graphql(`
  query AccessUserReach($userId: ID!) { userSites(userId: $userId) { id } userTrials(userId: $userId) { id } }
`);

const SITE_COORDINATOR = [
  "ADD_PARTICIPANT",
  "CREATE_APPOINTMENT",
  "ENROLL",
  "MANUAL_PAYMENT",
  "MILESTONE_PAYMENT",
  "SET_ENROLLMENT_STATUS",
  "SET_PAYMENT_TYPE",
  "TRAVEL_PAYMENT",
  "UPDATE_PARTICIPANT",
  "VIEW_CANDIDATES",
  "VIEW_ENROLLMENTS",
  "VIEW_PARTICIPANTS",
  "VIEW_PAYMENT_SCHEDULE",
  "VIEW_PAYMENTS",
  "VIEW_TRIALS",
];

let server: TestServer;
let org: Organization;
let adminToken: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, "Brennan");
  adminToken = await server.loginAdmin();
});
afterAll(() => server.close());

describe("the catalogue", () => {
  it("lists every permission and the spec's roles", async () => {
    const user = await registerUser(server);
    const result = await server.request(Catalogue, undefined, user.token);
    expect(result.data?.permissions).toHaveLength(38);
    expect(result.data?.roles.map((r) => r.name)).toEqual([
      "Admin",
      "Approver",
      "Client Report viewer",
      "Mural Admin",
      "Mural Support",
      "Site Admin",
      "Site Coordinator",
    ]);
  });

  it("Site Coordinator's default template is the spec's fourteen permissions and view_candidates", async () => {
    const user = await registerUser(server);
    const result = await server.request(Template, { roleName: "Site Coordinator" }, user.token);
    expect(result.data?.roleTemplate).toEqual({ permissions: SITE_COORDINATOR, overridden: false });
    const invalid = await server.request(Template, { roleName: "monkey" }, user.token);
    expect(errorCode(invalid)).toBe("BAD_USER_INPUT");
    expect(invalid.errors?.[0]?.message).toMatch(/invalid role name/);
  });
});

describe("assignRole", () => {
  it("grants the template on the resource and shows the role on the user", async () => {
    const user = await registerUser(server);
    const trialSite = gid.trialSite(org.trialSites[0]!.id);
    const result = await server.request(
      AssignRole,
      { input: { userId: user.id, roleName: "Site Coordinator", resourceId: trialSite } },
      adminToken,
    );
    expect(result.data?.assignRole).toEqual({
      permissionsAdded: 15,
      message: "added 15 permissions; 0 errors",
    });
    const [count] =
      await server.sql`SELECT count(*)::int AS n FROM grants WHERE user_id = ${user.uid} AND trial_site_id = ${org.trialSites[0]!.id}`;
    expect(count?.n).toBe(15);
    expect((await server.request(MyRoles, undefined, user.token)).data?.me.roles).toEqual([
      "Site Coordinator",
    ]);

    // What their grants reach: that trial site's site and trial, nothing else.
    const reach = await server.request(UserReach, { userId: user.id }, user.token);
    expect(reach.data?.userSites).toEqual([{ id: gid.site(org.sites[0]!.id) }]);
    expect(reach.data?.userTrials).toEqual([{ id: gid.trial(org.trial.id) }]);
  });

  it("refuses a role that would hand out permissions the assigner lacks there, writing nothing", async () => {
    const assigner = await staffWith(server, ["assign_role", "enroll", "view_trials"], {
      trialId: org.trial.id,
    });
    const user = await registerUser(server);
    const result = await expectNothingWritten(server, () =>
      server.request(
        AssignRole,
        {
          input: {
            userId: user.id,
            roleName: "Site Coordinator",
            resourceId: gid.trialSite(org.trialSites[1]!.id),
          },
        },
        assigner.token,
      ),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toMatch(/add_participant/);
  });

  it("an assigner holding the whole template above the resource may assign it", async () => {
    const assigner = await staffWith(
      server,
      ["assign_role", ...SITE_COORDINATOR.map((p) => p.toLowerCase())],
      {
        clientId: org.client.id,
      },
    );
    const user = await registerUser(server);
    const result = await server.request(
      AssignRole,
      {
        input: {
          userId: user.id,
          roleName: "Site Coordinator",
          resourceId: gid.trialSite(org.trialSites[1]!.id),
        },
      },
      assigner.token,
    );
    expect(result.data?.assignRole.permissionsAdded).toBe(15);
  });

  it("a per-resource template override is used when assigning there, and only admins may set one", async () => {
    const trialSite = gid.trialSite(org.trialSites[1]!.id);
    const staff = await registerUser(server);
    const refused = await expectNothingWritten(server, () =>
      server.request(
        AddRolePermissions,
        { input: { roleName: "Site Coordinator", resourceId: trialSite, permissions: ["MESSAGING"] } },
        staff.token,
      ),
    );
    expect(errorCode(refused)).toBe("FORBIDDEN");

    const added = await server.request(
      AddRolePermissions,
      {
        input: {
          roleName: "Site Coordinator",
          resourceId: trialSite,
          permissions: ["MESSAGING", "BULK_EMAIL"],
        },
      },
      adminToken,
    );
    expect(added.data?.addRolePermissions.permissions).toHaveLength(17);
    const template = await server.request(
      Template,
      { roleName: "Site Coordinator", resourceId: trialSite },
      adminToken,
    );
    expect(template.data?.roleTemplate.overridden).toBe(true);
    expect(template.data?.roleTemplate.permissions).toContain("MESSAGING");
    // The default elsewhere is unchanged.
    const elsewhere = await server.request(
      Template,
      { roleName: "Site Coordinator", resourceId: gid.trialSite(org.trialSites[0]!.id) },
      adminToken,
    );
    expect(elsewhere.data?.roleTemplate).toEqual({ permissions: SITE_COORDINATOR, overridden: false });

    const user = await registerUser(server);
    const assigned = await server.request(
      AssignRole,
      { input: { userId: user.id, roleName: "Site Coordinator", resourceId: trialSite } },
      adminToken,
    );
    expect(assigned.data?.assignRole.permissionsAdded).toBe(17);
    const invalidRole = await expectNothingWritten(server, () =>
      server.request(
        AddRolePermissions,
        { input: { roleName: "monkey", resourceId: trialSite, permissions: ["ENROLL"] } },
        adminToken,
      ),
    );
    expect(errorCode(invalidRole)).toBe("BAD_USER_INPUT");
  });
});
