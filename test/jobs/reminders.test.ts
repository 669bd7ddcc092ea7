import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, users } from "../../db/schema/index.js";
import { sendAppointmentReminder } from "../../schema/appointments/reminders.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { eventually } from "../support/eventually.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { startTestServer, type TestServer } from "../support/server.js";

const ScheduleReminded = graphql(`
  mutation ScheduleReminded($input: ScheduleAppointmentInput!) {
    scheduleAppointment(input: $input) {
      appointment {
        uid
        localTime
      }
    }
  }
`);

let server: TestServer;
let org: Organization;
let scheduler: Awaited<ReturnType<typeof staffWith>>;

beforeAll(async () => {
  // Reminders are due 1000 hours ahead, so a visit in two days is reminded of at once by the running worker.
  server = await startTestServer({ WORKER: "on", REMINDER_HOURS: "1000" });
  org = await createOrganization(server);
  scheduler = await staffWith(server, ["create_appointment", "view_participants"], {
    trialSiteId: org.trialSites[0]!.id,
  });
});
afterAll(() => server.close());

interface OutboxRow {
  user_id: string;
  channel: string;
  recipient: string;
  status: string;
  attempts: number;
  body: string;
}

const outboxFor = (appointmentId: string) =>
  server.sql<OutboxRow[]>`
    SELECT user_id, channel, recipient, status, attempts, body FROM notification_outbox
    WHERE template = 'appointment_reminder' AND payload->>'appointmentId' = ${appointmentId}
    ORDER BY channel, recipient`;

async function reminderSentAt(appointmentId: string) {
  const [row] = await server.db
    .select({ at: appointments.reminderSentAt })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return row?.at ?? null;
}

async function schedule(enrollmentId: string) {
  const result = await server.request(
    ScheduleReminded,
    {
      input: {
        enrollmentId: gid.enrollment(enrollmentId),
        time: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        description: "Bring your diary.",
      },
    },
    scheduler.token,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.scheduleAppointment.appointment;
}

describe("appointment reminders", () => {
  it("the worker writes reminders to the outbox by contact preference, delivers them, and never twice", async () => {
    const p = await createEnrolledParticipant(server, org);
    await server.db.update(users).set({ phone: "+15555550100" }).where(eq(users.id, p.user.id));
    const caregiver = await createCaregiver(server, p.participant.id);
    await server.db
      .update(users)
      .set({ phone: "+15555550101", smsEnabled: false })
      .where(eq(users.id, caregiver.user.id));

    const appointment = await schedule(p.enrollment.id);
    const rows = await eventually(async () => {
      const found = await outboxFor(appointment.uid);
      return found.length === 3 && found.every((r) => r.status === "sent") ? found : null;
    });
    expect(rows.map((r) => [r.user_id, r.channel, r.recipient])).toEqual(
      [
        [p.user.id, "email", p.user.email],
        [caregiver.user.id, "email", caregiver.user.email],
        [p.user.id, "sms", "+15555550100"],
      ].sort((a, b) => `${a[1]}${a[2]}`.localeCompare(`${b[1]}${b[2]}`)),
    );
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    expect(rows[0]!.body).toContain("Bring your diary.");
    const sentAt = await reminderSentAt(appointment.uid);
    expect(sentAt).toBeInstanceOf(Date);

    // Run again (a retried or duplicated job): nothing more is written.
    await sendAppointmentReminder(server.db, appointment.uid);
    expect(await outboxFor(appointment.uid)).toHaveLength(3);
    expect(await reminderSentAt(appointment.uid)).toEqual(sentAt);
  });

  it("a participant with e-mail and SMS turned off gets no reminder", async () => {
    const p = await createEnrolledParticipant(server, org);
    await server.db
      .update(users)
      .set({ phone: "+15555550102", emailEnabled: false, smsEnabled: false })
      .where(eq(users.id, p.user.id));
    const appointment = await schedule(p.enrollment.id);
    await eventually(() => reminderSentAt(appointment.uid));
    expect(await outboxFor(appointment.uid)).toEqual([]);
  });

  it("a cancelled or past appointment is not reminded of", async () => {
    const p = await createEnrolledParticipant(server, org);
    const [cancelled] = await server.db
      .insert(appointments)
      .values({
        enrollmentId: p.enrollment.id,
        scheduledAt: new Date(Date.now() + 86_400_000),
        timeZone: "UTC",
        status: "cancelled",
      })
      .returning();
    const [past] = await server.db
      .insert(appointments)
      .values({ enrollmentId: p.enrollment.id, scheduledAt: new Date(Date.now() - 60_000), timeZone: "UTC" })
      .returning();
    for (const a of [cancelled!, past!]) {
      await sendAppointmentReminder(server.db, a.id);
      expect(await outboxFor(a.id)).toEqual([]);
      expect(await reminderSentAt(a.id)).toBeNull();
    }
  });
});
