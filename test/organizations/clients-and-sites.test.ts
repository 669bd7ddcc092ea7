import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid, uniqueTag } from "../support/ids.js";
import type { Organization } from "../support/organizations.js";
import { createParticipant } from "../support/participants.js";
import { errorCode, type TestServer } from "../support/server.js";
import { insertSite } from "../support/trials.js";
import { ALL_ORGANIZATION_PERMISSIONS, startWithTwoClients } from "./fixtures.js";

const OrgCreateClient = graphql(`
  mutation OrgCreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      client {
        id uid name salesContact taxId contactName contactPhone contactEmail
        address { street1 street2 city state postCode country }
        contracts { id }
        sites { id }
        auditHistory { action actorName changes { field from to } }
      }
    }
  }
`);

const OrgEditClient = graphql(`
  mutation OrgEditClient($input: EditClientInput!) {
    editClient(input: $input) {
      client {
        id name salesContact taxId contactName contactPhone contactEmail
        address { street1 city state postCode }
        auditHistory { action changes { field from to } }
      }
    }
  }
`);

const OrgDeleteClient = graphql(`
  mutation OrgDeleteClient($input: DeleteClientInput!) { deleteClient(input: $input) { deletedClientId } }
`);

const OrgClients = graphql(`
  query OrgClients($search: String, $first: Int, $after: String) {
    clients(search: $search, first: $first, after: $after) {
      edges { node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const OrgClient = graphql(`
  query OrgClient($id: ID!) {
    client(id: $id) { id uid name contracts { id name } sites { id name } }
  }
`);

const OrgClientNode = graphql(`
  query OrgClientNode($id: ID!) { node(id: $id) { id ... on Client { name } } }
`);

const OrgClientsWithChildren = graphql(`
  query OrgClientsWithChildren($search: String) {
    clients(search: $search, first: 50) {
      edges { node { id contracts { id } sites { id address { city } } auditHistory { action } } }
    }
  }
`);

const OrgCreateSite = graphql(`
  mutation OrgCreateSite($input: CreateSiteInput!) {
    createSite(input: $input) {
      site {
        id uid name timeZone client { id } address { street1 city state postCode }
        auditHistory { action changes { field from to } }
      }
    }
  }
`);

const OrgEditSite = graphql(`
  mutation OrgEditSite($input: EditSiteInput!) {
    editSite(input: $input) { site { id name timeZone address { city } auditHistory { action } } }
  }
`);

const OrgDeleteSite = graphql(`
  mutation OrgDeleteSite($input: DeleteSiteInput!) { deleteSite(input: $input) { deletedSiteId } }
`);

const OrgSites = graphql(`
  query OrgSites($clientId: ID, $first: Int) {
    sites(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }
  }
`);

const OrgSite = graphql(`
  query OrgSite($id: ID!) { site(id: $id) { id uid name timeZone client { id name } } }
`);

const ADDRESS = {
  street1: "1010 West Street Terr",
  street2: "",
  city: "Orlando",
  state: "FL",
  postCode: "32802",
};

let server: TestServer;
let adminToken: string;
let adminUid: string;
/** Two clients' organisations: each a contract, a trial, two sites in the trial. */
let a: Organization;
let b: Organization;
beforeAll(async () => {
  ({ server, adminToken, adminUid, a, b } = await startWithTwoClients());
});
afterAll(() => server.close());

async function createClient(input: Record<string, unknown>, token = adminToken) {
  return server.request(OrgCreateClient, { input: { name: `Walton ${uniqueTag()}`, ...input } }, token);
}

describe("createClient", () => {
  it("creates a client with contact details and an address, audited, with its history on the object", async () => {
    const result = await createClient({
      name: "Walton, Inc.",
      salesContact: "Marsha Dalton",
      taxId: "660057137",
      contactName: "Nora Manning",
      contactPhone: "(254) 612-2177",
      contactEmail: "Nora.Manning@Example.com",
      address: ADDRESS,
    });
    expect(result.errors).toBeUndefined();
    const client = result.data!.createClient.client;
    expect(client).toMatchObject({
      name: "Walton, Inc.",
      salesContact: "Marsha Dalton",
      taxId: "660057137",
      contactName: "Nora Manning",
      contactPhone: "(254) 612-2177",
      contactEmail: "nora.manning@example.com",
      address: {
        street1: "1010 West Street Terr",
        street2: null,
        city: "Orlando",
        state: "FL",
        postCode: "32802",
        country: "US",
      },
      contracts: [],
      sites: [],
    });
    expect(client.id).toBe(gid.client(client.uid));

    const audit = await auditEntriesFor(server, client.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "create_client",
      actor_user_id: adminUid,
      acting_as_user_id: null,
    });
    expect(audit[0]!.changes.name).toEqual({ from: null, to: "Walton, Inc." });
    expect(audit[0]!.changes.contactEmail).toEqual({ from: null, to: "nora.manning@example.com" });
    expect(audit[0]!.changes.address?.to).toMatchObject({ city: "Orlando", postCode: "32802" });

    expect(client.auditHistory).toHaveLength(1);
    expect(client.auditHistory[0]!.action).toBe("create_client");
    expect(client.auditHistory[0]!.actorName).toBeTruthy();
    expect(client.auditHistory[0]!.changes).toContainEqual({
      field: "name",
      from: null,
      to: "Walton, Inc.",
    });
  });

  it("needs only a name", async () => {
    const result = await createClient({ name: "  Cochran, Inc.  " });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createClient.client).toMatchObject({
      name: "Cochran, Inc.",
      address: null,
      taxId: null,
    });
  });

  it.each([
    ["a blank name", { name: "   " }, "name"],
    ["a bad e-mail", { contactEmail: "nora at example" }, "contactEmail"],
    ["a bad phone", { contactPhone: "call me" }, "contactPhone"],
    ["a bad tax id", { taxId: "#!" }, "taxId"],
    ["an address without a city", { address: { ...ADDRESS, city: " " } }, "address.city"],
    ["an address with a bad postal code", { address: { ...ADDRESS, postCode: "!" } }, "address.postCode"],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_case, input, field) => {
    const result = await expectNothingWritten(server, () => createClient(input));
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0]!.extensions!.fields).toContainEqual(expect.objectContaining({ field }));
    expect(result.data).toBeNull();
  });

  it("is for admins only, even for someone holding every permission on a client", async () => {
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: a.client.id });
    const result = await expectNothingWritten(server, () => createClient({}, staff.token));
    expect(errorCode(result)).toBe("FORBIDDEN");
    const anonymous = await expectNothingWritten(server, () => createClient({}, null as unknown as string));
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
  });
});

describe("editClient", () => {
  it("changes and clears fields, audited from → to", async () => {
    const created = await createClient({
      name: "Cochran, Inc.",
      contactName: "Nora Manning",
      contactPhone: "(254) 612-2177",
      address: { ...ADDRESS, city: "Ames", state: "IA", postCode: "50010" },
    });
    const client = created.data!.createClient.client;

    const result = await server.request(
      OrgEditClient,
      {
        input: {
          clientId: client.id,
          name: "Cochran Holdings",
          contactName: null,
          contactEmail: "ops@cochran.example",
          address: { ...ADDRESS, city: "Des Moines", state: "IA", postCode: "50309" },
        },
      },
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.editClient.client).toMatchObject({
      name: "Cochran Holdings",
      contactName: null,
      contactPhone: "(254) 612-2177",
      contactEmail: "ops@cochran.example",
      address: { city: "Des Moines", postCode: "50309" },
    });

    const audit = await auditEntriesFor(server, client.uid);
    expect(audit.map((e) => e.action)).toEqual(["create_client", "edit_client"]);
    const changes = audit[1]!.changes;
    expect(changes.name).toEqual({ from: "Cochran, Inc.", to: "Cochran Holdings" });
    expect(changes.contactName).toEqual({ from: "Nora Manning", to: null });
    expect(changes.contactEmail).toEqual({ from: null, to: "ops@cochran.example" });
    expect(changes.contactPhone).toBeUndefined();
    expect(changes.address).toMatchObject({ from: { city: "Ames" }, to: { city: "Des Moines" } });
    expect(result.data!.editClient.client.auditHistory.map((e) => e.action)).toEqual([
      "edit_client",
      "create_client",
    ]);

    const removed = await server.request(
      OrgEditClient,
      { input: { clientId: client.id, address: null } },
      adminToken,
    );
    expect(removed.data!.editClient.client.address).toBeNull();
    const [{ count }] =
      (await server.sql`SELECT count(*)::int AS count FROM clients WHERE id = ${client.uid} AND address_id IS NULL`) as unknown as [
        { count: number },
      ];
    expect(count).toBe(1);
  });

  it.each([
    ["a blank name", { name: "" }],
    ["a null name", { name: null }],
    ["a bad e-mail", { contactEmail: "not-an-address" }],
    ["a bad address", { address: { ...ADDRESS, street1: "" } }],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_case, input) => {
    const result = await expectNothingWritten(server, () =>
      server.request(OrgEditClient, { input: { clientId: gid.client(a.client.id), ...input } }, adminToken),
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
  });

  it("is for admins only; an unknown client is NOT_FOUND", async () => {
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: a.client.id });
    const own = await expectNothingWritten(server, () =>
      server.request(
        OrgEditClient,
        { input: { clientId: gid.client(a.client.id), name: "Mine" } },
        staff.token,
      ),
    );
    expect(errorCode(own)).toBe("FORBIDDEN");
    const unknown = await expectNothingWritten(server, () =>
      server.request(OrgEditClient, { input: { clientId: gid.client(newId()), name: "X" } }, adminToken),
    );
    expect(errorCode(unknown)).toBe("NOT_FOUND");
    const wrongType = await expectNothingWritten(server, () =>
      server.request(OrgEditClient, { input: { clientId: gid.site(a.sites[0]!.id), name: "X" } }, adminToken),
    );
    expect(errorCode(wrongType)).toBe("BAD_USER_INPUT");
  });
});

describe("deleteClient", () => {
  it("deletes a client without contracts or sites, audited", async () => {
    const created = await createClient({ address: ADDRESS });
    const client = created.data!.createClient.client;
    const result = await server.request(OrgDeleteClient, { input: { clientId: client.id } }, adminToken);
    expect(result.errors).toBeUndefined();
    expect(result.data!.deleteClient.deletedClientId).toBe(client.id);
    const rows = await server.sql`SELECT 1 FROM clients WHERE id = ${client.uid}`;
    expect(rows).toHaveLength(0);
    const audit = await auditEntriesFor(server, client.uid);
    expect(audit.map((e) => e.action)).toEqual(["create_client", "delete_client"]);
    const gone = await server.request(OrgClient, { id: client.id }, adminToken);
    expect(errorCode(gone)).toBe("NOT_FOUND");
  });

  it("refuses a client with contracts with CONFLICT and writes nothing", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(OrgDeleteClient, { input: { clientId: gid.client(a.client.id) } }, adminToken),
    );
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0]!.message).toMatch(/contracts/);
  });

  it("refuses a client with sites (and no contracts) with CONFLICT and writes nothing", async () => {
    const created = await createClient({});
    const client = created.data!.createClient.client;
    await insertSite(server, client.uid);
    const result = await expectNothingWritten(server, () =>
      server.request(OrgDeleteClient, { input: { clientId: client.id } }, adminToken),
    );
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0]!.message).toMatch(/sites/);
  });

  it("is for admins only", async () => {
    const created = await createClient({});
    const client = created.data!.createClient.client;
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: client.uid });
    const result = await expectNothingWritten(server, () =>
      server.request(OrgDeleteClient, { input: { clientId: client.id } }, staff.token),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
  });
});

describe("clients and client", () => {
  it("lists newest first, searches part of the name in any case, and pages", async () => {
    const tag = uniqueTag();
    const names = [`Oscar the Grouch ${tag}`, `Oscar Wilde ${tag}`, `Big Bird ${tag}`];
    for (const name of names) await createClient({ name });

    const all = await server.request(OrgClients, { search: tag }, adminToken);
    expect(all.data!.clients.edges.map((e) => e.node.name)).toEqual([...names].reverse());
    const oscars = await server.request(OrgClients, { search: `oSCAR%${tag}` }, adminToken);
    expect(oscars.data!.clients.edges).toEqual([]); // % is taken literally
    const partial = await server.request(OrgClients, { search: `car W` }, adminToken);
    expect(partial.data!.clients.edges.map((e) => e.node.name)).toContain(`Oscar Wilde ${tag}`);
    const byCase = await server.request(
      OrgClients,
      { search: `OSCAR THE GROUCH ${tag.toUpperCase()}` },
      adminToken,
    );
    expect(byCase.data!.clients.edges.map((e) => e.node.name)).toEqual([`Oscar the Grouch ${tag}`]);

    const first = await server.request(OrgClients, { search: tag, first: 2 }, adminToken);
    expect(first.data!.clients.edges).toHaveLength(2);
    expect(first.data!.clients.pageInfo.hasNextPage).toBe(true);
    const second = await server.request(
      OrgClients,
      { search: tag, first: 2, after: first.data!.clients.pageInfo.endCursor },
      adminToken,
    );
    expect(second.data!.clients.edges.map((e) => e.node.name)).toEqual([names[0]]);
    expect(second.data!.clients.pageInfo.hasNextPage).toBe(false);
  });

  it("shows a user only the clients they may see; nothing to someone without grants", async () => {
    const onB = await staffWith(server, ["view_clients"], { clientId: b.client.id });
    const list = await server.request(OrgClients, { first: 100 }, onB.token);
    expect(list.data!.clients.edges.map((e) => e.node.id)).toEqual([gid.client(b.client.id)]);

    const nobody = await staffWith(server, [], {});
    const empty = await server.request(OrgClients, { first: 100 }, nobody.token);
    expect(empty.data!.clients.edges).toEqual([]);

    const anonymous = await server.request(OrgClients, {});
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
  });

  it("answers NOT_FOUND for another client's id, by client(id) and node(id), never with its data", async () => {
    const onB = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    const other = await server.request(OrgClient, { id: gid.client(a.client.id) }, onB.token);
    expect(errorCode(other)).toBe("NOT_FOUND");
    expect(other.data).toBeNull();
    const node = await server.request(OrgClientNode, { id: gid.client(a.client.id) }, onB.token);
    expect(errorCode(node)).toBe("NOT_FOUND");
    expect(JSON.stringify(node.data ?? null)).not.toContain("Client A");

    const own = await server.request(OrgClient, { id: gid.client(b.client.id) }, onB.token);
    expect(own.errors).toBeUndefined();
    expect(own.data!.client).toMatchObject({ uid: b.client.id, name: "Client B" });
    expect(own.data!.client.contracts.map((c) => c.id)).toEqual([gid.contract(b.contract.id)]);
    expect(own.data!.client.sites.map((s) => s.id).sort()).toEqual(b.sites.map((s) => gid.site(s.id)).sort());
  });

  it("lets a user with a grant on one trial site see its client, but only the contract and site above it", async () => {
    const trialSite = b.trialSites[0]!;
    const onTrialSite = await staffWith(server, ["view_sites"], { trialSiteId: trialSite.id });
    const client = await server.request(OrgClient, { id: gid.client(b.client.id) }, onTrialSite.token);
    expect(client.errors).toBeUndefined();
    expect(client.data!.client.contracts.map((c) => c.id)).toEqual([gid.contract(b.contract.id)]);
    expect(client.data!.client.sites.map((s) => s.id)).toEqual([gid.site(trialSite.siteId)]);
    const list = await server.request(OrgClients, { first: 100 }, onTrialSite.token);
    expect(list.data!.clients.edges.map((e) => e.node.id)).toEqual([gid.client(b.client.id)]);

    const onSite = await staffWith(server, ["view_sites"], { siteId: b.sites[1]!.id });
    const fromSite = await server.request(OrgClient, { id: gid.client(b.client.id) }, onSite.token);
    // The site runs the client's trial, so its staff see that trial's contract.
    expect(fromSite.data!.client.contracts.map((c) => c.id)).toEqual([gid.contract(b.contract.id)]);
    expect(fromSite.data!.client.sites.map((s) => s.id)).toEqual([gid.site(b.sites[1]!.id)]);
  });

  it("loads every listed client's contracts, sites and history in a fixed number of statements", async () => {
    const tag = uniqueTag();
    const statementsFor = async () => {
      const before = server.statements.count;
      const result = await server.request(OrgClientsWithChildren, { search: tag }, adminToken);
      expect(result.errors).toBeUndefined();
      return { statements: server.statements.count - before, rows: result.data!.clients.edges.length };
    };
    const addClients = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const created = await createClient({ name: `Batch ${tag} ${i}` });
        await insertSite(server, created.data!.createClient.client.uid);
      }
    };
    await addClients(2);
    await statementsFor(); // warm-up: postgres.js looks up array types once per connection
    const few = await statementsFor();
    await addClients(10);
    const many = await statementsFor();
    expect([few.rows, many.rows]).toEqual([2, 12]);
    expect(many.statements).toBe(few.statements);
  });
});

describe("createSite", () => {
  const createSite = (input: Record<string, unknown>, token = adminToken) =>
    server.request(
      OrgCreateSite,
      { input: { clientId: gid.client(a.client.id), name: "Johnson Clinic", ...input } },
      token,
    );

  it("creates a site of a client with an address and time zone, audited", async () => {
    const result = await createSite({
      address: { ...ADDRESS, city: "Chicago", state: "IL", postCode: "60601" },
      timeZone: "America/Chicago",
    });
    expect(result.errors).toBeUndefined();
    const site = result.data!.createSite.site;
    expect(site).toMatchObject({
      name: "Johnson Clinic",
      timeZone: "America/Chicago",
      client: { id: gid.client(a.client.id) },
      address: { city: "Chicago", postCode: "60601" },
    });
    const audit = await auditEntriesFor(server, site.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create_site", actor_user_id: adminUid });
    expect(audit[0]!.changes).toMatchObject({
      name: { from: null, to: "Johnson Clinic" },
      clientId: { from: null, to: a.client.id },
      timeZone: { from: null, to: "America/Chicago" },
    });
    expect(site.auditHistory.map((e) => e.action)).toEqual(["create_site"]);
  });

  it("defaults the time zone to America/New_York", async () => {
    const result = await createSite({});
    expect(result.data!.createSite.site).toMatchObject({ timeZone: "America/New_York", address: null });
  });

  it.each([
    ["a blank name", { name: " " }],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }],
    ["a time zone in the wrong case", { timeZone: "america/chicago" }],
    ["an address without a street", { address: { ...ADDRESS, street1: "" } }],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_case, input) => {
    const result = await expectNothingWritten(server, () => createSite(input));
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
  });

  it("lets a user holding create_site on the client create one", async () => {
    // and view_sites, to read the site the answer carries
    const staff = await staffWith(server, ["create_site", "view_sites"], { clientId: a.client.id });
    const result = await createSite({ name: "Staff clinic" }, staff.token);
    expect(result.errors).toBeUndefined();
    const audit = await auditEntriesFor(server, result.data!.createSite.site.uid);
    expect(audit[0]!.actor_user_id).toBe(staff.uid);
  });

  it("refuses a user whose create_site is on another client (NOT_FOUND) and writes nothing", async () => {
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    const result = await expectNothingWritten(server, () => createSite({}, staff.token));
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect(result.data).toBeNull();
  });

  it("refuses a user whose create_site is only on one of the client's sites (FORBIDDEN) and writes nothing", async () => {
    const staff = await staffWith(server, ["create_site"], { siteId: a.sites[0]!.id });
    const result = await expectNothingWritten(server, () => createSite({}, staff.token));
    expect(errorCode(result)).toBe("FORBIDDEN");
  });
});

describe("editSite", () => {
  it("lets admins correct a site's name, time zone and address, audited from → to", async () => {
    const site = await insertSite(server, a.client.id, "Old name");
    const result = await server.request(
      OrgEditSite,
      { input: { siteId: gid.site(site.id), name: "New name", timeZone: "UTC", address: ADDRESS } },
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.editSite.site).toMatchObject({
      name: "New name",
      timeZone: "UTC",
      address: { city: "Orlando" },
      auditHistory: [{ action: "edit_site" }],
    });
    const audit = await auditEntriesFor(server, site.id);
    expect(audit[0]!.changes).toMatchObject({
      name: { from: "Old name", to: "New name" },
      timeZone: { from: "America/New_York", to: "UTC" },
      address: { from: null, to: { city: "Orlando" } },
    });
  });

  it("refuses a bad time zone or a blank name with BAD_USER_INPUT and writes nothing", async () => {
    for (const input of [{ timeZone: "Nowhere/Town" }, { name: "" }]) {
      const result = await expectNothingWritten(server, () =>
        server.request(OrgEditSite, { input: { siteId: gid.site(a.sites[0]!.id), ...input } }, adminToken),
      );
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
    }
  });

  it("is for admins only, as the spec says", async () => {
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: a.client.id });
    const result = await expectNothingWritten(server, () =>
      server.request(OrgEditSite, { input: { siteId: gid.site(a.sites[0]!.id), name: "Mine" } }, staff.token),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
  });
});

describe("deleteSite", () => {
  const deleteSite = (siteId: string, token = adminToken) =>
    server.request(OrgDeleteSite, { input: { siteId: gid.site(siteId) } }, token);

  it("lets a user holding delete_site on the client delete a site in no trial, audited", async () => {
    const site = await insertSite(server, a.client.id);
    const staff = await staffWith(server, ["delete_site"], { clientId: a.client.id });
    const result = await deleteSite(site.id, staff.token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.deleteSite.deletedSiteId).toBe(gid.site(site.id));
    expect(await server.sql`SELECT 1 FROM sites WHERE id = ${site.id}`).toHaveLength(0);
    const audit = await auditEntriesFor(server, site.id);
    expect(audit).toEqual([expect.objectContaining({ action: "delete_site", actor_user_id: staff.uid })]);
  });

  it("refuses a site in a trial with CONFLICT and writes nothing", async () => {
    const result = await expectNothingWritten(server, () => deleteSite(a.sites[0]!.id));
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0]!.message).toMatch(/trial/);
  });

  it("refuses a participant's home site with CONFLICT and writes nothing", async () => {
    const site = await insertSite(server, a.client.id);
    await createParticipant(server, site.id);
    const result = await expectNothingWritten(server, () => deleteSite(site.id));
    expect(errorCode(result)).toBe("CONFLICT");
  });

  it("refuses a user whose delete_site is on another client (NOT_FOUND) and writes nothing", async () => {
    const site = await insertSite(server, a.client.id);
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    const result = await expectNothingWritten(server, () => deleteSite(site.id, staff.token));
    expect(errorCode(result)).toBe("NOT_FOUND");
  });

  it("refuses a user whose delete_site is only on a trial site of it (FORBIDDEN) and writes nothing", async () => {
    const trialSite = a.trialSites[1]!;
    const staff = await staffWith(server, ["delete_site"], { trialSiteId: trialSite.id });
    const result = await expectNothingWritten(server, () => deleteSite(trialSite.siteId, staff.token));
    expect(errorCode(result)).toBe("FORBIDDEN");
    // and the site itself is visible to them (its name and place), as what they work on sits below it
    const site = await server.request(
      `query($id: ID!) { site(id: $id) { id client { name } } }`,
      { id: gid.site(trialSite.siteId) },
      staff.token,
    );
    expect(site.errors).toBeUndefined();
    expect(site.data).toEqual({ site: { id: gid.site(trialSite.siteId), client: { name: "Client A" } } });
  });
});

describe("sites and site", () => {
  it("lists only the sites a user may see, optionally of one client", async () => {
    const onB = await staffWith(server, ["view_sites"], { clientId: b.client.id });
    const all = await server.request(OrgSites, { first: 100 }, onB.token);
    expect(all.data!.sites.edges.map((e) => e.node.id).sort()).toEqual(
      b.sites.map((s) => gid.site(s.id)).sort(),
    );
    const ofB = await server.request(OrgSites, { clientId: gid.client(b.client.id) }, onB.token);
    expect(ofB.data!.sites.edges).toHaveLength(2);
    const ofA = await server.request(OrgSites, { clientId: gid.client(a.client.id) }, onB.token);
    expect(errorCode(ofA)).toBe("NOT_FOUND");
    expect(ofA.data).toBeNull();

    const onOneSite = await staffWith(server, ["view_sites"], { siteId: b.sites[0]!.id });
    const one = await server.request(OrgSites, { first: 100 }, onOneSite.token);
    expect(one.data!.sites.edges.map((e) => e.node.id)).toEqual([gid.site(b.sites[0]!.id)]);

    const admin = await server.request(OrgSites, { clientId: gid.client(b.client.id) }, adminToken);
    expect(admin.data!.sites.edges).toHaveLength(2);
  });

  it("answers NOT_FOUND for another client's site, never with its data", async () => {
    const onB = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    const other = await server.request(OrgSite, { id: gid.site(a.sites[1]!.id) }, onB.token);
    expect(errorCode(other)).toBe("NOT_FOUND");
    expect(other.data).toBeNull();
    const own = await server.request(OrgSite, { id: gid.site(b.sites[1]!.id) }, onB.token);
    expect(own.data!.site).toMatchObject({ uid: b.sites[1]!.id, client: { name: "Client B" } });
  });
});
