import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, parseCsv } from "../reports/fixtures.js";
import { staffWith } from "../support/accounts.js";
import { accessToken, insertApiClient } from "../support/apiclients.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { DETAILS, ELIGIBLE_ANSWERS, publishDemo, rest } from "../support/prescreening.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const COUNTS = "starts completions dropouts inProgress eligible referred enrolled matchRate";
const METRICS = `query($trialId: ID!, $from: DateTime, $to: DateTime, $version: Int, $referrer: String,
  $country: String, $interval: PrescreeningTrendInterval!, $level: PrescreeningRegionLevel!) {
  prescreeningMetrics(trialId: $trialId, from: $from, to: $to, version: $version, referrer: $referrer,
    country: $country) {
    suppressed minimumGroupSize ${COUNTS}
    dropoutByQuestion { question suppressed count }
    failingCriteria { criterion question suppressed count }
    trend(interval: $interval) { periodStart ${COUNTS} }
    byRegion(level: $level) { country postalPrefix suppressed ${COUNTS} }
    byReferrer { partner { clientIdentifier name } source suppressed ${COUNTS} }
  } }`;
const TRIAL_METRICS = `query($id: ID!) { trial(id: $id) { prescreeningMetrics { starts matchRate } } }`;
const LOG = `query($trialId: ID!, $first: Int, $after: String, $from: DateTime) {
  referralLog(trialId: $trialId, first: $first, after: $after, from: $from) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { referredAt trialSiteId siteName partner { clientIdentifier name } source status } } }`;
const REPORT = `mutation($input: RequestPrescreeningReportInput!) { requestPrescreeningReport(input: $input) { url } }`;
const WITHDRAW = `mutation($input: WithdrawCandidateDataConsentInput!) {
  withdrawCandidateDataConsent(input: $input) { candidate { id } } }`;

type Counts = {
  starts: number | null;
  completions: number | null;
  dropouts: number | null;
  inProgress: number | null;
  eligible: number | null;
  referred: number | null;
  enrolled: number | null;
  matchRate: string | null;
};
type Metrics = Counts & {
  suppressed: boolean;
  minimumGroupSize: number;
  dropoutByQuestion: { question: string | null; suppressed: boolean; count: number }[];
  failingCriteria: {
    criterion: string | null;
    question: string | null;
    suppressed: boolean;
    count: number;
  }[];
  trend: (Counts & { periodStart: string })[];
  byRegion: (Counts & { country: string | null; postalPrefix: string | null; suppressed: boolean })[];
  byReferrer: (Counts & {
    partner: { clientIdentifier: string; name: string } | null;
    source: string | null;
    suppressed: boolean;
  })[];
};

let server: TestServer;
let org: Organization;
let partner: { token: string; clientId: string };
let reader: string;
let manager: string;
const ids: string[] = [];

/** Counts with zeros where not given. */
const counts = (given: Partial<Counts>): Counts => ({
  starts: 0,
  completions: 0,
  dropouts: 0,
  inProgress: 0,
  eligible: 0,
  referred: 0,
  enrolled: 0,
  matchRate: null,
  ...given,
});

interface Fixture {
  locale: string;
  referrerToken?: string;
  answers: [string, string][];
  postalCode?: string;
  chooseSite?: boolean;
  submit?: "COMPLETED" | "DROPOUT";
  startedAt: string;
}

const E = ELIGIBLE_ANSWERS;
const withAnswer = (key: string, answer: string) =>
  E.map(([k, a]): [string, string] => [k, k === key ? answer : a]);
const US = { locale: "en-US", referrerToken: "spring", startedAt: "2026-03-02T10:00:00Z" };
const SE = { locale: "sv-SE", referrerToken: "autumn", startedAt: "2026-03-04T10:00:00Z" };
const NONE = { locale: "en", startedAt: "2026-03-10T10:00:00Z" };

/**
 * Twelve candidates with known answers, worked out by hand in the expectations below: six in the US (referrer
 * "spring"), four in Sweden ("autumn"), two with no country and no referrer token.
 */
