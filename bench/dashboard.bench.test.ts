import autocannon from "autocannon";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "../test/support/accounts.js";
import { type MeasuredServer, startMeasuredServer } from "../test/support/measured-server.js";
import { globalId } from "../test/support/organizations.js";

/**
 * The dashboard reads against the floor: one trial's dashboard (20 trial sites, 1,000 enrollments, 3,000 payments),
 * its tree without payments, and the trial list, each over HTTP with autocannon and, as the floor, as one
 * hand-written json_agg statement returning the same document through postgres.js at the same concurrency.
 * The server runs in a process of its own, as `npm start` runs it (test/support/measured-server.ts), so that its
 * memory and CPU are read alone. Prints one table (bench/README.md explains it); asserts only that the documents
 * are right, never timings.
 */
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
/**
 * Each measurement's DURATION_S is taken in this many turns, the floor's and each viewer's in rotation: a machine
 * whose speed drifts during a run (a shared virtual machine's does, by a third within a minute) weighs on each
 * alike, so that the ratios compare like with like.
 */
const TURNS = Number(process.env.BENCH_TURNS ?? 4);
const CONNECTIONS = 8;
const TRIAL_SITES = 20;
const ENROLLMENTS_PER_TRIAL_SITE = 50;
const PAYMENTS_PER_ENROLLMENT = 3;
const VIEW = ["view_trials", "view_enrollments", "view_participants", "view_payments"];

/** The dataset, set-based: `trials` trials over the same 20 sites, enrollments and payments as the constants say. */
function datasetSql(trials: number) {
  // 27-character row ids (a letter, then a zero-padded number), the shape the app's ids have.
  const key = (prefix: string, n: string) => `'${prefix}' || lpad((${n})::text, 26, '0')`;
  const at = (n: string) => `timestamptz '2024-01-01' + (${n}) * interval '1 second'`;
  const trialSite = `(t - 1) * ${TRIAL_SITES} + s`;
  const enrollment = `(${trialSite} - 1) * ${ENROLLMENTS_PER_TRIAL_SITE} + j`;
  const enrollmentsOf = `generate_series(1, ${trials}) t, generate_series(1, ${TRIAL_SITES}) s, generate_series(1, ${ENROLLMENTS_PER_TRIAL_SITE}) j`;
  const payment = `(${enrollment} - 1) * ${PAYMENTS_PER_ENROLLMENT} + m`;
  const total = trials * TRIAL_SITES * ENROLLMENTS_PER_TRIAL_SITE * PAYMENTS_PER_ENROLLMENT * 5000;
  return `
    INSERT INTO clients (id, name) VALUES (${key("C", "1")}, 'Bench client');
    INSERT INTO contracts (id, client_id, name, currency, total_value_minor, deposited_minor, committed_minor)
      VALUES (${key("K", "1")}, ${key("C", "1")}, 'Bench contract', 'USD', ${total}, ${total}, ${total});
    INSERT INTO funding_deposits (id, contract_id, amount_minor, currency)
      VALUES (${key("F", "1")}, ${key("K", "1")}, ${total}, 'USD');
    INSERT INTO sites (id, client_id, name)
      SELECT ${key("S", "s")}, ${key("C", "1")}, 'Site ' || lpad(s::text, 2, '0') FROM generate_series(1, ${TRIAL_SITES}) s;
    INSERT INTO trials (id, contract_id, name, protocol_id, status, created_at)
      SELECT ${key("T", "t")}, ${key("K", "1")}, 'Trial ' || t, 'PROTO-' || t, 'live', ${at("t")}
      FROM generate_series(1, ${trials}) t;
    INSERT INTO trial_sites (id, trial_id, site_id, created_at)
      SELECT ${key("R", trialSite)}, ${key("T", "t")}, ${key("S", "s")}, ${at(trialSite)}
      FROM generate_series(1, ${trials}) t, generate_series(1, ${TRIAL_SITES}) s;
    INSERT INTO milestones (id, trial_site_id, name, sort_order)
      SELECT ${key("M", `(${trialSite}) * 10 + m`)}, ${key("R", trialSite)}, 'Visit ' || m, m
      FROM generate_series(1, ${trials}) t, generate_series(1, ${TRIAL_SITES}) s, generate_series(1, ${PAYMENTS_PER_ENROLLMENT}) m;
    INSERT INTO milestone_versions (id, milestone_id, amount_minor, currency, effective_at)
      SELECT 'V' || substr(id, 2), id, 5000, 'USD', timestamptz '2020-01-01' FROM milestones;
    INSERT INTO users (id, email, first_name, last_name, user_type, created_at)
      SELECT ${key("U", enrollment)}, 'participant' || (${enrollment}) || '@bench.example.com',
        'First' || (${enrollment}), 'Last' || (${enrollment}), 'participant', ${at(enrollment)}
      FROM ${enrollmentsOf};
    INSERT INTO participants (id, user_id, home_site_id, created_at)
      SELECT ${key("P", enrollment)}, ${key("U", enrollment)}, ${key("S", "s")}, ${at(enrollment)} FROM ${enrollmentsOf};
    INSERT INTO enrollments (id, participant_id, trial_site_id, trial_id, subject_id, created_at)
      SELECT ${key("E", enrollment)}, ${key("P", enrollment)}, ${key("R", trialSite)}, ${key("T", "t")},
        'S-' || lpad((${enrollment})::text, 6, '0'), ${at(enrollment)}
      FROM ${enrollmentsOf};
    INSERT INTO payments (id, enrollment_id, contract_id, kind, milestone_id, milestone_version_id,
        milestone_occurrence, amount_minor, currency, status, created_at)
      SELECT ${key("Y", payment)}, ${key("E", enrollment)}, ${key("K", "1")}, 'milestone',
        ${key("M", `(${trialSite}) * 10 + m`)}, ${key("V", `(${trialSite}) * 10 + m`)}, 1, 5000, 'USD',
        (ARRAY['unclaimed', 'claimed', 'paid'])[m]::payment_status, ${at(payment)}
      FROM ${enrollmentsOf}, generate_series(1, ${PAYMENTS_PER_ENROLLMENT}) m;
    ANALYZE;`;
}

