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
    user: t.field({ type: UserRef, resolve: (v) => v.userId }),
    realUser: t.field({ type: UserRef, resolve: (v) => v.realUserId }),
    impersonating: t.boolean({ resolve: (v) => v.userId !== v.realUserId }),
    userType: t.expose("userType", { type: UserTypeEnum }),
    roles: t.exposeStringList("roles"),
    isAdmin: t.exposeBoolean("isAdmin"),
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
      user: t.field({ type: UserRef, resolve: (r) => r.userId }),
      email: t.exposeString("email"),
      token: t.exposeString("token"),
      expiresAt: t.expose("expiresAt", { type: "DateTime" }),
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
    description: "The logged-in user's profile (the spec's my_info).",
    resolve: (_root, _args, ctx) => ctx.viewer!.userId,
  }),
  users: t.connection(
    {
      type: UserRef,
      description: "Admins: registered users, newest first, optionally matching `search` in name or e-mail.",
      args: { search: t.arg.string({ required: false }) },
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
    { name: "UserEdge" },
  ),
  passwordResetTokens: t.field({
    type: [PasswordResetTokenRef],
    description: "Admins, outside production only: password-reset tokens still usable (a testing aid).",
    resolve: (_root, _args, ctx) => outstandingResetTokens(ctx.db),
  }),
}));
