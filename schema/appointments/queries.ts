import { and, asc, desc, eq, gt, lte } from "drizzle-orm";
import { appointments, enrollments } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { decodeGlobalId } from "../core/ids.js";
import { AppointmentRef, selectAppointments } from "./refs.js";

builder.queryFields((t) => ({
  appointments: t.field({
    type: [AppointmentRef],
    description:
      "A participant's appointments: upcoming ones soonest first, or with past: true those whose time has passed, latest first. Staff who may view the participant, the participant and their caregivers.",
    args: {
      participantId: t.arg.id({ description: "The participant's id." }),
      past: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: "true: past visits, latest first; false (default): upcoming ones, soonest first.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      const participantId = decodeGlobalId(args.participantId, "participantId", "Participant").id;
      const now = new Date();
      return selectAppointments(ctx.db)
        .where(
          and(
            eq(enrollments.participantId, participantId),
            args.past ? lte(appointments.scheduledAt, now) : gt(appointments.scheduledAt, now),
          ),
        )
        .orderBy(
          args.past ? desc(appointments.scheduledAt) : asc(appointments.scheduledAt),
          asc(appointments.id),
        );
    },
  }),
  appointment: t.field({
    type: AppointmentRef,
    description: "One appointment; NOT_FOUND unless you may see its participant.",
    args: { id: t.arg.globalID({ for: AppointmentRef, description: "The appointment's global id." }) },
    resolve: (_root, args) => args.id.id,
  }),
}));
