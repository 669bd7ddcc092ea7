import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import {
  caregivers,
  enrollments,
  participants,
  paymentTypes,
  trialSites,
  users,
} from "../../db/schema/index.js";
import { UserRef } from "../accounts/types.js";
import { builder } from "../core/builder.js";
import { byCreation, countRows, keysetPage, orderings, withTotalCount } from "../core/pagination.js";
import { participantsVisibleSql } from "../core/participant-access.js";
import { requireTrialSite } from "../core/rules.js";
import { SiteRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import { CAREGIVER_RELATIONSHIPS } from "./caregivers.js";
import { CaregiverRef, EnrollmentRef, PARTICIPANT_ROW, ParticipantRef, type ParticipantRow } from "./refs.js";
import { PaymentTypeRef, visibleEnrollments } from "./types.js";

/** An ILIKE pattern matching `search` anywhere, its wildcards taken literally; null for a blank search. */
function containing(search: string | null | undefined): string | null {
  const term = search?.trim();
  return term ? `%${term.replace(/[\\%_]/g, "\\$&")}%` : null;
}

/** A participant as a list reads it: with the lower-cased names it may be sorted by. */
type ListedParticipant = ParticipantRow & { lastNameKey: string; firstNameKey: string };

const lastNameKey = sql<string>`lower(${users.lastName})`;
const firstNameKey = sql<string>`lower(${users.firstName})`;

/** The orders of a participants list, by the ParticipantOrder value that asks for each. */
const PARTICIPANT_ORDERS = orderings<ListedParticipant, "CREATED_AT" | "NAME">({
  CREATED_AT: byCreation(participants),
  NAME: [
    { sql: lastNameKey, type: "text", of: (p) => p.lastNameKey },
    { sql: firstNameKey, type: "text", of: (p) => p.firstNameKey },
    { sql: participants.id, type: "id", of: (p) => p.id },
  ],
});

const ParticipantOrderEnum = builder.enumType("ParticipantOrder", {
  description: "How a list of participants is sorted.",
  values: {
    CREATED_AT_DESC: { description: "Newest registered first." },
    CREATED_AT_ASC: { description: "First registered first." },
    NAME_ASC: { description: "By last name, then first name, A to Z, ignoring case." },
    NAME_DESC: { description: "By last name, then first name, Z to A, ignoring case." },
  } as const,
});

builder.queryFields((t) => ({
  participants: t.connection(
    {
      type: ParticipantRef,
      description:
        "The participants you may see, newest first unless `orderBy` says otherwise; the filters narrow it.",
      args: {
        trialId: t.arg.globalID({
          for: TrialRef,
          required: false,
          description: "Only participants enrolled in this trial (its global id).",
        }),
        siteId: t.arg.globalID({
          for: SiteRef,
          required: false,
          description: "Only participants registered at this site or enrolled there (its global id).",
        }),
        search: t.arg.string({
          required: false,
          description: "Text to find in the first or last name, ignoring case.",
        }),
        orderBy: t.arg({
          type: ParticipantOrderEnum,
          required: false,
          defaultValue: "CREATED_AT_DESC",
          description: "The order of the list; a cursor works only with the order it was given in.",
        }),
      },
      resolve: async (_root, args, ctx) => {
        const filters: (SQL | undefined)[] = [await participantsVisibleSql(ctx.access)];
        if (args.trialId) {
          filters.push(
            sql`${participants.id} IN (SELECT participant_id FROM ${enrollments} WHERE trial_id = ${args.trialId.id})`,
          );
        }
        if (args.siteId) {
          filters.push(
            or(
              eq(participants.homeSiteId, args.siteId.id),
              sql`${participants.id} IN (SELECT e.participant_id FROM ${enrollments} e JOIN ${trialSites} ts ON ts.id = e.trial_site_id WHERE ts.site_id = ${args.siteId.id})`,
            ),
          );
        }
        const pattern = containing(args.search);
        if (pattern) {
          filters.push(
            sql`${participants.userId} IN (SELECT ${users.id} FROM ${users} WHERE ${users.firstName} ILIKE ${pattern} OR ${users.lastName} ILIKE ${pattern})`,
          );
        }
        const where = and(...filters);
        return withTotalCount(
          keysetPage(args, PARTICIPANT_ORDERS[args.orderBy ?? "CREATED_AT_DESC"], (page) =>
            ctx.db
              .select({ ...PARTICIPANT_ROW, lastNameKey, firstNameKey })
              .from(participants)
              .innerJoin(users, eq(users.id, participants.userId))
              .where(and(where, page.where))
              .orderBy(...page.orderBy)
              .limit(page.limit),
          ),
          () => countRows(ctx.db, participants, where),
        );
      },
    },
    {
      name: "ParticipantConnection",
      description: "A page of participants, with the number in the whole list.",
    },
    { name: "ParticipantEdge", description: "A participant in a page of participants, with its cursor." },
  ),
  participant: t.field({
    type: ParticipantRef,
    description:
      "One participant; NOT_FOUND unless you may see them (yourself, as participant or caregiver, included).",
    args: { id: t.arg.globalID({ for: ParticipantRef, description: "The participant's global id." }) },
    resolve: (_root, args) => args.id.id,
  }),
  userByParticipant: t.field({
    type: UserRef,
    description:
      "The login a participant uses. Needs view_participants where they are, or to be the participant or their caregiver.",
    args: {
      participantId: t.arg.globalID({ for: ParticipantRef, description: "The participant's global id." }),
    },
    resolve: async (_root, args, ctx) =>
      (await ParticipantRef.getDataloader(ctx).load(args.participantId.id)).userId,
  }),
  enrollments: t.field({
    type: [EnrollmentRef],
    description:
      "A participant's enrollments that you may see, oldest first: staff with view_enrollments, or the participant and their caregivers.",
    args: {
      participantId: t.arg.globalID({ for: ParticipantRef, description: "The participant's global id." }),
    },
    resolve: (_root, args, ctx) =>
      visibleEnrollments(ctx, eq(enrollments.participantId, args.participantId.id)),
  }),
  enrolled: t.field({
    type: [EnrollmentRef],
    description:
      "Everyone enrolled in a trial at one of its sites, oldest first, each with its payment schedule. Needs view_enrollments on that trial site; BAD_USER_INPUT when the site is not in the trial.",
    args: {
      trialId: t.arg.globalID({ for: TrialRef, description: "The trial's global id." }),
      siteId: t.arg.globalID({
        for: SiteRef,
        description: "The global id of a site taking part in the trial.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      const trialSiteId = await requireTrialSite(
        ctx.access,
        "view_enrollments",
        args.trialId.id,
        args.siteId.id,
      );
      return ctx.db
        .select()
        .from(enrollments)
        .where(eq(enrollments.trialSiteId, trialSiteId))
        .orderBy(asc(enrollments.createdAt), asc(enrollments.id));
    },
  }),
  caregiverRelationships: t.stringList({
    description:
      "The relationships a caregiver may have to a participant, in lower case (CaregiverRelationship lists the same).",
    resolve: () => [...CAREGIVER_RELATIONSHIPS],
  }),
  caregivers: t.field({
    type: [CaregiverRef],
    description:
      "A participant's caregivers, oldest first. Needs view_participants where they are, or to be the participant or their caregiver.",
    args: {
      participantId: t.arg.globalID({ for: ParticipantRef, description: "The participant's global id." }),
    },
    resolve: (_root, args, ctx) =>
      ctx.db
        .select()
        .from(caregivers)
        .where(inArray(caregivers.participantId, [args.participantId.id]))
        .orderBy(asc(caregivers.createdAt), asc(caregivers.id)),
  }),
  userByCaregiver: t.field({
    type: UserRef,
    description:
      "The login a caregiver uses. Needs view_participants where their participant is, or to be that caregiver.",
    args: { caregiverId: t.arg.globalID({ for: CaregiverRef, description: "The caregiver's global id." }) },
    resolve: async (_root, args, ctx) =>
      (await CaregiverRef.getDataloader(ctx).load(args.caregiverId.id)).userId,
  }),
  paymentTypes: t.field({
    type: [PaymentTypeRef],
    description: "The ways a participant can be paid, by name (reference data for setPaymentType).",
    resolve: (_root, _args, ctx) => ctx.db.select().from(paymentTypes).orderBy(asc(paymentTypes.name)),
  }),
}));
