import { builder } from "../core/builder.js";
import { decodeGlobalId } from "../core/ids.js";
import { inTransaction } from "../core/transaction.js";
import { markAppointment, requireParticipantOfEnrollment, scheduleAppointment } from "./appointments.js";
import { AppointmentRef } from "./refs.js";
import { AppointmentOutcomeEnum } from "./types.js";

builder.relayMutationField(
  "scheduleAppointment",
  {
    description: "Whose visit (an enrollment, or a participant with one enrollment), when, and for what.",
    inputFields: (t) => ({
      enrollmentId: t.id({ required: false, description: "The enrollment the visit is for." }),
      participantId: t.id({
        required: false,
        description: "Instead of enrollmentId, when the participant has exactly one enrollment.",
      }),
      time: t.string({
        description:
          'When: a local date-time in the participant\'s time zone, YYYY-MM-DDTHH:MM:SS ("2022-12-05T22:01:00"), or an ISO instant with a zone. Must be in the future.',
      }),
      description: t.string({
        required: false,
        description: "What the visit is for; shown to the participant.",
      }),
      milestone: t.string({
        required: false,
        description: "The name of a milestone on the schedule of the enrollment's trial site.",
      }),
    }),
  },
  {
    description:
      "Schedules a visit and queues its reminder (24 hours before by default: the server's REMINDER_HOURS). Needs create_appointment on the enrollment's trial site.",
    resolve: async (_root, { input }, ctx) => {
      const enrollmentId =
        input.enrollmentId == null
          ? null
          : decodeGlobalId(input.enrollmentId, "enrollmentId", "Enrollment").id;
      const participantId =
        input.participantId == null
          ? null
          : decodeGlobalId(input.participantId, "participantId", "Participant").id;
      if (enrollmentId && participantId)
        await requireParticipantOfEnrollment(ctx.access, enrollmentId, participantId);
      const { time, description, milestone } = input;
      return {
        appointment: await inTransaction(ctx, (tx, actor) =>
          scheduleAppointment(
            tx,
            actor,
            { enrollmentId, participantId, time, description, milestone },
            { reminderMs: ctx.config.reminderMs },
          ),
        ),
      };
    },
  },
  {
    description: "The appointment as saved.",
    outputFields: (t) => ({
      appointment: t.field({
        type: AppointmentRef,
        description: "The appointment.",
        resolve: (p) => p.appointment,
      }),
    }),
  },
);

builder.relayMutationField(
  "markAppointment",
  {
    description: "The appointment and what became of it.",
    inputFields: (t) => ({
      appointmentId: t.globalID({ for: AppointmentRef, description: "The appointment's global id." }),
      status: t.field({ type: AppointmentOutcomeEnum, description: "What became of it." }),
    }),
  },
  {
    description:
      "Records that a visit was attended or missed (once its time has come), or cancels it. Needs create_appointment on the enrollment's trial site.",
    resolve: async (_root, { input }, ctx) => ({
      appointment: await inTransaction(ctx, (tx, actor) =>
        markAppointment(tx, actor, input.appointmentId.id, input.status),
      ),
    }),
  },
  {
    description: "The appointment as saved.",
    outputFields: (t) => ({
      appointment: t.field({
        type: AppointmentRef,
        description: "The appointment.",
        resolve: (p) => p.appointment,
      }),
    }),
  },
);
