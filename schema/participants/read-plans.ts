import { sql } from "drizzle-orm";
import { enrollments, participants, users } from "../../db/schema/index.js";
import {
  enrollmentHeldSql,
  enrollmentsVisibleSql,
  participantsVisibleSql,
} from "../core/participant-access.js";
import { planFields, planType } from "../core/read-plans.js";
import { enrollmentsOfTrialSite } from "./types.js";

/* How enrollments and participants are read when a whole query is answered by one statement (core/read-plans.ts). */

planType("Enrollment", {
  table: enrollments,
  visible: (ctx) => enrollmentsVisibleSql(ctx.access),
  fields: {
    id: { globalId: "Enrollment" },
    uid: { column: enrollments.id },
    subjectId: { column: enrollments.subjectId },
    status: { column: enrollments.status },
    participant: {
      object: "Participant",
      id: enrollments.participantId,
      seenThrough: (ctx) => enrollmentHeldSql(ctx.access, "view_participants"),
    },
    trialSite: { object: "TrialSite", id: enrollments.trialSiteId },
  },
});

planType("Participant", {
  table: participants,
  join: sql`JOIN ${users} ON ${users.id} = ${participants.userId}`,
  visible: (ctx) => participantsVisibleSql(ctx.access),
  fields: {
    id: { globalId: "Participant" },
    uid: { column: participants.id },
    firstName: { column: users.firstName },
    lastName: { column: users.lastName },
  },
});

planFields("TrialSite", { enrollments: { list: enrollmentsOfTrialSite } });
