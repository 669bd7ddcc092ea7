import { eq } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { candidates, questionnaireVersions, trialSites } from "../../db/schema/index.js";
import type { Actor } from "../core/audit.js";
import type { Config } from "../core/config.js";
import { conflict, notFound } from "../core/errors.js";
import { enrollParticipant } from "../participants/enrollments.js";
import { addParticipant } from "../participants/participants.js";
import type { Enrollment, Participant } from "../participants/refs.js";
import { auditCandidate, type Candidate } from "./candidates.js";
import { recordFunnel } from "./events.js";
import { contentOf } from "./questionnaires.js";

/** A candidate's name as a participant's first and last name: the given parts, else split from the full name. */
function namesOf(pii: Record<string, string | null>) {
  const [first = "", ...rest] = (pii.name ?? "").trim().split(/\s+/);
  return { firstName: pii.firstName || first, lastName: pii.lastName || rest.join(" ") || first };
}

/**
 * Turns a candidate referred to a trial site into a participant whose home is that site, enrolled there under
 * `subjectId`: pre-filled from the candidate's details (name, e-mail, phone, time zone, and a full date of birth
 * when the questionnaire asked for one). The candidate keeps the link to both. CONFLICT unless it is referred,
 * not yet enrolled, and has its PII (data consent).
 */
export async function enrollCandidate(
  tx: Executor,
  actor: Actor,
  config: Config,
  candidateId: string,
  input: { subjectId: string },
): Promise<{ candidate: Candidate; participant: Participant; enrollment: Enrollment }> {
  const [candidate] = await tx.select().from(candidates).where(eq(candidates.id, candidateId)).for("update");
  if (!candidate?.referredTrialSiteId) throw notFound("Referred candidate");
  if (candidate.enrollmentId) throw conflict("This candidate is enrolled already.");
  if (!candidate.pii)
    throw conflict("This candidate withdrew their data consent: they cannot be enrolled from it.");
  const [trialSite] = await tx
    .select()
    .from(trialSites)
    .where(eq(trialSites.id, candidate.referredTrialSiteId));
  const [version] = await tx
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.id, candidate.versionId));
  const dobKey = contentOf(version!).questions.find((q) => q.type === "dateofbirth")?.key;
  const dob = dobKey ? candidate.answers[dobKey] : undefined;
  const { participant } = await addParticipant(
    tx,
    actor,
    {
      siteId: trialSite!.siteId,
      ...namesOf(candidate.pii),
      email: candidate.pii.email ?? "",
      phone: candidate.pii.phoneNumber,
      dateOfBirth: typeof dob === "string" && /^\d{4}-\d{2}-\d{2}$/.test(dob) ? dob : null,
      timeZone: candidate.pii.timezone,
    },
    config,
  );
  const enrollment = await enrollParticipant(tx, actor, {
    participantId: participant.id,
    trialId: trialSite!.trialId,
    siteId: trialSite!.siteId,
    subjectId: input.subjectId,
  });
  const [updated] = await tx
    .update(candidates)
    .set({ participantId: participant.id, enrollmentId: enrollment.id })
    .where(eq(candidates.id, candidate.id))
    .returning();
  await recordFunnel(tx, candidate, [
    "enrolled",
    { trialSiteId: trialSite!.id, enrollmentId: enrollment.id },
  ]);
  await auditCandidate(tx, actor, candidate, "enroll_candidate", {
    participantId: { from: null, to: participant.id },
    enrollmentId: { from: null, to: enrollment.id },
  });
  return { candidate: updated!, participant, enrollment };
}
