import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appointments,
  caregivers,
  milestones,
  milestoneVersions,
  participants,
  trials,
  users,
} from "../../db/schema/index.js";
import { insertPaypal, insertUnclaimedPayment } from "../payments/claim-fixtures.js";
import { registerUser, staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import {
  createOrganization,
  globalId,
  grantPermissions,
  type Organization,
} from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";
import { insertSite } from "../support/trials.js";

/*
 * Every mutation whose input holds more than one id, with each id that is not the one its rule decides on replaced
 * by (a) an object of the same client that belongs elsewhere, (b) another client's object and (c) an id of another
 * type. README, Access: what the caller may not see answers NOT_FOUND, as an id naming nothing; what they see but
 * belongs elsewhere, or is of another type, answers BAD_USER_INPUT naming the field. Nothing is ever written.
 */

type Expected = { code: "NOT_FOUND"; what: string } | { code: "BAD_USER_INPUT"; field: string };
const notFound = (what: string): Expected => ({ code: "NOT_FOUND", what });
const badInput = (field: string): Expected => ({ code: "BAD_USER_INPUT", field });

interface Foreign {
  /** What replaces the valid input's value of `field`: "(a) …", "(b) …" or "(c) …". */
  label: string;
  field: string;
  value: () => unknown;
  expected: Expected;
  /** Another caller than the case's. */
  caller?: () => string;
}

interface Case {
  mutation: string;
  inputType: string;
  caller: () => string;
  /** An input the caller may send (sent last, to show the refusals were the foreign ids'). */
  valid: () => Record<string, unknown>;
  foreign: Foreign[];
}

const send = (c: Case, input: Record<string, unknown>, token: string) =>
  server.request(
    `mutation($input: ${c.inputType}!) { ${c.mutation}(input: $input) { __typename } }`,
    { input },
    token,
  );

function expectRefused(result: GraphQLResponse<unknown>, expected: Expected, label: string) {
  const [error] = result.errors ?? [];
  expect(error?.extensions?.code, label).toBe(expected.code);
  if (expected.code === "NOT_FOUND") expect(error?.message, label).toBe(`${expected.what} was not found.`);
  else
    expect(error?.extensions?.fields, label).toContainEqual(
      expect.objectContaining({ field: expected.field }),
    );
  expect(result.data ?? null, label).toBeNull();
}

const SITE_COORDINATOR = [
  "add_participant",
  "create_appointment",
  "enroll",
  "manual_payment",
  "milestone_payment",
  "set_enrollment_status",
  "set_payment_type",
  "travel_payment",
  "update_participant",
  "view_candidates",
  "view_enrollments",
  "view_participants",
  "view_payment_schedule",
  "view_payments",
  "view_trials",
];

let server: TestServer;
let a: Organization;
let b: Organization;
let staff: string; // client A's staff: every permission needed here, on the whole client
let granter: string; // Site Coordinator's permissions, grant and assign_role on A's site 0
let siteStaff: string; // Site Coordinator's permissions on A's trial site 0 only
let fixtures: Awaited<ReturnType<typeof setUp>>;

const id = {
  trial: (uid: string) => globalId("Trial", uid),
  site: (uid: string) => globalId("Site", uid),
  client: (uid: string) => globalId("Client", uid),
  participant: (uid: string) => globalId("Participant", uid),
  enrollment: (uid: string) => globalId("Enrollment", uid),
  payment: (uid: string) => globalId("Payment", uid),
  milestone: (uid: string) => globalId("PaymentScheduleLine", uid),
  appointment: (uid: string) => globalId("Appointment", uid),
};

async function milestoneAt(trialSiteId: string) {
  const [milestone] = await server.db
    .insert(milestones)
    .values({ trialSiteId, name: `Visit ${randomBytes(3).toString("hex")}` })
    .returning();
  await server.db
    .insert(milestoneVersions)
    .values({ milestoneId: milestone!.id, amountMinor: 5_000n, currency: "USD" });
  return milestone!;
}

async function visitOf(enrollmentId: string, milestoneId: string | null = null) {
  const [visit] = await server.db
    .insert(appointments)
    .values({
      enrollmentId,
      milestoneId,
      scheduledAt: new Date(Date.now() - 86_400_000),
      timeZone: "America/New_York",
      status: "attended",
    })
    .returning();
  return visit!;
}

/** A participant registered at A's site 0 and enrolled nowhere. */
async function unenrolledParticipant() {
  const [user] = await server.db
    .insert(users)
    .values({
      email: `new-${randomBytes(4).toString("hex")}@example.com`,
      firstName: "Nia",
      lastName: "Ewly",
      userType: "participant",
    })
    .returning();
  const [participant] = await server.db
    .insert(participants)
    .values({ userId: user!.id, homeSiteId: a.sites[0]!.id })
    .returning();
  return participant!;
}

async function setUp() {
  for (const org of [a, b]) {
    await server.db.update(trials).set({ status: "live" }).where(eq(trials.id, org.trial.id));
    await server.sql`UPDATE contracts SET deposited_minor = 10000000 WHERE id = ${org.contract.id}`;
  }
  // Client A: two participants at trial site 0 (one caregiver for both), one at trial site 1. Client B: one.
  const mine = await createEnrolledParticipant(server, a, 0);
  const neighbour = await createEnrolledParticipant(server, a, 0);
  const carer = await createCaregiver(server, mine.participant.id);
  await server.db
    .insert(caregivers)
    .values({ userId: carer.user.id, participantId: neighbour.participant.id, relationship: "guardian" });
  const theirs = await createEnrolledParticipant(server, b, 0);
  const milestone = {
    mine: await milestoneAt(a.trialSites[0]!.id),
    otherSite: await milestoneAt(a.trialSites[1]!.id),
    theirs: await milestoneAt(b.trialSites[0]!.id),
  };
  const visit = {
    mine: await visitOf(mine.enrollment.id, milestone.mine.id),
    neighbour: await visitOf(neighbour.enrollment.id),
    theirs: await visitOf(theirs.enrollment.id),
  };
  for (const p of [mine, neighbour, theirs]) await insertPaypal(server, p.enrollment.id);
  const payment = {
    mine: (await insertUnclaimedPayment(server, a, mine.enrollment.id)).payment,
    neighbour: (await insertUnclaimedPayment(server, a, neighbour.enrollment.id)).payment,
    theirs: (await insertUnclaimedPayment(server, b, theirs.enrollment.id)).payment,
  };
  // Staff: one who works beside the granter at A's site 0, one at A's site 1 only, one at client B only.
  const colleague = await staffWith(server, ["view_trials"], { siteId: a.sites[0]!.id });
  const otherSite = await staffWith(server, ["view_trials"], { siteId: a.sites[1]!.id });
  const otherClient = await staffWith(server, ["view_trials", "enroll"], { clientId: b.client.id });
  return {
    mine,
    neighbour,
    carer,
    theirs,
    milestone,
    visit,
    payment,
    colleague,
    otherSite,
    otherClient,
    spare: await insertSite(server, a.client.id, "Spare clinic"),
    joiner: await insertSite(server, a.client.id, "Joining clinic"),
    fresh: await unenrolledParticipant(),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  a = await createOrganization(server, "Tenant A");
  b = await createOrganization(server, "Tenant B");
  staff = (
    await staffWith(
      server,
      [...SITE_COORDINATOR, "add_milestone", "bulk_email", "add_trial_site", "create_site", "view_sites"],
      { clientId: a.client.id },
    )
  ).token;
  granter = (
    await staffWith(server, [...SITE_COORDINATOR, "grant", "assign_role"], { siteId: a.sites[0]!.id })
  ).token;
  siteStaff = (await staffWith(server, SITE_COORDINATOR, { trialSiteId: a.trialSites[0]!.id })).token;
  fixtures = await setUp();
});
afterAll(() => server.close());

/** The (a), (b), (c) replacements of a trial site's siteId, for a caller who sees the whole of client A. */
const foreignSite = (): Foreign[] => [
  {
    label: "(a) a site of the client not in the trial",
    field: "siteId",
    value: () => id.site(fixtures.spare.id),
    expected: badInput("siteId"),
  },
  {
    label: "(b) another client's site",
    field: "siteId",
    value: () => id.site(b.sites[0]!.id),
    expected: notFound("Site"),
  },
  {
    label: "(c) a trial's id",
    field: "siteId",
    value: () => id.trial(a.trial.id),
    expected: badInput("siteId"),
  },
];
const foreignTrial = (field = "trialId"): Foreign[] => [
  {
    label: "(b) another client's trial",
    field,
    value: () => id.trial(b.trial.id),
    expected: notFound("Trial"),
  },
  { label: "(c) a site's id", field, value: () => id.site(a.sites[0]!.id), expected: badInput(field) },
];
/** The (a), (b), (c) replacements of a user the granter names. */
const foreignUser = (field: string): Foreign[] => [
  {
    label: "(a) staff of the client's other site only",
    field,
    value: () => fixtures.otherSite.id,
    expected: notFound("User"),
  },
  {
    label: "(b) another client's staff",
    field,
    value: () => fixtures.otherClient.id,
    expected: notFound("User"),
  },
  { label: "(c) a site's id", field, value: () => id.site(a.sites[0]!.id), expected: badInput(field) },
];
const foreignResource = (): Foreign[] => [
  {
    label: "(b) another client's site",
    field: "resourceId",
    value: () => id.site(b.sites[0]!.id),
    expected: notFound("Site"),
  },
  {
    label: "(c) a user's id",
    field: "resourceId",
    value: () => fixtures.colleague.id,
    expected: badInput("resourceId"),
  },
];
const grantInput = () => ({
  userId: fixtures.colleague.id,
  resourceId: id.site(a.sites[0]!.id),
  permissions: ["VIEW_ENROLLMENTS"],
});

const CASES: Case[] = [
  {
    mutation: "payMilestone",
    inputType: "PayMilestoneInput",
    caller: () => staff,
    valid: () => ({
      enrollmentId: id.enrollment(fixtures.mine.enrollment.id),
      milestoneId: id.milestone(fixtures.milestone.mine.id),
      appointmentId: id.appointment(fixtures.visit.mine.id),
    }),
    foreign: [
      {
        label: "(a) a milestone of the client's other trial site",
        field: "milestoneId",
        value: () => id.milestone(fixtures.milestone.otherSite.id),
        expected: badInput("milestoneId"),
      },
      {
        label: "(a) the same, for staff of trial site 0 only, who do not see it",
        field: "milestoneId",
        value: () => id.milestone(fixtures.milestone.otherSite.id),
        expected: notFound("Milestone"),
        caller: () => siteStaff,
      },
      {
        label: "(b) another client's milestone",
        field: "milestoneId",
        value: () => id.milestone(fixtures.milestone.theirs.id),
        expected: notFound("Milestone"),
      },
      {
        label: "(c) an appointment's id",
        field: "milestoneId",
        value: () => id.appointment(fixtures.visit.mine.id),
        expected: badInput("milestoneId"),
      },
      {
        label: "(a) a visit of another enrollment",
        field: "appointmentId",
        value: () => id.appointment(fixtures.visit.neighbour.id),
        expected: badInput("appointmentId"),
      },
      {
        label: "(b) another client's visit",
        field: "appointmentId",
        value: () => id.appointment(fixtures.visit.theirs.id),
        expected: notFound("Appointment"),
      },
      {
        label: "(c) the visit's raw uid",
        field: "appointmentId",
        value: () => fixtures.visit.mine.id,
        expected: badInput("appointmentId"),
      },
    ],
  },
  {
    mutation: "claimPayments",
    inputType: "ClaimPaymentsInput",
    caller: () => fixtures.carer.token,
    valid: () => ({
      participantId: id.participant(fixtures.mine.participant.id),
      paymentIds: [id.payment(fixtures.payment.mine.id)],
    }),
    foreign: [
      {
        label: "(a) another participant's payment, by their caregiver, who sees it",
        field: "paymentIds",
        value: () => [id.payment(fixtures.payment.neighbour.id)],
        expected: badInput("paymentIds"),
      },
      {
        label: "(a) another participant's payment, by the participant, who does not",
        field: "paymentIds",
        value: () => [id.payment(fixtures.payment.mine.id), id.payment(fixtures.payment.neighbour.id)],
        expected: notFound("Payment"),
        caller: () => fixtures.mine.token,
      },
      {
        label: "(b) another client's payment",
        field: "paymentIds",
        value: () => [id.payment(fixtures.payment.theirs.id)],
        expected: notFound("Payment"),
      },
      {
        label: "(c) a trial's id",
        field: "paymentIds",
        value: () => [id.trial(a.trial.id)],
        expected: badInput("paymentIds"),
      },
    ],
  },
  {
    mutation: "addMilestone",
    inputType: "AddMilestoneInput",
    caller: () => staff,
    valid: () => ({
      trialId: id.trial(a.trial.id),
      siteId: id.site(a.sites[0]!.id),
      name: "Week 9",
      amount: { amount: "25.00", currency: "USD" },
    }),
    foreign: [...foreignSite(), ...foreignTrial()],
  },
  {
    mutation: "enroll",
    inputType: "EnrollInput",
    caller: () => staff,
    valid: () => ({
      participantId: id.participant(fixtures.fresh.id),
      trialId: id.trial(a.trial.id),
      siteId: id.site(a.sites[0]!.id),
      subjectId: "S-FRESH",
    }),
    foreign: [
      ...foreignSite(),
      ...foreignTrial(),
      {
        label: "(b) another client's participant",
        field: "participantId",
        value: () => id.participant(fixtures.theirs.participant.id),
        expected: notFound("Participant"),
      },
      {
        label: "(c) an enrollment's id",
        field: "participantId",
        value: () => id.enrollment(fixtures.mine.enrollment.id),
        expected: badInput("participantId"),
      },
    ],
  },
  {
    mutation: "bulkEmail",
    inputType: "BulkEmailInput",
    caller: () => staff,
    valid: () => ({
      trialId: id.trial(a.trial.id),
      siteId: id.site(a.sites[0]!.id),
      subject: "Hello",
      body: "See you.",
    }),
    foreign: [...foreignSite(), ...foreignTrial()],
  },
  {
    mutation: "scheduleAppointment",
    inputType: "ScheduleAppointmentInput",
    caller: () => staff,
    valid: () => ({
      enrollmentId: id.enrollment(fixtures.mine.enrollment.id),
      participantId: id.participant(fixtures.mine.participant.id),
      time: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    }),
    foreign: [
      {
        label: "(a) another participant of the trial site",
        field: "participantId",
        value: () => id.participant(fixtures.neighbour.participant.id),
        expected: badInput("participantId"),
      },
      {
        label: "(b) another client's participant",
        field: "participantId",
        value: () => id.participant(fixtures.theirs.participant.id),
        expected: notFound("Participant"),
      },
      {
        label: "(c) an enrollment's id",
        field: "participantId",
        value: () => id.enrollment(fixtures.mine.enrollment.id),
        expected: badInput("participantId"),
      },
    ],
  },
  {
    mutation: "addTrialSite",
    inputType: "AddTrialSiteInput",
    caller: () => staff,
    valid: () => ({ trialId: id.trial(a.trial.id), siteId: id.site(fixtures.joiner.id) }),
    // A site of the same client joining the trial is what the mutation is for: no (a).
    foreign: [...foreignSite().slice(1), ...foreignTrial()],
  },
  {
    mutation: "createSite",
    inputType: "CreateSiteInput",
    caller: () => staff,
    valid: () => ({ clientId: id.client(a.client.id), trialId: id.trial(a.trial.id), name: "New clinic" }),
    foreign: foreignTrial(),
  },
  {
    mutation: "grantPermissions",
    inputType: "PermissionsChangeInput",
    caller: () => granter,
    valid: grantInput,
    foreign: [...foreignUser("userId"), ...foreignResource()],
  },
  {
    mutation: "revokePermissions",
    inputType: "PermissionsChangeInput",
    caller: () => granter,
    valid: grantInput,
    foreign: [...foreignUser("userId"), ...foreignResource()],
  },
  {
    mutation: "assignRole",
    inputType: "AssignRoleInput",
    caller: () => granter,
    valid: () => ({
      userId: fixtures.colleague.id,
      roleName: "Site Coordinator",
      resourceId: id.site(a.sites[0]!.id),
    }),
    foreign: [...foreignUser("userId"), ...foreignResource()],
  },
  {
    mutation: "copyPermissions",
    inputType: "CopyPermissionsInput",
    caller: () => granter,
    valid: () => ({ fromUserId: fixtures.colleague.id, toUserId: fixtures.colleague.id }),
    foreign: [...foreignUser("fromUserId"), ...foreignUser("toUserId")],
  },
];

describe("ids inside an input belong to the resource the rule decided on", () => {
  it.each(CASES.map((c) => [c.mutation, c] as const))("%s", async (_name, c) => {
    for (const foreign of c.foreign) {
      const input = { ...c.valid(), [foreign.field]: foreign.value() };
      const token = (foreign.caller ?? c.caller)();
      const result = await expectNothingWritten(server, () => send(c, input, token));
      expectRefused(result, foreign.expected, `${foreign.field}: ${foreign.label}`);
    }
    const accepted = await send(c, c.valid(), c.caller());
    expect(accepted.errors).toBeUndefined();
  });
});

describe("reads naming a trial site by a trial and a site", () => {
  const reads = [
    [
      "paymentSchedule",
      "query($trialId: ID!, $siteId: ID!) { paymentSchedule(trialId: $trialId, siteId: $siteId) { name } }",
    ],
    [
      "enrolled",
      "query($trialId: ID!, $siteId: ID!) { enrolled(trialId: $trialId, siteId: $siteId) { id } }",
    ],
  ] as const;
  it.each(reads)("%s", async (_name, query) => {
    for (const foreign of [...foreignSite(), ...foreignTrial()]) {
      const variables = {
        trialId: id.trial(a.trial.id),
        siteId: id.site(a.sites[0]!.id),
        [foreign.field]: foreign.value(),
      };
      expectRefused(await server.request(query, variables, staff), foreign.expected, foreign.label);
    }
    const accepted = await server.request(
      query,
      { trialId: id.trial(a.trial.id), siteId: id.site(a.sites[0]!.id) },
      staff,
    );
    expect(accepted.errors).toBeUndefined();
  });
});

describe("copyPermissions tells nothing of grants the caller may not see", () => {
  const COPY = `mutation($input: CopyPermissionsInput!) { copyPermissions(input: $input) { copied refused message } }`;

  it("a participant and another client's admin cannot name a user of client A, not even to count their grants", async () => {
    const admin = await staffWith(server, ["grant", "assign_role", "enroll", "view_trials"], {
      clientId: b.client.id,
    });
    const target = await registerUser(server);
    await grantPermissions(server, target.uid, ["view_trials"], { clientId: b.client.id });
    const granterOfA = fixtures.colleague.id;
    for (const token of [fixtures.mine.token, admin.token]) {
      const result = await expectNothingWritten(server, () =>
        server.request(COPY, { input: { fromUserId: granterOfA, toUserId: target.id } }, token),
      );
      expectRefused(result, notFound("User"), "fromUserId");
    }
  });

  it("counts and copies only the grants on resources where the caller holds grant", async () => {
    const admin = await staffWith(server, ["grant", "enroll", "view_trials"], { clientId: b.client.id });
    const both = await registerUser(server); // works for both clients
    await grantPermissions(server, both.uid, ["enroll", "view_trials", "approve_payments"], {
      clientId: a.client.id,
    });
    await grantPermissions(server, both.uid, ["enroll", "approve_payments"], { trialId: b.trial.id });
    const target = await registerUser(server);
    const result = await server.request(
      COPY,
      { input: { fromUserId: both.id, toUserId: target.id } },
      admin.token,
    );
    expect(result.data).toEqual({
      copyPermissions: { copied: 1, refused: 1, message: "1 of 2 permissions copied successfully" },
    });
    const copied =
      await server.sql`SELECT permission_name, trial_id FROM grants WHERE user_id = ${target.uid}`;
    expect(copied.map((g) => ({ ...g }))).toEqual([{ permission_name: "enroll", trial_id: b.trial.id }]);
  });
});
