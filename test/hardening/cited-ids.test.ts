import { afterAll, beforeAll, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { appointments } from "../../db/schema/index.js";
import { expectNothingWritten } from "../support/db.js";
import { globalId } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { oneOfEverything } from "./fuzz-fixtures.js";

/* Ids an input cites that no rule had checked: each must name an object, and the right one. */

let server: TestServer;
let token: string;
let setup: Awaited<ReturnType<typeof oneOfEverything>>;
beforeAll(async () => {
  server = await startTestServer();
  token = await server.loginAdmin();
  setup = await oneOfEverything(server);
});
afterAll(() => server.close());

const PayMilestone = `
  mutation($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }`;
const payFor = (appointmentId: string) =>
  server.request(
    PayMilestone,
    {
      input: {
        enrollmentId: globalId("Enrollment", setup.ids.Enrollment!),
        milestoneId: globalId("PaymentScheduleLine", setup.ids.PaymentScheduleLine!),
        appointmentId,
      },
    },
    token,
  );

it("a milestone payment citing a visit of nothing is NOT_FOUND, and one citing no visit id at all BAD_USER_INPUT; it pays nothing", async () => {
  const result = await expectNothingWritten(server, () => payFor(globalId("Appointment", newId())));
  expect(errorCode(result)).toBe("NOT_FOUND");
  for (const appointmentId of ["1", " ", "", newId(), globalId("Enrollment", setup.ids.Enrollment!)]) {
    const refused = await expectNothingWritten(server, () => payFor(appointmentId));
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: "appointmentId" }),
    ]);
  }
});

it("a milestone payment citing another enrollment's visit (which the admin sees) is BAD_USER_INPUT and pays nothing", async () => {
  const other = (await createEnrolledParticipant(server, setup.org, 0)).enrollment;
  const [visit] = await server.db
    .insert(appointments)
    .values({ enrollmentId: other.id, scheduledAt: new Date(), timeZone: "UTC", status: "attended" })
    .returning();
  const result = await expectNothingWritten(server, () => payFor(globalId("Appointment", visit!.id)));
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
  expect(result.errors?.[0]?.extensions?.fields).toEqual([
    expect.objectContaining({ field: "appointmentId" }),
  ]);
});

it("a milestone payment citing the enrollment's own visit is made", async () => {
  const result = await payFor(globalId("Appointment", setup.ids.Appointment!));
  expect(result.errors).toBeUndefined();
});

it("role permissions on a resource of nothing are NOT_FOUND and change nothing", async () => {
  const result = await expectNothingWritten(server, () =>
    server.request(
      `mutation($input: AddRolePermissionsInput!) { addRolePermissions(input: $input) { permissions } }`,
      {
        input: {
          resourceId: globalId("Trial", newId()),
          roleName: "Site Coordinator",
          permissions: ["VIEW_TRIALS"],
        },
      },
      token,
    ),
  );
  expect(errorCode(result)).toBe("NOT_FOUND");
});
