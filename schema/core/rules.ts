import { rule } from "graphql-shield";
import type { Context } from "./context.js";
import { badInput, forbidden, notFound, unauthenticated } from "./errors.js";
import { decodeGlobalId } from "./global-ids.js";
import {
  requireForEnrollment,
  requireForParticipant,
  seesEnrollment,
  seesParticipant,
  seesPersonOfUser,
} from "./participant-access.js";
import type { Permission } from "./permissions-list.js";
import { RESOURCE_NAMES, RESOURCE_TYPENAMES, type ResourceKey, type ResourceType } from "./resources.js";

/*
 * The graphql-shield rules every area uses. Each is one decision over the request's viewer (and, for object
 * rules, the object being read); they are cheap, so nothing is cached across fields.
 */

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
 * A user's profile is visible to that user (and to the admin acting as them) and to admins, and a participant's
 * or caregiver's login to whoever sees that participant (staff with view_participants there, the participant,
 * their caregivers).
 */
export const canSeeUser = rule({ cache: "no_cache" })(async (parent: { id: string }, _args, ctx: Context) => {
  const viewer = ctx.viewer;
  if (!viewer) return unauthenticated();
  const own = parent.id === viewer.userId || parent.id === viewer.realUserId;
  if (own || viewer.isAdmin) return true;
  return (await seesPersonOfUser(ctx.access, parent.id)) ? true : forbidden("You cannot see this user.");
});

type ResourceTypename = keyof typeof RESOURCE_TYPENAMES;

/**
 * Decodes the global id of a resource argument, which must name an object of `typename` (or, with "any", a
 * client, contract, trial, site or trial site).
 */
export function resourceFromGlobalId(globalId: unknown, typename: ResourceTypename | "any"): ResourceKey {
  const decoded = decodeGlobalId(globalId);
  const name = decoded?.typename ?? "";
  const type = Object.hasOwn(RESOURCE_TYPENAMES, name) ? RESOURCE_TYPENAMES[name] : undefined;
  if (!decoded || !type || (typename !== "any" && name !== typename)) {
    const expected = typename === "any" ? "a client, contract, trial, site or trial site" : `a ${typename}`;
    throw badInput([{ field: "id", message: `"${String(globalId)}" is not the id of ${expected}.` }]);
  }
  return { type, id: decoded.id };
}

/** The argument at a dotted path, e.g. "input.contractId". */
function argAt(args: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], args);
}

/** Rules return errors rather than throw them, so their code and message reach the client. */
async function decide(check: () => Promise<unknown>): Promise<true | Error> {
  try {
    await check();
    return true;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Requires `permission` (or, when null, sight) on the resource named by a global id argument. */
function requireOn(
  ctx: Context,
  permission: Permission | null,
  typename: ResourceTypename | "any",
  globalId: unknown,
) {
  return decide(() => {
    const resource = resourceFromGlobalId(globalId, typename);
    const what = RESOURCE_NAMES[resource.type];
    return permission
      ? ctx.access.require(permission, resource, what)
      : ctx.access.requireVisible(resource, what);
  });
}

/**
 * The viewer holds `permission` on the resource whose global id is the argument at `path` (or on something
 * above it). One line per field: `createTrial: holds("create_trial", "Contract", "input.contractId")`.
 */
export const holds = (permission: Permission, typename: ResourceTypename | "any", path: string) =>
  rule({ cache: "no_cache" })((_parent, args, ctx: Context) =>
    requireOn(ctx, permission, typename, argAt(args, path)),
  );

/** Like holds, when the argument at `path` is given; an omitted optional resource needs nothing. */
export const holdsIfGiven = (permission: Permission, typename: ResourceTypename | "any", path: string) =>
  rule({ cache: "no_cache" })((_parent, args, ctx: Context) => {
    const given = argAt(args, path);
    return given == null ? true : requireOn(ctx, permission, typename, given);
  });

/** The viewer may see the resource whose global id is the argument at `path`. */
export const seesArgument = (typename: ResourceTypename | "any", path: string) =>
  rule({ cache: "no_cache" })((_parent, args, ctx: Context) =>
    requireOn(ctx, null, typename, argAt(args, path)),
  );

/** Object rule: the viewer may see this object (a resource of `type`), however it was reached. */
export const canSee = (type: ResourceType) =>
  rule({ cache: "no_cache" })(async (parent: { id: string }, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    return (await ctx.access.sees({ type, id: parent.id })) ? true : notFound("This object");
  });

/** The raw id inside a global id argument, which must name an object of `typename`. */
export function idOf(globalId: unknown, typename: string): string {
  const decoded = decodeGlobalId(globalId);
  if (decoded?.typename !== typename) {
    throw badInput([{ field: "id", message: `"${String(globalId)}" is not the id of a ${typename}.` }]);
  }
  return decoded.id;
}

/**
 * Staff holding `permission` for the participant named at `path` (on their home site or a trial site where they
 * are enrolled) — or, with selfAllowed, the participant or their caregiver.
 */
export const forParticipant = (
  permission: Permission,
  path: string,
  options: { selfAllowed?: boolean } = {},
) =>
  rule({ cache: "no_cache" })((_parent, args, ctx: Context) =>
    decide(() =>
      requireForParticipant(ctx.access, permission, idOf(argAt(args, path), "Participant"), options),
    ),
  );

/** Staff holding `permission` on the enrollment's trial site — or, with selfAllowed, its participant or caregiver. */
export const forEnrollment = (
  permission: Permission,
  path: string,
  options: { selfAllowed?: boolean } = {},
) =>
  rule({ cache: "no_cache" })((_parent, args, ctx: Context) =>
    decide(() =>
      requireForEnrollment(ctx.access, permission, idOf(argAt(args, path), "Enrollment"), options),
    ),
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
