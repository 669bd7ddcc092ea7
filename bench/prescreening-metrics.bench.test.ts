import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { accessToken, insertApiClient } from "../test/support/apiclients.js";
import { gid } from "../test/support/ids.js";
import { createOrganization, type Organization } from "../test/support/organizations.js";
import { publishDemo } from "../test/support/prescreening.js";
import { startTestServer, type TestServer } from "../test/support/server.js";

/**
 * The pre-screening metrics of a trial with BENCH_METRICS_CANDIDATES (default 100,000) candidates, over HTTP as a
 * sponsor's API client (prescreening:read, referrals:read) asks for them. The candidates and their funnel events
 * (started, 0 to 5 answers, submitted; about 6 a candidate) are written by one generate_series INSERT, then
 * ANALYZEd. Each part of the metrics is timed on its own (one SQL statement each), then all of them in one request,
 * and the referral log's first page: the median of RUNS requests after one warm-up.
 */
const N = Number(process.env.BENCH_METRICS_CANDIDATES ?? 100_000);
const RUNS = 5;

let server: TestServer;
let org: Organization;
let reader: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  await publishDemo(server, await server.loginAdmin(), org);
  const partner = await insertApiClient(server, org.client.id, {
    name: "Recruiter",
    scopes: ["candidates:write"],
    trialIds: [org.trial.id],
  });
  const sponsor = await insertApiClient(server, org.client.id, {
    scopes: ["prescreening:read", "referrals:read"],
    trialIds: [org.trial.id],
  });
  reader = await accessToken(server.url, sponsor.apiClient.clientIdentifier, sponsor.secret);
  const [version] = await server.sql<{ id: string }[]>`
    SELECT v.id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
    WHERE q.trial_id = ${org.trial.id} AND v.status = 'published'`;
  const started = performance.now();
  // One statement: the candidates, then their events from what it returned.
  await server.sql`
    WITH c AS (
      INSERT INTO candidates (id, trial_id, version_id, owner, external_id, referrer_token, locale, status,
        eligible, country, postal_prefix, referred_trial_site_id, submitted_at, created_at, updated_at)
      SELECT 'bench' || lpad(i::text, 22, '0'), ${org.trial.id}, ${version!.id},
        CASE WHEN i % 4 = 0 THEN 'user:bench' ELSE 'apiClient:' || ${partner.apiClient.id} END,
        'bench-' || i, 'campaign-' || (i % 20), 'en-US', s.status,
        CASE WHEN s.status = 'in_progress' THEN NULL ELSE s.status = 'completed' AND i % 3 <> 0 END,
        (ARRAY['US', 'SE', 'GB', 'DE', NULL])[i % 5 + 1],
        CASE WHEN i % 5 < 4 THEN lpad((i % 200)::text, 3, '0') END,
        CASE WHEN s.status = 'completed' AND i % 3 <> 0 AND i % 2 = 0 THEN ${org.trialSites[0]!.id} END,
        CASE WHEN s.status <> 'in_progress' THEN t.at + interval '20 minutes' END, t.at, t.at
      FROM generate_series(1, ${N}) AS i
      CROSS JOIN LATERAL (SELECT CASE WHEN i % 10 < 2 THEN 'dropout' WHEN i % 10 = 2 THEN 'in_progress'
        ELSE 'completed' END::candidate_status AS status) s
      CROSS JOIN LATERAL (SELECT timestamptz '2026-01-01T00:00:00Z' + (i % 90) * interval '1 day'
        + (i % 86400) * interval '1 second' AS at) t
      RETURNING id, trial_id, status, eligible, created_at
    )
    INSERT INTO candidate_events (id, candidate_id, trial_id, kind, detail, created_at)
    SELECT 'ev' || substr(c.id, 6) || k, c.id, c.trial_id,
      CASE k WHEN 0 THEN 'started' WHEN 6 THEN 'submitted' ELSE 'answered' END,
      CASE k WHEN 0 THEN '{}'::jsonb
        WHEN 6 THEN jsonb_build_object('status', upper(c.status::text), 'eligible', c.eligible, 'failing',
          CASE WHEN c.status = 'completed' AND NOT c.eligible THEN
            CASE WHEN substr(c.id, 6)::int % 2 = 0 THEN '["diagnosis: must be one of true"]'::jsonb
              ELSE '["wheelchair_bedridden: must be one of neither", "levodopa_meds: must not be none"]'::jsonb END
          ELSE '[]'::jsonb END)
        ELSE jsonb_build_object('key', (ARRAY['dob', 'diagnosis', 'wheelchair_bedridden', 'stiffness_shaking',
          'levodopa_meds'])[k]) END,
      c.created_at + k * interval '1 minute'
    FROM c CROSS JOIN generate_series(0, 6) AS k
    WHERE k = 0 OR k <= substr(c.id, 6)::int % 6 OR (k = 6 AND c.status <> 'in_progress')
    ORDER BY c.id, k`;
  await server.sql`ANALYZE candidates`;
  await server.sql`ANALYZE candidate_events`;
  const [events] = await server.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM candidate_events`;
  console.log(
    `inserted ${N} candidates and ${events!.n} events in ${Math.round(performance.now() - started)} ms (one statement)`,
  );
}, 600_000);
afterAll(() => server.close());

const COUNTS = "starts completions dropouts eligible referred matchRate";
const PARTS: Record<string, string> = {
  totals: `suppressed ${COUNTS}`,
  dropoutByQuestion: "dropoutByQuestion { question count }",
  failingCriteria: "failingCriteria { criterion count }",
  "trend(DAY)": `day: trend(interval: DAY) { periodStart ${COUNTS} }`,
  "trend(WEEK)": `week: trend(interval: WEEK) { periodStart ${COUNTS} }`,
  "byRegion(COUNTRY)": `countries: byRegion(level: COUNTRY) { country suppressed ${COUNTS} }`,
  "byRegion(POSTAL_PREFIX)": `prefixes: byRegion(level: POSTAL_PREFIX) { country postalPrefix suppressed ${COUNTS} }`,
  byReferrer: `byReferrer { partner { name } source suppressed ${COUNTS} }`,
};

/** The median time of RUNS requests (after one warm-up), the statements of one, and its answer. */
async function measure(query: string) {
  const variables = { trialId: gid.trial(org.trial.id) };
  const first = await server.request(query, variables, reader);
  expect(first.errors).toBeUndefined();
  const times: number[] = [];
  let statements = 0;
  for (let run = 0; run < RUNS; run++) {
    const before = server.statements.count;
    const start = performance.now();
    await server.request(query, variables, reader);
    times.push(performance.now() - start);
    statements = server.statements.count - before;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, statements, answer: first.data };
}

it(`answers the metrics of ${N} candidates`, async () => {
  const rows: { part: string; ms: number; statements: number }[] = [];
  for (const [part, selection] of Object.entries(PARTS)) {
    const { ms, statements } = await measure(
      `query($trialId: ID!) { prescreeningMetrics(trialId: $trialId) { ${selection} } }`,
    );
    rows.push({ part, ms: Math.round(ms), statements });
  }
  const all = await measure(
    `query($trialId: ID!) { prescreeningMetrics(trialId: $trialId) { ${Object.values(PARTS).join(" ")} } }`,
  );
  rows.push({ part: "all of them, one request", ms: Math.round(all.ms), statements: all.statements });
  const log = await measure(
    `query($trialId: ID!) { referralLog(trialId: $trialId, first: 100) { totalCount nodes { referredAt siteName status } } }`,
  );
  rows.push({
    part: "referralLog(first: 100) + totalCount",
    ms: Math.round(log.ms),
    statements: log.statements,
  });
  console.table(rows);
  const totals = (all.answer as { prescreeningMetrics: { starts: number; completions: number } })
    .prescreeningMetrics;
  expect(totals.starts).toBe(N);
  const [completed] = await server.sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM candidates WHERE status = 'completed'`;
  expect(totals.completions).toBe(completed!.n);
});
