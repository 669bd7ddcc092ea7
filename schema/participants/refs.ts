import { eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { caregivers, enrollments, participants, users } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { participantsVisibleSql } from "../core/participant-access.js";
import { shownBy } from "../core/shield.js";

export type Participant = typeof participants.$inferSelect;

/**
 * A participant as the Participant type reads it: with the name and contact fields of their login in the same
 * row, so a list of participants with names is one statement and its names resolve without waiting.
 */
export type ParticipantRow = Participant & {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  addressId: string | null;
};

/** The columns of a ParticipantRow, from participants joined with users. */
export const PARTICIPANT_ROW = {
  ...getTableColumns(participants),
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
  phone: users.phone,
  addressId: users.addressId,
};

/** Participants with their login's name and contact fields (add a where). */
export const selectParticipants = (db: Executor) =>
  db.select(PARTICIPANT_ROW).from(participants).innerJoin(users, eq(users.id, participants.userId));
export type Enrollment = typeof enrollments.$inferSelect;
export type Caregiver = typeof caregivers.$inferSelect;

/** Participants, enrollments and caregivers, loadable by id in batches; their fields are added in ./types.ts. */
export const ParticipantRef = builder.loadableNodeRef<ParticipantRow>("Participant", {
  id: { resolve: (participant) => participant.id },
  load: (ids: string[], ctx) => loadParticipants(ctx, ids),
  sort: (participant) => participant.id,
});

/**
 * Participants by id, each also tested against the viewer's participant visibility in SQL (the Participant rule's
 * SQL form): those it keeps are decided for the rule; the others are left to the rule, which refuses them.
 */
async function loadParticipants(ctx: Context, ids: string[]): Promise<ParticipantRow[]> {
  const visible = await participantsVisibleSql(ctx.access);
  const rows = await ctx.db
    .select({ ...PARTICIPANT_ROW, shown: sql<boolean>`${visible ?? sql`true`}` })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(inArray(participants.id, ids));
  const shown: ParticipantRow[] = [];
  const participantRows = rows.map(({ shown: isShown, ...row }) => {
    if (isShown) shown.push(row);
    return row;
  });
  shownBy(ctx.access, "Participant", shown);
  return participantRows;
}

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
