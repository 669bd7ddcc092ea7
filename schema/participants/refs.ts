import { inArray } from "drizzle-orm";
import { caregivers, enrollments, participants } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";

export type Participant = typeof participants.$inferSelect;
export type Enrollment = typeof enrollments.$inferSelect;
export type Caregiver = typeof caregivers.$inferSelect;

/** Participants, enrollments and caregivers, loadable by id in batches; their fields are added in ./types.ts. */
export const ParticipantRef = builder.loadableNodeRef<Participant>("Participant", {
  id: { resolve: (participant) => participant.id },
  load: (ids: string[], ctx) => ctx.db.select().from(participants).where(inArray(participants.id, ids)),
  sort: (participant) => participant.id,
});

export const EnrollmentRef = builder.loadableNodeRef<Enrollment>("Enrollment", {
  id: { resolve: (enrollment) => enrollment.id },
  load: (ids: string[], ctx) => ctx.db.select().from(enrollments).where(inArray(enrollments.id, ids)),
  sort: (enrollment) => enrollment.id,
});

export const CaregiverRef = builder.loadableNodeRef<Caregiver>("Caregiver", {
  id: { resolve: (caregiver) => caregiver.id },
  load: (ids: string[], ctx) => ctx.db.select().from(caregivers).where(inArray(caregivers.id, ids)),
  sort: (caregiver) => caregiver.id,
});