const FIXTURE: Fixture[] = [
  { ...US, answers: E, postalCode: "12345", chooseSite: true, submit: "COMPLETED" }, // eligible, referred
  { ...US, answers: E, postalCode: "12399", chooseSite: true, submit: "COMPLETED" }, // eligible, referred
  { ...US, answers: E, postalCode: "123 00", submit: "COMPLETED" }, // eligible, no site chosen
  { ...US, answers: [E[0]!, ["diagnosis", "No"]], postalCode: "12345", submit: "COMPLETED" }, // not diagnosed
  { ...US, answers: E.slice(0, 2), postalCode: "12345", submit: "DROPOUT" }, // left after diagnosis
  { ...US, answers: [], submit: "DROPOUT" }, // left before any answer
  {
    ...SE,
    answers: withAnswer("wheelchair_bedridden", '{"wheelchair": true}'),
    postalCode: "11122",
    submit: "COMPLETED",
  },
  {
    ...SE,
    answers: withAnswer("wheelchair_bedridden", '{"wheelchair": true}').map(([k, a]): [string, string] =>
      k === "levodopa_meds" ? [k, '{"none": true}'] : [k, a],
    ),
    submit: "COMPLETED",
  },
  { ...SE, answers: E.slice(0, 1), submit: "DROPOUT" }, // left after dob
  { ...SE, answers: E.slice(0, 2) }, // still answering
  { ...NONE, answers: E, submit: "COMPLETED" }, // eligible, no details
  { ...NONE, answers: [E[0]!, ["diagnosis", "No"]], submit: "DROPOUT" }, // left after diagnosis
];

