import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { appointments, enrollments, milestones, participants } from "../../db/schema/index.js";
import { type Actor, changesBetween, createdChanges, recordAudit } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import { badInput, conflict, foreignId, notFound, parseInput } from "../core/errors.js";
import { enqueueJob, removeJob } from "../core/jobs.js";
import { placeOfEnrollment, seesParticipant } from "../core/participant-access.js";
import { type Appointment, selectAppointments } from "./refs.js";
import { formatLocal, parseAppointmentTime } from "./times.js";

export type AppointmentStatus = (typeof appointments.$inferSelect)["status"];

/** The reminder job of an appointment: one key per appointment, so scheduling it again replaces the job. */
export const reminderJobKey = (appointmentId: string) => `appointment_reminder:${appointmentId}`;

/**
 * The enrollment an appointment is for: the one given, or the participant's only enrollment. Null when neither is
 * given or the participant does not have exactly one (the caller asks for the enrollment then).
 */
export async function enrollmentFor(
  db: Executor,
  target: { enrollmentId?: string | null; participantId?: string | null },
): Promise<{ id: string } | null> {
  if (target.enrollmentId) return { id: target.enrollmentId };
  if (!target.participantId) return null;
  const rows = await db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(eq(enrollments.participantId, target.participantId))
    .limit(2);
  return rows.length === 1 ? rows[0]! : null;
}

/**
 * Checks the participant given beside the enrollment is the enrollment's (README, Access). It runs before the
 * transaction, as permission checks do: an enrollment's participant never changes.
 */
export async function requireParticipantOfEnrollment(
  access: Access,
  enrollmentId: string,
  participantId: string,
) {
  const place = await placeOfEnrollment(access, enrollmentId);
  if (!place) throw notFound("Enrollment");
  if (place.participantId !== participantId) {
    throw foreignId(await seesParticipant(access, participantId), "Participant", {
      field: "participantId",
      message: "is not the participant of this enrollment.",
    });
  }
}

const newAppointment = z.object({
  enrollmentId: z.string().nullish(),
  participantId: z.string().nullish(),
  time: z.string().trim().min(1, "is required"),
  description: z
    .string()
    .trim()
    .max(2000, "must be at most 2000 characters")
    .nullish()
    .transform((d) => d || null),
  milestone: z
    .string()
    .trim()
    .max(200, "must be at most 200 characters")
    .nullish()
    .transform((m) => m || null),
});

export type NewAppointment = z.input<typeof newAppointment>;

/**
 * Schedules a visit for an enrollment (given — with its participant, if at all, checked first by
 * requireParticipantOfEnrollment — or the participant's only one) at `time` — a local date-time in the
 * participant's time zone, or a full ISO instant — which must be in the future. The milestone, when named, must
 * be on the schedule of the enrollment's trial site. The reminder job is queued in the same transaction.
 */
