import DataLoader from "dataloader";
import { eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { isAnyOf } from "../../db/rows.js";
import {
  caregivers,
  enrollments,
  grants,
  participants,
  sites,
  trialSites,
  trials,
  users,
} from "../../db/schema/index.js";
import { type Access, GRANT_ROW, grantResource } from "./authorization.js";
import { forbidden, notFound, unauthenticated } from "./errors.js";
import type { Permission } from "./permissions-list.js";
import { perRequest } from "./request-cache.js";
import type { ResourceKey } from "./resources.js";

/**
 * Who may do what for a participant. Staff act through grants on the participant's home site, on a trial site
 * where they are enrolled, or on the trial site they were registered through (or above those); the participant's
 * own login and their caregivers act for themselves; nobody else sees them at all.
 */
interface ParticipantReach {
  userId: string;
  homeSiteId: string;
  trialSiteIds: string[];
  caregiverUserIds: string[];
}

const participantReach = perRequest(
  (access) =>
    new DataLoader<string, ParticipantReach | null>(async (ids) => {
      const rows = await access.db.execute<{
        id: string;
        user_id: string;
        home_site_id: string;
        trial_site_ids: string[];
        caregiver_user_ids: string[];
      }>(sql`
        SELECT p.id, p.user_id, p.home_site_id,
          ARRAY(SELECT e.trial_site_id FROM ${enrollments} e WHERE e.participant_id = p.id
            UNION SELECT p.registered_trial_site_id WHERE p.registered_trial_site_id IS NOT NULL) AS trial_site_ids,
          ARRAY(SELECT c.user_id FROM ${caregivers} c WHERE c.participant_id = p.id) AS caregiver_user_ids
        FROM ${participants} p WHERE ${inArray(sql`p.id`, [...ids])}`);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => {
        const r = byId.get(id);
        return r
          ? {
              userId: r.user_id,
              homeSiteId: r.home_site_id,
              trialSiteIds: r.trial_site_ids,
              caregiverUserIds: r.caregiver_user_ids,
            }
          : null;
      });
    }),
);

/** The viewer is this participant, or one of their caregivers. */
export async function actsForParticipant(access: Access, participantId: string): Promise<boolean> {
  const reach = await participantReach(access).load(participantId);
  const me = access.userId;
  return Boolean(reach && me && (reach.userId === me || reach.caregiverUserIds.includes(me)));
}

/**
 * Staff hold `permission` for this participant: on their home site, a trial site where they are enrolled, or the
 * trial site they were registered through.
 */
export async function holdsForParticipant(access: Access, permission: Permission, participantId: string) {
  const reach = await participantReach(access).load(participantId);
  if (!reach) return false;
  const places = [
    access.holds(permission, { type: "site", id: reach.homeSiteId }),
    ...reach.trialSiteIds.map((id) => access.holds(permission, { type: "trialSite", id })),
  ];
  return (await Promise.all(places)).some(Boolean);
}

export async function seesParticipant(access: Access, participantId: string): Promise<boolean> {
  return (
    (await actsForParticipant(access, participantId)) ||
    (await holdsForParticipant(access, "view_participants", participantId))
  );
}

/** The resources where a user's participants (themselves, or those they care for) take part, by type. */
type OwnPlaces = Record<"site" | "trialSite" | "trial", Set<string>>;

/**
 * By user id: the home sites of the participants they are or care for, and the trial sites (with their trials
 * and sites) where those participants are enrolled. One statement for all users of a request.
 */
const ownPlaces = perRequest(
  (access) =>
    new DataLoader<string, OwnPlaces>(async (ids) => {
      const rows = await access.db.execute<{
        user_id: string;
        home_site_id: string;
        trial_site_id: string | null;
        site_id: string | null;
        trial_id: string | null;
      }>(sql`
        WITH own AS (
          SELECT user_id, id, home_site_id FROM ${participants} WHERE ${inArray(sql`user_id`, [...ids])}
          UNION SELECT c.user_id, p.id, p.home_site_id FROM ${caregivers} c
            JOIN ${participants} p ON p.id = c.participant_id WHERE ${inArray(sql`c.user_id`, [...ids])}
        )
        SELECT own.user_id, own.home_site_id, ts.id AS trial_site_id, ts.site_id, ts.trial_id
        FROM own LEFT JOIN ${enrollments} e ON e.participant_id = own.id
          LEFT JOIN ${trialSites} ts ON ts.id = e.trial_site_id`);
      return ids.map((id) => {
        const places: OwnPlaces = { site: new Set(), trialSite: new Set(), trial: new Set() };
        for (const r of rows.filter((row) => row.user_id === id)) {
          places.site.add(r.home_site_id);
          if (r.site_id) places.site.add(r.site_id);
          if (r.trial_site_id) places.trialSite.add(r.trial_site_id);
          if (r.trial_id) places.trial.add(r.trial_id);
        }
        return places;
      });
    }),
);