/** The trial dashboard's document, with or without the enrollments' payments (first page of 100, newest first). */
const dashboard = (payments: boolean) => ({
  query: `query Dashboard($trialId: ID!) { trial(id: $trialId) { name trialSites(first: 100) { nodes { site { name }
    enrollments(first: 100) { nodes { subjectId participant { firstName lastName }
      ${payments ? "payments(first: 100) { edges { node { amount { amount } status } } }" : ""} } } } } } }`,
  // The same document in one statement, ordered as the API orders each list. Amounts are USD (two decimals).
  floor: `SELECT json_build_object('data', json_build_object('trial', json_build_object('name', t.name,
    'trialSites', json_build_object('nodes', coalesce((SELECT json_agg(json_build_object('site', json_build_object('name', s.name),
      'enrollments', json_build_object('nodes', coalesce((SELECT json_agg(json_build_object('subjectId', e.subject_id,
        'participant', json_build_object('firstName', u.first_name, 'lastName', u.last_name)
        ${
          payments
            ? `, 'payments', json_build_object('edges', coalesce((SELECT json_agg(json_build_object('node',
                json_build_object('amount', json_build_object('amount', (pay.amount_minor / 100.0)::numeric(20, 2)::text),
                  'status', upper(pay.status::text))) ORDER BY pay.created_at DESC, pay.id DESC)
              FROM (SELECT * FROM payments WHERE enrollment_id = e.id ORDER BY created_at DESC, id DESC LIMIT 100) pay),
              '[]'))`
            : ""
        }) ORDER BY e.created_at, e.id)
        FROM enrollments e JOIN participants p ON p.id = e.participant_id JOIN users u ON u.id = p.user_id
        WHERE e.trial_site_id = ts.id), '[]'))) ORDER BY ts.created_at, ts.id)
      FROM trial_sites ts JOIN sites s ON s.id = ts.site_id WHERE ts.trial_id = t.id), '[]')))))::text AS document
    FROM trials t WHERE t.id = $1`,
});

/** The trial list, newest first, with each trial's number of trial sites. */
const trialList = {
  query: `query Trials { trials(first: 10) { edges { node { name trialSites { totalCount } } } } }`,
  floor: `SELECT json_build_object('data', json_build_object('trials', json_build_object('edges',
    coalesce(json_agg(json_build_object('node', json_build_object('name', t.name,
      'trialSites', json_build_object('totalCount', (SELECT count(*) FROM trial_sites ts WHERE ts.trial_id = t.id))))
      ORDER BY t.created_at DESC, t.id DESC), '[]'))))::text AS document
    FROM (SELECT * FROM trials ORDER BY created_at DESC, id DESC LIMIT 10) t`,
};

interface Row {
  data: string;
  request: string;
  viewer: string;
  "req/s": number;
  "p50 ms": number;
  "p99 ms": number;
  "SQL/req": number;
  "SQL first": number;
  "CPU ms/req": number;
  "RSS MB": number | "";
  "peak MB": number | "";
  "×floor": number;
}
const rows: Row[] = [];
/** The server process's memory (MB) at moments of each size's run. */
const memory: Record<string, string | number>[] = [];

