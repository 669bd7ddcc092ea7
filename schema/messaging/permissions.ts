import type { MutationBulkEmailArgs, QueryUnreadMessageCountArgs } from "../core/arguments.js";
import type { Context } from "../core/context.js";
import { notFound, unauthenticated } from "../core/errors.js";
import { decodeGlobalId } from "../core/ids.js";
import { requireForEnrollment } from "../core/participant-access.js";
import {
  decide,
  forArgument,
  forEnrollment,
  isAuthenticated,
  type Permissions,
  requireTrialSite,
  rule,
} from "../core/rules.js";
import { isConversationParty } from "./messages.js";

/** Object rule for Message: the viewer is a party to its enrollment's conversation. */
const canSeeMessage = rule({ cache: "no_cache" })(
  async (parent: { enrollmentId: string }, _args, ctx: Context) => {
    if (!ctx.viewer) return unauthenticated();
    return (await isConversationParty(ctx.access, parent.enrollmentId)) ? true : notFound("Message");
  },
);

/**
 * A party to the conversation of the `enrollmentId` argument, when it is given; anyone logged in otherwise. Typed
 * by unreadMessageCount's arguments, which messages' include.
 */
const partyToGivenConversation = forArgument(
  "Enrollment",
  (a: QueryUnreadMessageCountArgs) => a.enrollmentId,
  (ctx, { id }) => requireForEnrollment(ctx.access, "messaging", id, { selfAllowed: true }),
  { optional: true },
);

/** bulk_email on the trial site where the input's site takes part in the input's trial. */
const bulkEmailer = rule({ cache: "no_cache" })((_parent, { input }: MutationBulkEmailArgs, ctx: Context) =>
  decide(async () => {
    if (!ctx.viewer) throw unauthenticated();
    await requireTrialSite(
      ctx.access,
      "bulk_email",
      decodeGlobalId(input.trialId, "trialId", "Trial").id,
      decodeGlobalId(input.siteId, "siteId", "Site").id,
    );
  }),
);

/** Who may use each messaging field. Fields not listed here are closed (the shield's fallback is deny). */
export const messagingPermissions = {
  Query: {
    messages: partyToGivenConversation, // lists only the viewer's conversations
    unreadMessageCount: partyToGivenConversation,
  },
  Mutation: {
    sendMessage: forEnrollment("messaging", (a) => a.input.enrollmentId, { selfAllowed: true }),
    markMessagesRead: isAuthenticated, // marks only messages of the viewer's conversations
    bulkEmail: bulkEmailer,
  },
  Subscription: {
    // subscribe() checks the session and the given conversation; each message is checked per subscriber.
    messageReceived: isAuthenticated,
  },
  Message: canSeeMessage,
} satisfies Permissions;
