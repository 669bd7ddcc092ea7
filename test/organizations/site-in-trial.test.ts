import { afterAll, beforeAll, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const CreateSiteInTrial = graphql(`
  mutation OrgCreateSiteInTrial($input: CreateSiteInput!) {
    createSite(input: $input) { site { id name trialSites { nodes { trial { id } } } } }
  }
`);

let server: TestServer;
let org: Organization;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, "Johnson");
});
afterAll(() => server.close());

const input = (name: string) => ({
  clientId: gid.client(org.client.id),
  name,
  trialId: gid.trial(org.trial.id),
});

it("createSite with a trial joins the site to it at once", async () => {
  const result = await server.request(
    CreateSiteInTrial,
    { input: input("Joined Clinic") },
    await server.loginAdmin(),
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.createSite.site.trialSites.nodes).toEqual([{ trial: { id: gid.trial(org.trial.id) } }]);
});

it("needs add_trial_site on the trial as well as create_site on the client; refused, it writes nothing", async () => {
  const user = await staffWith(server, ["create_site"], { clientId: org.client.id });
  const refused = await expectNothingWritten(server, () =>
    server.request(CreateSiteInTrial, { input: input("Half-allowed Clinic") }, user.token),
  );
  expect(errorCode(refused)).toBe("FORBIDDEN");

  await grantPermissions(server, user.uid, ["add_trial_site"], { trialId: org.trial.id });
  const allowed = await server.request(CreateSiteInTrial, { input: input("Allowed Clinic") }, user.token);
  expect(allowed.errors).toBeUndefined();
});
