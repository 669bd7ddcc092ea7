import { randomBytes } from "node:crypto";
import { isNonNullType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  enrollments,
  messages,
  participants,
  payments,
  trialSites,
  trials,
  users,
  visitRatings,
} from "../../db/schema/index.js";
import { recordApiRequest } from "../../schema/apiaccess/log.js";
import { requestApiAccess } from "../../schema/apiaccess/requests.js";
import { createWebhookEndpoint } from "../../schema/apiaccess/webhooks.js";
import { buildPothosSchema } from "../../schema/index.js";
import type {
  ParticipantOrder,
  ParticipantsInOrderQuery,
  PaymentKind,
  PaymentStatus,
  TrialSitePaymentsQuery,
} from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { insertApiClient } from "../support/apiclients.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import {
  ADMIN_EMAIL,
  errorCode,
  type GraphQLResponse,
  startTestServer,
  type TestServer,
} from "../support/server.js";

/*
 * The dashboard's read model: payments nested under participants and trial sites, their filters and orders, the
 * totalCount of every connection, and payment totals, each for whom they are meant and no one else.
 */

const TrialSitePayments = graphql(`
  query TrialSitePayments(
    $id: ID!
    $first: Int
    $after: String
    $last: Int
    $before: String
    $orderBy: PaymentOrder
    $status: PaymentStatus
    $kind: PaymentKind
    $createdAt: DateTimeRange
  ) {
    trialSite(id: $id) {
      payments(
        first: $first
        after: $after
        last: $last
        before: $before
        orderBy: $orderBy
        status: $status
        kind: $kind
        createdAt: $createdAt
      ) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { uid } }
      }
    }
  }
`);

const ParticipantPayments = graphql(`
  query ParticipantPayments(
    $id: ID!
    $first: Int
    $after: String
    $orderBy: PaymentOrder
    $status: PaymentStatus
    $kind: PaymentKind
    $createdAt: DateTimeRange
  ) {
    participant(id: $id) {
      payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { uid } }
      }
    }
  }
`);

const EnrollmentPayments = graphql(`
  query EnrollmentPayments(
    $id: ID!
    $first: Int
    $after: String
    $orderBy: PaymentOrder
    $status: PaymentStatus
    $kind: PaymentKind
    $createdAt: DateTimeRange
  ) {
    node(id: $id) {
      ... on Enrollment {
        payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { uid } }
        }
      }
    }
  }
`);

const RootPayments = graphql(`
  query RootPayments(
    $trialId: ID
    $first: Int
    $after: String
    $orderBy: PaymentOrder
    $status: PaymentStatus
    $kind: PaymentKind
    $createdAt: DateTimeRange
  ) {
    payments(
      trialId: $trialId
      first: $first
      after: $after
      orderBy: $orderBy
      status: $status
      kind: $kind
      createdAt: $createdAt
    ) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { uid } }
    }
  }
`);

graphql(`
  fragment SumFields on PaymentTotals {
    currency
    count
    pending { count amount { amount } }
    unclaimed { count amount { amount } }
    claimed { count amount { amount } }
    paid { count amount { amount } }
    failed { count amount { amount } }
    rejected { count amount { amount } }
    committed { count amount { amount } }
  }
`);

const TrialTotals = graphql(
  `
  query TrialTotals($id: ID!, $kind: PaymentKind, $createdAt: DateTimeRange) {
    trial(id: $id) {
      paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }
      trialSites {
        nodes {
          uid
          paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }
          enrollments { nodes { uid paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields } } }
        }
      }
    }
  }
`,
);

const TrialSiteTotals = graphql(`
  query TrialSiteTotals($id: ID!) {
    trialSite(id: $id) { paymentTotals { count paid { amount { amount } } } }
  }
`);

const TrialOnlyTotals = graphql(`
  query TrialOnlyTotals($id: ID!) {
    trial(id: $id) { paymentTotals { count paid { amount { amount } } } }
  }
`);

const EnrollmentTotals = graphql(`
  query EnrollmentTotals($id: ID!) {
    node(id: $id) { ... on Enrollment { paymentTotals { count committed { amount { amount } } } } }
  }
`);

