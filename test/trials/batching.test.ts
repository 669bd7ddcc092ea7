import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { gid } from "../support/ids.js";
import { grantPermissions } from "../support/organizations.js";
import { startTestServer, type TestServer } from "../support/server.js";

const BatchingClientTree = graphql(`
  query BatchingClientTree($id: ID!) {
    client(id: $id) { contracts { trials { protocolId trialSites { nodes { site { name } } } } } }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/**
 * Setup straight into the database, in a few multi-row statements: a client with one contract, `trialCount`
 * trials named after `tag`, and `siteCount` sites each taking part in every trial.
 */
async function seedClient(tag: string, trialCount: number, siteCount: number) {
  const sql = server.sql;
  const clientId = newId();
  const contractId = newId();
  await sql`INSERT INTO clients (id, name) VALUES (${clientId}, ${`Client ${tag}`})`;
  await sql`INSERT INTO contracts (id, client_id, name, currency) VALUES (${contractId}, ${clientId}, ${`Contract ${tag}`}, 'USD')`;
  const trials = Array.from({ length: trialCount }, (_, i) => ({
    id: newId(),
    contract_id: contractId,
    name: `Trial ${tag} ${i}`,
    protocol_id: `${tag}-${i}`,
  }));
  const sites = Array.from({ length: siteCount }, (_, i) => ({
    id: newId(),
    client_id: clientId,
    name: `Site ${tag} ${i}`,
  }));
  await sql`INSERT INTO trials ${sql(trials)}`;
  await sql`INSERT INTO sites ${sql(sites)}`;
  const trialSites = trials.flatMap((trial) =>
    sites.map((site) => ({ id: newId(), trial_id: trial.id, site_id: site.id })),
  );
  await sql`INSERT INTO trial_sites ${sql(trialSites)}`;
  return { clientId, tag };
}

async function measure(clientId: string, token: string) {
  const before = server.statements.count;
  const started = performance.now();
  const result = await server.request(BatchingClientTree, { id: gid.client(clientId) }, token);
  const ms = performance.now() - started;
  expect(result.errors).toBeUndefined();
  const trials = result.data!.client.contracts.flatMap((c) => c.trials);
  return {
    statements: server.statements.count - before,
    ms: Math.round(ms),
    trials: trials.length,
    trialSites: trials.reduce((n, t) => n + t.trialSites.nodes.length, 0),
  };
}

describe("client → contracts → trials → trial sites → site reads are batched", () => {
  it("take the same number of SQL statements for 1 × 10 and 50 × 10 trial sites, as admin and as client staff", async () => {
    const small = await seedClient(`small${randomBytes(3).toString("hex")}`, 1, 10);
    const large = await seedClient(`large${randomBytes(3).toString("hex")}`, 50, 10);

    const adminToken = await server.loginAdmin();
    const staff = await staffWith(server, ["view_trials"], { clientId: small.clientId });
    await grantPermissions(server, staff.uid, ["view_trials"], { clientId: large.clientId });

    const report: Record<string, unknown>[] = [];
    for (const [who, token] of [
      ["admin", adminToken],
      ["client staff", staff.token],
    ] as const) {
      await measure(large.clientId, token); // warm-up: postgres.js looks up array types once per connection
      const few = await measure(small.clientId, token);
      const many = await measure(large.clientId, token);
      expect(few).toMatchObject({ trials: 1, trialSites: 10 });
      expect(many).toMatchObject({ trials: 50, trialSites: 500 });
      expect(many.statements).toBe(few.statements);
      report.push({ who, size: "1 × 10", ...few }, { who, size: "50 × 10", ...many });
    }
    console.log("trials batching (statements per request, latency):");
    console.table(report);
  });
});
