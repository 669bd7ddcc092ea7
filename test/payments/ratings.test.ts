import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { milestones, payments, visitRatings } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertUnclaimedPayment } from "./claim-fixtures.js";

let server: TestServer;
let org: Organization;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
});
afterAll(() => server.close());

const Rateable = graphql(`query RatingsRateable { rateableVisits { uid status milestoneName } }`);
const Rate = graphql(`
  mutation RatingsRate($input: RateVisitInput!) { rateVisit(input: $input) { rating { uid rating note milestone } } }
`);
const Ratings = graphql(`
  query RatingsReport($trialId: ID, $participantId: ID, $startDate: Date, $endDate: Date) {
    ratings(trialId: $trialId, participantId: $participantId, startDate: $startDate, endDate: $endDate) {
      edges { node { uid enrollmentId milestone rating note completedVisits totalVisits } }
    }
  }
`);

/** Setup: a milestone payment of the enrollment in `status` (claimed by default). */
async function visitPayment(
  o: Organization,
  enrollmentId: string,
  status: "claimed" | "paid" | "unclaimed" = "claimed",
) {
  const { payment, milestone } = await insertUnclaimedPayment(server, o, enrollmentId);
  if (status !== "unclaimed")
    await server.db.update(payments).set({ status }).where(eq(payments.id, payment.id));
  return { payment, milestone };
}

const rate = (
  paymentId: string,
  rating: number,
  token: string | null,
  note: string | null = "Great visit!",
) => server.request(Rate, { input: { paymentId: gid.payment(paymentId), rating, note } }, token);

describe("rateableVisits and rateVisit", () => {
  it("lists the viewer's claimed or paid visits not yet rated; rates once, then CONFLICT", async () => {
    const p = await createEnrolledParticipant(server, org);
    const claimed = await visitPayment(org, p.enrollment.id, "claimed");
    const paid = await visitPayment(org, p.enrollment.id, "paid");
    await visitPayment(org, p.enrollment.id, "unclaimed");
    const other = await createEnrolledParticipant(server, org);
    await visitPayment(org, other.enrollment.id, "claimed");

    const listed = await server.request(Rateable, {}, p.token);
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.rateableVisits.map((v) => v.uid)).toEqual([claimed.payment.id, paid.payment.id]);

    const rated = await rate(claimed.payment.id, 9, p.token);
    expect(rated.errors).toBeUndefined();
    expect(rated.data?.rateVisit.rating).toMatchObject({
      rating: 9,
      note: "Great visit!",
      milestone: claimed.milestone.name,
    });
    const afterRating = await server.request(Rateable, {}, p.token);
    expect(afterRating.data?.rateableVisits.map((v) => v.uid)).toEqual([paid.payment.id]);

    const second = await expectNothingWritten(server, () => rate(claimed.payment.id, 3, p.token));
    expect(errorCode(second)).toBe("CONFLICT");
  });

  it("a caregiver rates for the participant; concurrent ratings of one visit keep one", async () => {
    const p = await createEnrolledParticipant(server, org);
    const caregiver = await createCaregiver(server, p.participant.id);
    const { payment } = await visitPayment(org, p.enrollment.id, "paid");
    const caregiverList = await server.request(Rateable, {}, caregiver.token);
    expect(caregiverList.data?.rateableVisits.map((v) => v.uid)).toEqual([payment.id]);
    const results = await Promise.all([rate(payment.id, 8, caregiver.token), rate(payment.id, 7, p.token)]);
    expect(results.map((r) => (r.errors ? errorCode(r) : "OK")).sort()).toEqual(["CONFLICT", "OK"]);
    expect(
      await server.db.select().from(visitRatings).where(eq(visitRatings.paymentId, payment.id)),
    ).toHaveLength(1);
  });

  it("refuses out-of-range ratings, unrated statuses, other people's visits and staff, writing nothing", async () => {
    const p = await createEnrolledParticipant(server, org);
    const { payment } = await visitPayment(org, p.enrollment.id);
    const unclaimed = await visitPayment(org, p.enrollment.id, "unclaimed");
    const other = await createEnrolledParticipant(server, org);
    const staff = await staffWith(server, ["view_participants", "view_payments", "view_reports"], {
      trialSiteId: org.trialSites[0]!.id,
    });
    for (const [paymentId, rating, token, code] of [
      [payment.id, 0, p.token, "BAD_USER_INPUT"],
      [payment.id, 11, p.token, "BAD_USER_INPUT"],
      [payment.id, 4.5, p.token, "BAD_USER_INPUT"],
      [unclaimed.payment.id, 5, p.token, "BAD_USER_INPUT"],
      [payment.id, 5, other.token, "NOT_FOUND"],
      [payment.id, 5, staff.token, "FORBIDDEN"],
      [payment.id, 5, null, "UNAUTHENTICATED"],
      [newId(), 5, p.token, "NOT_FOUND"],
    ] as const) {
      const result = await expectNothingWritten(server, () => rate(paymentId, rating, token));
      expect(errorCode(result), `${rating} ${code}`).toBe(code);
    }
  });
});

