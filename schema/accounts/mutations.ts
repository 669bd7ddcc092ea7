import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import { recordAudit } from "../core/audit.js";
import { builder } from "../core/builder.js";
import type { Context, Viewer } from "../core/context.js";
import { DomainError, forbidden, notFound } from "../core/errors.js";
import { inTransaction } from "../core/transaction.js";
import { ViewerRef } from "./queries.js";
import { refreshViewer, revokeSession, setActingUser } from "./sessions.js";
import { issueToken } from "./tokens.js";
import { UserRef } from "./types.js";

const LogoutPayload = builder.objectRef<{ loggedOut: boolean }>("LogoutPayload").implement({
  fields: (t) => ({ loggedOut: t.exposeBoolean("loggedOut") }),
});
const ViewerPayload = builder.objectRef<Viewer>("ViewerPayload").implement({
  description: "The session's viewer after the change.",
  fields: (t) => ({ viewer: t.field({ type: ViewerRef, resolve: (v) => v }) }),
});

import * as accounts from "./users.js";

export const AddressInput = builder.inputType("AddressInput", {
  fields: (t) => ({
    street1: t.string(),
    street2: t.string({ required: false }),
    city: t.string(),
    state: t.string(),
    postCode: t.string(),
    country: t.string({ required: false, description: "ISO 3166 two-letter code; US when omitted." }),
  }),
});

/** Whose account a self-or-admin mutation acts on: yourself, or anyone if you are an admin. */
function targetUser(ctx: Context, requested: { id: string } | null | undefined) {
  const viewer = ctx.viewer!;
  const target = requested?.id ?? viewer.userId;
  if (target !== viewer.userId && !viewer.isAdmin)
    throw forbidden("Only admins can change another user's account.");
  return target;
}

builder.relayMutationField(
  "register",
  {
    inputFields: (t) => ({
      email: t.string(),
      password: t.string(),
      firstName: t.string(),
      lastName: t.string(),
      phone: t.string({ required: false }),
      address: t.field({ type: AddressInput, required: false }),
    }),
  },
  {
    description:
      "Creates an account. It can do nothing until granted permissions; a verification e-mail is sent.",
    resolve: async (_root, { input }, ctx) => {
      const registered = await accounts.registerUser(ctx, input);
      ctx.sessionToken = registered.session.token;
      await refreshViewer(ctx);
      return registered;
    },
  },
  {
    outputFields: (t) => ({
      user: t.field({ type: UserRef, resolve: (p) => p.user }),
      token: t.string({
        description: "A session for the new account, as login returns.",
        resolve: (p) => p.session.token,
      }),
    }),
  },
);

builder.relayMutationField(
  "login",
  { inputFields: (t) => ({ email: t.string(), password: t.string() }) },
  {
    description: "Opens a session. Send its token as `Authorization: Bearer <token>` on later requests.",
    resolve: async (_root, { input }, ctx) => {
      const session = await accounts.logIn(ctx, input.email.trim(), input.password);
      ctx.sessionToken = session.token;
      await refreshViewer(ctx);
      return session;
    },
  },
  {
    outputFields: (t) => ({
      token: t.exposeString("token"),
      expiresAt: t.expose("expiresAt", { type: "DateTime" }),
      invalidAttempts: t.exposeInt("invalidAttempts", {
        description: "Failed attempts since the last good login.",
      }),
      viewer: t.field({ type: ViewerRef, resolve: (_p, _a, ctx) => ctx.viewer! }),
    }),
  },
);