const ParticipantsInOrder = graphql(`
  query ParticipantsInOrder($trialId: ID, $first: Int, $after: String, $orderBy: ParticipantOrder) {
    participants(trialId: $trialId, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { uid lastName } }
    }
  }
`);

type PaymentOrder = "CREATED_AT_DESC" | "CREATED_AT_ASC" | "AMOUNT_DESC" | "AMOUNT_ASC";
const PAYMENT_ORDERS: PaymentOrder[] = ["CREATED_AT_DESC", "CREATED_AT_ASC", "AMOUNT_DESC", "AMOUNT_ASC"];

/** Each order as SQL, to ask the database itself which order the rows must come in. */
const ORDER_SQL: Record<PaymentOrder, string> = {
  CREATED_AT_DESC: "created_at DESC, id DESC",
  CREATED_AT_ASC: "created_at ASC, id ASC",
  AMOUNT_DESC: "amount_minor DESC, id DESC",
  AMOUNT_ASC: "amount_minor ASC, id ASC",
};

const day = (n: number) => new Date(Date.UTC(2024, 2, n, 12));

type Row = {
  kind: "manual" | "mileage" | "reimbursement";
  status: "pending" | "unclaimed" | "claimed" | "paid" | "failed" | "rejected";
  minor: bigint;
  on: number;
};

let server: TestServer;
let admin: string;
let org: Organization;
/** Participants A and B at the first trial site, C at the second; A is also in a second trial. */
let people: Record<"A" | "B" | "C", Awaited<ReturnType<typeof createEnrolledParticipant>>>;
let secondEnrollmentOfA: string;
/** Payment ids by enrollment (A, B, C and A's second enrollment, A2). */
const ids: Record<"A" | "B" | "C" | "A2", string[]> = { A: [], B: [], C: [], A2: [] };

async function insertPayments(enrollmentId: string, rows: Row[]) {
  const inserted = await server.db
    .insert(payments)
    .values(
      rows.map((row) => ({
        enrollmentId,
        contractId: org.contract.id,
        kind: row.kind,
        status: row.status,
        amountMinor: row.minor,
        currency: "USD",
        rejectionReason: row.status === "rejected" ? "no receipt" : null,
        createdAt: day(row.on),
      })),
    )
    .returning({ id: payments.id });
  return inserted.map((row) => row.id);
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.loginAdmin();
  org = await createOrganization(server);
  people = {
    A: await createEnrolledParticipant(server, org, 0),
    B: await createEnrolledParticipant(server, org, 0),
    C: await createEnrolledParticipant(server, org, 1),
  };
  // A second trial of the same contract at the first site, where A is enrolled too.
  const [trial2] = await server.db
    .insert(trials)
    .values({
      contractId: org.contract.id,
      name: "Second trial",
      protocolId: `P2-${randomBytes(4).toString("hex")}`,
    })
    .returning();
  const [trialSite2] = await server.db
    .insert(trialSites)
    .values({ trialId: trial2!.id, siteId: org.sites[0]!.id })
    .returning();
  const [enrollment2] = await server.db
    .insert(enrollments)
    .values({
      participantId: people.A.participant.id,
      trialSiteId: trialSite2!.id,
      trialId: trial2!.id,
      subjectId: `S2-${randomBytes(4).toString("hex")}`,
    })
    .returning();
  secondEnrollmentOfA = enrollment2!.id;
  // Ties on purpose: three payments of 10.00, two of 25.00, two made at the same instant (day 5).
  ids.A = await insertPayments(people.A.enrollment.id, [
    { kind: "manual", status: "paid", minor: 1000n, on: 1 },
    { kind: "mileage", status: "unclaimed", minor: 2500n, on: 2 },
    { kind: "reimbursement", status: "pending", minor: 2500n, on: 3 },
    { kind: "reimbursement", status: "rejected", minor: 700n, on: 4 },
  ]);
  ids.B = await insertPayments(people.B.enrollment.id, [
    { kind: "manual", status: "claimed", minor: 1000n, on: 2 },
    { kind: "mileage", status: "paid", minor: 4000n, on: 5 },
    { kind: "manual", status: "failed", minor: 300n, on: 5 },
  ]);
  ids.C = await insertPayments(people.C.enrollment.id, [
    { kind: "manual", status: "unclaimed", minor: 9000n, on: 1 },
    { kind: "manual", status: "paid", minor: 1000n, on: 6 },
  ]);
  ids.A2 = await insertPayments(secondEnrollmentOfA, [
    { kind: "manual", status: "paid", minor: 1200n, on: 7 },
  ]);
});
afterAll(() => server.close());

