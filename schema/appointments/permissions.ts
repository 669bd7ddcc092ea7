import { eq } from "drizzle-orm";
import { appointments } from "../../db/schema/index.js";
import type { MutationMarkAppointmentArgs, MutationScheduleAppointmentArgs } from "../core/arguments.js";
import type { Context } from "../core/context.js";
import { badInput, notFound, unauthenticated } from "../core/errors.js";
import { decodeGlobalId } from "../core/ids.js";
import { requireForEnrollment, requireForParticipant, seesParticipant } from "../core/participant-access.js";
import {
  decide,
  forArgument,
  forParticipant,
  isAuthenticated,
  type Permissions,
  readsForParticipant,
  rule,
} from "../core/rules.js";
import { enrollmentFor } from "./appointments.js";

/**
 * create_appointment on the trial site of the enrollment given — or of the participant's only enrollment. With a
 * participant of several (or no) enrollments, create_appointment where the participant is seen; the mutation then
 * asks which enrollment.
 */
const canSchedule = rule({ cache: "no_cache" })(
  (_parent, args: MutationScheduleAppointmentArgs, ctx: Context) =>
    decide(async () => {
      const { enrollmentId, participantId } = args.input;
      if (enrollmentId != null) {
        const enrollment = decodeGlobalId(enrollmentId, "enrollmentId", "Enrollment");
        return requireForEnrollment(ctx.access, "create_appointment", enrollment.id);
      }
      if (participantId == null)
        throw badInput([{ field: "enrollmentId", message: "give the enrollment (or the participant)." }]);
      const participant = decodeGlobalId(participantId, "participantId", "Participant").id;
      const only = await enrollmentFor(ctx.db, { participantId: participant });
      return only
        ? requireForEnrollment(ctx.access, "create_appointment", only.id)
        : requireForParticipant(ctx.access, "create_appointment", participant);
    }),
);

/** create_appointment on the trial site of the appointment's enrollment. */
const canMark = forArgument(
  "Appointment",
  (a: MutationMarkAppointmentArgs) => a.input.appointmentId,
  async (ctx, { id }) => {
    const [row] = await ctx.db
      .select({ enrollmentId: appointments.enrollmentId })
      .from(appointments)
      .where(eq(appointments.id, id));
    if (!row) throw notFound("Appointment");
    return requireForEnrollment(ctx.access, "create_appointment", row.enrollmentId);
  },
);

/** Object rule: the appointment's participant, their caregivers, and staff who may see the participant. */
const canSeeAppointment = rule({ cache: "no_cache" })(
  async (parent: { participantId: string }, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    return (await seesParticipant(ctx.access, parent.participantId)) ? true : notFound("Appointment");
  },
);

/** Who may use each appointments field. Fields not listed here are closed (the shield's fallback is deny). */
export const appointmentsPermissions = {
  Query: {
    appointments: forParticipant("view_participants", (a) => a.participantId, { selfAllowed: true }),
    appointment: isAuthenticated, // the Appointment object rule then decides
  },
  Mutation: {
    scheduleAppointment: canSchedule,
    markAppointment: canMark,
  },
  Appointment: {
    "*": canSeeAppointment, // seeing an appointment is reading it: staff see it through view_participants
    auditHistory: readsForParticipant("view_participants", "Appointment"), // staff only, not the participant
  },
} satisfies Permissions;
