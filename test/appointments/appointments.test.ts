import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, enrollments, milestones, participants, trialSites } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial } from "../support/trials.js";

const ScheduleAppointment = graphql(`
  mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {
    scheduleAppointment(input: $input) {
      appointment {
        id
        uid
        enrollmentId
        participantId
        enrollment {
          id
        }
        participant {
          id
        }
        scheduledAt
        localTime
        timeZone
        description
        milestoneName
        status
        createdAt
      }
    }
  }
`);

const MarkAppointment = graphql(`
  mutation MarkAppointment($input: MarkAppointmentInput!) {
    markAppointment(input: $input) {
      appointment {
        id
        status
        statusChangedAt
        auditHistory {
          action
        }
      }
    }
  }
`);

const Appointments = graphql(`
  query Appointments($participantId: ID!, $past: Boolean) {
    appointments(participantId: $participantId, past: $past) {
      id
      uid
      localTime
      scheduledAt
      description
      milestoneName
      status
    }
  }
`);

/** A local date-time string (YYYY-MM-DDTHH:MM:SS) `days` from now, at 10:30. */
function localDaysAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T10:30:00`;
}

let server: TestServer;
let org: Organization;
let scheduler: Awaited<ReturnType<typeof staffWith>>;

beforeAll(async () => {
  // No worker (the test default): the reminder jobs stay queued where the tests can read them.
  server = await startTestServer();
  org = await createOrganization(server);
  scheduler = await staffWith(server, ["create_appointment", "view_participants", "view_enrollments"], {
    trialSiteId: org.trialSites[0]!.id,
  });
  await server.db.insert(milestones).values([
    { trialSiteId: org.trialSites[0]!.id, name: "Week 3", sortOrder: 3 },
    { trialSiteId: org.trialSites[1]!.id, name: "Week 9", sortOrder: 9 },
  ]);
});
afterAll(() => server.close());

async function reminderJob(appointmentId: string) {
  const [job] = await server.sql<{ run_at: Date; payload: { appointmentId: string } }[]>`
    SELECT run_at, payload FROM graphile_worker._private_jobs WHERE key = ${`appointment_reminder:${appointmentId}`}`;
  return job;
}

/** Setup: an appointment written straight to the database (e.g. one whose time has passed). */
async function insertAppointment(enrollmentId: string, scheduledAt: Date, description = "inserted") {
  const [row] = await server.db
    .insert(appointments)
    .values({ enrollmentId, scheduledAt, timeZone: "America/New_York", description })
    .returning();
  return row!;
}

describe("scheduleAppointment", () => {
  it("schedules by enrollment: the local time is read in the participant's zone, the milestone named, the reminder queued", async () => {
    const p = await createEnrolledParticipant(server, org);
    await server.db
      .update(participants)
      .set({ timeZone: "America/Los_Angeles" })
      .where(eq(participants.id, p.participant.id));
    const time = localDaysAhead(10);
    const result = await server.request(
      ScheduleAppointment,
      {
        input: {
          enrollmentId: gid.enrollment(p.enrollment.id),
          time,
          description: "please bring your paperwork",
          milestone: "week 3",
        },
      },
      scheduler.token,
    );
    expect(result.errors).toBeUndefined();
    const a = result.data!.scheduleAppointment.appointment;
    expect(a.localTime).toBe(time);
    expect(a.timeZone).toBe("America/Los_Angeles");
    expect(a.milestoneName).toBe("Week 3");
    expect(a.status).toBe("SCHEDULED");
    expect(a.description).toBe("please bring your paperwork");
    expect(a.enrollmentId).toBe(gid.enrollment(p.enrollment.id));
    expect(a.participantId).toBe(gid.participant(p.participant.id));
    expect(a.enrollment?.id).toBe(a.enrollmentId);
    expect(a.participant?.id).toBe(a.participantId);
    // 10:30 in Los Angeles is 17:30 or 18:30 UTC, depending on daylight saving.
    const scheduledAt = new Date(a.scheduledAt as string);
    expect([17, 18]).toContain(scheduledAt.getUTCHours());
    expect(scheduledAt.getUTCMinutes()).toBe(30);
    const offsetHours = (Date.parse(`${time}Z`) - scheduledAt.getTime()) / 3_600_000;
    expect([-7, -8]).toContain(offsetHours);

    const job = await reminderJob(a.uid);
    expect(job?.payload).toEqual({ appointmentId: a.uid });
    expect(new Date(job!.run_at).getTime()).toBe(scheduledAt.getTime() - 24 * 3_600_000);
    const audit = await auditEntriesFor(server, a.uid);
    expect(audit.map((e) => e.action)).toEqual(["schedule_appointment"]);
    expect(audit[0]!.actor_user_id).toBe(scheduler.uid);
  });

  it("accepts a full ISO instant as it is", async () => {
    const p = await createEnrolledParticipant(server, org);
    const instant = new Date(Date.now() + 5 * 86_400_000);
    instant.setUTCHours(15, 0, 0, 0);
    const result = await server.request(
      ScheduleAppointment,
      { input: { participantId: gid.participant(p.participant.id), time: instant.toISOString() } },
      scheduler.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.scheduleAppointment.appointment.scheduledAt).toBe(instant.toISOString());
  });

  it("schedules by participant when they have one enrollment, and asks for the enrollment when they have two", async () => {
    const p = await createEnrolledParticipant(server, org);
    const one = await server.request(
      ScheduleAppointment,
      { input: { participantId: gid.participant(p.participant.id), time: localDaysAhead(3) } },
      scheduler.token,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.scheduleAppointment.appointment.enrollmentId).toBe(gid.enrollment(p.enrollment.id));

    const otherTrial = await insertTrial(server, org.contract.id);
    const [otherTrialSite] = await server.db
      .insert(trialSites)
      .values({ trialId: otherTrial.id, siteId: org.sites[0]!.id })
      .returning();
    await server.db.insert(enrollments).values({
      participantId: p.participant.id,
      trialSiteId: otherTrialSite!.id,
      trialId: otherTrial.id,
      subjectId: `S2-${p.participant.id}`,
    });
    const two = await expectNothingWritten(server, () =>
      server.request(
        ScheduleAppointment,
        { input: { participantId: gid.participant(p.participant.id), time: localDaysAhead(3) } },
        scheduler.token,
      ),
    );
    expect(errorCode(two)).toBe("BAD_USER_INPUT");
    expect(two.errors![0]!.message).toMatch(/which enrollment/);
  });

  it("refuses a time that has passed, a malformed time and an unknown milestone, writing nothing", async () => {
    const p = await createEnrolledParticipant(server, org);
    const enrollmentId = gid.enrollment(p.enrollment.id);
    for (const input of [
      { enrollmentId, time: localDaysAhead(-2) },
      { enrollmentId, time: "next tuesday" },
      { enrollmentId, time: "2030-02-30T10:00:00" },
      { enrollmentId, time: localDaysAhead(4), milestone: "Week 9" }, // on the other trial site's schedule
    ]) {
      const result = await expectNothingWritten(server, () =>
        server.request(ScheduleAppointment, { input }, scheduler.token),
      );
      expect(errorCode(result), JSON.stringify(input)).toBe("BAD_USER_INPUT");
    }
  });

  it("refuses staff of another site (NOT_FOUND) and staff without create_appointment (FORBIDDEN), writing nothing", async () => {
    const p = await createEnrolledParticipant(server, org);
    const elsewhere = await staffWith(server, ["create_appointment", "view_participants"], {
      trialSiteId: org.trialSites[1]!.id,
    });
    const viewer = await staffWith(server, ["view_participants"], { trialSiteId: org.trialSites[0]!.id });
    const input = { enrollmentId: gid.enrollment(p.enrollment.id), time: localDaysAhead(2) };
    const byParticipant = {
      participantId: gid.participant(p.participant.id),
      time: localDaysAhead(2),
    };

    for (const [token, code] of [
      [elsewhere.token, "NOT_FOUND"],
      [viewer.token, "FORBIDDEN"],
      [p.token, "FORBIDDEN"],
    ] as const) {
      for (const given of [input, byParticipant]) {
        const result = await expectNothingWritten(server, () =>
          server.request(ScheduleAppointment, { input: given }, token),
        );
        expect(errorCode(result)).toBe(code);
      }
    }
  });
});

describe("appointments", () => {
  it("lists upcoming soonest first or past latest first, for staff, the participant and their caregiver", async () => {
    const p = await createEnrolledParticipant(server, org);
    const caregiver = await createCaregiver(server, p.participant.id);
    const enrollmentId = gid.enrollment(p.enrollment.id);
    for (const days of [9, 2]) {
      const r = await server.request(
        ScheduleAppointment,
        { input: { enrollmentId, time: localDaysAhead(days), description: `in ${days} days` } },
        scheduler.token,
      );
      expect(r.errors).toBeUndefined();
    }
    await insertAppointment(p.enrollment.id, new Date(Date.now() - 20 * 86_400_000), "long ago");
    await insertAppointment(p.enrollment.id, new Date(Date.now() - 3 * 86_400_000), "recently");

    const participantId = gid.participant(p.participant.id);
    for (const token of [scheduler.token, p.token, caregiver.token]) {
      const upcoming = await server.request(Appointments, { participantId }, token);
      expect(upcoming.errors).toBeUndefined();
      expect(upcoming.data!.appointments.map((a) => a.description)).toEqual(["in 2 days", "in 9 days"]);
      const past = await server.request(Appointments, { participantId, past: true }, token);
      expect(past.data!.appointments.map((a) => a.description)).toEqual(["recently", "long ago"]);
    }

    const stranger = await createEnrolledParticipant(server, org);
    const elsewhere = await staffWith(server, ["view_participants"], { trialSiteId: org.trialSites[1]!.id });
    for (const token of [stranger.token, elsewhere.token]) {
      expect(errorCode(await server.request(Appointments, { participantId }, token))).toBe("NOT_FOUND");
    }
  });
});

describe("markAppointment", () => {
  it("records attended and missed once the time has come, with who and when, audited", async () => {
    const p = await createEnrolledParticipant(server, org);
    const past = await insertAppointment(p.enrollment.id, new Date(Date.now() - 3_600_000));
    const appointmentId = gid.appointment(past.id);

    const attended = await server.request(
      MarkAppointment,
      { input: { appointmentId, status: "ATTENDED" } },
      scheduler.token,
    );
    expect(attended.errors).toBeUndefined();
    expect(attended.data!.markAppointment.appointment.status).toBe("ATTENDED");
    const [row] = await server.db.select().from(appointments).where(eq(appointments.id, past.id));
    expect(row!.statusChangedBy).toBe(scheduler.uid);
    expect(row!.statusChangedAt).toBeInstanceOf(Date);

    const missed = await server.request(
      MarkAppointment,
      { input: { appointmentId, status: "MISSED" } },
      scheduler.token,
    );
    expect(missed.data!.markAppointment.appointment.status).toBe("MISSED");
    const audit = await auditEntriesFor(server, past.id);
    expect(audit.map((e) => [e.action, e.changes.status])).toEqual([
      ["mark_appointment", { from: "scheduled", to: "attended" }],
      ["mark_appointment", { from: "attended", to: "missed" }],
    ]);
    expect(missed.data!.markAppointment.appointment.auditHistory.map((e) => e.action)).toEqual([
      "mark_appointment",
      "mark_appointment",
    ]);
  });

  it("refuses attendance before the visit, a cancelled visit's change, the participant and other sites' staff", async () => {
    const p = await createEnrolledParticipant(server, org);
    const scheduled = await server.request(
      ScheduleAppointment,
      { input: { enrollmentId: gid.enrollment(p.enrollment.id), time: localDaysAhead(5) } },
      scheduler.token,
    );
    const appointmentId = scheduled.data!.scheduleAppointment.appointment.id;
    const early = await expectNothingWritten(server, () =>
      server.request(MarkAppointment, { input: { appointmentId, status: "ATTENDED" } }, scheduler.token),
    );
    expect(errorCode(early)).toBe("BAD_USER_INPUT");

    const elsewhere = await staffWith(server, ["create_appointment"], { trialSiteId: org.trialSites[1]!.id });
    for (const [token, code] of [
      [elsewhere.token, "NOT_FOUND"],
      [p.token, "FORBIDDEN"],
    ] as const) {
      const refused = await expectNothingWritten(server, () =>
        server.request(MarkAppointment, { input: { appointmentId, status: "CANCELLED" } }, token),
      );
      expect(errorCode(refused)).toBe(code);
    }

    const cancelled = await server.request(
      MarkAppointment,
      { input: { appointmentId, status: "CANCELLED" } },
      scheduler.token,
    );
    expect(cancelled.data!.markAppointment.appointment.status).toBe("CANCELLED");
    const uid = scheduled.data!.scheduleAppointment.appointment.uid;
    expect(await reminderJob(uid)).toBeUndefined(); // the reminder is dropped with the visit
    const again = await server.request(
      MarkAppointment,
      { input: { appointmentId, status: "MISSED" } },
      scheduler.token,
    );
    expect(errorCode(again)).toBe("CONFLICT");
    await server.db.execute(sql`SELECT 1`);
  });
});
