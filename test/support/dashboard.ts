import { randomBytes } from "node:crypto";
import { newId } from "../../db/ids.js";
import type { TestServer } from "./server.js";

/**
 * A trial dashboard's data, straight into the database in a few multi-row statements: a client, a contract (USD
 * unless `currency` says otherwise) and a trial at `siteCount` sites, two participants enrolled at each, and three
 * payments each (unclaimed, paid, pending: 1,000, 2,000 and 3,000 minor units).
 */
export async function seedTrial(
  server: TestServer,
  siteCount: number,
  { currency = "USD", lastName = (s: number, p: number) => `Batch ${s} ${p}` } = {},
) {
  const sql = server.sql;
  const tag = randomBytes(3).toString("hex");
  const clientId = newId();
  const contractId = newId();
  const trialId = newId();
  await sql`INSERT INTO clients (id, name) VALUES (${clientId}, ${`Client ${tag}`})`;
  await sql`INSERT INTO contracts (id, client_id, name, currency) VALUES (${contractId}, ${clientId}, ${`Contract ${tag}`}, ${currency})`;
  await sql`INSERT INTO trials (id, contract_id, name, protocol_id) VALUES (${trialId}, ${contractId}, ${`Trial ${tag}`}, ${`P-${tag}`})`;
  const sites = Array.from({ length: siteCount }, (_, i) => ({
    id: newId(),
    client_id: clientId,
    name: `Site ${tag} ${i}`,
  }));
  await sql`INSERT INTO sites ${sql(sites)}`;
  const trialSites = sites.map((site) => ({ id: newId(), trial_id: trialId, site_id: site.id }));
  await sql`INSERT INTO trial_sites ${sql(trialSites)}`;
  const people = trialSites.flatMap((trialSite, s) =>
    [0, 1].map((p) => ({ userId: newId(), participantId: newId(), enrollmentId: newId(), trialSite, s, p })),
  );
  await sql`INSERT INTO users ${sql(
    people.map((x) => ({
      id: x.userId,
      email: `batch-${tag}-${x.s}-${x.p}@example.com`,
      first_name: "Pat",
      last_name: lastName(x.s, x.p),
      user_type: "participant",
    })),
  )}`;
  await sql`INSERT INTO participants ${sql(
    people.map((x) => ({ id: x.participantId, user_id: x.userId, home_site_id: x.trialSite.site_id })),
  )}`;
  await sql`INSERT INTO enrollments ${sql(
    people.map((x) => ({
      id: x.enrollmentId,
      participant_id: x.participantId,
      trial_site_id: x.trialSite.id,
      trial_id: trialId,
      subject_id: `S-${tag}-${x.s}-${x.p}`,
    })),
  )}`;
  await sql`INSERT INTO payments ${sql(
    people.flatMap((x) =>
      (["unclaimed", "paid", "pending"] as const).map((status, i) => ({
        id: newId(),
        enrollment_id: x.enrollmentId,
        contract_id: contractId,
        kind: "manual",
        status,
        amount_minor: 1000 * (i + 1),
        currency,
      })),
    ),
  )}`;
  return { clientId, trialId, trialSiteIds: trialSites.map((ts) => ts.id) };
}