async function createFixture(candidate: Fixture, index: number) {
  const id = `metrics-${index}`;
  const call = async (method: string, path: string, body: unknown) => {
    const answer = await rest(server, method, path, partner.token, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(answer.body)}`);
  };
  await call("POST", "/candidates", {
    studyId: "DEMO3",
    candidateId: id,
    locale: candidate.locale,
    referrerToken: candidate.referrerToken,
  });
  for (const [key, answer] of candidate.answers)
    await call("PUT", `/candidates/${id}/answers/${key}`, { answer });
  if (candidate.postalCode) {
    await call("PUT", `/candidates/${id}/details`, {
      ...DETAILS,
      pii: { ...DETAILS.pii, postalCode: candidate.postalCode },
      preferences: {
        ...DETAILS.preferences,
        site: candidate.chooseSite ? gid.trialSite(org.trialSites[0]!.id) : null,
      },
    });
  }
  if (candidate.submit) await call("POST", `/candidates/${id}/submit`, { status: candidate.submit });
  // Their start moved to the fixture's day (the clock the trend reads), as if they had started then.
  await server.sql`UPDATE candidates SET created_at = ${candidate.startedAt}::timestamptz WHERE external_id = ${id}`;
  ids.push(id);
}

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  const admin = await server.loginAdmin();
  await publishDemo(server, admin, org);
  const recruiter = await insertApiClient(server, org.client.id, {
    name: "Recruiter",
    scopes: ["candidates:write"],
    trialIds: [org.trial.id],
  });
  partner = {
    token: await accessToken(server.url, recruiter.apiClient.clientIdentifier, recruiter.secret),
    clientId: recruiter.apiClient.clientIdentifier,
  };
  const sponsor = await insertApiClient(server, org.client.id, {
    scopes: ["prescreening:read", "referrals:read"],
    trialIds: [org.trial.id],
  });
  reader = await accessToken(server.url, sponsor.apiClient.clientIdentifier, sponsor.secret);
  manager = (await staffWith(server, ["manage_prescreening"], { trialId: org.trial.id })).token;
  for (const [index, candidate] of FIXTURE.entries()) await createFixture(candidate, index + 1);
});
afterAll(() => server.close());

const VARS = { interval: "DAY", level: "COUNTRY" };
async function metrics(variables: Record<string, unknown> = {}, token = reader) {
  return server.request<{ prescreeningMetrics: Metrics }>(
    METRICS,
    { trialId: gid.trial(org.trial.id), ...VARS, ...variables },
    token,
  );
}

describe("pre-screening metrics", () => {
  it("count the funnel of the hand-made fixture: starts, completions, dropouts, match rate", async () => {
    const result = await metrics();
    expect(result.errors).toBeUndefined();
    const m = result.data!.prescreeningMetrics;
    expect({ ...m, dropoutByQuestion: 0, failingCriteria: 0, trend: 0, byRegion: 0, byReferrer: 0 }).toEqual({
      suppressed: false,
      minimumGroupSize: 5,
      ...counts({ starts: 12, completions: 7, dropouts: 4, inProgress: 1, eligible: 4, referred: 2 }),
      matchRate: "0.5714", // 4 eligible of 7 completed
      dropoutByQuestion: 0,
      failingCriteria: 0,
      trend: 0,
      byRegion: 0,
      byReferrer: 0,
    });
    // Dropouts after diagnosis (2), after no answer (1), after dob (1): each fewer than 5, so one unnamed row.
    expect(m.dropoutByQuestion).toEqual([{ question: null, suppressed: true, count: 4 }]);
    // wheelchair_bedridden (2), diagnosis (1), levodopa_meds (1): likewise.
    expect(m.failingCriteria).toEqual([{ criterion: null, question: null, suppressed: true, count: 4 }]);
  });

  it("trend by start group: by day (every day from the first to the last) and by ISO week", async () => {
    // Start groups: March 2 (6 candidates); March 4 (4) is too few alone, so it runs on to March 10 (2): 6.
    const days = (await metrics()).data!.prescreeningMetrics.trend;
    expect(days).toEqual([
      {
        periodStart: "2026-03-02",
        ...counts({ starts: 6, completions: 4, dropouts: 2, eligible: 3, referred: 2, matchRate: "0.7500" }),
      },
      { periodStart: "2026-03-03", ...counts({}) },
      {
        periodStart: "2026-03-04",
        ...counts({
          starts: 6,
          completions: 3,
          dropouts: 2,
          inProgress: 1,
          eligible: 1,
          matchRate: "0.3333",
        }),
      },
    ]);
    // Both groups began in the week of March 2: the 2 of March 10 are never a week of their own.
    const weeks = (await metrics({ interval: "WEEK" })).data!.prescreeningMetrics.trend;
    expect(weeks.map((w) => [w.periodStart, w.starts, w.eligible])).toEqual([["2026-03-02", 12, 4]]);
  });

  it("a window counts whole start groups: never one or a few candidates, even by differencing", async () => {
    const starts = async (from: string | null, to: string | null) => {
      const result = await metrics({ from, to });
      expect(result.errors).toBeUndefined();
      return result.data!.prescreeningMetrics;
    };
    // A minute around the two who started on March 10 answers their whole group: the 4 of March 4 with them.
    const minute = await starts("2026-03-10T09:59:30Z", "2026-03-10T10:00:30Z");
    expect(minute).toMatchObject({
      suppressed: false,
      ...counts({ starts: 6, completions: 3, dropouts: 2, inProgress: 1, eligible: 1, matchRate: "0.3333" }),
    });
    expect((await starts("2026-03-04T09:59:30Z", "2026-03-04T10:00:30Z")).starts).toBe(6);
    // Five or more alone: exact.
    expect(await starts("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")).toMatchObject(
      counts({ starts: 6, completions: 4, dropouts: 2, eligible: 3, referred: 2, matchRate: "0.7500" }),
    );
    expect((await starts("2026-03-11T00:00:00Z", null)).starts).toBe(0);

    // Every window between these instants, and every two windows sharing an end: none counts 1–4 candidates, and
    // none differs from another by 1–4.
    const instants = [
      null,
      "2026-03-02T10:00:30Z",
      "2026-03-03T00:00:00Z",
      "2026-03-04T10:00:30Z",
      "2026-03-05T00:00:00Z",
      "2026-03-10T00:00:00Z",
      "2026-03-10T10:00:30Z",
      null,
    ];
    const windows: { from: number; to: number; starts: number }[] = [];
    for (let from = 0; from < instants.length - 1; from++) {
      for (let to = from + 1; to < instants.length; to++) {
        const m = await starts(from === 0 ? null : instants[from]!, instants[to] ?? null);
        windows.push({ from, to, starts: m.starts! });
      }
    }
    const fewOrNone = (n: number) => n === 0 || n >= 5;
    expect(windows.filter((w) => !fewOrNone(w.starts))).toEqual([]);
    const differences = windows.flatMap((a) =>
      windows
        .filter((b) => b !== a && (b.from === a.from || b.to === a.to))
        .map((b) => ({ a, b, difference: Math.abs(a.starts - b.starts) })),
    );
    expect(differences.filter((d) => !fewOrNone(d.difference))).toEqual([]);
    expect(new Set(windows.map((w) => w.starts))).toEqual(new Set([0, 6, 12]));
  });

  it("by region: groups of fewer than 5 are summed into one unnamed row", async () => {
    const countries = (await metrics()).data!.prescreeningMetrics.byRegion;
    expect(countries).toEqual([
      {
        country: "US",
        postalPrefix: null,
        suppressed: false,
        ...counts({ starts: 6, completions: 4, dropouts: 2, eligible: 3, referred: 2, matchRate: "0.7500" }),
      },
      // Sweden (4) and no country (2), unnamed.
      {
        country: null,
        postalPrefix: null,
        suppressed: true,
        ...counts({
          starts: 6,
          completions: 3,
          dropouts: 2,
          inProgress: 1,
          eligible: 1,
          matchRate: "0.3333",
        }),
      },
    ]);
    const prefixes = (await metrics({ level: "POSTAL_PREFIX" })).data!.prescreeningMetrics.byRegion;
    expect(prefixes).toEqual([
      {
        country: "US",
        postalPrefix: "123", // 12345, 12399, "123 00": three characters, never the whole code
        suppressed: false,
        ...counts({ starts: 5, completions: 4, dropouts: 1, eligible: 3, referred: 2, matchRate: "0.7500" }),
      },
      {
        country: null,
        postalPrefix: null,
        suppressed: true,
        ...counts({
          starts: 7,
          completions: 3,
          dropouts: 3,
          inProgress: 1,
          eligible: 1,
          matchRate: "0.3333",
        }),
      },
    ]);
    const stored =
      await server.sql`SELECT DISTINCT postal_prefix FROM candidates WHERE postal_prefix IS NOT NULL`;
    expect(stored.map((r) => r.postal_prefix).sort()).toEqual(["111", "123"]);
  });

  it("by referrer: the partner and its referrer token, small groups unnamed", async () => {
    const referrers = (await metrics()).data!.prescreeningMetrics.byReferrer;
    expect(referrers).toEqual([
      {
        partner: { clientIdentifier: partner.clientId, name: "Recruiter" },
        source: "spring",
        suppressed: false,
        ...counts({ starts: 6, completions: 4, dropouts: 2, eligible: 3, referred: 2, matchRate: "0.7500" }),
      },
      {
        partner: null,
        source: null,
        suppressed: true,
        ...counts({
          starts: 6,
          completions: 3,
          dropouts: 2,
          inProgress: 1,
          eligible: 1,
          matchRate: "0.3333",
        }),
      },
    ]);
  });

  it("filter by window, country, referrer and version; narrowed below 5 they are suppressed, windows too", async () => {
    const from = (await metrics({ from: "2026-03-03T00:00:00Z" })).data!.prescreeningMetrics;
    expect([from.starts, from.completions, from.eligible, from.matchRate]).toEqual([6, 3, 1, "0.3333"]);
    const until = (await metrics({ to: "2026-03-03T00:00:00Z" })).data!.prescreeningMetrics;
    expect(until.starts).toBe(6);
    const us = (await metrics({ country: "us" })).data!.prescreeningMetrics;
    expect([us.suppressed, us.starts, us.matchRate]).toEqual([false, 6, "0.7500"]);
    const spring = (await metrics({ referrer: "spring" })).data!.prescreeningMetrics;
    expect([spring.starts, spring.referred]).toEqual([6, 2]);
    expect((await metrics({ version: 1 })).data!.prescreeningMetrics.starts).toBe(12);
    expect((await metrics({ version: 2 })).data!.prescreeningMetrics.starts).toBe(0);

    // Four candidates in Sweden: one could be picked out, so nothing is shown.
    const sweden = await metrics({ country: "SE" });
    expect(sweden.errors).toBeUndefined();
    expect(sweden.data!.prescreeningMetrics).toMatchObject({
      suppressed: true,
      starts: null,
      completions: null,
      matchRate: null,
      dropoutByQuestion: [],
      failingCriteria: [],
      trend: [],
      byRegion: [],
      byReferrer: [],
    });
    const autumn = (await metrics({ referrer: "autumn" })).data!.prescreeningMetrics;
    expect([autumn.suppressed, autumn.starts, autumn.failingCriteria]).toEqual([true, null, []]);
    // Sweden within a window: still its four candidates as one start group, still nothing shown.
    const swedenWindow = await metrics({
      country: "SE",
      from: "2026-03-04T00:00:00Z",
      to: "2026-03-05T00:00:00Z",
    });
    expect(swedenWindow.data!.prescreeningMetrics).toMatchObject({
      suppressed: true,
      starts: null,
      trend: [],
    });
  });

  it("refuses bad filters with BAD_USER_INPUT", async () => {
    const backwards = await metrics({ from: "2026-03-05T00:00:00Z", to: "2026-03-01T00:00:00Z" });
    expect(errorCode(backwards)).toBe("BAD_USER_INPUT");
    expect(errorCode(await metrics({ country: "USA" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await metrics({ version: 0 }))).toBe("BAD_USER_INPUT");
  });

  it("staff with manage_prescreening read them, on the trial too", async () => {
    const staff = await metrics({}, manager);
    expect(staff.data!.prescreeningMetrics.matchRate).toBe("0.5714");
    const onTrial = await server.request<{ trial: { prescreeningMetrics: { starts: number } } }>(
      TRIAL_METRICS,
      { id: gid.trial(org.trial.id) },
      manager,
    );
    expect(onTrial.data!.trial.prescreeningMetrics).toEqual({ starts: 12, matchRate: "0.5714" });
  });
});

describe("who reads the metrics and the referral log", () => {
  it("another client's API client gets NOT_FOUND, a missing scope FORBIDDEN", async () => {
    const other = await createOrganization(server);
    const stranger = await insertApiClient(server, other.client.id, {
      scopes: ["prescreening:read", "referrals:read", "trials:read"],
    });
    const strangerToken = await accessToken(server.url, stranger.apiClient.clientIdentifier, stranger.secret);
    expect(errorCode(await metrics({}, strangerToken))).toBe("NOT_FOUND");
    const log = { trialId: gid.trial(org.trial.id) };
    expect(errorCode(await server.request(LOG, log, strangerToken))).toBe("NOT_FOUND");

    const trialsOnly = await insertApiClient(server, org.client.id, {
      scopes: ["trials:read", "referrals:read"],
      trialIds: [org.trial.id],
    });
    const trialsToken = await accessToken(
      server.url,
      trialsOnly.apiClient.clientIdentifier,
      trialsOnly.secret,
    );
    const refused = await metrics({}, trialsToken);
    expect(errorCode(refused)).toBe("FORBIDDEN");
    expect(refused.data?.prescreeningMetrics ?? null).toBeNull();
    const viaTrial = await server.request(TRIAL_METRICS, { id: gid.trial(org.trial.id) }, trialsToken);
    expect(errorCode(viaTrial)).toBe("FORBIDDEN");
    // The partner writes candidates; it does not read the metrics.
    expect(errorCode(await metrics({}, partner.token))).toBe("FORBIDDEN");

    const metricsOnly = await insertApiClient(server, org.client.id, {
      scopes: ["prescreening:read"],
      trialIds: [org.trial.id],
    });
    const metricsToken = await accessToken(
      server.url,
      metricsOnly.apiClient.clientIdentifier,
      metricsOnly.secret,
    );
    expect(errorCode(await server.request(LOG, log, metricsToken))).toBe("FORBIDDEN");
    expect(errorCode(await server.request(LOG, log, trialsToken))).toBeUndefined();
  });

  it("people need manage_prescreening on the trial: NOT_FOUND elsewhere, FORBIDDEN without it", async () => {
    const viewer = (await staffWith(server, ["view_trials", "view_reports"], { trialId: org.trial.id }))
      .token;
    expect(errorCode(await metrics({}, viewer))).toBe("FORBIDDEN");
    const other = await createOrganization(server);
    const elsewhere = (await staffWith(server, ["manage_prescreening"], { trialId: other.trial.id })).token;
    expect(errorCode(await metrics({}, elsewhere))).toBe("NOT_FOUND");
    expect(errorCode(await metrics({}, null as unknown as string))).toBe("UNAUTHENTICATED");
  });
});

describe("the referral log", () => {
  type Log = {
    referralLog: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      nodes: {
        referredAt: string;
        trialSiteId: string;
        siteName: string;
        partner: { clientIdentifier: string; name: string } | null;
        source: string | null;
        status: string;
      }[];
    };
  };
  const log = (variables: Record<string, unknown> = {}) =>
    server.request<Log>(LOG, { trialId: gid.trial(org.trial.id), ...variables }, reader);

  it("lists each referral with its time, site, partner and status, never personal data", async () => {
    const result = await log();
    expect(result.errors).toBeUndefined();
    const { totalCount, nodes } = result.data!.referralLog;
    expect(totalCount).toBe(2);
    for (const node of nodes) {
      expect(node).toEqual({
        referredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        trialSiteId: gid.trialSite(org.trialSites[0]!.id),
        siteName: org.sites[0]!.name,
        partner: { clientIdentifier: partner.clientId, name: "Recruiter" },
        source: "spring",
        status: "REFERRED",
      });
    }
    const text = JSON.stringify(result);
    for (const personal of ["Jane", "Doe", "example.com", "12345", "+1555"])
      expect(text).not.toContain(personal);
  });

  it("pages newest first and filters by time", async () => {
    const first = (await log({ first: 1 })).data!.referralLog;
    expect(first.nodes).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await log({ first: 1, after: first.pageInfo.endCursor })).data!.referralLog;
    expect(second.nodes).toHaveLength(1);
    expect(second.nodes[0]!.referredAt <= first.nodes[0]!.referredAt).toBe(true);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const future = (await log({ from: new Date(Date.now() + 3_600_000).toISOString() })).data!.referralLog;
    expect(future.totalCount).toBe(0);
  });

  it("exports as CSV behind a report link, with the weekly trend", async () => {
    const request = (report: string, token = manager) =>
      server.request<{ requestPrescreeningReport: { url: string } }>(
        REPORT,
        { input: { trialId: gid.trial(org.trial.id), report, format: "CSV" } },
        token,
      );
    const referrals = await request("REFERRAL_LOG");
    expect(referrals.errors).toBeUndefined();
    const file = await download(server, referrals.data!.requestPrescreeningReport.url, manager);
    expect(file.response.status).toBe(200);
    const rows = parseCsv(file.body);
    expect(rows[0]).toEqual([
      "Referred at",
      "Site",
      "Partner",
      "Partner client id",
      "Referrer token",
      "Status",
    ]);
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual([
      [org.sites[0]!.name, "Recruiter", partner.clientId, "spring", "referred"],
      [org.sites[0]!.name, "Recruiter", partner.clientId, "spring", "referred"],
    ]);
    expect(file.body.toString()).not.toContain("Jane");

    const weekly = await request("WEEKLY_TREND");
    const trend = parseCsv(
      (await download(server, weekly.data!.requestPrescreeningReport.url, manager)).body,
    );
    expect(trend).toEqual([
      [
        "Period start",
        "Starts",
        "Completions",
        "Dropouts",
        "In progress",
        "Eligible",
        "Referred",
        "Enrolled",
        "Match rate",
      ],
      // The same start groups as the metrics' trend: the 2 of the week of March 9 are never a row of their own.
      ["2026-03-02", "12", "7", "4", "1", "4", "2", "0", "0.5714"],
    ]);
    const daily = await request("DAILY_TREND");
    const days = parseCsv((await download(server, daily.data!.requestPrescreeningReport.url, manager)).body);
    expect(days.slice(1)).toEqual([
      ["2026-03-02", "6", "4", "2", "0", "3", "2", "0", "0.7500"],
      ["2026-03-03", "0", "0", "0", "0", "0", "0", "0", ""],
      ["2026-03-04", "6", "3", "2", "1", "1", "0", "0", "0.3333"],
    ]);

    // Only for those who manage the trial's pre-screening (API clients: test/apiaccess/machine-downloads.test.ts).
    const viewer = (await staffWith(server, ["view_trials", "view_reports"], { trialId: org.trial.id }))
      .token;
    expect(errorCode(await request("REFERRAL_LOG", viewer))).toBe("FORBIDDEN");
    expect((await download(server, daily.data!.requestPrescreeningReport.url, viewer)).response.status).toBe(
      404,
    );
  });

  it("shows a withdrawn data consent, and the candidate's postal prefix leaves the metrics with their PII", async () => {
    const withdrawn = await server.request(
      WITHDRAW,
      { input: { partnerCandidateId: "metrics-2" } },
      partner.token,
    );
    expect(withdrawn.errors).toBeUndefined();
    const nodes = (await log()).data!.referralLog.nodes;
    expect(nodes.map((n) => n.status).sort()).toEqual(["CONSENT_WITHDRAWN", "REFERRED"]);
    const prefixes = (await metrics({ level: "POSTAL_PREFIX" })).data!.prescreeningMetrics.byRegion;
    // Four left under 123: the group is no longer shown.
    expect(prefixes).toEqual([
      expect.objectContaining({ country: null, postalPrefix: null, suppressed: true, starts: 12 }),
    ]);
  });
});

describe("named breakdowns of five or more", () => {
  it("name a dropout question and a failing criterion once five candidates share it", async () => {
    // Ten on April 6, all answering "No" to diagnosis: five submitted as completed, five as dropouts.
    const april: Fixture = {
      locale: "en",
      startedAt: "2026-04-06T10:00:00Z",
      answers: [E[0]!, ["diagnosis", "No"]],
    };
    const more: Fixture[] = [
      ...Array.from({ length: 5 }, (): Fixture => ({ ...april, submit: "COMPLETED" })),
      ...Array.from({ length: 5 }, (): Fixture => ({ ...april, submit: "DROPOUT" })),
    ];
    for (const [index, candidate] of more.entries())
      await createFixture(candidate, FIXTURE.length + 1 + index);

    const april6 = (await metrics({ from: "2026-04-01T00:00:00Z" })).data!.prescreeningMetrics;
    expect([april6.starts, april6.dropouts, april6.completions, april6.eligible]).toEqual([10, 5, 5, 0]);
    expect(april6.dropoutByQuestion).toEqual([{ question: "diagnosis", suppressed: false, count: 5 }]);
    expect(april6.failingCriteria).toEqual([
      { criterion: "diagnosis: must be one of true", question: "diagnosis", suppressed: false, count: 5 },
    ]);

    const all = (await metrics()).data!.prescreeningMetrics;
    expect(all.dropoutByQuestion).toEqual([
      { question: "diagnosis", suppressed: false, count: 7 },
      { question: null, suppressed: true, count: 2 }, // no answer (1) and dob (1)
    ]);
    expect(all.failingCriteria).toEqual([
      { criterion: "diagnosis: must be one of true", question: "diagnosis", suppressed: false, count: 6 },
      { criterion: null, question: null, suppressed: true, count: 3 }, // wheelchair_bedridden (2), levodopa_meds (1)
    ]);
  });
});
