import { AddressInput } from "../accounts/mutations.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { badInput, forbidden } from "../core/errors.js";
import { holdsForParticipant, requireForParticipant } from "../core/participant-access.js";
import { requireTrialSite } from "../core/rules.js";
import { inTransaction } from "../core/transaction.js";
import { SiteRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import { registerCaregiver, updateCaregiver } from "./caregivers.js";
import { enrollParticipant, setEnrollmentStatus } from "./enrollments.js";
import { SELF_EDITABLE_PARTICIPANT_FIELDS } from "./inputs.js";
import { addParticipant, updateParticipant } from "./participants.js";
import { setPaymentType } from "./payout.js";
import { CaregiverRef, EnrollmentRef, ParticipantRef } from "./refs.js";
import { EnrollmentStatusEnum, PaymentTypeCodeEnum, PayoutMethodRef } from "./types.js";

/** Drops nulls GraphQL sends for omitted optional fields where null means nothing (names, e-mail). */
const undefinedIfNull = <T>(value: T | null | undefined) => value ?? undefined;

/** Fields of an input object that were given (not undefined). */
const given = (input: Record<string, unknown>) => Object.keys(input).filter((k) => input[k] !== undefined);

builder.relayMutationField(
  "addParticipant",
  {
    description: "The new participant's details.",
    inputFields: (t) => ({
      siteId: t.globalID({ for: SiteRef, description: "The participant's home site." }),
      trialId: t.globalID({
        for: TrialRef,
        required: false,
        description:
          "The trial the participant is registered for, run at siteId. Staff of that trial site (holding add_participant there) may register them, and then see them, without any grant on the site itself.",
      }),
      firstName: t.string({ description: "Given name (1-100 characters)." }),
      lastName: t.string({ description: "Family name (1-100 characters)." }),
      email: t.string({ description: "Their login; an invitation to set a password is e-mailed here." }),
      phone: t.string({ required: false, description: "Phone number, e.g. (212) 555-1212." }),
      dateOfBirth: t.field({ type: "Date", required: false, description: "Not in the future." }),
      address: t.field({ type: AddressInput, required: false, description: "Postal address." }),
      emergencyContact: t.string({ required: false, description: "Whom to call in an emergency." }),
      emergencyPhone: t.string({ required: false, description: "The emergency contact's phone number." }),
      timeZone: t.string({ required: false, description: "IANA time zone; the home site's when omitted." }),
      emailEnabled: t.boolean({ required: false, description: "May be e-mailed (default true)." }),
      smsEnabled: t.boolean({ required: false, description: "May be texted (default true)." }),
    }),
  },
  {
    description:
      "Registers a participant at their home site: creates their login and e-mails an invitation whose token sets their password (changePassword with verificationToken). Needs add_participant on the site, or, with trialId, on the trial site where the site runs that trial (the participant is then seen by that trial site's staff). BAD_USER_INPUT when the site is not in the trial; an e-mail already in use is a CONFLICT.",
    resolve: async (_root, { input }, ctx) => {
      const { participant } = await inTransaction(ctx, (tx, actor) =>
        addParticipant(
          tx,
          actor,
          { ...input, siteId: input.siteId.id, trialId: input.trialId?.id },
          ctx.config,
        ),
      );
      return { participant };
    },
  },
  {
    description: "The participant as saved.",
    outputFields: (t) => ({
      participant: t.field({
        type: ParticipantRef,
        description: "The participant.",
        resolve: (p) => p.participant.id,
      }),
    }),
  },
);

builder.relayMutationField(
  "updateParticipant",
  {
    description: "The participant and the details to change; omitted fields stay as they are.",
    inputFields: (t) => ({
      participantId: t.globalID({ for: ParticipantRef, description: "The participant's global id." }),
      firstName: t.string({ required: false, description: "Given name (1-100 characters); staff only." }),
      lastName: t.string({ required: false, description: "Family name (1-100 characters); staff only." }),
      email: t.string({ required: false, description: "A new address must be verified again." }),
      phone: t.string({ required: false, description: "null clears it." }),
      dateOfBirth: t.field({ type: "Date", required: false, description: "null clears it." }),
      address: t.field({ type: AddressInput, required: false, description: "null removes it." }),
      emergencyContact: t.string({
        required: false,
        description: "Whom to call in an emergency; null clears it.",
      }),
      emergencyPhone: t.string({ required: false, description: "Their phone number; null clears it." }),
      timeZone: t.string({ required: false, description: 'IANA time zone, e.g. "America/Denver".' }),
    }),
  },
  {
    description:
      "Changes a participant's details; omitted fields stay as they are. Staff need update_participant where the participant is seen and may change everything. The participant themself, or their caregiver, may change only contact details: email, phone, address, emergencyContact, emergencyPhone and timeZone (FORBIDDEN for names or date of birth).",
    resolve: async (_root, { input }, ctx) => {
      const { participantId, ...patch } = input;
      const id = participantId.id;
      if (!(await holdsForParticipant(ctx.access, "update_participant", id))) {
        const others = given(patch).filter(
          (f) => !(SELF_EDITABLE_PARTICIPANT_FIELDS as readonly string[]).includes(f),
        );
        if (others.length) {
          throw forbidden(`You may change only your contact details, not ${others.join(", ")}.`);
        }
      }
      const participant = await inTransaction(ctx, (tx, actor) =>
        updateParticipant(
          tx,
          actor,
          id,
          {
            ...patch,
            firstName: undefinedIfNull(patch.firstName),
            lastName: undefinedIfNull(patch.lastName),
            email: undefinedIfNull(patch.email),
            timeZone: undefinedIfNull(patch.timeZone),
          },
          ctx.config,
        ),
      );
      return { participant };
    },
  },
  {
    description: "The participant as saved.",
    outputFields: (t) => ({
      participant: t.field({
        type: ParticipantRef,
        description: "The participant.",
        resolve: (p) => p.participant.id,
      }),
    }),
  },
);

builder.relayMutationField(
  "enroll",
  {
    description: "Who is enrolled, where, under which subject id.",
    inputFields: (t) => ({
      participantId: t.globalID({ for: ParticipantRef, description: "The participant's global id." }),
      trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }),
      siteId: t.globalID({ for: SiteRef, description: "A site taking part in the trial." }),
      subjectId: t.string({ description: "Unique within the trial." }),
    }),
  },
  {
    description:
      "Enrolls a participant in a live trial at one of its sites. Needs sight of the participant and enroll on the trial site; BAD_USER_INPUT when the site is not in the trial; CONFLICT for a subject id already used in the trial or a participant already enrolled in it.",
    resolve: async (_root, { input }, ctx) => {
      await requireTrialSite(ctx.access, "enroll", input.trialId.id, input.siteId.id);
      const enrollment = await inTransaction(ctx, (tx, actor) =>
        enrollParticipant(tx, actor, {
          participantId: input.participantId.id,
          trialId: input.trialId.id,
          siteId: input.siteId.id,
          subjectId: input.subjectId,
        }),
      );
      return { enrollment };
    },
  },
  {
    description: "The enrollment as saved.",
    outputFields: (t) => ({
      enrollment: t.field({
        type: EnrollmentRef,
        description: "The enrollment.",
        resolve: (p) => p.enrollment,
      }),
    }),
  },
);

