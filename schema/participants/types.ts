import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import {
  caregivers,
  enrollments,
  participants,
  type paymentTypes,
  payoutMethods,
  users,
} from "../../db/schema/index.js";
import { AddressRef, UserRef } from "../accounts/types.js";
import type { User } from "../accounts/users.js";
import { addAuditHistory } from "../audit/types.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { byCreation, type Children, childrenPage } from "../core/pagination.js";
import { enrollmentsVisibleSql } from "../core/participant-access.js";
import { shownBy } from "../core/shield.js";
import { SiteRef } from "../organizations/refs.js";
import { TrialRef, TrialSiteRef } from "../trials/refs.js";
import type { PayoutMethod } from "./payout.js";
import {
  CaregiverRef,
  type Enrollment,
  EnrollmentRef,
  PARTICIPANT_ROW,
  ParticipantRef,
  selectParticipants,
} from "./refs.js";
import "./schedule.js";

export const EnrollmentStatusEnum = builder.enumType("EnrollmentStatus", {
  description: "Only ENROLLED participants can be paid for new milestones.",
  values: {
    ENROLLED: { value: "enrolled", description: "Taking part: can be paid for new milestones." },
    DROPPED: {
      value: "dropped",
      description: "Left the trial early: owed payments stay, no new milestones.",
    },
    COMPLETED: {
      value: "completed",
      description: "Finished the trial: owed payments stay, no new milestones.",
    },
  } as const,
});

export const CaregiverRelationshipEnum = builder.enumType("CaregiverRelationship", {
  description: "How a caregiver is related to the participant they act for.",
  values: {
    PARENT: { value: "parent", description: "The participant's parent." },
    GUARDIAN: { value: "guardian", description: "The participant's legal guardian." },
    NURSE: { value: "nurse", description: "A nurse caring for the participant." },
  } as const,
});

export const PaymentTypeCodeEnum = builder.enumType("PaymentTypeCode", {
  description: "A way a participant can be paid; setPaymentType says which details each needs.",
  values: {
    BANK_ACCOUNT: {
      value: "bank_account",
      description: "Transfer to a bank account (account holder and number).",
    },
    PAYPAL: { value: "paypal", description: "To a PayPal account, by its e-mail address." },
    VENMO: { value: "venmo", description: "To a Venmo account, by its phone number." },
    CHECK: { value: "check", description: "A paper check mailed to a postal address." },
    DEBIT_CARD: { value: "debit_card", description: "Onto a debit card (cardholder and card number)." },
  } as const,
});

export const PaymentTypeRef = builder.objectRef<typeof paymentTypes.$inferSelect>("PaymentType").implement({
  description: "A way a participant can be paid (reference data).",
  fields: (t) => ({
    code: t.expose("code", { type: PaymentTypeCodeEnum, description: "The code setPaymentType takes." }),
    name: t.exposeString("name", { description: "Its name for display, e.g. Bank account." }),
    description: t.exposeString("description", {
      description: "A sentence for the participant choosing it.",
    }),
  }),
});

export const PayoutMethodRef = builder.objectRef<PayoutMethod>("PayoutMethod").implement({
  description:
    "How an enrollment's money is paid out. Account and card numbers are never shown: only their last four digits.",
  fields: (t) => ({
    type: t.expose("paymentType", { type: PaymentTypeCodeEnum, description: "The way chosen." }),
    email: t.exposeString("email", { nullable: true, description: "PayPal." }),
    phone: t.exposeString("phone", { nullable: true, description: "Venmo." }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      description: "Where a check is mailed.",
      resolve: (method) => method.addressId,
    }),
    accountHolder: t.exposeString("accountHolder", {
      nullable: true,
      description: "The bank account's or card's holder (bank account, debit card).",
    }),
    accountLast4: t.exposeString("accountLast4", {
      nullable: true,
      description: "Last four digits of the bank account or card number.",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it was last set." }),
  }),
});

/** The user row behind a participant or caregiver, through the request's User loader. */
const userOf = (ctx: Context, userId: string): Promise<User> => UserRef.getDataloader(ctx).load(userId);

/** Groups rows by a key, in the order of `keys`. */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const grouped = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((key) => grouped.get(key) ?? []);
}