/**
 * Whether the resource is a participant's own place for the viewer: the home site of a participant they are (or
 * care for), or a trial site, its trial or its site where that participant is enrolled.
 */
export async function isOwnPlace(access: Access, key: ResourceKey): Promise<boolean> {
  if (!access.userId || key.type === "client" || key.type === "contract") return false;
  return (await ownPlaces(access).load(access.userId))[key.type].has(key.id);
}

/** The participants a user is (their login) or cares for, by user id. */
const participantsOfUser = perRequest(
  (access) =>
    new DataLoader<string, string[]>(async (ids) => {
      const rows = await access.db.execute<{ user_id: string; participant_id: string }>(sql`
        SELECT user_id, id AS participant_id FROM ${participants} WHERE ${inArray(sql`user_id`, [...ids])}
        UNION SELECT user_id, participant_id FROM ${caregivers} WHERE ${inArray(sql`user_id`, [...ids])}`);
      return ids.map((id) => rows.filter((r) => r.user_id === id).map((r) => r.participant_id));
    }),
);

/**
 * Whether the viewer sees a participant whose login (or one of whose caregivers' logins) is this user: staff who
 * see the participant may read that person's user. Batched: one statement for all users of a request.
 */
async function seesPersonOfUser(access: Access, userId: string): Promise<boolean> {
  const participantIds = await participantsOfUser(access).load(userId);
  const seen = await Promise.all(participantIds.map((id) => seesParticipant(access, id)));
  return seen.some(Boolean);
}

/** A user's kind and the grants they hold (on a resource, or system-wide when null). */
interface UserReach {
  userType: typeof users.$inferSelect.userType;
  grants: { permission: string; on: ResourceKey | null }[];
}

