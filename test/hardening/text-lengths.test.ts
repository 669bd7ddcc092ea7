import { afterAll, beforeAll, expect, it } from "vitest";
import { expectNothingWritten } from "../support/db.js";
import { globalId } from "../support/organizations.js";
import { errorCode, type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";
import { oneOfEverything } from "./fuzz-fixtures.js";

/* Text the payments area keeps has a length limit: beyond it, BAD_USER_INPUT naming the field. */

let server: TestServer;
let token: string;
let setup: Awaited<ReturnType<typeof oneOfEverything>>;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.loginAdmin();
  setup = await oneOfEverything(server);
});
afterAll(() => server.close());

const enrollmentId = () => globalId("Enrollment", setup.ids.Enrollment!);
const usd = (amount: string) => ({ amount, currency: "USD" });

const payMileage = (note: string) =>
  server.request(
    `mutation($input: PayMileageInput!) { payMileage(input: $input) { payment { id } } }`,
    { input: { enrollmentId: enrollmentId(), amount: usd("1.00"), note } },
    token,
  );
const payMilestone = (note: string) =>
  server.request(
    `mutation($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }`,
    {
      input: {
        enrollmentId: enrollmentId(),
        milestoneId: globalId("PaymentScheduleLine", setup.ids.PaymentScheduleLine!),
        note,
      },
    },
    token,
  );
const requestReimbursement = (note: string) =>
  server.request(
    `mutation($input: RequestReimbursementInput!) { requestReimbursement(input: $input) { payment { id } } }`,
    { input: { enrollmentId: enrollmentId(), amount: usd("3.00"), category: "Parking", note } },
    token,
  );
const rejectPayment = (reason: string) =>
  server.request(
    `mutation($input: RejectPaymentInput!) { rejectPayment(input: $input) { payment { id } } }`,
    { input: { paymentId: globalId("Payment", setup.pendingPaymentId), reason } },
    token,
  );
const addMilestone = (name: string) =>
  server.request(
    `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { __typename } }`,
    {
      input: {
        trialId: globalId("Trial", setup.ids.Trial!),
        siteId: globalId("Site", setup.ids.Site!),
        name,
        amount: usd("5.00"),
      },
    },
    token,
  );

const fieldsOf = (result: GraphQLResponse<unknown>) =>
  (result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((p) => p.field);

it.each([
  { what: "payMileage's note", send: payMileage, max: 2000, field: "note" },
  { what: "payMilestone's note", send: payMilestone, max: 2000, field: "note" },
  { what: "requestReimbursement's note", send: requestReimbursement, max: 2000, field: "note" },
  { what: "rejectPayment's reason", send: rejectPayment, max: 2000, field: "reason" },
  { what: "addMilestone's name", send: addMilestone, max: 200, field: "name" },
])("$what holds at most $max characters", async ({ send, max, field }) => {
  for (const length of [max + 1, 100 * 1024]) {
    const result = await expectNothingWritten(server, () => send("n".repeat(length)));
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(fieldsOf(result)).toEqual([field]);
  }
  const result = await send("n".repeat(max));
  expect(result.errors).toBeUndefined();
});
