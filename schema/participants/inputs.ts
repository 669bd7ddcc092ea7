import { z } from "zod";
import { caregiverRelationship, enrollmentStatus } from "../../db/schema/index.js";
import { email, name, phone, address as postalAddress } from "../accounts/inputs.js";
import { timeZone } from "../organizations/inputs.js";

/** A postal address as GraphQL gives it (a null country means the default, US). */
export const address = z.preprocess(
  (value) =>
    value && typeof value === "object"
      ? { ...value, country: (value as { country?: unknown }).country ?? undefined }
      : value,
  postalAddress,
);

/** Input rules of the participants area. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);

/** A calendar date not after today (UTC, a day of slack for time zones ahead of it). */
export const dateOfBirth = z.string().refine((value) => {
  const latest = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return value <= latest && value >= "1900-01-01";
}, "must be a date in the past (YYYY-MM-DD)");

export const newParticipant = z.object({
  siteId: z.string().min(1),
  trialId: z.string().min(1).nullish(),
  firstName: name,
  lastName: name,
  email,
  phone: phone.nullish(),
  dateOfBirth: dateOfBirth.nullish(),
  address: address.nullish(),
  emergencyContact: optionalText(200),
  emergencyPhone: phone.nullish(),
  timeZone: timeZone.nullish(),
  emailEnabled: z.boolean().nullish(),
  smsEnabled: z.boolean().nullish(),
});
export type NewParticipant = z.input<typeof newParticipant>;

export const participantPatch = z.object({
  firstName: name.optional(),
  lastName: name.optional(),
  email: email.optional(),
  phone: phone.nullable().optional(),
  dateOfBirth: dateOfBirth.nullable().optional(),
  address: address.nullable().optional(),
  emergencyContact: optionalText(200).optional(),
  emergencyPhone: phone.nullable().optional(),
  timeZone: timeZone.optional(),
});
export type ParticipantPatch = z.input<typeof participantPatch>;

/** What a participant (or their caregiver) may change about themselves; the rest is the site's to change. */
export const SELF_EDITABLE_PARTICIPANT_FIELDS = [
  "email",
  "phone",
  "address",
  "emergencyContact",
  "emergencyPhone",
  "timeZone",
] as const;

export const subjectId = z.string().trim().min(1, "is required").max(50, "must be at most 50 characters");

export const enrollmentStatusInput = z.enum(enrollmentStatus.enumValues);

export const relationship = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z.enum(caregiverRelationship.enumValues, {
      error: `must be one of ${caregiverRelationship.enumValues.join(", ")}`,
    }),
  );

export const newCaregiver = z.object({
  participantId: z.string().min(1),
  firstName: name,
  lastName: name,
  email,
  phone: phone.nullish(),
  address: address.nullish(),
  relationship,
});
export type NewCaregiver = z.input<typeof newCaregiver>;

export const caregiverPatch = z.object({
  firstName: name.optional(),
  lastName: name.optional(),
  email: email.optional(),
  phone: phone.nullable().optional(),
  address: address.nullable().optional(),
  relationship: relationship.optional(),
});
export type CaregiverPatch = z.input<typeof caregiverPatch>;
