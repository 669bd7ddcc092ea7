import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { milestones, milestoneVersions, trials } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant, createParticipant } from "../support/participants.js";
import { errorCode, type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";
import { insertSite } from "../support/trials.js";

const Enroll = graphql(`
  mutation EnEnroll($input: EnrollInput!) {
    enroll(input: $input) { enrollment { id uid subjectId status trial { id } trialSite { id } participant { id } } }
  }
`);
const SetStatus = graphql(`
  mutation EnSetStatus($input: SetEnrollmentStatusInput!) { setEnrollmentStatus(input: $input) { enrollment { id status } } }
`);
const Enrollments = graphql(`
  query EnEnrollments($participantId: ID!) {
    enrollments(participantId: $participantId) { id subjectId status payoutMethod { type email phone accountLast4 address { street1 } } }
  }
`);
const Enrolled = graphql(`
  query EnEnrolled($trialId: ID!, $siteId: ID!) {
    enrolled(trialId: $trialId, siteId: $siteId) {
      id subjectId participant { id firstName }
      paymentSchedule { uid name sortOrder repeatable effectiveAt amount { amount currency } }
    }
  }
`);
const PaymentTypes = graphql(`query EnPaymentTypes { paymentTypes { code name description } }`);
const SetPaymentType = graphql(`
  mutation EnSetPaymentType($input: SetPaymentTypeInput!) {
    setPaymentType(input: $input) {
      payoutMethod { type email phone accountHolder accountLast4 address { street1 city } }
      enrollment { id payoutMethod { type accountLast4 } }
    }
  }
`);

const STAFF = [
  "view_participants",
  "view_enrollments",
  "enroll",
  "set_enrollment_status",
  "set_payment_type",
  "add_participant",
  "view_payment_schedule",
];
let server: TestServer;
let a: Organization;
let b: Organization;
let coordinator: string; // STAFF on client A's site 0
let elsewhere: string; // STAFF on client B's site 0 (and its trial site)
let viewer: string; // only view_participants on client A's site 0
beforeAll(async () => {
  server = await startTestServer();
  a = await createOrganization(server, "Client A");
  b = await createOrganization(server, "Client B");
  await server.db.update(trials).set({ status: "live" }).where(eq(trials.id, a.trial.id));
  await server.db.update(trials).set({ status: "live" }).where(eq(trials.id, b.trial.id));
  coordinator = (await staffWith(server, STAFF, { siteId: a.sites[0]!.id })).token;
  elsewhere = (await staffWith(server, STAFF, { siteId: b.sites[0]!.id })).token;
  viewer = (await staffWith(server, ["view_participants"], { siteId: a.sites[0]!.id })).token;
});
afterAll(() => server.close());

/** A participant at client A's site 0, enrolled nowhere. */
const freshParticipant = () => createParticipant(server, a.sites[0]!.id);

const enrollInput = (
  participantId: string,
  subjectId: string,
  siteId = a.sites[0]!.id,
  trialId = a.trial.id,
) => ({
  input: {
    participantId: gid.participant(participantId),
    trialId: gid.trial(trialId),
    siteId: gid.site(siteId),
    subjectId,
  },
});

describe("enroll", () => {
  it("enrolls a participant at a trial site, audited", async () => {
    const p = await freshParticipant();
    const result = await server.request(Enroll, enrollInput(p.participant.id, "8747"), coordinator);
    expect(result.errors).toBeUndefined();
    const e = result.data!.enroll.enrollment;
    expect(e).toMatchObject({
      subjectId: "8747",
      status: "ENROLLED",
      trial: { id: gid.trial(a.trial.id) },
      trialSite: { id: gid.trialSite(a.trialSites[0]!.id) },
    });
    expect((await auditEntriesFor(server, e.uid)).map((x) => x.action)).toEqual(["enroll"]);
  });

  it("refuses a duplicate subject id, a second enrollment in the trial, a site not in the trial: nothing written", async () => {
    const first = await freshParticipant();
    await server.request(Enroll, enrollInput(first.participant.id, "S-DUP"), coordinator);
    const second = await freshParticipant();
    const spare = await insertSite(server, a.client.id);
    const admin = await server.loginAdmin();
    const cases: [() => Promise<GraphQLResponse<unknown>>, string, string?][] = [
      [() => server.request(Enroll, enrollInput(second.participant.id, "S-DUP"), coordinator), "CONFLICT"],
      [() => server.request(Enroll, enrollInput(first.participant.id, "S-OTHER"), coordinator), "CONFLICT"],
      [
        () => server.request(Enroll, enrollInput(second.participant.id, "S-X", spare.id), admin),
        "BAD_USER_INPUT",
        "site is not in the trial",
      ],
      // The coordinator of site 0 does not see the spare site: no more than they would of a nonexistent one.
      [
        () => server.request(Enroll, enrollInput(second.participant.id, "S-X", spare.id), coordinator),
        "NOT_FOUND",
        "Site was not found",
      ],
      [() => server.request(Enroll, enrollInput(second.participant.id, "  "), coordinator), "BAD_USER_INPUT"],
    ];
    for (const [attempt, code, message] of cases) {
      const result = await expectNothingWritten(server, attempt);
      expect(errorCode(result)).toBe(code);
      if (message) expect(result.errors![0]!.message).toContain(message);
    }
  });

  it("refuses staff of another site: they cannot see the participant (NOT_FOUND), nothing written", async () => {
    const p = await freshParticipant();
    // Their own client's trial site, this participant.
    const result = await expectNothingWritten(server, () =>
      server.request(Enroll, enrollInput(p.participant.id, "S-B1", b.sites[0]!.id, b.trial.id), elsewhere),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
    // Needs enroll on the trial site itself.
    const forbidden = await expectNothingWritten(server, () =>
      server.request(Enroll, enrollInput(p.participant.id, "S-B2"), viewer),
    );
    expect(errorCode(forbidden)).toBe("FORBIDDEN");
  });
});

describe("enrollments, enrolled, setEnrollmentStatus", () => {
  it("lists a participant's enrollments and a trial site's enrolled with the payment schedule in effect now", async () => {
    const p = await createEnrolledParticipant(server, a, 0);
    const [m1] = await server.db
      .insert(milestones)
      .values({ trialSiteId: a.trialSites[0]!.id, name: "Week 1", sortOrder: 1 })
      .returning();
    await server.db.insert(milestoneVersions).values([
      { milestoneId: m1!.id, amountMinor: 10_000n, currency: "USD", effectiveAt: new Date("2020-01-01") },
      { milestoneId: m1!.id, amountMinor: 12_550n, currency: "USD", effectiveAt: new Date("2021-01-01") },
      { milestoneId: m1!.id, amountMinor: 99_900n, currency: "USD", effectiveAt: new Date("2999-01-01") },
    ]);
    const list = await server.request(
      Enrollments,
      { participantId: gid.participant(p.participant.id) },
      coordinator,
    );
    expect(list.data!.enrollments.map((e) => e.subjectId)).toEqual([p.enrollment.subjectId]);
    const enrolled = await server.request(
      Enrolled,
      { trialId: gid.trial(a.trial.id), siteId: gid.site(a.sites[0]!.id) },
      coordinator,
    );
    const mine = enrolled.data!.enrolled.find((e) => e.id === gid.enrollment(p.enrollment.id))!;
    expect(mine.paymentSchedule).toEqual([
      {
        uid: m1!.id,
        name: "Week 1",
        sortOrder: 1,
        repeatable: false,
        effectiveAt: "2021-01-01T00:00:00.000Z",
        amount: { amount: "125.50", currency: "USD" },
      },
    ]);
    const foreign = await server.request(
      Enrolled,
      { trialId: gid.trial(a.trial.id), siteId: gid.site(a.sites[0]!.id) },
      elsewhere,
    );
    expect(errorCode(foreign)).toBe("NOT_FOUND");
  });

  it("sets the status on the enrollment's trial site only", async () => {
    const p = await createEnrolledParticipant(server, a, 0);
    const input = { enrollmentId: gid.enrollment(p.enrollment.id), status: "COMPLETED" as const };
    const foreign = await expectNothingWritten(server, () => server.request(SetStatus, { input }, elsewhere));
    expect(errorCode(foreign)).toBe("NOT_FOUND");
    const self = await expectNothingWritten(server, () => server.request(SetStatus, { input }, p.token));
    expect(errorCode(self)).toBe("FORBIDDEN");
    const result = await server.request(SetStatus, { input }, coordinator);
    expect(result.data!.setEnrollmentStatus.enrollment.status).toBe("COMPLETED");
    const audit = (await auditEntriesFor(server, p.enrollment.id)).at(-1)!;
    expect(audit.changes.status).toEqual({ from: "enrolled", to: "completed" });
  });
});

describe("payment types (get_payment_types, set_payment_type)", () => {
  const ROUTING = "011000015"; // a valid ABA routing number
  const ACCOUNT = "987654321012";
  const CARD = "4111111111111111";

  it("lists the payment types", async () => {
    const result = await server.request(PaymentTypes, {}, coordinator);
    expect(result.data!.paymentTypes.map((t) => t.code).sort()).toEqual([
      "BANK_ACCOUNT",
      "CHECK",
      "DEBIT_CARD",
      "PAYPAL",
      "VENMO",
    ]);
  });

  it("sets each type with its details; numbers only masked in responses and audit entries", async () => {
    const p = await createEnrolledParticipant(server, a, 0);
    await server.sql`
      WITH addr AS (INSERT INTO addresses (id, street1, city, state, post_code) VALUES ('addr-' || ${p.user.id}, '1 Home St', 'Denver', 'CO', '80202') RETURNING id)
      UPDATE users SET address_id = (SELECT id FROM addr) WHERE id = ${p.user.id}`;
    const enrollmentId = gid.enrollment(p.enrollment.id);
    const set = (input: Record<string, unknown>, token = coordinator) =>
      server.request(SetPaymentType, { input: { enrollmentId, ...input } as never }, token);

    const paypal = await set({ paymentType: "PAYPAL", email: "pat@example.com" });
    expect(paypal.data!.setPaymentType.payoutMethod).toMatchObject({
      type: "PAYPAL",
      email: "pat@example.com",
    });
    const venmo = await set({ paymentType: "VENMO", phone: "(212) 555-1212" }, p.token);
    expect(venmo.data!.setPaymentType.payoutMethod).toMatchObject({ type: "VENMO", phone: "(212) 555-1212" });
    const check = await set({ paymentType: "CHECK" });
    expect(check.data!.setPaymentType.payoutMethod).toMatchObject({
      type: "CHECK",
      address: { city: "Denver" },
    });
    const card = await set({ paymentType: "DEBIT_CARD", cardNumber: CARD });
    expect(card.data!.setPaymentType.payoutMethod.accountLast4).toBe("1111");
    const bank = await set({ paymentType: "BANK_ACCOUNT", routingNumber: ROUTING, accountNumber: ACCOUNT });
    expect(bank.errors).toBeUndefined();
    expect(bank.data!.setPaymentType.enrollment.payoutMethod).toEqual({
      type: "BANK_ACCOUNT",
      accountLast4: "1012",
    });

    const own = await server.request(
      Enrollments,
      { participantId: gid.participant(p.participant.id) },
      p.token,
    );
    expect(own.data!.enrollments[0]!.payoutMethod).toMatchObject({
      type: "BANK_ACCOUNT",
      accountLast4: "1012",
    });
    const responses = JSON.stringify([card, bank, own]);
    expect(responses).not.toContain(ACCOUNT);
    expect(responses).not.toContain(CARD);
    const audit = JSON.stringify(await auditEntriesFor(server, p.enrollment.id));
    expect(audit).toContain("1012");
    expect(audit).not.toContain(ACCOUNT);
    expect(audit).not.toContain(CARD);
    const [stored] = await server.sql<{ raw: string }[]>`
      SELECT row_to_json(pm)::text AS raw FROM payout_methods pm WHERE enrollment_id = ${p.enrollment.id}`;
    expect(stored!.raw).not.toContain(ACCOUNT);
    const allAudit = await server.sql<
      { raw: string }[]
    >`SELECT coalesce(string_agg(changes::text, '|'), '') AS raw FROM audit_entries`;
    expect(allAudit[0]!.raw).not.toContain(ACCOUNT);
  });

  it("refuses bad details and other people's enrollments, with nothing written", async () => {
    const p = await createEnrolledParticipant(server, a, 0);
    const other = await createEnrolledParticipant(server, a, 0);
    const carer = await createCaregiver(server, other.participant.id);
    const enrollmentId = gid.enrollment(p.enrollment.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { paymentType: "BANK_ACCOUNT", routingNumber: "011000016", accountNumber: "12345678" },
        coordinator,
        "BAD_USER_INPUT",
      ],
      [
        { paymentType: "BANK_ACCOUNT", routingNumber: "011000015", accountNumber: "12" },
        coordinator,
        "BAD_USER_INPUT",
      ],
      [{ paymentType: "DEBIT_CARD", cardNumber: "4111111111111112" }, coordinator, "BAD_USER_INPUT"],
      [{ paymentType: "PAYPAL" }, coordinator, "BAD_USER_INPUT"],
      [{ paymentType: "VENMO", phone: "nope" }, coordinator, "BAD_USER_INPUT"],
      [{ paymentType: "CHECK" }, coordinator, "BAD_USER_INPUT"], // no address given, none on file
      [{ paymentType: "PAYPAL", email: "x@example.com" }, elsewhere, "NOT_FOUND"],
      [{ paymentType: "PAYPAL", email: "x@example.com" }, other.token, "NOT_FOUND"],
      [{ paymentType: "PAYPAL", email: "x@example.com" }, carer.token, "NOT_FOUND"],
    ];
    for (const [input, token, code] of cases) {
      const result = await expectNothingWritten(server, () =>
        server.request(SetPaymentType, { input: { enrollmentId, ...input } as never }, token),
      );
      expect(errorCode(result)).toBe(code);
      expect(JSON.stringify(result)).not.toContain("4111111111111112");
    }
    // The caregiver may set it for their own participant.
    const ok = await server.request(
      SetPaymentType,
      {
        input: {
          enrollmentId: gid.enrollment(other.enrollment.id),
          paymentType: "PAYPAL",
          email: "c@example.com",
        },
      },
      carer.token,
    );
    expect(ok.data!.setPaymentType.payoutMethod.type).toBe("PAYPAL");
  });

  it("shows a participant their own enrollments but not another's", async () => {
    const p = await createEnrolledParticipant(server, a, 0);
    const other = await createEnrolledParticipant(server, a, 0);
    const result = await server.request(
      Enrollments,
      { participantId: gid.participant(other.participant.id) },
      p.token,
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
    const foreign = await server.request(
      Enrollments,
      { participantId: gid.participant(p.participant.id) },
      elsewhere,
    );
    expect(errorCode(foreign)).toBe("NOT_FOUND");
  });
});