/** The ids among `among` in `order`, as the database orders them (the expected order of every page walk). */
async function inOrder(among: string[], order: PaymentOrder): Promise<string[]> {
  const rows = await server.sql.unsafe<{ id: string }[]>(
    `SELECT id FROM payments WHERE id = ANY($1) ORDER BY ${ORDER_SQL[order]}`,
    [among],
  );
  return rows.map((row) => row.id);
}

interface PaymentPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: { uid: string } }[];
}

/** Every row of a list, asked `size` at a time forward through its cursors; checks totalCount on each page. */
async function walk(page: (after: string | null) => Promise<PaymentPage>, size: number) {
  const seen: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let i = 0; i < 50; i++) {
    const result = await page(after);
    expect(result.edges.length).toBeLessThanOrEqual(size);
    seen.push(...result.edges.map((edge) => edge.node.uid));
    total = result.totalCount;
    if (!result.pageInfo.hasNextPage) break;
    after = result.pageInfo.endCursor ?? null;
  }
  expect(total).toBe(seen.length);
  return seen;
}

const ok = <T>(result: GraphQLResponse<T>): T => {
  expect(result.errors).toBeUndefined();
  return result.data!;
};

describe("payments nested under a trial site, a participant and an enrollment", () => {
  it.each(PAYMENT_ORDERS)(
    "page through every list in %s, two at a time, each row once and in order",
    async (orderBy) => {
      const trialSite = gid.trialSite(org.trialSites[0]!.id);
      const atSite = await walk(
        async (after) =>
          ok(await server.request(TrialSitePayments, { id: trialSite, first: 2, after, orderBy }, admin))
            .trialSite.payments,
        2,
      );
      expect(atSite).toEqual(await inOrder([...ids.A, ...ids.B], orderBy));

      const ofA = await walk(
        async (after) =>
          ok(
            await server.request(
              ParticipantPayments,
              { id: gid.participant(people.A.participant.id), first: 2, after, orderBy },
              admin,
            ),
          ).participant.payments,
        2,
      );
      expect(ofA).toEqual(await inOrder([...ids.A, ...ids.A2], orderBy));

      const ofB = await walk(async (after) => {
        const data = ok(
          await server.request(
            EnrollmentPayments,
            { id: gid.enrollment(people.B.enrollment.id), first: 1, after, orderBy },
            admin,
          ),
        );
        return (data.node as { payments: PaymentPage }).payments;
      }, 1);
      expect(ofB).toEqual(await inOrder(ids.B, orderBy));

      const inTrial = await walk(
        async (after) =>
          ok(
            await server.request(
              RootPayments,
              { trialId: gid.trial(org.trial.id), first: 3, after, orderBy },
              admin,
            ),
          ).payments,
        3,
      );
      expect(inTrial).toEqual(await inOrder([...ids.A, ...ids.B, ...ids.C], orderBy));
    },
  );

  it.each(PAYMENT_ORDERS)("page backwards from the end in %s with last and before", async (orderBy) => {
    const id = gid.trialSite(org.trialSites[0]!.id);
    const pages: string[][] = [];
    let before: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: TrialSitePaymentsQuery["trialSite"]["payments"] = ok(
        await server.request(TrialSitePayments, { id, last: 3, before, orderBy }, admin),
      ).trialSite.payments;
      expect(page.totalCount).toBe(7);
      pages.unshift(page.edges.map((edge) => edge.node.uid));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor ?? null;
    }
    expect(pages.flat()).toEqual(await inOrder([...ids.A, ...ids.B], orderBy));
  });

  it("refuses a cursor given in another order, naming the argument", async () => {
    const id = gid.trialSite(org.trialSites[0]!.id);
    const first = ok(
      await server.request(TrialSitePayments, { id, first: 2, orderBy: "AMOUNT_DESC" }, admin),
    );
    const cursor = first.trialSite.payments.pageInfo.endCursor;
    for (const orderBy of ["CREATED_AT_DESC", "AMOUNT_ASC"] as const) {
      const result = await server.request(TrialSitePayments, { id, first: 2, after: cursor, orderBy }, admin);
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(result.errors![0]!.extensions!.fields).toEqual([
        { field: "after", message: "is not a cursor from this list in this order." },
      ]);
    }
  });

  it("filter by status, kind and a span of time, alike on every list", async () => {
    type Filter = { status?: PaymentStatus; kind?: PaymentKind; createdAt?: { from?: string; to?: string } };
    const filters: Filter[] = [
      { status: "PAID" },
      { kind: "MANUAL" },
      { createdAt: { from: day(2).toISOString(), to: day(5).toISOString() } },
      { createdAt: { from: day(5).toISOString() } },
      { createdAt: { to: day(2).toISOString() } },
      { status: "PAID", kind: "MILEAGE", createdAt: { from: day(1).toISOString() } },
    ];
    const rows = await server.sql<{ id: string; status: string; kind: string; created_at: string }[]>`
      SELECT id, status, kind, created_at::text FROM payments
      WHERE id = ANY(${[...ids.A, ...ids.B, ...ids.C, ...ids.A2]})`;
    for (const filter of filters) {
      /** The ids among `among` that `filter` keeps, worked out here from the rows. */
      const expected = (among: string[]) =>
        rows
          .filter(
            (row) =>
              among.includes(row.id) &&
              (!filter.status || row.status === filter.status.toLowerCase()) &&
              (!filter.kind || row.kind === filter.kind.toLowerCase()) &&
              (!filter.createdAt?.from || new Date(row.created_at) >= new Date(filter.createdAt.from)) &&
              (!filter.createdAt?.to || new Date(row.created_at) < new Date(filter.createdAt.to)),
          )
          .map((row) => row.id)
          .sort();
      const uids = (page: PaymentPage) => {
        expect(page.totalCount).toBe(page.edges.length);
        return page.edges.map((edge) => edge.node.uid).sort();
      };
      const variables = { first: 100, ...filter } as const;
      const atSite = ok(
        await server.request(
          TrialSitePayments,
          { id: gid.trialSite(org.trialSites[0]!.id), ...variables },
          admin,
        ),
      ).trialSite.payments;
      expect(uids(atSite)).toEqual(expected([...ids.A, ...ids.B]));
      const ofA = ok(
        await server.request(
          ParticipantPayments,
          { id: gid.participant(people.A.participant.id), ...variables },
          admin,
        ),
      ).participant.payments;
      expect(uids(ofA)).toEqual(expected([...ids.A, ...ids.A2]));
      const ofB = ok(
        await server.request(
          EnrollmentPayments,
          { id: gid.enrollment(people.B.enrollment.id), ...variables },
          admin,
        ),
      ).node as { payments: PaymentPage };
      expect(uids(ofB.payments)).toEqual(expected(ids.B));
      const inTrial = ok(
        await server.request(RootPayments, { trialId: gid.trial(org.trial.id), ...variables }, admin),
      ).payments;
      expect(uids(inTrial)).toEqual(expected([...ids.A, ...ids.B, ...ids.C]));
      expect(inTrial.edges.length).toBeGreaterThan(0);
    }
  });

  it("refuses an empty or backward span of time, naming createdAt.to", async () => {
    for (const createdAt of [
      { from: day(3).toISOString(), to: day(3).toISOString() },
      { from: day(4).toISOString(), to: day(2).toISOString() },
    ]) {
      for (const result of [
        await server.request(RootPayments, { createdAt }, admin),
        await server.request(
          TrialSitePayments,
          { id: gid.trialSite(org.trialSites[0]!.id), createdAt },
          admin,
        ),
      ]) {
        expect(errorCode(result)).toBe("BAD_USER_INPUT");
        expect(result.errors![0]!.extensions!.fields).toEqual([
          { field: "createdAt.to", message: "must be later than from." },
        ]);
      }
    }
  });
});

