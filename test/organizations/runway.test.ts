import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { enrollments, milestones, milestoneVersions, payments, trialSites } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant, createParticipant } from "../support/participants.js";
import { errorCode, type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial } from "../support/trials.js";

/*
 * The runway of a contract and of a trial: remaining funding against what is owed (pending, unclaimed) and what
 * the schedules will still owe, checked against a hand computation, and read in as many SQL statements at ten
 * times the data (and ten times the contracts in a list).
 */

const ContractRunway = graphql(`
  query RunwayContract($id: ID!, $trialId: ID!) {
    contract(id: $id) {
      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount currency } currency asOf }
    }
    trial(id: $trialId) {
      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount } currency }
    }
  }
`);
const TrialRunway = graphql(`
  query RunwayTrial($id: ID!) { trial(id: $id) { name runway { projected { amount } } } }
`);
const ClientRunways = graphql(`
  query RunwayClientContracts($clientId: ID!) {
    contracts(clientId: $clientId, first: 50) {
      edges { node { name runway { projected { amount } scheduledStillOwed { amount } } } }
    }
  }
`);

let server: TestServer;
let adminToken: string;
let org: Organization;
let b: Organization;
let otherTrialId: string;
beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.loginAdmin();
  org = await createOrganization(server, "Runway A");
  b = await createOrganization(server, "Runway B");
  otherTrialId = await handFixture();
});
afterAll(() => server.close());

const HOUR = 3_600_000;
const at = (offset: number) => new Date(Date.now() + offset);

async function milestone(
  trialSiteId: string,
  name: string,
  versions: [amountMinor: bigint, effective: Date][],
) {
  const [line] = await server.db.insert(milestones).values({ trialSiteId, name }).returning();
  const rows = await server.db
    .insert(milestoneVersions)
    .values(
      versions.map(([amountMinor, effectiveAt]) => ({
        milestoneId: line!.id,
        amountMinor,
        currency: "USD",
        effectiveAt,
      })),
    )
    .returning();
  return { id: line!.id, versionId: rows[0]!.id };
}

/**
 * Trial 1 (org.trial): trial site 0 pays M1 10.00 and M2 (15.00, then 20.00 an hour ago, 99.00 from tomorrow);
 * trial site 1 pays M3 30.00 and M4 (50.00 from tomorrow only). E1, E2 at site 0; E3 at site 1; E4 at site 1,
 * dropped. Paid: E1 M1 (paid), E2 M1 (unclaimed), E3 M3 rejected; E1 a pending 7.50 reimbursement, E3 an
 * unclaimed 5.00 manual payment. Trial 2, same contract: one enrollment, M5 40.00 unpaid.
 * Deposited 200.00, committed 10 + 10 + 5 = 25.00.
 */
