import { and } from "drizzle-orm";
import { messages } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { decodeGlobalId } from "../core/ids.js";
import { countRows, newestFirst, withTotalCount } from "../core/pagination.js";
import { inboxSql, selectMessages, unreadCount } from "./messages.js";
import { MessageRef } from "./types.js";

const enrollmentOf = (globalId: string | number | null | undefined) =>
  globalId == null ? null : decodeGlobalId(globalId, "enrollmentId", "Enrollment").id;

builder.queryFields((t) => ({
  messages: t.connection(
    {
      type: MessageRef,
      description:
        "Your inbox, newest first: every message of the conversations you are party to — your own enrollments as participant or caregiver, and as staff the enrollments on trial sites where you hold messaging. `enrollmentId` keeps one conversation (NOT_FOUND or FORBIDDEN unless you are party to it); `unreadOnly` keeps what you have not read.",
      args: {
        enrollmentId: t.arg.id({
          required: false,
          description: "Only this enrollment's conversation (an Enrollment's global id).",
        }),
        unreadOnly: t.arg.boolean({ required: false, description: "true: only messages you have not read." }),
      },
      resolve: async (_root, args, ctx) => {
        const where = await inboxSql(ctx.access, {
          enrollmentId: enrollmentOf(args.enrollmentId),
          unreadOnly: args.unreadOnly,
        });
        return withTotalCount(
          newestFirst(args, messages, (page) =>
            selectMessages(ctx.db, {
              where: and(where, page.where),
              orderBy: page.orderBy,
              limit: page.limit,
            }),
          ),
          () => countRows(ctx.db, messages, where),
        );
      },
    },
    { name: "MessageConnection", description: "A page of messages, with the number in the whole list." },
    { name: "MessageEdge", description: "A message in a page of messages, with its cursor." },
  ),
  unreadMessageCount: t.int({
    description:
      "How many messages of your conversations (or of one enrollment's, with `enrollmentId`) you have not read.",
    args: {
      enrollmentId: t.arg.id({
        required: false,
        description: "Only this enrollment's conversation (an Enrollment's global id).",
      }),
    },
    resolve: (_root, args, ctx) => unreadCount(ctx.db, ctx.access, enrollmentOf(args.enrollmentId)),
  }),
}));
