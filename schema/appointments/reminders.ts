import { eq, or, sql } from "drizzle-orm";
import type { Database } from "../../db/connection.js";
import {
  appointments,
  caregivers,
  enrollments,
  participants,
  sites,
  trials,
  users,
} from "../../db/schema/index.js";
import { queueEmail, queueSms } from "../core/outbox.js";
import { withEnrollment } from "../participants/enrollments.js";
import { formatLocal } from "./times.js";

/**
 * The appointment_reminder task. If the appointment is still scheduled, still ahead and not yet reminded, writes
 * reminders to the outbox for the participant and their caregivers — e-mail to those with e-mail enabled, a text
 * to those with SMS enabled and a phone number, nothing to those with both off — and records that the reminder
 * went out, all in one transaction (the row lock makes a second run, or a concurrent one, send nothing).
 */
export async function sendAppointmentReminder(db: Database, appointmentId: string, now = new Date()) {
  await db.transaction(async (tx) => {
    const [appointment] = await withEnrollment(
      tx
        .select({
          id: appointments.id,
          scheduledAt: appointments.scheduledAt,
          timeZone: appointments.timeZone,
          description: appointments.description,
          status: appointments.status,
          reminderSentAt: appointments.reminderSentAt,
          participantId: enrollments.participantId,
          trialName: trials.name,
          siteName: sites.name,
        })
        .from(appointments)
        .$dynamic(),
      appointments.enrollmentId,
    )
      .where(eq(appointments.id, appointmentId))
      .for("update", { of: appointments });
    if (appointment?.status !== "scheduled" || appointment.reminderSentAt) return;
    if (appointment.scheduledAt <= now) return;

    const recipients = await tx
      .select({
        id: users.id,
        email: users.email,
        phone: users.phone,
        firstName: users.firstName,
        emailEnabled: users.emailEnabled,
        smsEnabled: users.smsEnabled,
      })
      .from(users)
      .where(
        or(
          sql`${users.id} = (SELECT ${participants.userId} FROM ${participants} WHERE ${participants.id} = ${appointment.participantId})`,
          sql`${users.id} IN (SELECT ${caregivers.userId} FROM ${caregivers} WHERE ${caregivers.participantId} = ${appointment.participantId})`,
        ),
      );

    const when = `${formatLocal(appointment.scheduledAt, appointment.timeZone).replace("T", " ").slice(0, 16)} (${appointment.timeZone})`;
    const where = `${appointment.siteName} for ${appointment.trialName}`;
    const note = appointment.description ? ` ${appointment.description}` : "";
    const payload = { appointmentId: appointment.id };
    for (const user of recipients) {
      if (user.emailEnabled) {
        await queueEmail(tx, {
          userId: user.id,
          to: user.email,
          template: "appointment_reminder",
          subject: `Reminder: your appointment on ${when}`,
          body: `Hello ${user.firstName},\n\nThis is a reminder of the appointment at ${where} on ${when}.${note}\n`,
          payload,
        });
      }
      if (user.smsEnabled && user.phone) {
        await queueSms(tx, {
          userId: user.id,
          to: user.phone,
          template: "appointment_reminder",
          body: `Reminder: appointment at ${where} on ${when}.${note}`,
          payload,
        });
      }
    }
    await tx.update(appointments).set({ reminderSentAt: now }).where(eq(appointments.id, appointment.id));
  });
}