async function handFixture() {
  const [ts0, ts1] = org.trialSites as [(typeof org.trialSites)[0], (typeof org.trialSites)[0]];
  const m1 = await milestone(ts0.id, "M1", [[1000n, at(-24 * HOUR)]]);
  await milestone(ts0.id, "M2", [
    [1500n, at(-48 * HOUR)],
    [2000n, at(-HOUR)],
    [9900n, at(24 * HOUR)],
  ]);
  const m3 = await milestone(ts1.id, "M3", [[3000n, at(-24 * HOUR)]]);
  await milestone(ts1.id, "M4", [[5000n, at(24 * HOUR)]]);
  const e1 = (await createEnrolledParticipant(server, org, 0)).enrollment.id;
  const e2 = (await createEnrolledParticipant(server, org, 0)).enrollment.id;
  const e3 = (await createEnrolledParticipant(server, org, 1)).enrollment.id;
  const e4 = (await createEnrolledParticipant(server, org, 1)).enrollment.id;
  await server.sql`UPDATE enrollments SET status = 'dropped' WHERE id = ${e4}`;
  const base = { contractId: org.contract.id, currency: "USD" };
  await server.db.insert(payments).values([
    {
      ...base,
      enrollmentId: e1,
      kind: "milestone",
      milestoneId: m1.id,
      milestoneVersionId: m1.versionId,
      milestoneOccurrence: 1,
      amountMinor: 1000n,
      status: "paid",
    },
    {
      ...base,
      enrollmentId: e2,
      kind: "milestone",
      milestoneId: m1.id,
      milestoneVersionId: m1.versionId,
      milestoneOccurrence: 1,
      amountMinor: 1000n,
      status: "unclaimed",
    },
    {
      ...base,
      enrollmentId: e3,
      kind: "milestone",
      milestoneId: m3.id,
      milestoneVersionId: m3.versionId,
      milestoneOccurrence: 1,
      amountMinor: 3000n,
      status: "rejected",
      rejectionReason: "Not attended",
    },
    {
      ...base,
      enrollmentId: e1,
      kind: "reimbursement",
      category: "Parking",
      amountMinor: 750n,
      status: "pending",
    },
    { ...base, enrollmentId: e3, kind: "manual", amountMinor: 500n, status: "unclaimed" },
  ]);
  // Trial 2 of the same contract, at site 0.
  const trial2 = await insertTrial(server, org.contract.id, "Runway second trial");
  const [ts2] = await server.db
    .insert(trialSites)
    .values({ trialId: trial2.id, siteId: org.sites[0]!.id })
    .returning();
  await milestone(ts2!.id, "M5", [[4000n, at(-24 * HOUR)]]);
  const { participant } = await createParticipant(server, org.sites[0]!.id);
  await server.db.insert(enrollments).values({
    participantId: participant.id,
    trialSiteId: ts2!.id,
    trialId: trial2.id,
    subjectId: `S-${newId()}`,
  });
  await server.sql`UPDATE contracts SET deposited_minor = 20000, committed_minor = 2500 WHERE id = ${org.contract.id}`;
  return trial2.id;
}

