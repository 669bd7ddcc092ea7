import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trialSites } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions, type Organization } from "../support/organizations.js";
import { errorCode, type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";
import { insertSite, insertTrial, uniqueProtocol } from "../support/trials.js";

const AccessTrial = graphql(`
  query AccessTrial($id: ID!) { trial(id: $id) { id name trialSites { nodes { id } } } }
`);
const AccessTrials = graphql(`
  query AccessTrials($search: String) { trials(search: $search, first: 100) { edges { node { id } } } }
`);
const AccessTrialSites = graphql(`
  query AccessTrialSites($trialId: ID!) { trialSites(trialId: $trialId) { id } }
`);
const AccessTrialSite = graphql(`
  query AccessTrialSite($id: ID!) { trialSite(id: $id) { id trial { id } } }
`);
const AccessContractTrials = graphql(`
  query AccessContractTrials($id: ID!) { trial(id: $id) { contract { id trials { id } } } }
`);
const AccessSiteTrialSites = graphql(`
  query AccessSiteTrialSites($id: ID!) { trialSite(id: $id) { site { id trialSites { nodes { id } } } } }
`);
const AccessCreate = graphql(`
  mutation AccessCreate($input: CreateTrialInput!) { createTrial(input: $input) { trial { id contract { id } } } }
`);
const AccessEdit = graphql(`
  mutation AccessEdit($input: EditTrialInput!) { editTrial(input: $input) { trial { id name } } }
`);
const AccessDelete = graphql(`
  mutation AccessDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }
`);
const AccessAddSite = graphql(`
  mutation AccessAddSite($input: AddTrialSiteInput!) { addTrialSite(input: $input) { trialSite { id site { id } } } }
`);

const TRIAL_PERMISSIONS = [
  "view_trials",
  "create_trial",
  "edit_trial",
  "delete_trial",
  "add_trial_site",
  "view_sites",
];

let server: TestServer;
let adminToken: string;
/** The organisation under test, and another client's. */
let a: Organization;
let b: Organization;
beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.loginAdmin();
  a = await createOrganization(server, "Client A");
  b = await createOrganization(server, "Client B");
});
afterAll(() => server.close());

const createInput = (contractId: string) => ({
  input: { contractId: gid.contract(contractId), name: "Access trial", protocolId: uniqueProtocol() },
});
const addInput = (trialId: string, siteId: string) => ({
  input: { trialId: gid.trial(trialId), siteId: gid.site(siteId) },
});

describe("a user with grants only on another client's resources", () => {
  let token: string;
  beforeAll(async () => {
    token = (await staffWith(server, TRIAL_PERMISSIONS, { clientId: b.client.id })).token;
  });

  it("cannot read the client's trial, trial sites or trial site: NOT_FOUND, never data", async () => {
    const reads = [
      await server.request(AccessTrial, { id: gid.trial(a.trial.id) }, token),
      await server.request(AccessTrialSites, { trialId: gid.trial(a.trial.id) }, token),
      await server.request(AccessTrialSite, { id: gid.trialSite(a.trialSites[0]!.id) }, token),
    ];
    for (const result of reads) {
      expect(errorCode(result)).toBe("NOT_FOUND");
      expect(result.data ?? null).toBeNull();
    }
  });

  it("does not find the client's trials in lists or searches", async () => {
    const all = await server.request(AccessTrials, {}, token);
    expect(all.data!.trials.edges.map((e) => e.node.id)).toEqual([gid.trial(b.trial.id)]);
    const search = await server.request(AccessTrials, { search: a.trial.protocolId }, token);
    expect(search.data!.trials.edges).toEqual([]);
  });

  it("cannot create, edit, delete or add sites there: NOT_FOUND, nothing written", async () => {
    const attempts: (() => Promise<GraphQLResponse<unknown>>)[] = [
      () => server.request(AccessCreate, createInput(a.contract.id), token),
      () =>
        server.request(AccessEdit, { input: { trialId: gid.trial(a.trial.id), name: "Mine now" } }, token),
      () => server.request(AccessDelete, { input: { trialId: gid.trial(a.trial.id) } }, token),
      () => server.request(AccessAddSite, addInput(a.trial.id, a.sites[0]!.id), token),
      // Its own trial, the other client's site.
      () => server.request(AccessAddSite, addInput(b.trial.id, a.sites[0]!.id), token),
    ];
    for (const attempt of attempts) {
      const result = await expectNothingWritten(server, attempt);
      expect(errorCode(result)).toBe("NOT_FOUND");
      expect(result.data ?? null).toBeNull();
    }
  });

  it("still works on its own client (the grants are real)", async () => {
    const result = await server.request(AccessCreate, createInput(b.contract.id), token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTrial.trial.contract.id).toBe(gid.contract(b.contract.id));
  });
});