type Status = "pending" | "unclaimed" | "claimed" | "paid" | "failed" | "rejected";
const STATUSES: Status[] = ["pending", "unclaimed", "claimed", "paid", "failed", "rejected"];

/** A sum as the API shows it: a count and dollars ("188.00"). */
const sum = (count: number, cents: number) => ({ count, amount: { amount: (cents / 100).toFixed(2) } });

/** USD totals as the API shows them, from counts and cents by status (the rest zero) and the committed sum. */
function usd(by: Partial<Record<Status, [number, number]>>, committed: [number, number]) {
  return {
    currency: "USD",
    count: Object.values(by).reduce((n, [count]) => n + count, 0),
    ...Object.fromEntries(STATUSES.map((status) => [status, sum(...(by[status] ?? [0, 0]))])),
    committed: sum(...committed),
  };
}

// Summed by hand from the payments above.
const OF_A = usd(
  { paid: [1, 1000], unclaimed: [1, 2500], pending: [1, 2500], rejected: [1, 700] },
  [2, 3500],
);
const OF_B = usd({ paid: [1, 4000], claimed: [1, 1000], failed: [1, 300] }, [3, 5300]);
const OF_C = usd({ unclaimed: [1, 9000], paid: [1, 1000] }, [2, 10000]);
const AT_FIRST_SITE = usd(
  {
    paid: [2, 5000],
    unclaimed: [1, 2500],
    pending: [1, 2500],
    rejected: [1, 700],
    claimed: [1, 1000],
    failed: [1, 300],
  },
  [5, 8800],
);
const IN_TRIAL = usd(
  {
    paid: [3, 6000],
    unclaimed: [2, 11500],
    pending: [1, 2500],
    claimed: [1, 1000],
    failed: [1, 300],
    rejected: [1, 700],
  },
  [7, 18800],
);