describe("runway", () => {
  it("equals the hand computation for the contract and for a trial", async () => {
    const result = await server.request(
      ContractRunway,
      { id: gid.contract(org.contract.id), trialId: gid.trial(org.trial.id) },
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    // Still owed, trial 1: E1 M2 20.00 (M1 paid) + E2 M2 20.00 (M1 unclaimed) + E3 M3 30.00 (its payment was
    // rejected) = 70.00; M4 has no amount in effect; E4 is dropped. Trial 2: 40.00. Contract: 110.00.
    // Remaining 200.00 − 25.00 = 175.00; pending 7.50; unclaimed 10.00 + 5.00 = 15.00 (already committed).
    expect(result.data!.contract!.runway).toMatchObject({
      remaining: { amount: "175.00" },
      owedPending: { amount: "7.50" },
      owedUnclaimed: { amount: "15.00" },
      scheduledStillOwed: { amount: "110.00" },
      projected: { amount: "57.50", currency: "USD" }, // 175.00 − 7.50 − 110.00
      currency: "USD",
    });
    expect(Math.abs(Date.parse(result.data!.contract!.runway.asOf) - Date.now())).toBeLessThan(60_000);
    expect(result.data!.trial!.runway).toEqual({
      remaining: { amount: "175.00" },
      owedPending: { amount: "7.50" },
      owedUnclaimed: { amount: "15.00" },
      scheduledStillOwed: { amount: "70.00" },
      projected: { amount: "97.50" }, // 175.00 − 7.50 − 70.00
      currency: "USD",
    });
    const second = await server.request(TrialRunway, { id: gid.trial(otherTrialId) }, adminToken);
    expect(second.data!.trial!.runway.projected.amount).toBe("135.00"); // 175.00 − 40.00
  });

  it("shows a shortfall as a negative projection", async () => {
    await server.sql`UPDATE contracts SET deposited_minor = 10000 WHERE id = ${org.contract.id}`;
    try {
      const result = await server.request(
        ContractRunway,
        { id: gid.contract(org.contract.id), trialId: gid.trial(org.trial.id) },
        adminToken,
      );
      // 100.00 − 25.00 = 75.00; 75.00 − 7.50 − 110.00 = −42.50.
      expect(result.data!.contract!.runway.projected.amount).toBe("-42.50");
    } finally {
      await server.sql`UPDATE contracts SET deposited_minor = 20000 WHERE id = ${org.contract.id}`;
    }
  });

  it("needs view_contract: trial staff are FORBIDDEN, another client's staff NOT_FOUND", async () => {
    const contractViewer = await staffWith(server, ["view_contract"], { contractId: org.contract.id });
    const ok = await server.request(
      ContractRunway,
      { id: gid.contract(org.contract.id), trialId: gid.trial(org.trial.id) },
      contractViewer.token,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.trial!.runway.projected.amount).toBe("97.50");
    const trialStaff = await staffWith(server, ["view_trials", "view_payments", "view_contract"], {
      trialId: org.trial.id,
    });
    const trialOnly = await server.request(TrialRunway, { id: gid.trial(org.trial.id) }, trialStaff.token);
    expect(errorCode(trialOnly)).toBe("FORBIDDEN");
    expect(trialOnly.data?.trial?.runway ?? null).toBeNull();
    const stranger = await staffWith(server, ["view_contract", "view_trials"], { clientId: b.client.id });
    const other = await server.request(TrialRunway, { id: gid.trial(org.trial.id) }, stranger.token);
    expect(errorCode(other)).toBe("NOT_FOUND");
    const otherContract = await server.request(
      ContractRunway,
      { id: gid.contract(org.contract.id), trialId: gid.trial(b.trial.id) },
      stranger.token,
    );
    expect(errorCode(otherContract)).toBe("NOT_FOUND");
    expect(otherContract.data?.contract ?? null).toBeNull();
  });
});

/**
 * A client with `contractCount` funded contracts, each with a trial at two sites with three milestones, and
 * `perSite` participants enrolled at each site (every tenth dropped); a third have milestone 1 unclaimed, a quarter
 * a pending 5.00 payment. Written with generate_series, in a few statements.
 */
async function seedClient(contractCount: number, perSite: number) {
  const sql = server.sql;
  const tag = randomBytes(4).toString("hex");
  const clientId = newId();
  await sql`INSERT INTO clients (id, name) VALUES (${clientId}, ${`Runway ${tag}`})`;
  await sql`
    INSERT INTO contracts (id, client_id, name, currency, deposited_minor)
    SELECT left(md5(${tag} || 'c' || g), 27), ${clientId}, 'Contract ' || g, 'USD', 100000000
    FROM generate_series(1, ${contractCount}) g`;
  await sql`
    INSERT INTO trials (id, contract_id, name, protocol_id)
    SELECT left(md5(${tag} || 't' || g), 27), left(md5(${tag} || 'c' || g), 27), 'Trial ' || g, ${tag} || '-' || g
    FROM generate_series(1, ${contractCount}) g`;
  await sql`
    INSERT INTO sites (id, client_id, name)
    SELECT left(md5(${tag} || 's' || s), 27), ${clientId}, 'Site ' || s FROM generate_series(1, 2) s`;
  await sql`
    INSERT INTO trial_sites (id, trial_id, site_id)
    SELECT left(md5(${tag} || 'ts' || g || '-' || s), 27), left(md5(${tag} || 't' || g), 27), left(md5(${tag} || 's' || s), 27)
    FROM generate_series(1, ${contractCount}) g, generate_series(1, 2) s`;
  await sql`
    INSERT INTO milestones (id, trial_site_id, name, sort_order)
    SELECT left(md5(${tag} || 'm' || g || '-' || s || '-' || m), 27), left(md5(${tag} || 'ts' || g || '-' || s), 27), 'Visit ' || m, m
    FROM generate_series(1, ${contractCount}) g, generate_series(1, 2) s, generate_series(1, 3) m`;
  await sql`
    INSERT INTO milestone_versions (id, milestone_id, amount_minor, currency, effective_at)
    SELECT left(md5(${tag} || 'v' || g || '-' || s || '-' || m), 27), left(md5(${tag} || 'm' || g || '-' || s || '-' || m), 27),
      1000 * m, 'USD', now() - interval '1 day'
    FROM generate_series(1, ${contractCount}) g, generate_series(1, 2) s, generate_series(1, 3) m`;
  const people = sql`generate_series(1, ${contractCount}) g, generate_series(1, 2) s, generate_series(1, ${perSite}) e`;
  const person = (kind: string) => sql`left(md5(${tag} || ${kind} || g || '-' || s || '-' || e), 27)`;
  await sql`
    INSERT INTO users (id, email, first_name, last_name, user_type)
    SELECT ${person("u")}, ${tag} || '-' || g || '-' || s || '-' || e || '@example.com', 'Pat', 'Runway', 'participant'
    FROM ${people}`;
  await sql`
    INSERT INTO participants (id, user_id, home_site_id)
    SELECT ${person("p")}, ${person("u")}, left(md5(${tag} || 's' || s), 27) FROM ${people}`;
  await sql`
    INSERT INTO enrollments (id, participant_id, trial_site_id, trial_id, subject_id, status)
    SELECT ${person("e")}, ${person("p")}, left(md5(${tag} || 'ts' || g || '-' || s), 27), left(md5(${tag} || 't' || g), 27),
      'S-' || s || '-' || e, CASE WHEN e % 10 = 0 THEN 'dropped'::enrollment_status ELSE 'enrolled' END
    FROM ${people}`;
  await sql`
    INSERT INTO payments (id, enrollment_id, contract_id, kind, milestone_id, milestone_version_id, milestone_occurrence,
      amount_minor, currency, status)
    SELECT ${person("pm")}, ${person("e")}, left(md5(${tag} || 'c' || g), 27), 'milestone',
      left(md5(${tag} || 'm' || g || '-' || s || '-1'), 27), left(md5(${tag} || 'v' || g || '-' || s || '-1'), 27), 1,
      1000, 'USD', 'unclaimed'
    FROM ${people} WHERE e % 3 = 0`;
  await sql`
    INSERT INTO payments (id, enrollment_id, contract_id, kind, amount_minor, currency, status)
    SELECT ${person("pp")}, ${person("e")}, left(md5(${tag} || 'c' || g), 27), 'manual', 500, 'USD', 'pending'
    FROM ${people} WHERE e % 4 = 0`;
  const [first] = await sql<{ id: string }[]>`SELECT left(md5(${tag} || 'c1'), 27) AS id`;
  return { clientId, contractId: first!.id };
}

/** A request's answer, checked free of errors, and the SQL statements it took. */
async function measured<T>(request: () => Promise<GraphQLResponse<T>>) {
  const before = server.statements.count;
  const result = await request();
  expect(result.errors).toBeUndefined();
  return { data: result.data!, statements: server.statements.count - before };
}

describe("runway's cost", () => {
  it("takes as many statements at ten times the enrollments and ten times the contracts", async () => {
    const small = await seedClient(2, 5);
    const large = await seedClient(20, 50);
    const counts: number[] = [];
    for (const seeded of [small, large]) {
      const { data, statements } = await measured(() =>
        server.request(ClientRunways, { clientId: gid.client(seeded.clientId) }, adminToken),
      );
      counts.push(statements);
      expect(data.contracts.edges.length).toBe(seeded === small ? 2 : 20);
    }
    console.log(
      `contracts list with runways (SQL statements): 2 contracts × 10 enrollments ${counts[0]}, 20 × 100 ${counts[1]}`,
    );
    expect(counts[1]).toBe(counts[0]);
    // 5 per site: 4 enrolled once e=5 is not dropped (e % 10): all 5 enrolled; milestones 1..3 = 10+20+30 = 60.00
    // each, less 10.00 for e=3 (milestone 1 unclaimed): 2 sites × (5 × 60.00 − 10.00) = 580.00.
    const { data } = await measured(() =>
      server.request(ClientRunways, { clientId: gid.client(small.clientId) }, adminToken),
    );
    expect(data.contracts.edges.map((e) => e.node.runway.scheduledStillOwed.amount)).toEqual([
      "580.00",
      "580.00",
    ]);
  });

  it("reads a contract's runway over 10,000 enrollments quickly (time printed)", async () => {
    const big = await seedClient(1, 5000);
    await server.sql`ANALYZE`;
    const ask = () =>
      server.request(
        ContractRunway,
        { id: gid.contract(big.contractId), trialId: gid.trial(org.trial.id) },
        adminToken,
      );
    await ask();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const result = await ask();
      times.push(performance.now() - started);
      expect(result.errors).toBeUndefined();
      // 9,000 enrolled × 60.00, less 10.00 for each enrolled third (e % 3 = 0 and e % 10 <> 0): 1,500 per site.
      expect(result.data!.contract!.runway.scheduledStillOwed.amount).toBe("510000.00");
    }
    console.log(
      `contract runway over 10,000 enrollments (HTTP round trip, ms): best ${Math.min(...times).toFixed(1)}, median ${times.sort((x, y) => x - y)[2]!.toFixed(1)}`,
    );
  }, 120_000);
});
