import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, milestones, milestoneVersions } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

/* A mileage payment names the visit travelled to, as payMilestone does: its milestone and/or appointment. */

const PayMileage = graphql(`
  mutation MileageVisitPay($input: PayMileageInput!) {
    payMileage(input: $input) { payment { id kind status milestoneName amount { amount } } }
  }
`);

let server: TestServer;
let org: Organization;
let staff: string; // travel_payment on trial site 0
let scheduleReader: string; // travel_payment on trial site 0, view_payment_schedule on trial site 1 too
let enrollment: string;
let ownLine: string;
let otherLine: string; // on trial site 1's schedule
let ownVisit: string;
let otherVisit: string; // an appointment of another enrollment, at trial site 1

async function insertLine(trialSiteIndex: number, name: string) {
  const [line] = await server.db
    .insert(milestones)
    .values({ trialSiteId: org.trialSites[trialSiteIndex]!.id, name })
    .returning();
  await server.db
    .insert(milestoneVersions)
    .values({ milestoneId: line!.id, amountMinor: 1_000n, currency: "USD", effectiveAt: new Date(0) });
  return line!.id;
}

async function insertVisit(enrollmentId: string, milestoneId: string) {
  const [visit] = await server.db
    .insert(appointments)
    .values({
      enrollmentId,
      milestoneId,
      scheduledAt: new Date(Date.now() - 3_600_000),
      timeZone: "America/New_York",
      status: "attended",
    })
    .returning();
  return visit!.id;
}

const pay = (input: Record<string, unknown>, token = staff) =>
  server.request(
    PayMileage,
    { input: { enrollmentId: enrollment, amount: { amount: "12.40", currency: "USD" }, ...input } },
    token,
  );

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, "Mileage");
  await server.sql`UPDATE contracts SET deposited_minor = 100000 WHERE id = ${org.contract.id}`;
  const trialSite0 = { trialSiteId: org.trialSites[0]!.id };
  staff = (await staffWith(server, ["travel_payment", "view_payments"], trialSite0)).token;
  const reader = await staffWith(server, ["travel_payment", "view_payments"], trialSite0);
  await grantPermissions(server, reader.uid, ["view_payment_schedule"], {
    trialSiteId: org.trialSites[1]!.id,
  });
  scheduleReader = reader.token;
  const mine = await createEnrolledParticipant(server, org, 0);
  const theirs = await createEnrolledParticipant(server, org, 1);
  enrollment = gid.enrollment(mine.enrollment.id);
  const ownLineId = await insertLine(0, "Week 2");
  const otherLineId = await insertLine(1, "Week 2");
  ownLine = gid.milestone(ownLineId);
  otherLine = gid.milestone(otherLineId);
  ownVisit = gid.appointment(await insertVisit(mine.enrollment.id, ownLineId));
  otherVisit = gid.appointment(await insertVisit(theirs.enrollment.id, otherLineId));
});
afterAll(() => server.close());

describe("payMileage names its visit", () => {
  it("pays travel to a milestone visit of the enrollment, named by milestone, by appointment or both", async () => {
    for (const input of [
      { milestoneId: ownLine },
      { appointmentId: ownVisit },
      { milestoneId: ownLine, appointmentId: ownVisit },
    ]) {
      const result = await pay(input);
      expect(result.errors).toBeUndefined();
      expect(result.data!.payMileage.payment).toMatchObject({
        kind: "MILEAGE",
        status: "UNCLAIMED",
        milestoneName: "Week 2",
        amount: { amount: "12.40" },
      });
    }
    const rows = await server.sql<{ visit_milestone_id: string; appointment_id: string | null }[]>`
      SELECT visit_milestone_id, appointment_id FROM payments WHERE kind = 'mileage' ORDER BY created_at, id`;
    const raw = (id: string) => Buffer.from(id, "base64url").toString().split(":")[1];
    expect(rows).toEqual([
      { visit_milestone_id: raw(ownLine), appointment_id: null },
      { visit_milestone_id: raw(ownLine), appointment_id: raw(ownVisit) },
      { visit_milestone_id: raw(ownLine), appointment_id: raw(ownVisit) },
    ]);
  });

  it("refuses another trial site's milestone or visit, and another type's id, with nothing written", async () => {
    const cases: [Record<string, unknown>, string, string, string?][] = [
      [{ milestoneId: otherLine }, staff, "NOT_FOUND"], // a schedule they may not see: as an id of nothing
      [{ milestoneId: otherLine }, scheduleReader, "BAD_USER_INPUT", "milestoneId"], // seen, but not this enrollment's
      [{ appointmentId: otherVisit }, staff, "NOT_FOUND"],
      [{ milestoneId: ownLine, appointmentId: otherVisit }, staff, "NOT_FOUND"],
      [{ milestoneId: enrollment }, staff, "BAD_USER_INPUT", "milestoneId"],
      [{ appointmentId: ownLine }, staff, "BAD_USER_INPUT", "appointmentId"],
    ];
    for (const [input, token, code, field] of cases) {
      const result = await expectNothingWritten(server, () => pay(input, token));
      expect(errorCode(result), JSON.stringify(input)).toBe(code);
      if (field) expect(result.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ field })]);
    }
  });
});
