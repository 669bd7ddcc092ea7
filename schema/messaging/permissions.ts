import { rule } from "graphql-shield";
import type { Context } from "../core/context.js";
import { notFound, unauthenticated } from "../core/errors.js";
import { requireForEnrollment } from "../core/participant-access.js";
import { forEnrollment, idOf, isAuthenticated } from "../core/rules.js";
import { isConversationParty, trialSiteOf } from "./messages.js";

/** Rules return errors rather than throw them, so their code and message reach the client. */
async function decide(check: () => Promise<unknown>): Promise<true | Error> {
  try {
    await check();
    return true;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Object rule for Message: the viewer is a party to its enrollment's conversation. */
const canSeeMessage = rule({ cache: "no_cache" })(
  async (parent: { enrollmentId: string }, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    return (await isConversationParty(ctx.access, parent.enrollmentId)) ? true : notFound("Message");
  },
);

/** A party to the conversation of the `enrollmentId` argument, when it is given; anyone logged in otherwise. */
const partyToGivenConversation = rule({ cache: "no_cache" })((_parent, args, ctx: Context) =>
  decide(async () => {
    if (!ctx.viewer) throw unauthenticated();
    const given = (args as { enrollmentId?: unknown }).enrollmentId;
    if (given == null) return;
    await requireForEnrollment(ctx.access, "messaging", idOf(given, "Enrollment"), { selfAllowed: true });
  }),
);

/** bulk_email on the trial site where the input's site takes part in the input's trial. */
const bulkEmailer = rule({ cache: "no_cache" })((_parent, args, ctx: Context) =>
  decide(async () => {
    if (!ctx.viewer) throw unauthenticated();
    const input = (args as { input: { trialId: string; siteId: string } }).input;
    const trialSiteId = await trialSiteOf(
      ctx.access,
      idOf(input.trialId, "Trial"),
      idOf(input.siteId, "Site"),
    );
    await ctx.access.require("bulk_email", { type: "trialSite", id: trialSiteId }, "Trial site");
  }),
);

/** Who may use each messaging field. Fields not listed here are closed (the shield's fallback is deny). */
export const messagingPermissions = {
  Query: {
    messages: partyToGivenConversation, // lists only the viewer's conversations
    unreadMessageCount: partyToGivenConversation,
  },
  Mutation: {
    sendMessage: forEnrollment("messaging", "input.enrollmentId", { selfAllowed: true }),
    markMessagesRead: isAuthenticated, // marks only messages of the viewer's conversations
    bulkEmail: bulkEmailer,
  },
  Subscription: {
    // subscribe() checks the session and the given conversation; each message is checked per subscriber.
    messageReceived: isAuthenticated,
  },
  Message: canSeeMessage,
};