builder.relayMutationField(
  "changePassword",
  {
    inputFields: (t) => ({
      newPassword: t.string(),
      currentPassword: t.string({ required: false, description: "Required when logged in." }),
      verificationToken: t.string({
        required: false,
        description: "Instead of a session: the token e-mailed to a new account (sets its first password).",
      }),
    }),
  },
  {
    description:
      "Changes your password (with your session and current password, or a fresh account's token). Ends your other sessions.",
    resolve: async (_root, { input }, ctx) => {
      if (input.verificationToken) {
        await accounts.setPasswordWithVerificationToken(ctx, input.verificationToken, input.newPassword);
      } else if (ctx.viewer) {
        await accounts.changeOwnPassword(ctx, input.currentPassword, input.newPassword);
      } else {
        throw new DomainError("UNAUTHENTICATED", "Log in, or give the verification token from your e-mail.");
      }
      return { changed: true };
    },
  },
  { outputFields: (t) => ({ changed: t.exposeBoolean("changed") }) },
);

builder.relayMutationField(
  "verifyEmail",
  { inputFields: (t) => ({ token: t.string() }) },
  {
    description: "Confirms an e-mail address with the token sent to it.",
    resolve: async (_root, { input }, ctx) => ({
      userId: await accounts.verifyEmail(ctx, input.token),
    }),
  },
  { outputFields: (t) => ({ verified: t.boolean({ resolve: () => true }) }) },
);

builder.relayMutationField(
  "requestPasswordReset",
  { inputFields: (t) => ({ email: t.string() }) },
  {
    description: "E-mails a reset token if the address has an account. The answer is the same either way.",
    resolve: async (_root, { input }, ctx) => {
      await accounts.requestPasswordReset(ctx, input.email.trim());
      return { accepted: true };
    },
  },
  { outputFields: (t) => ({ accepted: t.exposeBoolean("accepted") }) },
);

builder.relayMutationField(
  "resetPassword",
  { inputFields: (t) => ({ email: t.string(), token: t.string(), newPassword: t.string() }) },
  {
    description:
      "Sets a new password with an e-mailed reset token (usable once, until it expires). Ends all sessions.",
    resolve: async (_root, { input }, ctx) => {
      await accounts.resetPassword(ctx, input.email.trim(), input.token, input.newPassword);
      return { reset: true };
    },
  },
  { outputFields: (t) => ({ reset: t.exposeBoolean("reset") }) },
);

builder.relayMutationField(
  "updateUser",
  {
    inputFields: (t) => ({
      userId: t.globalID({
        required: false,
        description: "Whose account; yourself when omitted (admins: anyone).",
        for: UserRef,
      }),
      email: t.string({ required: false }),
      firstName: t.string({ required: false }),
      lastName: t.string({ required: false }),
      phone: t.string({ required: false }),
      address: t.field({ type: AddressInput, required: false }),
    }),
  },
  {
    description: "Updates a profile. A new e-mail address must be verified again.",
    resolve: async (_root, { input }, ctx) => {
      const target = targetUser(ctx, input.userId);
      return { user: await accounts.updateUser(ctx, target, input) };
    },
  },
  { outputFields: (t) => ({ user: t.field({ type: UserRef, resolve: (p) => p.user }) }) },
);

builder.relayMutationField(
  "updateContactPreferences",
  {
    inputFields: (t) => ({
      userId: t.globalID({
        required: false,
        description: "Whose account; yourself when omitted (admins: anyone).",
        for: UserRef,
      }),
      email: t.boolean({ required: false }),
      sms: t.boolean({ required: false }),
      push: t.boolean({ required: false }),
    }),
  },
  {
    description: "Opts in or out of notifications by e-mail, SMS and push.",
    resolve: async (_root, { input }, ctx) => {
      const target = targetUser(ctx, input.userId);
      const user = await accounts.updateContactPreferences(ctx, target, {
        emailEnabled: input.email,
        smsEnabled: input.sms,
        pushEnabled: input.push,
      });
      return { user };
    },
  },
  { outputFields: (t) => ({ user: t.field({ type: UserRef, resolve: (p) => p.user }) }) },
);

