import { afterAll, beforeAll, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { insertPaypal, insertUnclaimedPayment, paymentRow, payoutJobs } from "./claim-fixtures.js";

const Claim = graphql(`
  mutation ClaimRefusalsClaim($input: ClaimPaymentsInput!) {
    claimPayments(input: $input) { claimed { id } refused { paymentId code reason } }
  }
`);

let server: TestServer;
let org: Organization;

beforeAll(async () => {
  // No worker: a claimed payment stays CLAIMED.
  server = await startTestServer();
  org = await createOrganization(server);
});
afterAll(() => server.close());

it("gives each refused payment a stable code beside its reason, and changes nothing", async () => {
  const p = await createEnrolledParticipant(server, org);
  const { payment } = await insertUnclaimedPayment(server, org, p.enrollment.id);
  const input = { participantId: gid.participant(p.participant.id), paymentIds: [gid.payment(payment.id)] };

  // No payout method yet: refused as NO_PAYOUT_METHOD, the payment left unclaimed and no payout queued.
  const noMethod = await expectNothingWritten(server, () => server.request(Claim, { input }, p.token));
  expect(noMethod.errors).toBeUndefined();
  expect(noMethod.data?.claimPayments).toEqual({
    claimed: [],
    refused: [
      {
        paymentId: gid.payment(payment.id),
        code: "NO_PAYOUT_METHOD",
        reason: expect.stringMatching(/payout method/),
      },
    ],
  });
  expect((await paymentRow(server, payment.id)).status).toBe("unclaimed");
  expect(await payoutJobs(server, payment.id)).toEqual([]);

  // With a payout method it is claimed; claiming it again is refused as NOT_UNCLAIMED, with no second payout.
  await insertPaypal(server, p.enrollment.id);
  const first = await server.request(Claim, { input }, p.token);
  expect(first.data?.claimPayments.claimed).toEqual([{ id: gid.payment(payment.id) }]);
  const again = await expectNothingWritten(server, () => server.request(Claim, { input }, p.token));
  expect(again.data?.claimPayments).toEqual({
    claimed: [],
    refused: [
      { paymentId: gid.payment(payment.id), code: "NOT_UNCLAIMED", reason: expect.stringMatching(/claimed/) },
    ],
  });
  expect(await payoutJobs(server, payment.id)).toHaveLength(1);
});
