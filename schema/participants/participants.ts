import { eq } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { participants, sites } from "../../db/schema/index.js";
import {
  changeProfile,
  createInvitedUser,
  guardEmailUnique,
  sendVerification,
  type User,
} from "../accounts/users.js";
import { type Actor, changesBetween, createdChanges, recordAudit } from "../core/audit.js";
import type { Config } from "../core/config.js";
import { notFound, parseInput } from "../core/errors.js";
import { findTrialSite, siteNotInTrial } from "./enrollments.js";
import { type NewParticipant, newParticipant, type ParticipantPatch, participantPatch } from "./inputs.js";
import type { Participant } from "./refs.js";

/**
 * Registers a participant at their home site (the spec's add_participant): their login (a participant user with
 * no password yet) and their profile, in one transaction, and e-mails them an invitation whose token sets their
 * password (changePassword with verificationToken). With a trial, the participant is registered through the trial
 * site where the home site takes part in it (BAD_USER_INPUT when it does not), and that trial site's staff see
 * them. An e-mail address already in use is a CONFLICT.
 */
export async function addParticipant(
  tx: Executor,
  actor: Actor,
  input: NewParticipant,
  config: Config,
): Promise<{ participant: Participant; user: User }> {
  const values = parseInput(newParticipant, input);
  const [site] = await tx
    .select({ id: sites.id, timeZone: sites.timeZone })
    .from(sites)
    .where(eq(sites.id, values.siteId))
    .for("share");
  if (!site) throw notFound("Site");
  const trialSite = values.trialId ? await findTrialSite(tx, values.trialId, site.id) : null;
  if (values.trialId && !trialSite) throw siteNotInTrial();
  return guardEmailUnique(async () => {
    const user = await createInvitedUser(tx, { ...values, userType: "participant" });
    const [participant] = await tx
      .insert(participants)
      .values({
        userId: user.id,
        homeSiteId: site.id,
        registeredTrialSiteId: trialSite?.id ?? null,
        dateOfBirth: values.dateOfBirth ?? null,
        emergencyContact: values.emergencyContact,
        emergencyPhone: values.emergencyPhone ?? null,
        timeZone: values.timeZone ?? site.timeZone,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: "add_participant",
      resourceType: "participant",
      resourceId: participant!.id,
      changes: createdChanges({
        userId: user.id,
        homeSiteId: site.id,
        registeredTrialSiteId: participant!.registeredTrialSiteId,
        firstName: user.firstName,
        lastName: user.lastName,
        email: user.email,
        phone: user.phone,
        address: values.address,
        dateOfBirth: participant!.dateOfBirth,
        emergencyContact: participant!.emergencyContact,
        emergencyPhone: participant!.emergencyPhone,
        timeZone: participant!.timeZone,
        emailEnabled: user.emailEnabled,
        smsEnabled: user.smsEnabled,
      }),
    });
    await sendVerification(tx, user, config);
    return { participant: participant!, user };
  });
}

/**
 * Changes a participant's details (the spec's update_participant); omitted fields stay as they are. Every changed
 * field, on the participant or their user, is audited with its old and new value.
 */
export async function updateParticipant(
  tx: Executor,
  actor: Actor,
  participantId: string,
  patch: ParticipantPatch,
  config: Config,
): Promise<Participant> {
  const values = parseInput(participantPatch, patch);
  const [before] = await tx
    .select()
    .from(participants)
    .where(eq(participants.id, participantId))
    .for("update");
  if (!before) throw notFound("Participant");
  const { firstName, lastName, email, phone, address, ...own } = values;
  const person = await changeProfile(
    tx,
    before.userId,
    { firstName, lastName, email, phone, address },
    config,
  );
  const changes = { ...person.changes, ...changesBetween(before, own) };
  let after = before;
  if (Object.keys(changesBetween(before, own)).length) {
    [after] = (await tx
      .update(participants)
      .set(own)
      .where(eq(participants.id, participantId))
      .returning()) as [Participant];
  }
  if (Object.keys(changes).length) {
    await recordAudit(tx, actor, {
      action: "update_participant",
      resourceType: "participant",
      resourceId: participantId,
      changes,
    });
  }
  return after;
}