/**
 * What one turn of a measurement gives: requests answered over its seconds, latency in ms, and the CPU ms spent on
 * the requests sent (the server's, or for the floor this process's).
 */
interface Turn {
  answered: number;
  seconds: number;
  p50: number;
  p99: number;
  sent: number;
  cpuMs: number;
}

/** A measurement over its turns: throughput over all of them, the turns' mean latencies, CPU ms per request. */
interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  cpuPerRequest: number;
}

function overTurns(turns: Turn[]): Measured {
  const sum = (pick: (turn: Turn) => number) => turns.reduce((total, turn) => total + pick(turn), 0);
  return {
    perSecond: sum((t) => t.answered) / sum((t) => t.seconds),
    p50: sum((t) => t.p50) / turns.length,
    p99: sum((t) => t.p99) / turns.length,
    cpuPerRequest: sum((t) => t.cpuMs) / sum((t) => t.sent),
  };
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Trial sites (listed or counted), enrollments (objects with a subjectId) and payments (objects with a status and an amount) in a document. */
function countDocument(document: unknown) {
  const counts = { trialSites: 0, enrollments: 0, payments: 0 };
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      if ("trialSites" in value && value.trialSites && typeof value.trialSites === "object") {
        const list = value.trialSites as { nodes?: unknown[]; totalCount?: number };
        counts.trialSites += list.nodes?.length ?? list.totalCount ?? 0;
      }
      if ("subjectId" in value) counts.enrollments++;
      if ("status" in value && "amount" in value) counts.payments++;
      Object.values(value).forEach(walk);
    }
  };
  walk(document);
  return counts;
}

/** `statement` run by CONNECTIONS workers back to back for `seconds`: what PostgreSQL alone does. */
async function floorTurn(
  db: postgres.Sql,
  statement: string,
  parameters: string[],
  seconds: number,
): Promise<Turn> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const sent = performance.now();
        await db.unsafe(statement, parameters);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  return {
    answered: latencies.length,
    seconds: (performance.now() - started) / 1000,
    p50: percentile(0.5),
    p99: percentile(0.99),
    sent: latencies.length,
    cpuMs: cpuMs(cpu),
  };
}

/**
 * The request sent by autocannon (in this process) to the server process over CONNECTIONS connections for
 * `seconds`. The server's CPU runs until it has answered every request it was sent, and is counted for all of them.
 */
