import { and, asc, eq, inArray } from "drizzle-orm";
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
import { enrollmentsVisibleSql, seesEnrollment } from "../core/participant-access.js";
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
    ENROLLED: { value: "enrolled" },
    DROPPED: { value: "dropped" },
    COMPLETED: { value: "completed" },
  } as const,
});

export const CaregiverRelationshipEnum = builder.enumType("CaregiverRelationship", {
  values: {
    PARENT: { value: "parent" },
    GUARDIAN: { value: "guardian" },
    NURSE: { value: "nurse" },
  } as const,
});

export const PaymentTypeCodeEnum = builder.enumType("PaymentTypeCode", {
  values: {
    BANK_ACCOUNT: { value: "bank_account" },
    PAYPAL: { value: "paypal" },
    VENMO: { value: "venmo" },
    CHECK: { value: "check" },
    DEBIT_CARD: { value: "debit_card" },
  } as const,
});

export const PaymentTypeRef = builder.objectRef<typeof paymentTypes.$inferSelect>("PaymentType").implement({
  description: "A way a participant can be paid (reference data).",
  fields: (t) => ({
    code: t.expose("code", { type: PaymentTypeCodeEnum }),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
  }),
});

export const PayoutMethodRef = builder.objectRef<PayoutMethod>("PayoutMethod").implement({
  description:
    "How an enrollment's money is paid out. Account and card numbers are never shown: only their last four digits.",
  fields: (t) => ({
    type: t.expose("paymentType", { type: PaymentTypeCodeEnum }),
    email: t.exposeString("email", { nullable: true, description: "PayPal." }),
    phone: t.exposeString("phone", { nullable: true, description: "Venmo." }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      description: "Where a check is mailed.",
      resolve: (method) => method.addressId,
    }),
    accountHolder: t.exposeString("accountHolder", { nullable: true }),
    accountLast4: t.exposeString("accountLast4", {
      nullable: true,
      description: "Last four digits of the bank account or card number.",
    }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
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

/** Enrollments the viewer may see among `rows` (the checks are batched per request). */
export async function keepVisibleEnrollments(ctx: Context, rows: Enrollment[]): Promise<Enrollment[]> {
  const visible = await Promise.all(rows.map((row) => seesEnrollment(ctx.access, row.id)));
  return rows.filter((_, i) => visible[i]);
}

ParticipantRef.implement({
  description:
    "Someone taking part in trials, registered at a home site. Name, e-mail, phone and address come from their login (user).",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    email: t.exposeString("email"),
    phone: t.exposeString("phone", { nullable: true }),
    address: t.field({ type: AddressRef, nullable: true, resolve: (p) => p.addressId }),
    dateOfBirth: t.expose("dateOfBirth", { type: "Date", nullable: true }),
    emergencyContact: t.exposeString("emergencyContact", { nullable: true }),
    emergencyPhone: t.exposeString("emergencyPhone", { nullable: true }),
    timeZone: t.exposeString("timeZone", { description: 'IANA time zone, e.g. "America/New_York".' }),
    homeSite: t.field({ type: SiteRef, resolve: (p) => p.homeSiteId }),
    user: t.field({
      type: UserRef,
      description: "The login the participant uses.",
      resolve: (p) => p.userId,
    }),
    enrollments: t.loadableList({
      type: EnrollmentRef,
      description: "The participant's enrollments you may see, oldest first.",
      load: async (participantIds: string[], ctx) => {
        const rows = await ctx.db
          .select()
          .from(enrollments)
          .where(inArray(enrollments.participantId, participantIds))
          .orderBy(asc(enrollments.createdAt), asc(enrollments.id));
        return groupBy(participantIds, await keepVisibleEnrollments(ctx, rows), (r) => r.participantId);
      },
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
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

EnrollmentRef.implement({
  description: "A participant in a trial at a trial site, with their subject id and status.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    subjectId: t.exposeString("subjectId", { description: "Unique within the trial." }),
    status: t.expose("status", { type: EnrollmentStatusEnum }),
    statusChangedAt: t.expose("statusChangedAt", { type: "DateTime" }),
    participant: t.field({ type: ParticipantRef, resolve: (e) => e.participantId }),
    trialSite: t.field({ type: TrialSiteRef, resolve: (e) => e.trialSiteId }),
    trial: t.field({ type: TrialRef, resolve: (e) => e.trialId }),
    payoutMethod: t.loadable({
      type: PayoutMethodRef,
      nullable: true,
      description: "How this enrollment is paid out, once chosen (setPaymentType); account numbers masked.",
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
  description: "Someone who acts for one participant (a parent, guardian or nurse), with their own login.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    firstName: t.string({ resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).firstName }),
    lastName: t.string({ resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).lastName }),
    email: t.string({ resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).email }),
    phone: t.string({ nullable: true, resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).phone }),
    address: t.field({
      type: AddressRef,
      nullable: true,
      resolve: async (c, _a, ctx) => (await userOf(ctx, c.userId)).addressId,
    }),
    relationship: t.expose("relationship", { type: CaregiverRelationshipEnum }),
    participant: t.field({ type: ParticipantRef, resolve: (c) => c.participantId }),
    user: t.field({ type: UserRef, description: "The caregiver's login.", resolve: (c) => c.userId }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

/** The one connection type of enrollments, wherever they are paged. */
const EnrollmentConnection = builder.connectionObject({
  type: EnrollmentRef,
  name: "EnrollmentConnection",
  description: "A page of enrollments, oldest first, with the number in the whole list.",
});

/** A trial site's enrollments the viewer may see, oldest first. */
const enrollmentsOfTrialSite: Children<Enrollment> = {
  table: enrollments,
  parent: enrollments.trialSiteId,
  parentOf: (row) => row.trialSiteId,
  ordering: { name: "CREATED_AT_ASC", direction: "asc", keys: byCreation(enrollments) },
  visible: enrollmentsVisibleSql,
};

builder.objectField(TrialSiteRef, "enrollments", (t) =>
  t.connection(
    {
      type: EnrollmentRef,
      description:
        "The enrollments at this trial site you may see, oldest first. First pages of many trial sites load together.",
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
