import { eq } from "drizzle-orm";
import { rule } from "graphql-shield";
import { appointments } from "../../db/schema/index.js";
import type { Context } from "../core/context.js";
import { badInput, notFound, unauthenticated } from "../core/errors.js";
import { requireForEnrollment, requireForParticipant, seesParticipant } from "../core/participant-access.js";
import { forParticipant, idOf, isAuthenticated } from "../core/rules.js";
import { enrollmentFor } from "./appointments.js";

/** Rules return their errors, so the code and message reach the client. */
async function decide(check: () => Promise<unknown>): Promise<true | Error> {
  try {
    await check();
    return true;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

interface ScheduleArgs {
  input: { enrollmentId?: string | null; participantId?: string | null };
}

/**
 * create_appointment on the trial site of the enrollment given — or of the participant's only enrollment. With a
 * participant of several (or no) enrollments, create_appointment where the participant is seen; the mutation then
 * asks which enrollment.
 */
const canSchedule = rule({ cache: "no_cache" })((_parent, args: ScheduleArgs, ctx: Context) =>
  decide(async () => {
    const { enrollmentId, participantId } = args.input;
    if (enrollmentId != null)
      return requireForEnrollment(ctx.access, "create_appointment", idOf(enrollmentId, "Enrollment"));
    if (participantId == null)
      throw badInput([{ field: "enrollmentId", message: "give the enrollment (or the participant)." }]);
    const participant = idOf(participantId, "Participant");
    const only = await enrollmentFor(ctx.db, { participantId: participant });
    return only
      ? requireForEnrollment(ctx.access, "create_appointment", only.id)
      : requireForParticipant(ctx.access, "create_appointment", participant);
  }),
);

/** create_appointment on the trial site of the appointment's enrollment. */
const canMark = rule({ cache: "no_cache" })(
  (_parent, args: { input: { appointmentId: string } }, ctx: Context) =>
    decide(async () => {
      if (!ctx.viewer) throw unauthenticated();
      const [row] = await ctx.db
        .select({ enrollmentId: appointments.enrollmentId })
        .from(appointments)
        .where(eq(appointments.id, idOf(args.input.appointmentId, "Appointment")));
      if (!row) throw notFound("Appointment");
      return requireForEnrollment(ctx.access, "create_appointment", row.enrollmentId);
    }),
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
    appointments: forParticipant("view_participants", "participantId", { selfAllowed: true }),
    appointment: isAuthenticated, // the Appointment object rule then decides
  },
  Mutation: {
    scheduleAppointment: canSchedule,
    markAppointment: canMark,
  },
  Appointment: canSeeAppointment,
};
