import { eq } from "drizzle-orm";
import { messages } from "../../db/schema/index.js";
import { findViewer } from "../accounts/sessions.js";
import { Access } from "../core/authorization.js";
import { builder } from "../core/builder.js";
import { unauthenticated } from "../core/errors.js";
import { decodeGlobalId } from "../core/ids.js";
import { requireForEnrollment } from "../core/participant-access.js";
import { liveMessages } from "./live.js";
import { isConversationParty, type MessageView, selectMessages } from "./messages.js";
import { MessageRef } from "./types.js";

builder.subscriptionField("messageReceived", (t) =>
  t.field({
    type: MessageRef,
    description:
      "Each new message of the conversations you are party to (or of one enrollment's, with `enrollmentId`), as it is sent — from any server process. Your session and access are checked again for every message.",
    args: {
      enrollmentId: t.arg.id({
        required: false,
        description:
          "Only this enrollment's conversation (an Enrollment's global id); NOT_FOUND or FORBIDDEN unless you are party to it.",
      }),
    },
    subscribe: async (_root, args, ctx) => {
      if (!ctx.viewer || !ctx.sessionToken) throw unauthenticated();
      const only =
        args.enrollmentId == null ? null : decodeGlobalId(args.enrollmentId, "enrollmentId", "Enrollment").id;
      if (only) await requireForEnrollment(ctx.access, "messaging", only, { selfAllowed: true });
      const token = ctx.sessionToken;
      return liveMessages<MessageView>(ctx.db, async (messageId) => {
        // A subscription outlives requests: the session and grants are read afresh for each message.
        const viewer = await findViewer(ctx.db, token, ctx.config);
        if (!viewer) throw unauthenticated();
        ctx.viewer = viewer;
        ctx.access = new Access(ctx.db, viewer);
        const [message] = await selectMessages(ctx.db, { where: eq(messages.id, messageId) });
        if (!message || (only && message.enrollmentId !== only)) return null;
        return (await isConversationParty(ctx.access, message.enrollmentId)) ? message : null;
      });
    },
    resolve: (message) => message,
  }),
);