describe("payment totals of an enrollment, a trial site and a trial", () => {
  /** The trial's totals, and each trial site's and enrollment's, by raw id. */
  async function totalsAsSeenBy(token: string, variables: Record<string, unknown> = {}) {
    const { trial } = ok(
      await server.request(TrialTotals, { id: gid.trial(org.trial.id), ...variables }, token),
    );
    return {
      trial: trial.paymentTotals,
      trialSites: Object.fromEntries(trial.trialSites.nodes.map((ts) => [ts.uid, ts.paymentTotals])),
      enrollments: Object.fromEntries(
        trial.trialSites.nodes.flatMap((ts) => ts.enrollments.nodes.map((e) => [e.uid, e.paymentTotals])),
      ),
    };
  }

  it("equal the sums by hand, per status and committed, at every level", async () => {
    const totals = await totalsAsSeenBy(admin);
    expect(totals.trial).toEqual([IN_TRIAL]);
    expect(totals.trial[0]!.committed).toEqual({ count: 7, amount: { amount: "188.00" } });
    expect(totals.trialSites).toEqual({
      [org.trialSites[0]!.id]: [AT_FIRST_SITE],
      [org.trialSites[1]!.id]: [OF_C],
    });
    expect(totals.enrollments).toEqual({
      [people.A.enrollment.id]: [OF_A],
      [people.B.enrollment.id]: [OF_B],
      [people.C.enrollment.id]: [OF_C],
    });
  });

  it("sum only the payments of one kind, or made in a span of time, when asked", async () => {
    const manual = await totalsAsSeenBy(admin, { kind: "MANUAL" });
    expect(manual.trial).toEqual([
      usd({ paid: [2, 2000], claimed: [1, 1000], failed: [1, 300], unclaimed: [1, 9000] }, [5, 12300]),
    ]);
    const window = await totalsAsSeenBy(admin, {
      createdAt: { from: day(2).toISOString(), to: day(5).toISOString() },
    });
    const daysTwoToFour = usd(
      { unclaimed: [1, 2500], pending: [1, 2500], rejected: [1, 700], claimed: [1, 1000] },
      [2, 3500],
    );
    expect(window.trial).toEqual([daysTwoToFour]);
    expect(window.trialSites[org.trialSites[0]!.id]).toEqual([daysTwoToFour]);
    expect(window.trialSites[org.trialSites[1]!.id]).toEqual([]);
    expect(window.enrollments[people.C.enrollment.id]).toEqual([]);
  });

  it("count, for trial-site staff, only the payments of the trial sites where they hold view_payments", async () => {
    const staff = await staffWith(
      server,
      ["view_payments", "view_trials", "view_enrollments", "view_participants"],
      { trialSiteId: org.trialSites[0]!.id },
    );
    const totals = await totalsAsSeenBy(staff.token);
    expect(totals.trial).toEqual([AT_FIRST_SITE]);
    expect(totals.trialSites).toEqual({ [org.trialSites[0]!.id]: [AT_FIRST_SITE] });
    const other = await server.request(
      TrialSiteTotals,
      { id: gid.trialSite(org.trialSites[1]!.id) },
      staff.token,
    );
    expect(errorCode(other)).toBe("NOT_FOUND");
  });
});

