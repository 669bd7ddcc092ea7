import { eq, and as sqlAnd } from "drizzle-orm";
import {
  and as shieldAnd,
  chain as shieldChain,
  // biome-ignore lint/style/noRestrictedImports: the one wrapper of graphql-shield's rule, below
  rule as shieldRule,
} from "graphql-shield";
import { trialSites } from "../../db/schema/index.js";
import type { MutationArguments, QueryArguments, SubscriptionArguments } from "./arguments.js";
import type { Access } from "./authorization.js";
import type { Context } from "./context.js";
import { badInput, forbidden, notFound, unauthenticated } from "./errors.js";
import { type DecodedId, decodeGlobalId } from "./ids.js";
import {
  actsForParticipant,
  holdsForParticipant,
  isOwnPlace,
  requireForEnrollment,
  requireForParticipant,
  seesEnrollment,
  seesParticipant,
  seesUser,
} from "./participant-access.js";
import type { Permission } from "./permissions-list.js";
import {
  RESOURCE_TYPENAMES,
  type ResourceKey,
  type ResourceType,
  type ResourceTypename,
} from "./resources.js";

/**
 * graphql-shield's rule, answering with any error its decision throws. graphql-shield's own turns a thrown error
 * into `false`, which the shield answers as FORBIDDEN: a lost connection, a timeout or a bug would pass for a
 * refusal, and the client could not tell that trying again may work. Returned instead, a DomainError keeps its code
 * and anything else reaches formatError as unexpected. Every rule is made with this one (biome.json forbids the
 * other).
 */
