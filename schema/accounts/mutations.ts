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
  description: "What logout did.",
  fields: (t) => ({
    loggedOut: t.exposeBoolean("loggedOut", { description: "True: the session's token no longer works." }),
  }),
});
const ViewerPayload = builder.objectRef<Viewer>("ViewerPayload").implement({
  description: "The session's viewer after the change.",
  fields: (t) => ({
    viewer: t.field({ type: ViewerRef, description: "Who the session now acts as.", resolve: (v) => v }),
  }),
});

import * as accounts from "./users.js";

export const AddressInput = builder.inputType("AddressInput", {
  description: "A postal address. Text is trimmed; a blank required line is BAD_USER_INPUT naming it.",
  fields: (t) => ({
    street1: t.string({ description: "The first line: number and street (1-200 characters)." }),
    street2: t.string({
      required: false,
      description: "A second line (suite, apartment): up to 200 characters.",
    }),
    city: t.string({ description: "City or town (1-100 characters)." }),
    state: t.string({ description: "State, province or region (1-100 characters)." }),
    postCode: t.string({ description: "ZIP or postal code: 3-10 letters, digits, spaces or hyphens." }),
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
    description: "A new account's details.",
    inputFields: (t) => ({
      email: t.string({ description: "The e-mail address to log in with; CONFLICT if an account has it." }),
      password: t.string({
        description:
          "At least 8 characters with a letter, a digit and a special character (see passwordRules).",
      }),
      firstName: t.string({ description: "Given name (1-100 characters)." }),
      lastName: t.string({ description: "Family name (1-100 characters)." }),
      phone: t.string({
        required: false,
        description: "Phone number, e.g. (212) 555-1212 or +44 20 7946 0958.",
      }),
      address: t.field({ type: AddressInput, required: false, description: "Postal address." }),
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
    description: "The new account and a session for it.",
    outputFields: (t) => ({
      user: t.field({ type: UserRef, description: "The account created.", resolve: (p) => p.user }),
      token: t.string({
        description: "A session for the new account, as login returns.",
        resolve: (p) => p.session.token,
      }),
    }),
  },
);

builder.relayMutationField(
  "login",
  {
    description: "Credentials.",
    inputFields: (t) => ({
      email: t.string({ description: "The account's e-mail address (any case)." }),
      password: t.string({ description: "The account's password." }),
    }),
  },
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
    description:
      "The new session. A wrong e-mail or password, or an account locked after too many failures, answers INVALID_CREDENTIALS (the same for all three).",
    outputFields: (t) => ({
      token: t.exposeString("token", {
        description: "The session token: send it as `Authorization: Bearer <token>`. Keep it secret.",
      }),
      expiresAt: t.expose("expiresAt", { type: "DateTime", description: "The session's absolute end." }),
      invalidAttempts: t.exposeInt("invalidAttempts", {
        description: "Failed attempts since the last good login.",
      }),
      viewer: t.field({
        type: ViewerRef,
        description: "Who the session belongs to.",
        resolve: (_p, _a, ctx) => ctx.viewer!,
      }),
    }),
  },
);

builder.relayMutationField(
  "changePassword",
  {
    description: "The new password, and the proof that it is yours to change.",
    inputFields: (t) => ({
      newPassword: t.string({
        description:
          "At least 8 characters with a letter, a digit and a special character (see passwordRules).",
      }),
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
  {
    description: "What changePassword did.",
    outputFields: (t) => ({
      changed: t.exposeBoolean("changed", { description: "True: the password changed." }),
    }),
  },
);

builder.relayMutationField(
  "verifyEmail",
  {
    description: "The token e-mailed to the address.",
    inputFields: (t) => ({ token: t.string({ description: "The token from the verification e-mail." }) }),
  },
  {
    description: "Confirms an e-mail address with the token sent to it.",
    resolve: async (_root, { input }, ctx) => ({
      userId: await accounts.verifyEmail(ctx, input.token),
    }),
  },
  {
    description: "What verifyEmail did. A wrong, used or expired token answers INVALID_TOKEN.",
    outputFields: (t) => ({
      verified: t.boolean({ description: "True: the address is confirmed.", resolve: () => true }),
    }),
  },
);

builder.relayMutationField(
  "requestPasswordReset",
  {
    description: "Whose password to reset.",
    inputFields: (t) => ({ email: t.string({ description: "The account's e-mail address." }) }),
  },
  {
    description: "E-mails a reset token if the address has an account. The answer is the same either way.",
    resolve: async (_root, { input }, ctx) => {
      await accounts.requestPasswordReset(ctx, input.email.trim());
      return { accepted: true };
    },
  },
  {
    description: "Always the same answer, so that it tells nobody whether the address has an account.",
    outputFields: (t) => ({
      accepted: t.exposeBoolean("accepted", {
        description: "True: if the address has an account, a token was e-mailed.",
      }),
    }),
  },
);

builder.relayMutationField(
  "resetPassword",
  {
    description: "The e-mailed reset token and the new password.",
    inputFields: (t) => ({
      email: t.string({ description: "The account's e-mail address." }),
      token: t.string({ description: "The token from the reset e-mail." }),
      newPassword: t.string({
        description:
          "At least 8 characters with a letter, a digit and a special character (see passwordRules).",
      }),
    }),
  },
  {
    description:
      "Sets a new password with an e-mailed reset token (usable once, until it expires). Ends all sessions.",
    resolve: async (_root, { input }, ctx) => {
      await accounts.resetPassword(ctx, input.email.trim(), input.token, input.newPassword);
      return { reset: true };
    },
  },
  {
    description: "What resetPassword did. A wrong, used or expired token answers INVALID_TOKEN.",
    outputFields: (t) => ({
      reset: t.exposeBoolean("reset", { description: "True: the password changed." }),
    }),
  },
);

builder.relayMutationField(
  "updateUser",
  {
    description: "Profile fields to change; omitted ones stay as they are.",
    inputFields: (t) => ({
      userId: t.globalID({
        required: false,
        description: "Whose account; yourself when omitted (admins: anyone).",
        for: UserRef,
      }),
      email: t.string({
        required: false,
        description:
          "A new e-mail address (unverified until verifyEmail); CONFLICT if another account has it.",
      }),
      firstName: t.string({ required: false, description: "Given name (1-100 characters); omit to keep." }),
      lastName: t.string({ required: false, description: "Family name (1-100 characters); omit to keep." }),
      phone: t.string({ required: false, description: "Phone number; null removes it, omit to keep." }),
      address: t.field({
        type: AddressInput,
        required: false,
        description: "Postal address; null removes it, omit to keep.",
      }),
    }),
  },
  {
    description: "Updates a profile. A new e-mail address must be verified again.",
    resolve: async (_root, { input }, ctx) => {
      const target = targetUser(ctx, input.userId);
      return { user: await accounts.updateUser(ctx, target, input) };
    },
  },
  {
    description: "The account after the change.",
    outputFields: (t) => ({
      user: t.field({ type: UserRef, description: "The account.", resolve: (p) => p.user }),
    }),
  },
);

builder.relayMutationField(
  "updateContactPreferences",
  {
    description: "Channels to turn on or off; omitted ones stay as they are.",
    inputFields: (t) => ({
      userId: t.globalID({
        required: false,
        description: "Whose account; yourself when omitted (admins: anyone).",
        for: UserRef,
      }),
      email: t.boolean({ required: false, description: "Notifications by e-mail." }),
      sms: t.boolean({ required: false, description: "Notifications by SMS." }),
      push: t.boolean({ required: false, description: "Push notifications." }),
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
  {
    description: "The account after the change.",
    outputFields: (t) => ({
      user: t.field({ type: UserRef, description: "The account.", resolve: (p) => p.user }),
    }),
  },
);

builder.relayMutationField(
  "changeUserPassword",
  {
    description: "Whose password, and the new one.",
    inputFields: (t) => ({
      userId: t.globalID({ for: UserRef, description: "The user's global id; NOT_FOUND if there is none." }),
      newPassword: t.string({
        description:
          "At least 8 characters with a letter, a digit and a special character (see passwordRules).",
      }),
    }),
  },
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
  {
    description: "What changeUserPassword did.",
    outputFields: (t) => ({
      changed: t.exposeBoolean("changed", { description: "True: the password changed." }),
    }),
  },
);

builder.relayMutationField(
  "issueVerificationToken",
  {
    description: "Whose token.",
    inputFields: (t) => ({ userId: t.globalID({ for: UserRef, description: "The user's global id." }) }),
  },
  {
    description:
      "Admins, outside production only (a testing aid): a fresh e-mail verification token for a user, as the verification e-mail would carry.",
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
    description: "The token issued.",
    outputFields: (t) => ({
      token: t.exposeString("token", {
        description: "The token, as verifyEmail and changePassword take it.",
      }),
      expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When it stops working." }),
    }),
  },
);

builder.relayMutationField(
  "switchUser",
  {
    description: "Whom to act as.",
    inputFields: (t) => ({
      userId: t.globalID({ for: UserRef, description: "The user's global id (not yourself)." }),
    }),
  },
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
  {
    description: "The session after the switch.",
    outputFields: (t) => ({
      viewer: t.field({ type: ViewerRef, description: "Who the session now acts as.", resolve: (v) => v }),
    }),
  },
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
