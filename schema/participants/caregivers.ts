import { eq } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { caregivers, participants } from "../../db/schema/index.js";
import { changeProfile, createInvitedUser, guardEmailUnique, sendVerification } from "../accounts/users.js";
import { type Actor, changesBetween, createdChanges, recordAudit } from "../core/audit.js";
import type { Config } from "../core/config.js";
import { notFound, parseInput } from "../core/errors.js";
import { type CaregiverPatch, caregiverPatch, type NewCaregiver, newCaregiver } from "./inputs.js";
import type { Caregiver } from "./refs.js";

/** The relationships a caregiver may have to their participant (the spec's caregiver_relationships). */
export const CAREGIVER_RELATIONSHIPS = caregivers.relationship.enumValues;

/**
 * Registers a caregiver for a participant (the spec's register_caregiver): their login (a caregiver user with no
 * password yet), the caregiver row, and an invitation e-mail whose token sets their password.
 */
export async function registerCaregiver(
  tx: Executor,
  actor: Actor,
  input: NewCaregiver,
  config: Config,
): Promise<Caregiver> {
  const values = parseInput(newCaregiver, input);
  const [participant] = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(eq(participants.id, values.participantId))
    .for("share");
  if (!participant) throw notFound("Participant");
  return guardEmailUnique(async () => {
    const user = await createInvitedUser(tx, { ...values, userType: "caregiver" });
    const [caregiver] = await tx
      .insert(caregivers)
      .values({ userId: user.id, participantId: participant.id, relationship: values.relationship })
      .returning();
    await recordAudit(tx, actor, {
      action: "register_caregiver",
      resourceType: "caregiver",
      resourceId: caregiver!.id,
      changes: createdChanges({
        userId: user.id,
        participantId: participant.id,
        relationship: values.relationship,
        firstName: user.firstName,
        lastName: user.lastName,
        email: user.email,
        phone: user.phone,
        address: values.address,
      }),
    });
    await sendVerification(tx, user, config);
    return caregiver!;
  });
}

/** Changes a caregiver's details (the spec's update_caregiver); each changed field is audited. */
export async function updateCaregiver(
  tx: Executor,
  actor: Actor,
  caregiverId: string,
  patch: CaregiverPatch,
  config: Config,
): Promise<Caregiver> {
  const values = parseInput(caregiverPatch, patch);
  const [before] = await tx.select().from(caregivers).where(eq(caregivers.id, caregiverId)).for("update");
  if (!before) throw notFound("Caregiver");
  const { relationship, ...person } = values;
  const { changes } = await changeProfile(tx, before.userId, person, config);
  let after = before;
  const own = changesBetween(before, { relationship });
  if (Object.keys(own).length) {
    [after] = (await tx
      .update(caregivers)
      .set({ relationship })
      .where(eq(caregivers.id, caregiverId))
      .returning()) as [Caregiver];
  }
  const all = { ...changes, ...own };
  if (Object.keys(all).length) {
    await recordAudit(tx, actor, {
      action: "update_caregiver",
      resourceType: "caregiver",
      resourceId: caregiverId,
      changes: all,
    });
  }
  return after;
}
