import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { insertPaypal, insertUnclaimedPayment } from "../payments/claim-fixtures.js";
import { staffWith } from "../support/accounts.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";

/*
 * A request that holds a transaction and then waits for a second pool connection (reading through ctx.db or a
 * per-request DataLoader instead of its transaction) hangs once as many such requests run as the pool has
 * connections: each holds one and waits for another. Here the pool has 2 connections and every write is sent 6
 * times at once; each must answer.
 */
const POOL = 1;
const AT_ONCE = 6;

const PayMilestone = graphql(`
  mutation PoolPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id status } } }
`);
const PayMileage = graphql(`
  mutation PoolPayMileage($input: PayMileageInput!) { payMileage(input: $input) { payment { id status } } }
`);
const Reimburse = graphql(`
  mutation PoolReimburse($input: RequestReimbursementInput!) {
    requestReimbursement(input: $input) { payment { id status } }
  }
`);
const Approve = graphql(`
  mutation PoolApprove($input: ApprovePaymentInput!) { approvePayment(input: $input) { payment { id status } } }
`);
const Claim = graphql(`
  mutation PoolClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { id status } } }
`);
const Send = graphql(`
  mutation PoolSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }
`);
const AddFunding = graphql(`
  mutation PoolAddFunding($input: AddFundingInput!) { addFunding(input: $input) { contract { id } } }
`);
const AddParticipant = graphql(`
  mutation PoolAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }
`);
const Enroll = graphql(`
  mutation PoolEnroll($input: EnrollInput!) { enroll(input: $input) { enrollment { id } } }
`);
const Schedule = graphql(`
  mutation PoolSchedule($input: ScheduleAppointmentInput!) {
    scheduleAppointment(input: $input) { appointment { id } }
  }
`);
const AddMilestone = graphql(`
  mutation PoolAddMilestone($input: AddMilestoneInput!) { addMilestone(input: $input) { milestone { id } } }
`);

const STAFF = [
  "add_milestone",
  "milestone_payment",
  "travel_payment",
  "manual_payment",
  "approve_payments",
  "view_payments",
  "view_participants",
  "view_enrollments",
  "messaging",
  "create_appointment",
  "add_participant",
  "enroll",
];
const PDF = Buffer.from("%PDF-1.4\n%receipt\n").toString("base64");

let server: TestServer;
let org: Organization;
let staff: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({}, { poolSize: POOL });
  org = await createOrganization(server);
  await server.sql`UPDATE contracts SET deposited_minor = 100000000 WHERE id = ${org.contract.id}`;
  await server.sql`UPDATE trials SET status = 'live' WHERE id = ${org.trial.id}`;
  staff = (await staffWith(server, STAFF, { trialSiteId: org.trialSites[0]!.id })).token;
  admin = await server.loginAdmin();
});
afterAll(() => server.close());

/** Sends every request at once; each must answer within the limit, with no error. */
async function allAnswer<T>(what: string, requests: (() => Promise<GraphQLResponse<T>>)[]) {
  const hung = Symbol("hung");
  const answers = await Promise.all(
    requests.map((send) => Promise.race([send(), sleep(20_000, hung, { ref: false })])),
  );
  expect(answers.filter((answer) => answer === hung).length, `${what}: requests left hanging`).toBe(0);
  for (const answer of answers as GraphQLResponse<T>[]) expect(answer.errors, what).toBeUndefined();
  return answers as GraphQLResponse<T>[];
}

const times = <T>(make: (i: number) => T) => Array.from({ length: AT_ONCE }, (_, i) => make(i));
const usd = (amount: string) => ({ amount, currency: "USD" });

describe(`every write answers with ${AT_ONCE} at once on a pool of ${POOL}`, () => {
  it("milestone, mileage and reimbursement payments, approvals and claims", async () => {
    const milestone = await server.request(
      AddMilestone,
      {
        input: {
          trialId: gid.trial(org.trial.id),
          siteId: gid.site(org.sites[0]!.id),
          name: "Pool visit",
          amount: usd("5.00"),
        },
      },
      staff,
    );
    expect(milestone.errors).toBeUndefined();
    const people = await Promise.all(times(() => createEnrolledParticipant(server, org)));
    const enrollment = (i: number) => gid.enrollment(people[i]!.enrollment.id);

    await allAnswer(
      "payMilestone",
      times(
        (i) => () =>
          server.request(
            PayMilestone,
            {
              input: { enrollmentId: enrollment(i), milestoneId: milestone.data!.addMilestone.milestone.id },
            },
            staff,
          ),
      ),
    );
    await allAnswer(
      "payMileage",
      times(
        (i) => () =>
          server.request(PayMileage, { input: { enrollmentId: enrollment(i), amount: usd("1.50") } }, staff),
      ),
    );
    const reimbursed = await allAnswer(
      "requestReimbursement",
      times(
        (i) => () =>
          server.request(
            Reimburse,
            {
              input: {
                enrollmentId: enrollment(i),
                amount: usd("3.00"),
                category: "Parking",
                attachments: [{ filename: "receipt.pdf", dataBase64: PDF }],
              },
            },
            people[i]!.token,
          ),
      ),
    );
    await allAnswer(
      "approvePayment",
      reimbursed.map(
        (answer) => () =>
          server.request(
            Approve,
            { input: { paymentId: answer.data!.requestReimbursement.payment.id } },
            staff,
          ),
      ),
    );
    for (const person of people) {
      await insertPaypal(server, person.enrollment.id);
      await insertUnclaimedPayment(server, org, person.enrollment.id);
    }
    await allAnswer(
      "claimPayments",
      times(
        (i) => () =>
          server.request(
            Claim,
            { input: { participantId: gid.participant(people[i]!.participant.id) } },
            people[i]!.token,
          ),
      ),
    );
    await allAnswer(
      "addFunding",
      times(
        () => () =>
          server.request(
            AddFunding,
            { input: { contractId: gid.contract(org.contract.id), amount: usd("10.00") } },
            admin,
          ),
      ),
    );
  });

  it("registering, enrolling, messaging and scheduling", async () => {
    const added = await allAnswer(
      "addParticipant",
      times(
        (i) => () =>
          server.request(
            AddParticipant,
            {
              input: {
                siteId: gid.site(org.sites[0]!.id),
                trialId: gid.trial(org.trial.id),
                email: `pool-${i}-${Date.now()}@example.com`,
                firstName: "Pool",
                lastName: `Person ${i}`,
              },
            },
            staff,
          ),
      ),
    );
    const enrolled = await allAnswer(
      "enroll",
      added.map(
        (answer, i) => () =>
          server.request(
            Enroll,
            {
              input: {
                participantId: answer.data!.addParticipant.participant.id,
                siteId: gid.site(org.sites[0]!.id),
                trialId: gid.trial(org.trial.id),
                subjectId: `POOL-${Date.now()}-${i}`,
              },
            },
            staff,
          ),
      ),
    );
    const enrollmentIds = enrolled.map((answer) => answer.data!.enroll.enrollment.id);
    await allAnswer(
      "sendMessage",
      enrollmentIds.map(
        (enrollmentId) => () =>
          server.request(Send, { input: { enrollmentId, body: "See you Tuesday" } }, staff),
      ),
    );
    await allAnswer(
      "scheduleAppointment",
      enrollmentIds.map(
        (enrollmentId) => () =>
          server.request(Schedule, { input: { enrollmentId, time: "2099-05-01T10:00:00" } }, staff),
      ),
    );
  });
});
