import { rule } from "graphql-shield";
import type { Context } from "../../server/context.js";
import { forbidden, notFound, unauthenticated } from "../errors.js";

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
 * A user's profile is visible to that user (and to the admin acting as them) and to admins. (Site staff's view of
 * participants comes with them.)
 */
export const canSeeUser = rule({ cache: "no_cache" })((parent: { id: string }, _args, ctx: Context) => {
  const viewer = ctx.viewer;
  if (!viewer) return unauthenticated();
  const own = parent.id === viewer.userId || parent.id === viewer.realUserId;
  return own || viewer.isAdmin ? true : forbidden("You cannot see this user.");
});