describe("who reads nested payments and totals", () => {
  it("trial-site staff list only the payments of the trial sites where they hold view_payments", async () => {
    const staff = await staffWith(
      server,
      ["view_payments", "view_trials", "view_enrollments", "view_participants"],
      { trialSiteId: org.trialSites[0]!.id },
    );
    // The other trial site is not theirs to see at all.
    const other = await server.request(
      TrialSitePayments,
      { id: gid.trialSite(org.trialSites[1]!.id) },
      staff.token,
    );
    expect(errorCode(other)).toBe("NOT_FOUND");
    // A's payments in the other trial are not theirs either.
    const ofA = ok(
      await server.request(
        ParticipantPayments,
        { id: gid.participant(people.A.participant.id), first: 100 },
        staff.token,
      ),
    ).participant.payments;
    expect(ofA.edges.map((e) => e.node.uid).sort()).toEqual([...ids.A].sort());
    expect(ofA.totalCount).toBe(ids.A.length);
    const inTrial = ok(
      await server.request(RootPayments, { trialId: gid.trial(org.trial.id), first: 100 }, staff.token),
    ).payments;
    expect(inTrial.edges.map((e) => e.node.uid).sort()).toEqual([...ids.A, ...ids.B].sort());
    expect(inTrial.totalCount).toBe(ids.A.length + ids.B.length);
  });

  it("staff holding view_payments on one trial site and other permissions on another list the first's payments only", async () => {
    const staff = await staffWith(server, ["view_payments", "view_trials"], {
      trialSiteId: org.trialSites[0]!.id,
    });
    await grantPermissions(server, staff.uid, ["view_trials", "view_enrollments", "view_participants"], {
      trialSiteId: org.trialSites[1]!.id,
    });
    const token = await server.login(staff.email, staff.password);
    const inTrial = ok(
      await server.request(RootPayments, { trialId: gid.trial(org.trial.id), first: 100 }, token),
    ).payments;
    expect(inTrial.edges.map((e) => e.node.uid).sort()).toEqual([...ids.A, ...ids.B].sort());
  });

  it("staff who see the trial site but lack view_payments get FORBIDDEN at every payments field", async () => {
    const staff = await staffWith(server, ["view_trials", "view_enrollments", "view_participants"], {
      trialSiteId: org.trialSites[0]!.id,
    });
    const token = staff.token;
    const trialSite = gid.trialSite(org.trialSites[0]!.id);
    for (const result of [
      await server.request(TrialOnlyTotals, { id: gid.trial(org.trial.id) }, token),
      await server.request(TrialSiteTotals, { id: trialSite }, token),
      await server.request(TrialSitePayments, { id: trialSite }, token),
      await server.request(ParticipantPayments, { id: gid.participant(people.A.participant.id) }, token),
      await server.request(EnrollmentTotals, { id: gid.enrollment(people.A.enrollment.id) }, token),
      await server.request(EnrollmentPayments, { id: gid.enrollment(people.A.enrollment.id) }, token),
    ]) {
      expect(errorCode(result)).toBe("FORBIDDEN");
      expect(JSON.stringify(result.data)).not.toMatch(/"(amount|uid)"/);
    }
  });

  it("another client's staff find nothing: NOT_FOUND for each object, an empty list by filter", async () => {
    const elsewhere = await createOrganization(server);
    const staff = await staffWith(
      server,
      ["view_payments", "view_trials", "view_enrollments", "view_participants", "view_sites"],
      { clientId: elsewhere.client.id },
    );
    const token = staff.token;
    for (const result of [
      await server.request(TrialOnlyTotals, { id: gid.trial(org.trial.id) }, token),
      await server.request(TrialSiteTotals, { id: gid.trialSite(org.trialSites[0]!.id) }, token),
      await server.request(TrialSitePayments, { id: gid.trialSite(org.trialSites[0]!.id) }, token),
      await server.request(ParticipantPayments, { id: gid.participant(people.A.participant.id) }, token),
      await server.request(EnrollmentTotals, { id: gid.enrollment(people.A.enrollment.id) }, token),
      await server.request(EnrollmentPayments, { id: gid.enrollment(people.A.enrollment.id) }, token),
    ]) {
      expect(errorCode(result)).toBe("NOT_FOUND");
      expect(JSON.stringify(result.data ?? null)).not.toMatch(/"(amount|uid)"/);
    }
    const listed = ok(
      await server.request(RootPayments, { trialId: gid.trial(org.trial.id), first: 100 }, token),
    );
    expect(listed.payments).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("a participant reads their own payments and totals, and nobody else's", async () => {
    const { token } = people.A;
    const own = ok(
      await server.request(
        ParticipantPayments,
        { id: gid.participant(people.A.participant.id), first: 100 },
        token,
      ),
    ).participant.payments;
    expect(own.edges.map((e) => e.node.uid).sort()).toEqual([...ids.A, ...ids.A2].sort());
    expect(own.totalCount).toBe(5);
    const totals = ok(
      await server.request(EnrollmentTotals, { id: gid.enrollment(people.A.enrollment.id) }, token),
    );
    expect(totals.node).toEqual({
      paymentTotals: [{ count: 4, committed: { amount: { amount: "35.00" } } }],
    });
    // Trial and trial-site money is for staff; someone else's payments are not even there.
    for (const fields of [
      "trial { paymentTotals { count } }",
      "trialSite { paymentTotals { count } }",
      "trialSite { payments { totalCount } }",
    ]) {
      const result = await server.request(
        `query($id: ID!) { node(id: $id) { ... on Enrollment { ${fields} } } }`,
        { id: gid.enrollment(people.A.enrollment.id) },
        token,
      );
      expect(errorCode(result)).toBe("FORBIDDEN");
    }
    for (const result of [
      await server.request(ParticipantPayments, { id: gid.participant(people.B.participant.id) }, token),
      await server.request(EnrollmentTotals, { id: gid.enrollment(people.B.enrollment.id) }, token),
      await server.request(EnrollmentPayments, { id: gid.enrollment(people.B.enrollment.id) }, token),
    ]) {
      expect(errorCode(result)).toBe("NOT_FOUND");
    }
  });
});

describe("participants in order", () => {
  /** Participants enrolled in a trial of their own, with these names, registered a day apart in this order. */
  async function enrolAll(names: [string, string][]) {
    const [trial] = await server.db
      .insert(trials)
      .values({
        contractId: org.contract.id,
        name: "Order trial",
        protocolId: `PO-${randomBytes(4).toString("hex")}`,
      })
      .returning();
    const [trialSite] = await server.db
      .insert(trialSites)
      .values({ trialId: trial!.id, siteId: org.sites[0]!.id })
      .returning();
    for (const [i, [firstName, lastName]] of names.entries()) {
      const [user] = await server.db
        .insert(users)
        .values({
          email: `order-${randomBytes(4).toString("hex")}@example.com`,
          firstName,
          lastName,
          userType: "participant",
        })
        .returning();
      const [participant] = await server.db
        .insert(participants)
        .values({ userId: user!.id, homeSiteId: org.sites[0]!.id, createdAt: day(i + 1) })
        .returning();
      await server.db.insert(enrollments).values({
        participantId: participant!.id,
        trialSiteId: trialSite!.id,
        trialId: trial!.id,
        subjectId: `SO-${randomBytes(4).toString("hex")}`,
      });
    }
    return trial!.id;
  }

  it("page through by name (ignoring case) and by registration, each way, two at a time", async () => {
    const registered: [string, string][] = [
      ["Bob", "adams"],
      ["eve", "Zimmer"],
      ["carol", "Adams"],
      ["Dave", "baker"],
      ["alice", "Baker"],
    ];
    const trialId = gid.trial(await enrolAll(registered));
    const lastNames = async (orderBy: ParticipantOrder) => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: ParticipantsInOrderQuery["participants"] = ok(
          await server.request(ParticipantsInOrder, { trialId, first: 2, after, orderBy }, admin),
        ).participants;
        expect(page.totalCount).toBe(registered.length);
        seen.push(...page.edges.map((edge) => edge.node.lastName));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? null;
      }
      return seen;
    };
    // Equal last names but for case go by first name: adams (Bob) before Adams (carol), Baker (alice) before baker.
    expect(await lastNames("NAME_ASC")).toEqual(["adams", "Adams", "Baker", "baker", "Zimmer"]);
    expect(await lastNames("NAME_DESC")).toEqual(["Zimmer", "baker", "Baker", "Adams", "adams"]);
    expect(await lastNames("CREATED_AT_ASC")).toEqual(registered.map(([, last]) => last));
    expect(await lastNames("CREATED_AT_DESC")).toEqual(registered.map(([, last]) => last).reverse());
  });
});