export const rule =
  (options: { cache: "no_cache" }) => (decision: Parameters<ReturnType<typeof shieldRule>>[0]) =>
    shieldRule(options)(async (parent, args, ctx, info) => {
      try {
        return await decision(parent, args, ctx, info);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });

/*
 * The graphql-shield rules every area uses. Each is one decision over the request's viewer (and, for object
 * rules, the object being read); they are cheap, so nothing is cached across fields.
 */

/**
 * Whether someone is behind the request: a logged-in user or an API client. The rules over resources (canSee,
 * readsWith, holds, …) decide for both alike, the client through the grants its scopes lend (machine.ts); every
 * other rule asks for a viewer, so people's own data and accounts stay closed to API clients.
 */
const hasPrincipal = (ctx: Context) => ctx.viewer !== null || ctx.machine !== null;

/** Someone is behind the request (a user or an API client): node(id:) then lets the object's own rule decide. */
export const isPrincipal = rule({ cache: "no_cache" })((_parent, _args, ctx: Context) =>
  hasPrincipal(ctx) ? true : unauthenticated(),
);

export const isAuthenticated = rule({ cache: "no_cache" })((_parent, _args, ctx: Context) =>
  ctx.viewer ? true : unauthenticated(),
);

export const isAdmin = rule({ cache: "no_cache" })((_parent, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated();
  return ctx.viewer.isAdmin ? true : forbidden("Only admins can do this.");
});

/** For switch user: the person actually logged in must be an admin, whoever they act as now. */
export const isRealAdmin = rule({ cache: "no_cache" })((_parent, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated();
  return ctx.viewer.realUserIsAdmin ? true : forbidden("Only admins can act as another user.");
});

export const isImpersonating = rule({ cache: "no_cache" })((_parent, _args, ctx: Context) => {
  if (!ctx.viewer) return unauthenticated();
  return ctx.viewer.userId !== ctx.viewer.realUserId
    ? true
    : forbidden("You are not acting as another user.");
});

/** Testing aids (tokens on demand) do not exist in production. */
export const testingAidsEnabled = rule({ cache: "no_cache" })((_parent, _args, ctx: Context) =>
  ctx.config.testingAidsEnabled ? true : notFound("This testing aid"),
);

/**
 * A user's profile is visible to that user (and to the admin acting as them) and to whoever sees them (seesUser:
 * admins; whoever sees a participant, their login and their caregivers'; staff who may hand out access where they
 * hold grants).
 */
export const canSeeUser = rule({ cache: "no_cache" })(async (parent: { id: string }, _args, ctx: Context) => {
  const viewer = ctx.viewer;
  if (!viewer) return unauthenticated();
  const own = parent.id === viewer.userId || parent.id === viewer.realUserId;
  if (own || viewer.isAdmin) return true;
  return (await seesUser(ctx.access, parent.id)) ? true : forbidden("You cannot see this user.");
});

/** Any graphql-shield rule (the package does not export the type). */
type ShieldRule = Parameters<typeof shieldChain>[number];

/**
 * A rule for a field whose arguments are `Args`. `reads` is never set: it only carries `Args`, so that a map of
 * rules (see Permissions) types each rule's argument accessor by the field the rule guards.
 */
export type FieldRule<Args> = ShieldRule & { readonly reads?: (args: Args) => void };

/** Rules for the fields of a root type: those with arguments read theirs; the others take any rule. */
type FieldRules<Arguments> = { [F in keyof Arguments]?: FieldRule<Arguments[F]> } & {
  [field: string]: FieldRule<never>;
};

/**
 * An area's rules by type and field, written `{ … } satisfies Permissions`: a root field's rule then reads that
 * field's arguments, so `createTrial: holds("create_trial", "Contract", (a) => a.input.contractId)` is typed by
 * createTrial's (generated into arguments.ts by `npm run codegen`).
 */
export interface Permissions {
  Query?: FieldRules<QueryArguments>;
  Mutation?: FieldRules<MutationArguments>;
  Subscription?: FieldRules<SubscriptionArguments>;
  [type: string]: ShieldRule | Record<string, ShieldRule> | undefined;
}

/** graphql-shield's and, keeping the arguments' type for the rules inside. */
export const and = <Args>(...rules: FieldRule<Args>[]): FieldRule<Args> => shieldAnd(...rules);

/** graphql-shield's chain (each rule only once those before it allowed), keeping the arguments' type. */
export const chain = <Args>(...rules: FieldRule<Args>[]): FieldRule<Args> => shieldChain(...rules);

/** Reads a global id from a field's arguments: `(a) => a.input.contractId`. */
export type Argument<Args> = (args: Args) => string | null | undefined;

/**
 * The name of the argument an accessor reads ("contractId"), for BAD_USER_INPUT: found once, by running the
 * accessor over a stand-in that records the keys read.
 */
function nameOf(argument: Argument<never>): string {
  const keys: string[] = [];
  const recorder: object = new Proxy(
    {},
    {
      get: (_target, key) => {
        keys.push(String(key));
        return recorder;
      },
    },
  );
  argument(recorder as never);
  return keys.at(-1) ?? "id";
}

/** A rule's answer from a check that throws unless the viewer may go on (the error is the answer: see rule). */
export async function decide(check: () => Promise<unknown>): Promise<true> {
  await check();
  return true;
}

/**
 * A rule over the object whose global id `argument` reads: for a logged-in viewer, the id is decoded (BAD_USER_INPUT
 * naming the argument unless it is an id of one of `typenames`) and `check` (given the arguments too, for what
 * else they name) throws unless they may go on. With
 * `optional`, an omitted id needs nothing more.
 */
export function forArgument<Args, T extends string>(
  typenames: T | readonly T[],
  argument: Argument<Args>,
  check: (ctx: Context, decoded: DecodedId<T>, args: Args) => Promise<unknown>,
  { optional = false } = {},
): FieldRule<Args> {
  const field = nameOf(argument);
  return rule({ cache: "no_cache" })((_parent, args: Args, ctx: Context) =>
    decide(async () => {
      if (!hasPrincipal(ctx)) throw unauthenticated();
      const globalId = argument(args);
      if (optional && globalId == null) return;
      await check(ctx, decodeGlobalId(globalId, field, typenames), args);
    }),
  );
}

type ResourceTypenames = ResourceTypename | readonly ResourceTypename[];

/**
 * Requires `permission` (or, when null, sight: through grants, or as a participant's own place) on the resource a
 * decoded global id names.
 */
async function requireOn(
  ctx: Context,
  permission: Permission | null,
  { typename, id }: DecodedId<ResourceTypename>,
) {
  const resource = { type: RESOURCE_TYPENAMES[typename], id };
  if (permission) return ctx.access.require(permission, resource, typename);
  if (!(await seesResource(ctx, resource))) throw notFound(typename);
}

/**
 * The viewer holds `permission` on the resource (of one of `typenames`) whose global id `argument` reads, or on
 * something above it. One line per field:
 * `createTrial: holds("create_trial", "Contract", (a) => a.input.contractId)`.
 */
export const holds = <Args>(permission: Permission, typenames: ResourceTypenames, argument: Argument<Args>) =>
  forArgument(typenames, argument, (ctx, decoded) => requireOn(ctx, permission, decoded));

/** Like holds, when the argument is given; an omitted optional resource needs nothing. */
export const holdsIfGiven = <Args>(
  permission: Permission,
  typenames: ResourceTypenames,
  argument: Argument<Args>,
) =>
  forArgument(typenames, argument, (ctx, decoded) => requireOn(ctx, permission, decoded), { optional: true });

/** The viewer may see the resource whose global id `argument` reads. */
export const seesArgument = <Args>(typenames: ResourceTypenames, argument: Argument<Args>) =>
  forArgument(typenames, argument, (ctx, decoded) => requireOn(ctx, null, decoded));

/**
 * The trial site where `siteId` takes part in `trialId` (inputs name a trial site by the pair), for a viewer
 * holding `permission` there: NOT_FOUND when they may not see the trial, the site or the trial site; BAD_USER_INPUT
 * naming siteId when they see both but the site is not in the trial; FORBIDDEN without the permission.
 */
export async function requireTrialSite(
  access: Access,
  permission: Permission,
  trialId: string,
  siteId: string,
): Promise<string> {
  await access.requireVisible({ type: "trial", id: trialId }, "Trial");
  await access.requireVisible({ type: "site", id: siteId }, "Site");
  const [trialSite] = await access.db
    .select({ id: trialSites.id })
    .from(trialSites)
    .where(sqlAnd(eq(trialSites.trialId, trialId), eq(trialSites.siteId, siteId)));
  if (!trialSite) throw badInput([{ field: "siteId", message: "site is not in the trial" }]);
  await access.require(permission, { type: "trialSite", id: trialSite.id }, "Trial site");
  return trialSite.id;
}

/**
 * Whether the viewer may see a resource: through their grants (ctx.access.sees), or, for a participant or
 * caregiver, as a place where their participant takes part (home site, trial sites, their trials and sites).
 */
async function seesResource(ctx: Context, key: ResourceKey): Promise<boolean> {
  return (await isParticipantsPlace(ctx, key)) || ctx.access.sees(key);
}

/** For a participant or caregiver (staff have no participants to ask about), the resource is their own place. */
async function isParticipantsPlace(ctx: Context, key: ResourceKey): Promise<boolean> {
  return ctx.viewer !== null && ctx.viewer.userType !== "staff" && isOwnPlace(ctx.access, key);
}

/**
 * Object rule: the viewer may see this object (a resource of `type`), however it was reached. Seeing is its
 * identity and place (id, name, parent and child links); its other fields take a field rule (readsWith).
 */
export const canSee = (type: ResourceType) =>
  rule({ cache: "no_cache" })(async (parent: { id: string }, _args, ctx: Context) => {
    if (!hasPrincipal(ctx)) return unauthenticated();
    return (await seesResource(ctx, { type, id: parent.id })) ? true : notFound("This object");
  });

/** How a field rule decides about one kind of object (see reads). */
interface Reading<Parent> {
  /** Whether the viewer holds `permission` where the object is. */
  holds: (ctx: Context, parent: Parent, permission: Permission) => Promise<boolean>;
  /** Where that is, for FORBIDDEN's message ("on it", "on its trial site"). */
  where: string;
  /** Whether the viewer reads the object as one of its own people (a participant or caregiver), if anyone does. */
  own?: (ctx: Context, parent: Parent) => Promise<boolean>;
  /** Whether the viewer sees the object at all (its object rule's question). */
  sees: (ctx: Context, parent: Parent) => Promise<boolean>;
  /** The object, as NOT_FOUND names it to those who do not. */
  what: string;
}

/**
 * A field rule for what is read about an object beyond seeing it: the viewer holds one of `permissions` where
 * the object is, or reads it as its own. FORBIDDEN for others who see the object, NOT_FOUND for the rest. It
 * replaces the object rule for its field, so it decides sight too. Every decision goes through the request's
 * batched access (grants loaded once, ancestry and participants in batches): no statement per row.
 */
function reads<Parent>(permissions: Permission | readonly Permission[], reading: Reading<Parent>) {
  const needed: readonly Permission[] = typeof permissions === "string" ? [permissions] : permissions;
  return rule({ cache: "no_cache" })(async (parent: Parent, _args, ctx: Context, info) => {
    if (!hasPrincipal(ctx)) return unauthenticated();
    const held = await Promise.all(needed.map((permission) => reading.holds(ctx, parent, permission)));
    if (held.some(Boolean) || (await reading.own?.(ctx, parent))) return true;
    if (!(await reading.sees(ctx, parent))) return notFound(reading.what);
    return forbidden(
      `You need the ${needed.join(" or ")} permission ${reading.where} to read ${info.parentType.name}.${info.fieldName}.`,
    );
  });
}

/**
 * Field rule on a resource (a client, contract, trial, site or trial site): one line a field,
 * `taxId: readsWith("view_clients", "client")`. With `participants`, the participants taking part there (and
 * their caregivers) read it too, as they need about their own trials and sites.
 */
export const readsWith = (
  permissions: Permission | readonly Permission[],
  type: ResourceType,
  { participants = false } = {},
) =>
  reads<{ id: string }>(permissions, {
    holds: (ctx, parent, permission) => ctx.access.holds(permission, { type, id: parent.id }),
    where: "on it",
    own: participants ? (ctx, parent) => isParticipantsPlace(ctx, { type, id: parent.id }) : undefined,
    sees: (ctx, parent) => seesResource(ctx, { type, id: parent.id }),
    what: "This object",
  });

/**
 * Field rule on an object read with a permission on another resource it names (a trial's runway, with view_contract
 * on its contract): FORBIDDEN for those who see the object, NOT_FOUND for the rest.
 */
export const readsWithOn = <Parent extends { id: string }>(
  permission: Permission,
  type: ResourceType,
  on: (parent: Parent) => string,
  self: ResourceType,
) =>
  reads<Parent>(permission, {
    holds: (ctx, parent, held) => ctx.access.holds(held, { type, id: on(parent) }),
    where: `on its ${type}`,
    sees: (ctx, parent) => seesResource(ctx, { type: self, id: parent.id }),
    what: "This object",
  });

/** Field rule on an enrollment: staff holding one of `permissions` on its trial site; its participant or caregiver. */
export const readsForEnrollment = (permissions: Permission | readonly Permission[]) =>
  reads<{ id: string; participantId: string; trialSiteId: string }>(permissions, {
    holds: (ctx, enrollment, permission) =>
      ctx.access.holds(permission, { type: "trialSite", id: enrollment.trialSiteId }),
    where: "on its trial site",
    own: (ctx, enrollment) => actsForParticipant(ctx.access, enrollment.participantId),
    sees: (ctx, enrollment) => seesEnrollment(ctx.access, enrollment.id),
    what: "Enrollment",
  });

/**
 * Field rule on a participant's record (an object with a participantId, e.g. an appointment) for staff only:
 * holding `permission` where the participant is (home site, or a trial site where they are enrolled). `what`
 * names the record in NOT_FOUND.
 */
export const readsForParticipant = (permission: Permission, what: string) =>
  reads<{ participantId: string }>(permission, {
    holds: (ctx, record, held) => holdsForParticipant(ctx.access, held, record.participantId),
    where: "where its participant is seen",
    sees: (ctx, record) => seesParticipant(ctx.access, record.participantId),
    what,
  });

/**
 * Field rule on a participant: staff holding `permission` where the participant is seen (their home site, or a trial
 * site where they are enrolled), or the participant and their caregivers.
 */
export const readsParticipant = (permission: Permission) =>
  reads<{ id: string }>(permission, {
    holds: (ctx, participant, held) => holdsForParticipant(ctx.access, held, participant.id),
    where: "where this participant is seen",
    own: (ctx, participant) => actsForParticipant(ctx.access, participant.id),
    sees: (ctx, participant) => seesParticipant(ctx.access, participant.id),
    what: "Participant",
  });

/**
 * Staff holding `permission` for the participant whose global id `argument` reads (on their home site or a trial
 * site where they are enrolled) — or, with selfAllowed, the participant or their caregiver.
 */
export const forParticipant = <Args>(
  permission: Permission,
  argument: Argument<Args>,
  options: { selfAllowed?: boolean } = {},
) =>
  forArgument("Participant", argument, (ctx, { id }) =>
    requireForParticipant(ctx.access, permission, id, options),
  );

/**
 * Staff holding `permission` on the trial site of the enrollment whose global id `argument` reads — or, with
 * selfAllowed, its participant or caregiver.
 */
export const forEnrollment = <Args>(
  permission: Permission,
  argument: Argument<Args>,
  options: { selfAllowed?: boolean } = {},
) =>
  forArgument("Enrollment", argument, (ctx, { id }) =>
    requireForEnrollment(ctx.access, permission, id, options),
  );

/** Object rule for Participant: the viewer is them, their caregiver, or staff who may see them. */
export const canSeeParticipant = rule({ cache: "no_cache" })(
  async (parent: { id: string }, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    return (await seesParticipant(ctx.access, parent.id)) ? true : notFound("Participant");
  },
);

/** Object rule for Enrollment: its participant or caregiver, or staff holding view_enrollments on its trial site. */
export const canSeeEnrollment = rule({ cache: "no_cache" })(
  async (parent: { id: string }, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    return (await seesEnrollment(ctx.access, parent.id)) ? true : notFound("Enrollment");
  },
);
