import { or, sql } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import type { Viewer } from "../core/context.js";
import { pageOfRows } from "../core/pagination.js";
import { PASSWORD_RULES } from "./passwords.js";
import { outstandingResetTokens } from "./tokens.js";
import { UserRef, UserTypeEnum } from "./types.js";

export const ViewerRef = builder.objectRef<Viewer>("Viewer").implement({
  description:
    "Who is making this request. After switchUser, `user` is whom an admin acts as and `realUser` the admin.",
  fields: (t) => ({
    user: t.field({
      type: UserRef,
      description: "Whose eyes the request sees with: you, or the user an admin switched to.",
      resolve: (v) => v.userId,
    }),
    realUser: t.field({
      type: UserRef,
      description: "Who logged in: the same as `user` unless an admin switched user.",
      resolve: (v) => v.realUserId,
    }),
    impersonating: t.boolean({
      description: "Whether an admin is acting as another user (switchUser).",
      resolve: (v) => v.userId !== v.realUserId,
    }),
    userType: t.expose("userType", { type: UserTypeEnum, description: "The kind of account `user` is." }),
    roles: t.exposeStringList("roles", {
      description: "The names of the roles `user` has been assigned, on any resource, e.g. Site Coordinator.",
    }),
    isAdmin: t.exposeBoolean("isAdmin", {
      description:
        "Whether `user` holds system-wide permissions (Mural admin): every resource is theirs to see.",
    }),
    sessionExpiresAt: t.expose("expiresAt", { type: "DateTime", description: "The session's absolute end." }),
    idleExpiresAt: t.expose("idleExpiresAt", {
      type: "DateTime",
      description: "When the session ends unless used (any request, or keepalive, refreshes it).",
    }),
  }),
});

const PasswordResetTokenRef = builder
  .objectRef<{ userId: string; email: string; token: string; expiresAt: Date }>("PasswordResetToken")
  .implement({
    description: "Testing aid: a usable password-reset token, as e-mailed.",
    fields: (t) => ({
      user: t.field({ type: UserRef, description: "Whose password it resets.", resolve: (r) => r.userId }),
      email: t.exposeString("email", { description: "The address it was e-mailed to." }),
      token: t.exposeString("token", { description: "The token, as resetPassword takes it." }),
      expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When it stops working." }),
    }),
  });

builder.queryFields((t) => ({
  ping: t.string({ description: "Connectivity check; needs no session.", resolve: () => "pong" }),
  passwordRules: t.stringList({
    description: "The rules a new password must follow.",
    resolve: () => PASSWORD_RULES.map((rule) => rule.message),
  }),
  viewer: t.field({
    type: ViewerRef,
    nullable: true,
    description: "The current session's user, roles and expiry; null when not logged in.",
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
  me: t.field({
    type: UserRef,
    description: "The logged-in user's own account; UNAUTHENTICATED without a session.",
    resolve: (_root, _args, ctx) => ctx.viewer!.userId,
  }),
  users: t.connection(
    {
      type: UserRef,
      description: "Admins: registered users, newest first, optionally matching `search` in name or e-mail.",
      args: {
        search: t.arg.string({
          required: false,
          description: "Text to find in the user's full name or e-mail address, ignoring case; omit for all.",
        }),
      },
      resolve: (_root, args, ctx) => {
        const pattern = args.search?.trim() ? `%${args.search.trim().replace(/[\\%_]/g, "\\$&")}%` : null;
        const matches = pattern
          ? or(
              sql`${users.email} ILIKE ${pattern}`,
              sql`(${users.firstName} || ' ' || ${users.lastName}) ILIKE ${pattern}`,
            )
          : undefined;
        return pageOfRows(ctx.db, users, matches, args);
      },
    },
    { name: "UserConnection", description: "A page of users, with the number in the whole list." },
    { name: "UserEdge", description: "A user in a page of users, with its cursor." },
  ),
  passwordResetTokens: t.field({
    type: [PasswordResetTokenRef],
    description: "Admins, outside production only: password-reset tokens still usable (a testing aid).",
    resolve: (_root, _args, ctx) => outstandingResetTokens(ctx.db),
  }),
}));