builder.relayMutationField(
  "changeUserPassword",
  { inputFields: (t) => ({ userId: t.globalID({ for: UserRef }), newPassword: t.string() }) },
  {
    description: "Admins: sets another user's password. Their sessions end.",
    resolve: async (_root, { input }, ctx) => {
      const exists = await ctx.db.query.users.findFirst({
        where: eq(users.id, input.userId.id),
        columns: { id: true },
      });
      if (!exists) throw notFound("User");
      await inTransaction(ctx, (tx, actor) =>
        accounts.setPassword(tx, input.userId.id, input.newPassword, actor, {
          action: "change_user_password",
        }),
      );
      return { changed: true };
    },
  },
  { outputFields: (t) => ({ changed: t.exposeBoolean("changed") }) },
);

builder.relayMutationField(
  "issueVerificationToken",
  { inputFields: (t) => ({ userId: t.globalID({ for: UserRef }) }) },
  {
    description:
      "Admins, outside production only: a fresh verification token for a user (the spec's get_user_verification_token, a testing aid).",
    resolve: async (_root, { input }, ctx) => {
      const exists = await ctx.db.query.users.findFirst({
        where: eq(users.id, input.userId.id),
        columns: { id: true },
      });
      if (!exists) throw notFound("User");
      return inTransaction(ctx, async (tx, actor) => {
        const token = await issueToken(tx, input.userId.id, "verification", ctx.config.verificationMs);
        await recordAudit(tx, actor, {
          action: "issue_verification_token",
          resourceType: "user",
          resourceId: input.userId.id,
        });
        return token;
      });
    },
  },
  {
    outputFields: (t) => ({
      token: t.exposeString("token"),
      expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    }),
  },
);

builder.relayMutationField(
  "switchUser",
  { inputFields: (t) => ({ userId: t.globalID({ for: UserRef }) }) },
  {
    description:
      "Admins: act as another user to see what they see. Audit entries record both; switchBack returns.",
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer!;
      if (input.userId.id === viewer.realUserId)
        throw new DomainError("BAD_USER_INPUT", "userId: you cannot switch to yourself; use switchBack.");
      const exists = await ctx.db.query.users.findFirst({
        where: eq(users.id, input.userId.id),
        columns: { id: true },
      });
      if (!exists) throw notFound("User");
      await inTransaction(ctx, async (tx) => {
        await setActingUser(tx, viewer.sessionId, input.userId.id);
        await recordAudit(
          tx,
          { realUserId: viewer.realUserId, userId: viewer.realUserId, requestId: ctx.requestId },
          {
            action: "switch_user",
            resourceType: "user",
            resourceId: input.userId.id,
            changes: { actingAs: { from: viewer.userId, to: input.userId.id } },
          },
        );
      });
      return refreshViewer(ctx);
    },
  },
  { outputFields: (t) => ({ viewer: t.field({ type: ViewerRef, resolve: (v) => v }) }) },
);

builder.mutationFields((t) => ({
  logout: t.field({
    type: LogoutPayload,
    description: "Ends the current session.",
    resolve: async (_root, _args, ctx) => {
      await revokeSession(ctx.db, ctx.viewer!.sessionId);
      ctx.sessionToken = null;
      await refreshViewer(ctx).catch(() => null); // now anonymous
      return { loggedOut: true };
    },
  }),
  keepalive: t.field({
    type: ViewerPayload,
    description: "Confirms the session is live and refreshes its idle timeout.",
    resolve: (_root, _args, ctx) => ctx.viewer!,
  }),
  switchBack: t.field({
    type: ViewerPayload,
    description: "Ends acting as another user (after switchUser).",
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer!;
      await inTransaction(ctx, async (tx, actor) => {
        await setActingUser(tx, viewer.sessionId, null);
        await recordAudit(tx, actor, {
          action: "switch_back",
          resourceType: "user",
          resourceId: viewer.userId,
          changes: { actingAs: { from: viewer.userId, to: null } },
        });
      });
      return refreshViewer(ctx);
    },
  }),
}));