describe("totalCount on every connection", () => {
  /**
   * Every connection of the API asked for with page arguments alone: the Query fields that take Relay's page
   * arguments and need no other (referralLog needs its trial: test/prescreening/metrics.test.ts counts it).
   */
  const CONNECTIONS = Object.values(buildPothosSchema().getQueryType()!.getFields())
    .filter((field) => ["first", "after"].every((arg) => field.args.some((a) => a.name === arg)))
    .filter((field) => !field.args.some((a) => isNonNullType(a.type)))
    .map((field) => field.name);

  beforeAll(async () => {
    // A message and a rating, so those lists hold something too.
    await server.db
      .insert(messages)
      .values({ enrollmentId: people.A.enrollment.id, senderUserId: people.A.user.id, body: "Hello" });
    await server.db
      .insert(visitRatings)
      .values({ paymentId: ids.A[0]!, enrollmentId: people.A.enrollment.id, rating: 7 });
    // An API access request, API credentials and one request of theirs, so the API access lists hold something.
    const system = { realUserId: null, userId: null };
    const request = await requestApiAccess(server.db, system, {
      clientId: org.client.id,
      useCase: "Dashboards",
      scopes: ["trials:read"],
    });
    const { apiClient } = await insertApiClient(server, org.client.id, { accessRequestId: request.id });
    await recordApiRequest(server.db, {
      apiClientId: apiClient.id,
      clientId: org.client.id,
      operationName: "Trials",
      documentHash: null,
      variables: {},
      ip: null,
      result: "ok",
      errorCodes: [],
      durationMs: 3,
    });
    // A webhook endpoint of those credentials, so webhookEndpoints holds something.
    await createWebhookEndpoint(server.db, system, server.config, {
      apiClientId: apiClient.id,
      url: "https://example.com/hooks",
      events: ["trial.status_changed"],
    });
    // A low-balance alert of a contract the admin watches, so their funding alerts hold one.
    await server.sql`
      INSERT INTO contract_funding_watchers (contract_id, user_id)
      SELECT ${org.contract.id}, id FROM users WHERE email = ${ADMIN_EMAIL}`;
    await server.sql`
      INSERT INTO funding_alerts (id, contract_id, remaining_minor, threshold_minor, currency)
      VALUES (${randomBytes(8).toString("hex")}, ${org.contract.id}, 100, 200, 'USD')`;
  });

  it.each(CONNECTIONS)("%s counts exactly the rows it lists", async (field) => {
    const result = await server.request<Record<string, PaymentPage & { edges: { cursor: string }[] }>>(
      `{ ${field}(first: 100) { totalCount pageInfo { hasNextPage } edges { cursor } } }`,
      {},
      admin,
    );
    const page = ok(result)[field]!;
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.edges.length).toBeGreaterThan(0);
    expect(page.totalCount).toBe(page.edges.length);
  });
});
