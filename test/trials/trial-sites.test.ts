import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { graphql } from "../graphql/index.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertSite, insertTrial } from "../support/trials.js";

const TrialSitesAdd = graphql(`
  mutation TrialSitesAdd($input: AddTrialSiteInput!) {
    addTrialSite(input: $input) {
      trialSite {
        id uid createdAt
        trial { id name trialSites { nodes { id } } }
        site { id }
        auditHistory { action actorName changes { field from to } }
      }
    }
  }
`);

const TrialSitesList = graphql(`
  query TrialSitesList($trialId: ID!) { trialSites(trialId: $trialId) { id uid site { id } trial { id } } }
`);

const TrialSitesOne = graphql(`
  query TrialSitesOne($id: ID!) { trialSite(id: $id) { id uid trial { id protocolId } site { id } } }
`);

const TrialSitesClose = graphql(`
  mutation TrialSitesClose($input: EditTrialInput!) { editTrial(input: $input) { trial { status } } }
`);

let server: TestServer;
let adminToken: string;
let org: Organization;
beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.loginAdmin();
  org = await createOrganization(server);
});
afterAll(() => server.close());

const add = (trialId: string, siteId: string, token = adminToken) =>
  server.request(TrialSitesAdd, { input: { trialId: gid.trial(trialId), siteId: gid.site(siteId) } }, token);

describe("addTrialSite", () => {
  it("adds a site of the client to a trial, audited, shown in the trial's sites", async () => {
    const trial = await insertTrial(server, org.contract.id);
    const site = await insertSite(server, org.client.id, "Johnson Clinic");
    const result = await add(trial.id, site.id);
    expect(result.errors).toBeUndefined();
    const trialSite = result.data!.addTrialSite.trialSite;
    expect(trialSite).toMatchObject({
      trial: { id: gid.trial(trial.id), name: trial.name },
      site: { id: gid.site(site.id) },
    });
    expect(trialSite.id).toBe(gid.trialSite(trialSite.uid));
    expect(trialSite.trial.trialSites.nodes).toEqual([{ id: trialSite.id }]);

    const [row] = await server.sql`SELECT trial_id, site_id FROM trial_sites WHERE id = ${trialSite.uid}`;
    expect(row).toEqual({ trial_id: trial.id, site_id: site.id });
    const audit = await auditEntriesFor(server, trialSite.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "add_trial_site",
      changes: { trialId: { from: null, to: trial.id }, siteId: { from: null, to: site.id } },
    });
    expect(trialSite.auditHistory).toEqual([
      expect.objectContaining({ action: "add_trial_site", actorName: expect.any(String) }),
    ]);
  });

  it("lets a site join many trials of its client", async () => {
    const site = await insertSite(server, org.client.id);
    for (const name of ["First", "Second"]) {
      const trial = await insertTrial(server, org.contract.id, name);
      const result = await add(trial.id, site.id);
      expect(result.errors).toBeUndefined();
    }
    const [count] = await server.sql`SELECT count(*)::int AS n FROM trial_sites WHERE site_id = ${site.id}`;
    expect(count!.n).toBe(2);
  });

  it("refuses a site already in the trial with CONFLICT, writing nothing", async () => {
    const result = await expectNothingWritten(server, () => add(org.trial.id, org.sites[0]!.id));
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.data ?? null).toBeNull();
  });

  it("refuses the same site added twice at once: one succeeds, one CONFLICT", async () => {
    const trial = await insertTrial(server, org.contract.id);
    const site = await insertSite(server, org.client.id);
    const results = await Promise.all([
      add(trial.id, site.id),
      add(trial.id, site.id),
      add(trial.id, site.id),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(["CONFLICT", "CONFLICT"]);
    const [count] = await server.sql`
      SELECT count(*)::int AS n FROM trial_sites WHERE trial_id = ${trial.id} AND site_id = ${site.id}`;
    expect(count!.n).toBe(1);
  });

  it("adds a site of another client: a site can run trials for several sponsors (the spec)", async () => {
    const sponsor = await createOrganization(server);
    const other = await createOrganization(server);
    const result = await add(sponsor.trial.id, other.sites[0]!.id);
    expect(result.errors).toBeUndefined();
    const [count] = await server.sql`
      SELECT count(*)::int AS n FROM trial_sites WHERE trial_id = ${sponsor.trial.id} AND site_id = ${other.sites[0]!.id}`;
    expect(count!.n).toBe(1);
  });

  it("refuses to add a site to a closed trial with CONFLICT, writing nothing", async () => {
    const trial = await insertTrial(server, org.contract.id);
    for (const status of ["LIVE", "CLOSED"] as const) {
      await server.request(TrialSitesClose, { input: { trialId: gid.trial(trial.id), status } }, adminToken);
    }
    const site = await insertSite(server, org.client.id);
    const result = await expectNothingWritten(server, () => add(trial.id, site.id));
    expect(errorCode(result)).toBe("CONFLICT");
  });

  it("answers NOT_FOUND for a trial or site that does not exist", async () => {
    const noTrial = await expectNothingWritten(server, () => add(newId(), org.sites[0]!.id));
    expect(errorCode(noTrial)).toBe("NOT_FOUND");
    const noSite = await expectNothingWritten(server, () => add(org.trial.id, newId()));
    expect(errorCode(noSite)).toBe("NOT_FOUND");
  });
});

describe("trialSites and trialSite", () => {
  it("lists a trial's sites (the spec's get_trial_sites) with their site and trial", async () => {
    const result = await server.request(TrialSitesList, { trialId: gid.trial(org.trial.id) }, adminToken);
    expect(result.errors).toBeUndefined();
    expect(result.data!.trialSites.map((ts) => ts.uid).sort()).toEqual(
      org.trialSites.map((ts) => ts.id).sort(),
    );
    for (const ts of result.data!.trialSites) {
      expect(ts.trial.id).toBe(gid.trial(org.trial.id));
      const expected = org.trialSites.find((row) => row.id === ts.uid)!;
      expect(ts.site.id).toBe(gid.site(expected.siteId));
    }
  });

  it("reads one trial site, and NOT_FOUND for one that does not exist", async () => {
    const ts = org.trialSites[0]!;
    const result = await server.request(TrialSitesOne, { id: gid.trialSite(ts.id) }, adminToken);
    expect(result.data!.trialSite).toMatchObject({
      uid: ts.id,
      trial: { id: gid.trial(org.trial.id), protocolId: org.trial.protocolId },
      site: { id: gid.site(ts.siteId) },
    });
    const missing = await server.request(TrialSitesOne, { id: gid.trialSite(newId()) }, adminToken);
    expect(errorCode(missing)).toBe("NOT_FOUND");
    expect(missing.data ?? null).toBeNull();
    const noTrial = await server.request(TrialSitesList, { trialId: gid.trial(newId()) }, adminToken);
    expect(errorCode(noTrial)).toBe("NOT_FOUND");
  });
});
