import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { appointments, enrollments, milestones } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";

/** An appointment row with what its fields and rules need beside it: its participant and milestone name. */
export type Appointment = typeof appointments.$inferSelect & {
  participantId: string;
  milestoneName: string | null;
};

/** Appointments with their participant and milestone name: one statement for any number of them. */
export function selectAppointments(db: Executor) {
  return db
    .select({
      id: appointments.id,
      enrollmentId: appointments.enrollmentId,
      milestoneId: appointments.milestoneId,
      scheduledAt: appointments.scheduledAt,
      timeZone: appointments.timeZone,
      description: appointments.description,
      status: appointments.status,
      statusChangedBy: appointments.statusChangedBy,
      statusChangedAt: appointments.statusChangedAt,
      reminderSentAt: appointments.reminderSentAt,
      createdBy: appointments.createdBy,
      createdAt: appointments.createdAt,
      updatedAt: appointments.updatedAt,
      participantId: enrollments.participantId,
      milestoneName: milestones.name,
    })
    .from(appointments)
    .innerJoin(enrollments, eq(enrollments.id, appointments.enrollmentId))
    .leftJoin(milestones, eq(milestones.id, appointments.milestoneId))
    .$dynamic();
}

export const AppointmentRef = builder.loadableNodeRef<Appointment>("Appointment", {
  id: { resolve: (appointment) => appointment.id },
  load: (ids: string[], ctx) => selectAppointments(ctx.db).where(inArray(appointments.id, ids)),
  sort: (appointment) => appointment.id,
});