describe("permissions granted on a parent", () => {
  it("create_trial on the client creates a trial under its contract", async () => {
    const user = await staffWith(server, ["create_trial"], { clientId: a.client.id });
    const result = await server.request(AccessCreate, createInput(a.contract.id), user.token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTrial.trial.contract.id).toBe(gid.contract(a.contract.id));
  });

  it("create_trial on the contract creates a trial under it", async () => {
    const user = await staffWith(server, ["create_trial"], { contractId: a.contract.id });
    const result = await server.request(AccessCreate, createInput(a.contract.id), user.token);
    expect(result.errors).toBeUndefined();
  });

  it("edit_trial and delete_trial on the contract act on its trials", async () => {
    const user = await staffWith(server, ["edit_trial", "delete_trial"], { contractId: a.contract.id });
    const trial = await insertTrial(server, a.contract.id, "Contract-level");
    const edited = await server.request(
      AccessEdit,
      { input: { trialId: gid.trial(trial.id), name: "Edited by contract grant" } },
      user.token,
    );
    expect(edited.data!.editTrial.trial.name).toBe("Edited by contract grant");
    const deleted = await server.request(
      AccessDelete,
      { input: { trialId: gid.trial(trial.id) } },
      user.token,
    );
    expect(deleted.errors).toBeUndefined();
    const [row] = await server.sql`SELECT count(*)::int AS n FROM trials WHERE id = ${trial.id}`;
    expect(row!.n).toBe(0);
  });

  it("edit_trial and delete_trial on the client act on its trials", async () => {
    const user = await staffWith(server, ["edit_trial", "delete_trial"], { clientId: a.client.id });
    const trial = await insertTrial(server, a.contract.id, "Client-level");
    const edited = await server.request(
      AccessEdit,
      { input: { trialId: gid.trial(trial.id), name: "Edited by client grant" } },
      user.token,
    );
    expect(edited.data!.editTrial.trial.name).toBe("Edited by client grant");
    const deleted = await server.request(
      AccessDelete,
      { input: { trialId: gid.trial(trial.id) } },
      user.token,
    );
    expect(deleted.errors).toBeUndefined();
  });

  it("add_trial_site on the contract adds a site the user may see", async () => {
    const site = await insertSite(server, a.client.id);
    const trial = await insertTrial(server, a.contract.id);
    const user = await staffWith(server, ["add_trial_site"], { contractId: a.contract.id });
    await grantPermissions(server, user.uid, ["view_sites"], { siteId: site.id });
    const result = await server.request(AccessAddSite, addInput(trial.id, site.id), user.token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.addTrialSite.trialSite.site.id).toBe(gid.site(site.id));
  });

  it("add_trial_site on the contract is not enough for a site the user cannot see: NOT_FOUND, nothing written", async () => {
    const site = await insertSite(server, a.client.id);
    const trial = await insertTrial(server, a.contract.id);
    const user = await staffWith(server, ["add_trial_site"], { contractId: a.contract.id });
    const result = await expectNothingWritten(server, () =>
      server.request(AccessAddSite, addInput(trial.id, site.id), user.token),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
  });

  it("add_trial_site on the client covers the trial and sees the client's sites", async () => {
    const site = await insertSite(server, a.client.id);
    const trial = await insertTrial(server, a.contract.id);
    const user = await staffWith(server, ["add_trial_site"], { clientId: a.client.id });
    const result = await server.request(AccessAddSite, addInput(trial.id, site.id), user.token);
    expect(result.errors).toBeUndefined();
  });
});

describe("a user granted only on a child (a trial site)", () => {
  let token: string;
  let mine: { id: string };
  let theirs: { id: string };
  beforeAll(async () => {
    [mine, theirs] = [a.trialSites[0]!, a.trialSites[1]!];
    token = (await staffWith(server, TRIAL_PERMISSIONS, { trialSiteId: mine.id })).token;
  });

  it("sees the trial, with only their trial site in it", async () => {
    const result = await server.request(AccessTrial, { id: gid.trial(a.trial.id) }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.trial.trialSites.nodes).toEqual([{ id: gid.trialSite(mine.id) }]);
    const list = await server.request(AccessTrialSites, { trialId: gid.trial(a.trial.id) }, token);
    expect(list.data!.trialSites).toEqual([{ id: gid.trialSite(mine.id) }]);
    const other = await server.request(AccessTrialSite, { id: gid.trialSite(theirs.id) }, token);
    expect(errorCode(other)).toBe("NOT_FOUND");
    expect(other.data ?? null).toBeNull();
  });

  it("lists only that trial", async () => {
    await insertTrial(server, a.contract.id, "Sibling trial");
    const all = await server.request(AccessTrials, {}, token);
    expect(all.data!.trials.edges.map((e) => e.node.id)).toEqual([gid.trial(a.trial.id)]);
  });

  it("cannot edit or delete the trial, nor add sites to it: FORBIDDEN, nothing written", async () => {
    const site = await insertSite(server, a.client.id);
    const attempts: (() => Promise<GraphQLResponse<unknown>>)[] = [
      () => server.request(AccessEdit, { input: { trialId: gid.trial(a.trial.id), name: "Nope" } }, token),
      () => server.request(AccessDelete, { input: { trialId: gid.trial(a.trial.id) } }, token),
      () => server.request(AccessAddSite, addInput(a.trial.id, site.id), token),
      () => server.request(AccessCreate, createInput(a.contract.id), token),
    ];
    for (const attempt of attempts) {
      const result = await expectNothingWritten(server, attempt);
      expect(errorCode(result)).toBe("FORBIDDEN");
      expect(result.data ?? null).toBeNull();
    }
  });
});

describe("view_trials on the trial alone", () => {
  it("reads the trial but cannot edit it (FORBIDDEN)", async () => {
    const user = await staffWith(server, ["view_trials"], { trialId: a.trial.id });
    const read = await server.request(AccessTrial, { id: gid.trial(a.trial.id) }, user.token);
    expect(read.data!.trial.trialSites.nodes.map((ts) => ts.id).sort()).toEqual(
      a.trialSites.map((ts) => gid.trialSite(ts.id)).sort(),
    );
    const edit = await expectNothingWritten(server, () =>
      server.request(AccessEdit, { input: { trialId: gid.trial(a.trial.id), name: "Nope" } }, user.token),
    );
    expect(errorCode(edit)).toBe("FORBIDDEN");
  });
});

describe("nested lists show only visible rows", () => {
  it("Contract.trials lists the trials the viewer may see", async () => {
    const org = await createOrganization(server);
    const sibling = await insertTrial(server, org.contract.id, "Sibling");
    const user = await staffWith(server, ["view_trials"], { trialId: org.trial.id });
    const seen = await server.request(AccessContractTrials, { id: gid.trial(org.trial.id) }, user.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.trial.contract.trials).toEqual([{ id: gid.trial(org.trial.id) }]);
    const admin = await server.request(AccessContractTrials, { id: gid.trial(org.trial.id) }, adminToken);
    expect(admin.data!.trial.contract.trials.map((t) => t.id).sort()).toEqual(
      [gid.trial(sibling.id), gid.trial(org.trial.id)].sort(),
    );
  });

  it("Site.trialSites lists the trial sites the viewer may see", async () => {
    const org = await createOrganization(server);
    const [mine] = org.trialSites;
    const elsewhere = await insertTrial(server, org.contract.id, "Elsewhere");
    const [other] = await server.db
      .insert(trialSites)
      .values({ trialId: elsewhere.id, siteId: mine!.siteId })
      .returning();
    const user = await staffWith(server, ["view_trials"], { trialSiteId: mine!.id });
    const seen = await server.request(AccessSiteTrialSites, { id: gid.trialSite(mine!.id) }, user.token);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.trialSite.site.trialSites.nodes).toEqual([{ id: gid.trialSite(mine!.id) }]);
    const admin = await server.request(AccessSiteTrialSites, { id: gid.trialSite(mine!.id) }, adminToken);
    expect(admin.data!.trialSite.site.trialSites.nodes.map((ts) => ts.id).sort()).toEqual(
      [gid.trialSite(mine!.id), gid.trialSite(other!.id)].sort(),
    );
  });
});