/** The enrollments `where` picks that the viewer may see (visibility in the same statement), oldest first. */
export async function visibleEnrollments(ctx: Context, where: SQL): Promise<Enrollment[]> {
  const rows = await ctx.db
    .select()
    .from(enrollments)
    .where(and(where, await enrollmentsVisibleSql(ctx.access)))
    .orderBy(asc(enrollments.createdAt), asc(enrollments.id));
  return shownBy(ctx.access, "Enrollment", rows);
}

ParticipantRef.implement({
  description:
    "Someone taking part in trials, registered at a home site. Name, e-mail, phone and address come from their login (user). Read by the participant, their caregivers, and staff who may see them (view_participants where they are registered or enrolled).",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    firstName: t.exposeString("firstName", { description: "Given name." }),
    lastName: t.exposeString("lastName", { description: "Family name." }),
    email: t.exposeString("email", { description: "The e-mail address of their login." }),
    phone: t.exposeString("phone", { nullable: true, description: "Phone number, if given." }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      description: "Postal address, if given.",
      resolve: (p) => p.addressId,
    }),
    dateOfBirth: t.expose("dateOfBirth", {
      type: "Date",
      nullable: true,
      description: "Date of birth, if given.",
    }),
    emergencyContact: t.exposeString("emergencyContact", {
      nullable: true,
      description: "Whom to call in an emergency, if given.",
    }),
    emergencyPhone: t.exposeString("emergencyPhone", {
      nullable: true,
      description: "The emergency contact's phone number, if given.",
    }),
    timeZone: t.exposeString("timeZone", { description: 'IANA time zone, e.g. "America/New_York".' }),
    homeSite: t.field({
      type: SiteRef,
      description: "The site where the participant was registered.",
      resolve: (p) => p.homeSiteId,
    }),
    user: t.field({
      type: UserRef,
      description: "The login the participant uses.",
      resolve: (p) => p.userId,
    }),
    enrollments: t.loadableList({
      type: EnrollmentRef,
      description: "The participant's enrollments you may see, oldest first.",
      load: async (participantIds: string[], ctx) =>
        groupBy(
          participantIds,
          await visibleEnrollments(ctx, inArray(enrollments.participantId, participantIds)),
          (r) => r.participantId,
        ),
      resolve: (p) => p.id,
    }),
    caregivers: t.loadableList({
      type: CaregiverRef,
      description: "The people who may act for this participant, oldest first.",
      load: async (participantIds: string[], ctx) => {
        const rows = await ctx.db
          .select()
          .from(caregivers)
          .where(and(inArray(caregivers.participantId, participantIds)))
          .orderBy(asc(caregivers.createdAt), asc(caregivers.id));
        return groupBy(participantIds, rows, (r) => r.participantId);
      },
      resolve: (p) => p.id,
    }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When the participant was registered.",
    }),
  }),
});

EnrollmentRef.implement({
  description:
    "A participant in a trial at a trial site, with their subject id and status. Read by the participant, their caregivers, and staff with view_enrollments on the trial site.",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    subjectId: t.exposeString("subjectId", { description: "Unique within the trial." }),
    status: t.expose("status", {
      type: EnrollmentStatusEnum,
      description: "Enrolled, dropped or completed.",
    }),
    statusChangedAt: t.expose("statusChangedAt", {
      type: "DateTime",
      description: "When the status last changed (the enrollment's time at first).",
    }),
    participant: t.field({
      type: ParticipantRef,
      description: "The participant enrolled.",
      resolve: (e) => e.participantId,
    }),
    trialSite: t.field({
      type: TrialSiteRef,
      description: "The trial site they are enrolled at.",
      resolve: (e) => e.trialSiteId,
    }),
    trial: t.field({
      type: TrialRef,
      description: "The trial they are enrolled in.",
      resolve: (e) => e.trialId,
    }),
    payoutMethod: t.loadable({
      type: PayoutMethodRef,
      nullable: true,
      description:
        "How this enrollment is paid out, once chosen (setPaymentType); account numbers masked. Needs view_payments or set_payment_type on the trial site, or to be the participant or their caregiver.",
      load: async (enrollmentIds: string[], ctx) => {
        const rows = await ctx.db
          .select()
          .from(payoutMethods)
          .where(inArray(payoutMethods.enrollmentId, enrollmentIds));
        const byId = new Map(rows.map((r) => [r.enrollmentId, r]));
        return enrollmentIds.map((id) => byId.get(id) ?? null);
      },
      resolve: (e) => e.id,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the participant was enrolled." }),
  }),
});