export async function scheduleAppointment(
  tx: Executor,
  actor: Actor,
  input: NewAppointment,
  options: { reminderMs: number; now?: Date },
): Promise<Appointment> {
  const data = parseInput(newAppointment, input);
  const now = options.now ?? new Date();
  const target = await enrollmentFor(tx, data);
  if (!target) {
    if (!data.participantId)
      throw badInput([{ field: "enrollmentId", message: "give the enrollment (or the participant)." }]);
    throw badInput([
      {
        field: "enrollmentId",
        message:
          "this participant does not have exactly one enrollment; say which enrollment the appointment is for.",
      },
    ]);
  }
  const [enrollment] = await tx
    .select({
      id: enrollments.id,
      participantId: enrollments.participantId,
      trialSiteId: enrollments.trialSiteId,
      status: enrollments.status,
      timeZone: participants.timeZone,
    })
    .from(enrollments)
    .innerJoin(participants, eq(participants.id, enrollments.participantId))
    .where(eq(enrollments.id, target.id));
  if (!enrollment) throw notFound("Enrollment");
  if (enrollment.status !== "enrolled")
    throw conflict(
      `This enrollment is ${enrollment.status}; appointments are scheduled for enrolled participants.`,
    );

  const scheduledAt = parseAppointmentTime(data.time, enrollment.timeZone);
  if (!scheduledAt)
    throw badInput([
      {
        field: "time",
        message: `"${data.time}" is not a date-time; use YYYY-MM-DDTHH:MM:SS (the participant's local time) or an ISO instant.`,
      },
    ]);
  if (scheduledAt <= now)
    throw badInput([
      {
        field: "time",
        message: `${formatLocal(scheduledAt, enrollment.timeZone)} (${enrollment.timeZone}) is not in the future.`,
      },
    ]);

  let milestone: { id: string; name: string } | null = null;
  if (data.milestone) {
    const schedule = await tx
      .select({ id: milestones.id, name: milestones.name })
      .from(milestones)
      .where(eq(milestones.trialSiteId, enrollment.trialSiteId))
      .orderBy(milestones.sortOrder, milestones.name);
    const wanted = data.milestone.toLowerCase();
    milestone = schedule.find((m) => m.name.toLowerCase() === wanted) ?? null;
    if (!milestone) {
      const known = schedule.map((m) => `"${m.name}"`).join(", ");
      throw badInput([
        {
          field: "milestone",
          message: `"${data.milestone}" is not a milestone of this trial site${known ? `; its milestones are ${known}` : " (it has none)"}.`,
        },
      ]);
    }
  }

  const values = {
    enrollmentId: enrollment.id,
    milestoneId: milestone?.id ?? null,
    scheduledAt,
    timeZone: enrollment.timeZone,
    description: data.description,
    createdBy: actor.userId,
  };
  const [row] = await tx.insert(appointments).values(values).returning({ id: appointments.id });
  const id = row!.id;
  await recordAudit(tx, actor, {
    action: "schedule_appointment",
    resourceType: "appointment",
    resourceId: id,
    changes: createdChanges({
      ...values,
      scheduledAt: scheduledAt.toISOString(),
      milestone: milestone?.name,
    }),
  });
  await enqueueJob(
    tx,
    "appointment_reminder",
    { appointmentId: id },
    { runAt: new Date(scheduledAt.getTime() - options.reminderMs), jobKey: reminderJobKey(id) },
  );
  return (await loadAppointment(tx, id))!;
}

export async function loadAppointment(db: Executor, appointmentId: string) {
  const [appointment] = await selectAppointments(db).where(eq(appointments.id, appointmentId));
  return appointment ?? null;
}

/** The status changes a person may record: a scheduled visit is attended, missed or cancelled; attended and
 * missed may be corrected to each other; a cancelled visit stays cancelled. */
const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  scheduled: ["attended", "missed", "cancelled"],
  attended: ["missed"],
  missed: ["attended"],
  cancelled: [],
};

/**
 * Records what became of an appointment. Attended and missed are facts about a visit, so they can be recorded
 * only once its time has come; cancelling drops its pending reminder.
 */
export async function markAppointment(
  tx: Executor,
  actor: Actor,
  appointmentId: string,
  status: Exclude<AppointmentStatus, "scheduled">,
  now = new Date(),
): Promise<Appointment> {
  const [before] = await tx
    .select()
    .from(appointments)
    .where(eq(appointments.id, appointmentId))
    .for("update");
  if (!before) throw notFound("Appointment");
  if (!TRANSITIONS[before.status].includes(status))
    throw conflict(
      before.status === status
        ? `This appointment is already ${status}.`
        : `A ${before.status} appointment cannot be marked ${status}.`,
    );
  if (status !== "cancelled" && before.scheduledAt > now)
    throw badInput([
      {
        field: "status",
        message: `the appointment is at ${formatLocal(before.scheduledAt, before.timeZone)} (${before.timeZone}); attendance is recorded once that time has come.`,
      },
    ]);
  await tx
    .update(appointments)
    .set({ status, statusChangedBy: actor.userId, statusChangedAt: now })
    .where(eq(appointments.id, appointmentId));
  await recordAudit(tx, actor, {
    action: "mark_appointment",
    resourceType: "appointment",
    resourceId: appointmentId,
    changes: changesBetween({ status: before.status }, { status }),
  });
  if (status === "cancelled") await removeJob(tx, reminderJobKey(appointmentId));
  return (await loadAppointment(tx, appointmentId))!;
}