builder.relayMutationField(
  "setEnrollmentStatus",
  {
    description: "The enrollment and its new status.",
    inputFields: (t) => ({
      enrollmentId: t.globalID({ for: EnrollmentRef, description: "The enrollment's global id." }),
      status: t.field({ type: EnrollmentStatusEnum, description: "The new status." }),
    }),
  },
  {
    description:
      "Sets an enrollment's status: ENROLLED, DROPPED or COMPLETED. Payments already owed stay owed. Needs set_enrollment_status on its trial site.",
    resolve: async (_root, { input }, ctx) => ({
      enrollment: await inTransaction(ctx, (tx, actor) =>
        setEnrollmentStatus(tx, actor, input.enrollmentId.id, input.status),
      ),
    }),
  },
  {
    description: "The enrollment as saved.",
    outputFields: (t) => ({
      enrollment: t.field({
        type: EnrollmentRef,
        description: "The enrollment.",
        resolve: (p) => p.enrollment,
      }),
    }),
  },
);

builder.relayMutationField(
  "registerCaregiver",
  {
    description: "The new caregiver's details and whom they act for.",
    inputFields: (t) => ({
      participantId: t.globalID({ for: ParticipantRef, description: "The participant they act for." }),
      firstName: t.string({ description: "Given name (1-100 characters)." }),
      lastName: t.string({ description: "Family name (1-100 characters)." }),
      email: t.string({ description: "Their login; an invitation to set a password is e-mailed here." }),
      phone: t.string({ required: false, description: "Phone number, e.g. (212) 555-1212." }),
      address: t.field({ type: AddressInput, required: false, description: "Postal address." }),
      relationship: t.string({ description: "parent, guardian or nurse (see caregiverRelationships)." }),
    }),
  },
  {
    description:
      "Registers a caregiver who may act for a participant: creates their login and e-mails an invitation. Needs add_participant where the participant is seen.",
    resolve: async (_root, { input }, ctx) => ({
      caregiver: await inTransaction(ctx, (tx, actor) =>
        registerCaregiver(tx, actor, { ...input, participantId: input.participantId.id }, ctx.config),
      ),
    }),
  },
  {
    description: "The caregiver as saved.",
    outputFields: (t) => ({
      caregiver: t.field({ type: CaregiverRef, description: "The caregiver.", resolve: (p) => p.caregiver }),
    }),
  },
);

