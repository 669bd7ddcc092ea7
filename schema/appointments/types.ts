import { asc, inArray } from "drizzle-orm";
import { appointments } from "../../db/schema/index.js";
import { addAuditHistory } from "../audit/types.js";
import { builder } from "../core/builder.js";
import { EnrollmentRef, ParticipantRef } from "../participants/refs.js";
import { type Appointment, AppointmentRef, selectAppointments } from "./refs.js";
import { formatLocal } from "./times.js";

export const AppointmentStatusEnum = builder.enumType("AppointmentStatus", {
  description: "What became of an appointment.",
  values: {
    SCHEDULED: { value: "scheduled", description: "Ahead, or not yet recorded." },
    ATTENDED: { value: "attended", description: "The participant came (payments read these visits)." },
    MISSED: { value: "missed", description: "The participant did not come." },
    CANCELLED: { value: "cancelled", description: "Called off; no reminder is sent." },
  } as const,
});

/** The statuses a person records with markAppointment. */
export const AppointmentOutcomeEnum = builder.enumType("AppointmentOutcome", {
  description: "What markAppointment records about a visit.",
  values: {
    ATTENDED: {
      value: "attended",
      description: "The participant came (only once the visit's time has come).",
    },
    MISSED: {
      value: "missed",
      description: "The participant did not come (only once the visit's time has come).",
    },
    CANCELLED: { value: "cancelled", description: "The visit is called off." },
  } as const,
});

AppointmentRef.implement({
  description:
    "A visit scheduled for a participant's enrollment. Read by the participant, their caregivers, and staff who may see the participant.",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    enrollmentId: t.globalID({
      description: "The enrollment the visit belongs to.",
      resolve: (a) => ({ type: "Enrollment", id: a.enrollmentId }),
    }),
    participantId: t.globalID({
      description: "The participant's global id.",
      resolve: (a) => ({ type: "Participant", id: a.participantId }),
    }),
    enrollment: t.field({
      type: EnrollmentRef,
      nullable: true,
      description: "The enrollment (an error and null for staff without view_enrollments on its trial site).",
      resolve: (a) => a.enrollmentId,
    }),
    participant: t.field({
      type: ParticipantRef,
      nullable: true,
      description: "The participant (an error and null for a viewer who may not see them).",
      resolve: (a) => a.participantId,
    }),
    scheduledAt: t.expose("scheduledAt", { type: "DateTime", description: "The instant of the visit." }),
    localTime: t.string({
      description: 'The visit in its time zone as YYYY-MM-DDTHH:MM:SS, e.g. "2022-12-05T22:01:00".',
      resolve: (a) => formatLocal(a.scheduledAt, a.timeZone),
    }),
    timeZone: t.exposeString("timeZone", {
      description: "The participant's IANA time zone when the visit was scheduled.",
    }),
    description: t.exposeString("description", {
      nullable: true,
      description: "What the visit is for, if given.",
    }),
    milestoneName: t.exposeString("milestoneName", {
      nullable: true,
      description: "The name of the milestone of the trial site's schedule this visit is for, if any.",
    }),
    status: t.expose("status", { type: AppointmentStatusEnum, description: "What became of it." }),
    statusChangedAt: t.expose("statusChangedAt", {
      type: "DateTime",
      nullable: true,
      description: "When its status was last recorded; null while SCHEDULED.",
    }),
    reminderSentAt: t.expose("reminderSentAt", {
      type: "DateTime",
      nullable: true,
      description: "When the reminder was written to the outbox; null until then.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was scheduled." }),
  }),
});

addAuditHistory(AppointmentRef, { description: "Staff who may view the participant only." });

builder.objectField(EnrollmentRef, "appointments", (t) =>
  t.loadableList({
    type: AppointmentRef,
    description: "The enrollment's appointments, soonest first.",
    load: async (enrollmentIds: string[], ctx) => {
      const rows = await selectAppointments(ctx.db)
        .where(inArray(appointments.enrollmentId, enrollmentIds))
        .orderBy(asc(appointments.scheduledAt), asc(appointments.id));
      const byEnrollment = new Map<string, Appointment[]>(enrollmentIds.map((id) => [id, []]));
      for (const row of rows) byEnrollment.get(row.enrollmentId)?.push(row);
      return enrollmentIds.map((id) => byEnrollment.get(id) ?? []);
    },
    resolve: (enrollment) => enrollment.id,
  }),
);