addAuditHistory(ParticipantRef, {
  description:
    "Staff with view_participants where the participant is seen, and the participant and their caregivers.",
});

CaregiverRef.implement({
  description:
    "Someone who acts for one participant (a parent, guardian or nurse), with their own login. Read by themselves, the participant, and staff who may see the participant.",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    firstName: t.string({
      description: "Given name (of their login).",
      resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).firstName,
    }),
    lastName: t.string({
      description: "Family name (of their login).",
      resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).lastName,
    }),
    email: t.string({
      description: "The e-mail address of their login.",
      resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).email,
    }),
    phone: t.string({
      nullable: true,
      description: "Phone number, if given.",
      resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).phone,
    }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      description: "Postal address, if given.",
      resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).addressId,
    }),
    relationship: t.expose("relationship", {
      type: CaregiverRelationshipEnum,
      description: "How they are related to the participant.",
    }),
    participant: t.field({
      type: ParticipantRef,
      description: "The participant they act for.",
      resolve: (c) => c.participantId,
    }),
    user: t.field({ type: UserRef, description: "The caregiver's login.", resolve: (c) => c.userId }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the caregiver was registered." }),
  }),
});

/** The one connection type of enrollments, wherever they are paged. */
const EnrollmentConnection = builder.connectionObject(
  {
    type: EnrollmentRef,
    name: "EnrollmentConnection",
    description: "A page of enrollments, oldest first, with the number in the whole list.",
  },
  { name: "EnrollmentEdge", description: "An enrollment in a page of enrollments, with its cursor." },
);

/** A trial site's enrollments the viewer may see, oldest first. */
export const enrollmentsOfTrialSite: Children<Enrollment> & { type: string } = {
  table: enrollments,
  parent: enrollments.trialSiteId,
  parentOf: (row) => row.trialSiteId,
  ordering: { name: "CREATED_AT_ASC", direction: "asc", keys: byCreation(enrollments) },
  visible: enrollmentsVisibleSql,
  type: "Enrollment",
};

builder.objectField(TrialSiteRef, "enrollments", (t) =>
  t.connection(
    {
      type: EnrollmentRef,
      description: "The enrollments at this trial site you may see, oldest first.",
      resolve: (trialSite, args, ctx) => childrenPage(ctx.access, enrollmentsOfTrialSite, trialSite.id, args),
    },
    EnrollmentConnection,
  ),
);

builder.objectField(UserRef, "participant", (t) =>
  t.loadable({
    type: ParticipantRef,
    nullable: true,
    description:
      "The participant whose login this is (null for staff and caregivers): a participant's app starts here, `me { participant { enrollments { … } } }`.",
    load: async (userIds: string[], ctx) => {
      const rows = await selectParticipants(ctx.db).where(inArray(participants.userId, userIds));
      const byUser = new Map(rows.map((row) => [row.userId, row]));
      return userIds.map((id) => byUser.get(id) ?? null);
    },
    resolve: (user) => user.id,
  }),
);

builder.objectField(UserRef, "caresFor", (t) =>
  t.loadableList({
    type: ParticipantRef,
    description:
      "The participants this login is a caregiver for, oldest relationship first (empty for staff and participants): a caregiver's app starts here.",
    load: async (userIds: string[], ctx) => {
      const rows = await ctx.db
        .select({ ...PARTICIPANT_ROW, caregiverUserId: caregivers.userId })
        .from(caregivers)
        .innerJoin(participants, eq(participants.id, caregivers.participantId))
        .innerJoin(users, eq(users.id, participants.userId))
        .where(inArray(caregivers.userId, userIds))
        .orderBy(asc(caregivers.createdAt), asc(caregivers.id));
      return groupBy(userIds, rows, (row) => row.caregiverUserId);
    },
    resolve: (user) => user.id,
  }),
);