builder.relayMutationField(
  "updateCaregiver",
  {
    description: "The caregiver and the details to change; omitted fields stay as they are.",
    inputFields: (t) => ({
      caregiverId: t.globalID({ for: CaregiverRef, description: "The caregiver's global id." }),
      firstName: t.string({ required: false, description: "Given name (1-100 characters)." }),
      lastName: t.string({ required: false, description: "Family name (1-100 characters)." }),
      email: t.string({ required: false, description: "A new address must be verified again." }),
      phone: t.string({ required: false, description: "Phone number; null clears it." }),
      address: t.field({
        type: AddressInput,
        required: false,
        description: "Postal address; null removes it.",
      }),
      relationship: t.string({ required: false, description: "parent, guardian or nurse; staff only." }),
    }),
  },
  {
    description:
      "Changes a caregiver's details. Staff need add_participant where the participant is seen; the caregiver themself may change their name, e-mail, phone and address, not the relationship.",
    resolve: async (_root, { input }, ctx) => {
      const { caregiverId, ...patch } = input;
      const caregiver = await CaregiverRef.getDataloader(ctx).load(caregiverId.id);
      if (patch.relationship != null && caregiver.userId === ctx.viewer?.userId) {
        await requireForParticipant(ctx.access, "add_participant", caregiver.participantId);
      }
      return {
        caregiver: await inTransaction(ctx, (tx, actor) =>
          updateCaregiver(
            tx,
            actor,
            caregiverId.id,
            {
              ...patch,
              firstName: undefinedIfNull(patch.firstName),
              lastName: undefinedIfNull(patch.lastName),
              email: undefinedIfNull(patch.email),
              relationship: undefinedIfNull(patch.relationship),
            },
            ctx.config,
          ),
        ),
      };
    },
  },
  {
    description: "The caregiver as saved.",
    outputFields: (t) => ({
      caregiver: t.field({ type: CaregiverRef, description: "The caregiver.", resolve: (p) => p.caregiver }),
    }),
  },
);

builder.relayMutationField(
  "setPaymentType",
  {
    description: "The enrollment, the way it is paid, and that way's details (others must be omitted).",
    inputFields: (t) => ({
      enrollmentId: t.globalID({ for: EnrollmentRef, description: "The enrollment's global id." }),
      paymentType: t.field({ type: PaymentTypeCodeEnum, description: "The way to be paid." }),
      email: t.string({ required: false, description: "PAYPAL: the PayPal account's e-mail." }),
      phone: t.string({ required: false, description: "VENMO: the Venmo account's phone." }),
      address: t.field({
        type: AddressInput,
        required: false,
        description: "CHECK: where to mail it; the participant's address when omitted.",
      }),
      accountHolder: t.string({ required: false, description: "BANK_ACCOUNT, DEBIT_CARD." }),
      routingNumber: t.string({ required: false, description: "BANK_ACCOUNT: 9-digit ABA routing number." }),
      accountNumber: t.string({
        required: false,
        description: "BANK_ACCOUNT: 4–17 digits; stored encrypted.",
      }),
      cardNumber: t.string({ required: false, description: "DEBIT_CARD: stored encrypted." }),
    }),
  },
  {
    description:
      "Chooses how an enrollment is paid, replacing any earlier choice. Staff need set_payment_type on its trial site; the participant and their caregivers may set their own. Account and card numbers are stored encrypted and only their last four digits are ever shown.",
    resolve: async (_root, { input }, ctx: Context) => {
      const { enrollmentId, ...details } = input;
      if (details.paymentType === undefined)
        throw badInput([{ field: "paymentType", message: "is required" }]);
      const payoutMethod = await inTransaction(ctx, (tx, actor) =>
        setPaymentType(tx, actor, enrollmentId.id, details, ctx.config),
      );
      return { enrollmentId: enrollmentId.id, payoutMethod };
    },
  },
  {
    description: "The way chosen, as stored (numbers masked).",
    outputFields: (t) => ({
      payoutMethod: t.field({
        type: PayoutMethodRef,
        description: "The enrollment's payout method now.",
        resolve: (p) => p.payoutMethod,
      }),
      enrollment: t.field({
        type: EnrollmentRef,
        description: "The enrollment.",
        resolve: (p) => p.enrollmentId,
      }),
    }),
  },
);