const userReach = perRequest(
  (access) =>
    new DataLoader<string, UserReach | null>(async (ids) => {
      const rows = await access.db
        .select({ id: users.id, userType: users.userType, ...GRANT_ROW })
        .from(users)
        .leftJoin(grants, eq(grants.userId, users.id))
        .where(inArray(users.id, [...ids]));
      const byId = new Map<string, UserReach>();
      for (const { id, userType, permissionName, ...on } of rows) {
        const reach = byId.get(id) ?? { userType, grants: [] };
        byId.set(id, reach);
        if (permissionName)
          reach.grants.push({ permission: permissionName, on: grantResource({ permissionName, ...on }) });
      }
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

/** Whether the viewer may hand out access on the resource: they hold grant or assign_role there or above. */
const handsOutAccessOn = async (access: Access, on: ResourceKey) =>
  (await access.holds("grant", on)) || access.holds("assign_role", on);

/**
 * Whether the viewer sees a user (README, Access): themself; anyone, for admins; a participant's or caregiver's
 * login when they see that participant; staff holding a grant on or below a resource where the viewer holds grant
 * or assign_role; and, for a viewer holding either anywhere, staff holding no grant at all yet (an account given no
 * access belongs to no client: the first grant brings it in). False for an id naming no user.
 */
export async function seesUser(access: Access, userId: string): Promise<boolean> {
  const user = await userReach(access).load(userId);
  if (!user) return false;
  if (userId === access.userId || access.isAdmin) return true;
  if (user.userType !== "staff") return seesPersonOfUser(access, userId);
  if (user.grants.length) {
    const reached = await Promise.all(
      user.grants.map(({ on }) => on !== null && handsOutAccessOn(access, on)),
    );
    return reached.some(Boolean);
  }
  const viewer = access.userId ? await userReach(access).load(access.userId) : null;
  return Boolean(viewer?.grants.some((g) => g.permission === "grant" || g.permission === "assign_role"));
}

/**
 * Throws unless the viewer may act for the participant with `permission` (staff) — or, when `selfAllowed`, is
 * the participant or their caregiver. NOT_FOUND when they may not even see the participant.
 */
export async function requireForParticipant(
  access: Access,
  permission: Permission,
  participantId: string,
  options: { selfAllowed?: boolean } = {},
) {
  if (!access.userId) throw unauthenticated();
  if (options.selfAllowed && (await actsForParticipant(access, participantId))) return;
  if (await holdsForParticipant(access, permission, participantId)) return;
  if (!(await seesParticipant(access, participantId))) throw notFound("Participant");
  throw forbidden(`You need the ${permission} permission where this participant is seen.`);
}

/**
 * A WHERE condition on `participants` keeping those the viewer may see with `permission` (staff) or acts for;
 * undefined for admins.
 */
export async function participantsVisibleSql(
  access: Access,
  permission: Permission = "view_participants",
): Promise<SQL | undefined> {
  if (access.isAdmin) return undefined;
  const [atSite, trialSitesHeld] = await Promise.all([
    access.holdsSql("site", permission),
    access.trialSitesHeld(permission),
  ]);
  if (!atSite || !trialSitesHeld) return undefined; // held system-wide
  const me = access.userId ?? "";
  return or(
    sql`${participants.userId} = ${me}`,
    sql`${participants.id} IN (SELECT participant_id FROM ${caregivers} WHERE user_id = ${me})`,
    sql`${participants.homeSiteId} IN (SELECT ${sites.id} FROM ${sites} WHERE ${atSite})`,
    // By the trial sites' ids: enrollments are read by their trial site's index, not all joined to trial sites.
    sql`${participants.id} IN (SELECT participant_id FROM ${enrollments} WHERE ${isAnyOf(sql`trial_site_id`, trialSitesHeld)})`,
    isAnyOf(participants.registeredTrialSiteId, trialSitesHeld),
  );
}

/**
 * Whether every enrollment the viewer sees shows what `permission` shows through it (its participant with
 * view_participants, its payments with view_payments): they hold `permission` everywhere, or on every trial site
 * where they hold view_enrollments. The other enrollments they see are their own or their participant's, which
 * show both anyway (participantsVisibleSql's and paymentsVisibleSql's own arms).
 */
export async function seenEnrollmentsShow(access: Access, permission: Permission): Promise<boolean> {
  const [held, seen] = await Promise.all([
    access.trialSitesHeld(permission),
    access.trialSitesHeld("view_enrollments"),
  ]);
  if (!held) return true;
  if (!seen) return false;
  const heldHere = new Set(held);
  return seen.every((trialSite) => heldHere.has(trialSite));
}

/**
 * For an enrollment the viewer sees, SQL true when holding `permission` on its trial site is what alone shows its
 * participant (view_participants) or its payments (view_payments), one of participantsVisibleSql's and
 * paymentsVisibleSql's ways. Read plans check it first for what they reach through an enrollment, so that
 * PostgreSQL need not list every participant or enrollment at those trial sites for each statement; `true` when
 * every enrollment they see shows it (seenEnrollmentsShow), and nothing is checked per row. Undefined for those
 * holding it at no trial site.
 */
export async function enrollmentHeldSql(
  access: Access,
  permission: Permission,
): Promise<SQL | true | undefined> {
  if (await seenEnrollmentsShow(access, permission)) return true;
  const trialSitesHeld = await access.trialSitesHeld(permission);
  return trialSitesHeld?.length ? isAnyOf(enrollments.trialSiteId, trialSitesHeld) : undefined;
}

interface EnrollmentPlace {
  participantId: string;
  trialSiteId: string;
}

const enrollmentPlace = perRequest(
  (access) =>
    new DataLoader<string, EnrollmentPlace | null>(async (ids) => {
      const rows = await access.db
        .select({
          id: enrollments.id,
          participantId: enrollments.participantId,
          trialSiteId: enrollments.trialSiteId,
        })
        .from(enrollments)
        .where(inArray(enrollments.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

/** Where an enrollment is (its participant and trial site), or null when there is no such enrollment. */
export const placeOfEnrollment = (access: Access, enrollmentId: string) =>
  enrollmentPlace(access).load(enrollmentId);

/** Keeps where an enrollment is (null: no such enrollment), read by a statement that read it with something else. */
export function knowEnrollmentPlace(access: Access, enrollmentId: string, place: EnrollmentPlace | null) {
  enrollmentPlace(access).prime(enrollmentId, place);
}

/**
 * Throws unless the viewer may act on the enrollment with `permission` (staff, on its trial site or above) — or,
 * when `selfAllowed`, is its participant or their caregiver. NOT_FOUND when they may not see it.
 */
export async function requireForEnrollment(
  access: Access,
  permission: Permission,
  enrollmentId: string,
  options: { selfAllowed?: boolean } = {},
) {
  if (!access.userId) throw unauthenticated();
  const place = await enrollmentPlace(access).load(enrollmentId);
  if (!place) throw notFound("Enrollment");
  if (options.selfAllowed && (await actsForParticipant(access, place.participantId))) return;
  if (await access.holds(permission, { type: "trialSite", id: place.trialSiteId })) return;
  if (!(await seesParticipant(access, place.participantId))) throw notFound("Enrollment");
  throw forbidden(`You need the ${permission} permission on this enrollment's trial site.`);
}

/** Whether the viewer may see the enrollment: its participant (or caregiver), or staff seeing its participant. */
export async function seesEnrollment(access: Access, enrollmentId: string): Promise<boolean> {
  const place = await enrollmentPlace(access).load(enrollmentId);
  if (!place) return false;
  if (access.isAdmin || (await actsForParticipant(access, place.participantId))) return true;
  return access.holds("view_enrollments", { type: "trialSite", id: place.trialSiteId });
}

/**
 * A WHERE condition on `enrollments` keeping those the viewer may see (seesEnrollment, for lists): their own or
 * their participant's, and those at trial sites where they hold view_enrollments; undefined for admins and those
 * holding it everywhere. With another permission, the enrollments whose things it shows (view_payments: an
 * enrollment's payments, as readsForEnrollment decides).
 */
export async function enrollmentsVisibleSql(
  access: Access,
  permission: Permission = "view_enrollments",
): Promise<SQL | undefined> {
  const atTrialSites = await access.trialSitesHeld(permission);
  if (!atTrialSites) return undefined;
  return or(
    isAnyOf(enrollments.trialSiteId, atTrialSites),
    sql`${enrollments.participantId} IN ${participantsActedForBy(access.userId ?? "")}`,
  );
}

/**
 * A WHERE condition on `enrollmentId`, the enrollment rows of another table belong to (payments, messages), keeping
 * those of the enrollments the viewer is party to: as staff, those on trial sites where they hold `permission`; as a
 * participant or caregiver, their own. Undefined for admins and those holding it everywhere.
 */
export async function ofEnrollmentsHeldSql(
  access: Access,
  enrollmentId: SQL | PgColumn,
  permission: Permission,
): Promise<SQL | undefined> {
  const trialSitesHeld = await access.trialSitesHeld(permission);
  if (!trialSitesHeld) return undefined;
  return or(
    // By the trial sites' ids: enrollments are read by their trial site's index, not all joined to trial sites.
    sql`${enrollmentId} IN (SELECT e.id FROM ${enrollments} e WHERE ${isAnyOf(sql`e.trial_site_id`, trialSitesHeld)})`,
    sql`${enrollmentId} IN (SELECT e.id FROM ${enrollments} e
      WHERE e.participant_id IN ${participantsActedForBy(access.userId ?? "")})`,
  );
}

/** SQL: the ids of the participants `userId` is, or cares for (for lists of a participant's own things). */
export const participantsActedForBy = (userId: string) =>
  sql`(SELECT ${participants.id} FROM ${participants} WHERE ${participants.userId} = ${userId}
    UNION SELECT ${caregivers.participantId} FROM ${caregivers} WHERE ${caregivers.userId} = ${userId})`;

/**
 * A WHERE condition on `trials` keeping those the viewer may see: through grants (visibleSql), or, for a participant
 * or caregiver, those where their participant is enrolled; undefined for admins.
 */
export async function trialsVisibleSql(access: Access): Promise<SQL | undefined> {
  const granted = await access.visibleSql("trial");
  if (!granted) return undefined;
  return or(
    granted,
    sql`${trials.id} IN (SELECT trial_id FROM ${enrollments} WHERE participant_id IN ${participantsActedForBy(access.userId ?? "")})`,
  );
}