describe("ratings report", () => {
  it("lists ratings with each enrollment's completed and total visits, filtered, to staff with view_reports", async () => {
    const o = await createOrganization(server);
    const a = await createEnrolledParticipant(server, o);
    const b = await createEnrolledParticipant(server, o);
    const first = await visitPayment(o, a.enrollment.id, "paid");
    await visitPayment(o, a.enrollment.id, "unclaimed"); // owed: a completed visit, not yet rateable
    const bVisit = await visitPayment(o, b.enrollment.id, "claimed");
    await server.db.insert(milestones).values({ trialSiteId: o.trialSites[0]!.id, name: "Final visit" });
    // Milestones at site 0: three with payments plus "Final visit" = 4 visits for everyone enrolled there.
    expect((await rate(first.payment.id, 9, a.token)).errors).toBeUndefined();
    expect((await rate(bVisit.payment.id, 4, b.token, null)).errors).toBeUndefined();

    const reporter = await staffWith(server, ["view_reports"], { trialId: o.trial.id });
    const all = await server.request(Ratings, { trialId: gid.trial(o.trial.id) }, reporter.token);
    expect(all.errors).toBeUndefined();
    expect(all.data?.ratings.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        enrollmentId: gid.enrollment(b.enrollment.id),
        rating: 4,
        note: null,
        completedVisits: 1,
        totalVisits: 4,
      }),
      expect.objectContaining({
        enrollmentId: gid.enrollment(a.enrollment.id),
        milestone: first.milestone.name,
        rating: 9,
        note: "Great visit!",
        completedVisits: 2,
        totalVisits: 4,
      }),
    ]);

    const onlyA = await server.request(
      Ratings,
      { participantId: gid.participant(a.participant.id) },
      reporter.token,
    );
    expect(onlyA.data?.ratings.edges.map((e) => e.node.enrollmentId)).toEqual([
      gid.enrollment(a.enrollment.id),
    ]);

    const today = new Date().toISOString().slice(0, 10);
    const past = await server.request(
      Ratings,
      { trialId: gid.trial(o.trial.id), startDate: "2000-01-01", endDate: "2000-12-31" },
      reporter.token,
    );
    expect(past.data?.ratings.edges).toEqual([]);
    const current = await server.request(
      Ratings,
      { trialId: gid.trial(o.trial.id), startDate: today, endDate: today },
      reporter.token,
    );
    expect(current.data?.ratings.edges).toHaveLength(2);

    // Staff whose view_reports is elsewhere see none of these; admins see them; others are refused.
    const elsewhere = await staffWith(server, ["view_reports"], { trialId: org.trial.id });
    const theirs = await server.request(Ratings, { trialId: gid.trial(o.trial.id) }, elsewhere.token);
    expect(theirs.data?.ratings.edges).toEqual([]);
    const admin = await server.request(
      Ratings,
      { trialId: gid.trial(o.trial.id) },
      await server.loginAdmin(),
    );
    expect(admin.data?.ratings.edges).toHaveLength(2);
    const noReports = await staffWith(server, ["view_payments"], { trialId: o.trial.id });
    expect(errorCode(await server.request(Ratings, {}, noReports.token))).toBe("FORBIDDEN");
    expect(errorCode(await server.request(Ratings, {}, a.token))).toBe("FORBIDDEN");
  });
});