async function serverTurn(
  server: MeasuredServer,
  query: string,
  variables: object,
  token: string,
  seconds: number,
): Promise<Turn> {
  const cpu = server.usage().cpuMs;
  const result = await autocannon({
    url: `${server.url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    connections: CONNECTIONS,
    duration: seconds,
    // A slow answer is measured, not failed: autocannon's default of 10 s is less than a queued dashboard takes.
    timeout: 120,
  });
  // When time is up autocannon drops the requests in flight, but the server still answers them. One more request
  // per connection, answered after those, keeps their work out of the next turn.
  await Promise.all(Array.from({ length: CONNECTIONS }, () => server.request(query, variables, token)));
  expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
    errors: 0,
    timeouts: 0,
    non2xx: 0,
  });
  return {
    answered: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    sent: result.requests.sent + CONNECTIONS,
    cpuMs: server.usage().cpuMs - cpu,
  };
}

for (const trials of [1, 10]) {
  describe(`${trials} trial(s) of ${TRIAL_SITES} trial sites`, () => {
    const data = `${trials}×`;
    // The dashboard is always the first trial's; at 10× the other nine only make the tables bigger.
    const trialUid = `T${"1".padStart(26, "0")}`;
    let server: MeasuredServer;
    let floorDb: postgres.Sql;
    const tokens: Record<string, string> = {};
    /** The server's memory now, in the second table. */
    const remember = async (moment: string) => {
      const { rssMb, peakRssMb } = server.usage();
      const heap = await server.heap();
      memory.push({
        data,
        moment,
        "RSS MB": rssMb,
        "peak MB": peakRssMb,
        "heap MB": heap.heapTotal,
        "heap used": heap.heapUsed,
        "new space": heap.newSpace,
        "old space": heap.oldSpace,
        "large objects": heap.largeObjects,
        external: heap.external,
      });
    };

    beforeAll(async () => {
      server = await startMeasuredServer();
      await remember("started");
      await server.sql.begin((tx) => tx.unsafe(datasetSql(trials)));
      const staff = await registerUser(server);
      await server.sql`
        INSERT INTO grants (id, user_id, permission_name, trial_site_id)
        SELECT 'G' || substr(md5(ts.id || p), 1, 26), ${staff.uid}, p, ts.id
        FROM trial_sites ts, unnest(${VIEW}::text[]) p WHERE ts.trial_id = ${trialUid}`;
      tokens.admin = await server.loginAdmin();
      // Signed in once granted, as staff are: the server remembers the viewer as they are now (see SQL/req).
      tokens.staff = await server.login(staff.email, staff.password);
      floorDb = postgres(server.databaseUrl, { max: CONNECTIONS, onnotice: () => {} });
      await remember("data loaded, logged in");
    });
    afterAll(async () => {
      if (server) await remember("after its measurements");

      await floorDb?.end();
      await server?.close();
    });

    const enrollments = TRIAL_SITES * ENROLLMENTS_PER_TRIAL_SITE;
    const dashboardOf = { variables: { trialId: globalId("Trial", trialUid) }, parameters: [trialUid] };
    const requests = [
      {
        request: "dashboard",
        ...dashboard(true),
        ...dashboardOf,
        viewers: ["admin", "staff"],
        holds: { trialSites: TRIAL_SITES, enrollments, payments: enrollments * PAYMENTS_PER_ENROLLMENT },
      },
      {
        request: "tree (no payments)",
        ...dashboard(false),
        ...dashboardOf,
        viewers: ["admin", "staff"],
        holds: { trialSites: TRIAL_SITES, enrollments, payments: 0 },
      },
      {
        request: "trial list",
        ...trialList,
        variables: {},
        parameters: [],
        viewers: ["admin"],
        holds: { trialSites: trials * TRIAL_SITES, enrollments: 0, payments: 0 },
      },
    ];
    for (const { request, query, variables, floor, parameters, viewers, holds } of requests) {
      describe(request, () => {
        const record = (
          viewer: string,
          m: Measured,
          floor: Measured,
          statements: number,
          first = statements,
        ) => {
          const usage = viewer.startsWith("floor") ? null : server.usage();
          rows.push({
            data,
            request,
            viewer,
            "req/s": round(m.perSecond),
            "p50 ms": round(m.p50),
            "p99 ms": round(m.p99),
            "SQL/req": statements,
            "SQL first": first,
            "CPU ms/req": round(m.cpuPerRequest, 2),
            "RSS MB": usage?.rssMb ?? "",
            "peak MB": usage?.peakRssMb ?? "",
            "×floor": round(m.perSecond / floor.perSecond, 3),
          });
        };

        it(`the floor (one json_agg statement) and ${viewers.join(" and ")}, in turns`, async () => {
          const [{ document }] = (await floorDb.unsafe(floor, parameters)) as [{ document: string }];
          const expected = JSON.parse(document);
          expect(countDocument(expected)).toEqual(holds);
          /** The statements of one request, sent alone. */
          const counted = async (token: string) => {
            const before = await server.statements();
            const response = await server.request(query, variables, token);
            const statements = (await server.statements(before.requests + 1)).statements - before.statements;
            // The floor's document exactly, so it holds what the floor's was counted to hold.
            expect(response.errors).toBeUndefined();
            expect({ data: response.data }).toEqual(expected);
            return statements;
          };
          // The first request plans the statement; the next ones send it as kept.
          const statements: { first: number; kept: number }[] = [];
          for (const viewer of viewers) {
            const first = await counted(tokens[viewer]!);
            statements.push({ first, kept: await counted(tokens[viewer]!) });
          }
          const seconds = DURATION_S / TURNS;
          const floorTurns: Turn[] = [];
          const viewerTurns: Turn[][] = viewers.map(() => []);
          for (let turn = 0; turn < TURNS; turn++) {
            floorTurns.push(await floorTurn(floorDb, floor, parameters, seconds));
            for (const [i, viewer] of viewers.entries())
              viewerTurns[i]!.push(await serverTurn(server, query, variables, tokens[viewer]!, seconds));
          }
          const floorMeasured = overTurns(floorTurns);
          record("floor (SQL)", floorMeasured, floorMeasured, 1);
          for (const [i, viewer] of viewers.entries())
            record(
              viewer,
              overTurns(viewerTurns[i]!),
              floorMeasured,
              statements[i]!.kept,
              statements[i]!.first,
            );
        });
      });
    }
  });
}

afterAll(() => {
  console.log(
    `c=${CONNECTIONS}, ${DURATION_S} s each in ${TURNS} turns (the floor's and each viewer's in rotation); CPU and RSS are the server process's (the floor's CPU: this process's postgres.js); latencies are the turns' means`,
  );
  console.table(rows);
  console.table(memory);
});
