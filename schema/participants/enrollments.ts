import { and, type Column, eq } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/connection.js";
import { enrollments, participants, sites, trialSites, trials } from "../../db/schema/index.js";
import { type Actor, createdChanges, recordAudit } from "../core/audit.js";
import {
  badInput,
  conflict,
  DomainError,
  notFound,
  onViolation,
  PG_UNIQUE_VIOLATION,
  parseInput,
} from "../core/errors.js";
import { encodeGlobalId } from "../core/ids.js";
import { emitWebhookEvent } from "../core/webhooks.js";
import { lockTrial } from "../trials/trials.js";
import { enrollmentStatusInput, subjectId } from "./inputs.js";
import type { Enrollment } from "./refs.js";

export type EnrollmentStatus = (typeof enrollments.$inferSelect)["status"];

/** The trial site where `siteId` takes part in `trialId`, or null. */
export async function findTrialSite(tx: Executor, trialId: string, siteId: string) {
  const [trialSite] = await tx
    .select()
    .from(trialSites)
    .where(and(eq(trialSites.trialId, trialId), eq(trialSites.siteId, siteId)));
  return trialSite ?? null;
}

/**
 * Joins to `query` the enrollment its `enrollmentId` column names, with the enrollment's trial, trial site and site,
 * so that its selection and filters may use their columns.
 */
export function withEnrollment<Query extends PgSelect>(query: Query, enrollmentId: Column) {
  return query
    .innerJoin(enrollments, eq(enrollments.id, enrollmentId))
    .innerJoin(trialSites, eq(trialSites.id, enrollments.trialSiteId))
    .innerJoin(trials, eq(trials.id, enrollments.trialId))
    .innerJoin(sites, eq(sites.id, trialSites.siteId));
}

export const siteNotInTrial = () => badInput([{ field: "siteId", message: "site is not in the trial" }]);

/**
 * Enrolls a participant in a trial at one of its sites (the spec's enroll). The trial must be live; the subject
 * id is unique within the trial and a participant is enrolled in a trial once (CONFLICT otherwise, also under
 * concurrent requests: both are unique keys).
 */
export async function enrollParticipant(
  tx: Executor,
  actor: Actor,
  input: { participantId: string; trialId: string; siteId: string; subjectId: string },
): Promise<Enrollment> {
  const subject = parseInput(subjectId, input.subjectId);
  const trial = await lockTrial(tx, input.trialId, "share");
  const trialSite = await findTrialSite(tx, trial.id, input.siteId);
  if (!trialSite) throw siteNotInTrial();
  const [participant] = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.id, input.participantId))
    .for("share");
  if (!participant) throw notFound("Participant");
  if (trial.status !== "live") {
    throw conflict(
      `The trial is ${trial.status.toUpperCase()}; participants can be enrolled only while it is LIVE.`,
    );
  }
  const [enrollment] = await onViolation(
    () =>
      tx
        .insert(enrollments)
        .values({
          participantId: participant.id,
          trialSiteId: trialSite.id,
          trialId: trial.id,
          subjectId: subject,
        })
        .returning(),
    {
      code: PG_UNIQUE_VIOLATION,
      constraint: "enrollments_trial_subject_key",
      error: () =>
        new DomainError("CONFLICT", `Subject id "${subject}" is already used in this trial.`, {
          fields: [{ field: "subjectId", message: "is already used in this trial" }],
        }),
    },
    {
      code: PG_UNIQUE_VIOLATION,
      constraint: "enrollments_participant_trial_key",
      error: () => conflict("This participant is already enrolled in the trial."),
    },
  );
  await recordAudit(tx, actor, {
    action: "enroll",
    resourceType: "enrollment",
    resourceId: enrollment!.id,
    changes: createdChanges({
      participantId: participant.id,
      trialSiteId: trialSite.id,
      trialId: trial.id,
      subjectId: subject,
      status: enrollment!.status,
    }),
  });
  await emitWebhookEvent(tx, {
    type: "participant.enrolled",
    trialId: trial.id,
    data: {
      enrollmentId: encodeGlobalId("Enrollment", enrollment!.id),
      trialId: encodeGlobalId("Trial", trial.id),
      trialSiteId: encodeGlobalId("TrialSite", trialSite.id),
      status: enrollment!.status.toUpperCase(),
      enrolledAt: enrollment!.createdAt.toISOString(),
    },
  });
  return enrollment!;
}

/** Sets an enrollment's status (the spec's set_enrollment_status): ENROLLED, DROPPED or COMPLETED. */
export async function setEnrollmentStatus(
  tx: Executor,
  actor: Actor,
  enrollmentId: string,
  status: EnrollmentStatus,
): Promise<Enrollment> {
  const value = parseInput(enrollmentStatusInput, status);
  const [before] = await tx.select().from(enrollments).where(eq(enrollments.id, enrollmentId)).for("update");
  if (!before) throw notFound("Enrollment");
  if (before.status === value) return before;
  const [after] = await tx
    .update(enrollments)
    .set({ status: value, statusChangedAt: new Date() })
    .where(eq(enrollments.id, enrollmentId))
    .returning();
  await recordAudit(tx, actor, {
    action: "set_enrollment_status",
    resourceType: "enrollment",
    resourceId: enrollmentId,
    changes: { status: { from: before.status, to: value } },
  });
  return after!;
}
