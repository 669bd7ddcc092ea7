import { inArray } from "drizzle-orm";
import { messages } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { badInput } from "../core/errors.js";
import { decodeGlobalId } from "../core/ids.js";
import { requireTrialSite } from "../core/rules.js";
import { inTransaction } from "../core/transaction.js";
import { publishMessage } from "./live.js";
import {
  bulkEmail,
  MAX_BODY,
  markMessagesRead,
  selectMessages,
  sendMessage,
  unreadCount,
} from "./messages.js";
import { MessageRef } from "./types.js";

const MAX_MARKED = 100;

builder.relayMutationField(
  "sendMessage",
  {
    description: "The conversation and the message.",
    inputFields: (t) => ({
      enrollmentId: t.id({ description: "The enrollment whose conversation this message joins." }),
      body: t.string({ description: `Trimmed; 1 to ${MAX_BODY} characters.` }),
    }),
  },
  {
    description:
      "Sends a message in an enrollment's conversation. Its participant and their caregivers may always; staff need messaging on its trial site. Every party subscribed to messageReceived gets it.",
    resolve: async (_root, { input }, ctx) => {
      const enrollmentId = decodeGlobalId(input.enrollmentId, "enrollmentId", "Enrollment").id;
      const message = await inTransaction(ctx, (tx, actor) =>
        sendMessage(tx, actor, { enrollmentId, body: input.body }),
      );
      // After commit: a failed notification only costs live delivery; the message is in every inbox.
      await publishMessage(ctx.db, message.id).catch(() => undefined);
      return { message };
    },
  },
  {
    description: "The message sent.",
    outputFields: (t) => ({
      message: t.field({ type: MessageRef, description: "The message.", resolve: (p) => p.message }),
    }),
  },
);

builder.relayMutationField(
  "markMessagesRead",
  {
    description: "The messages to mark read.",
    inputFields: (t) => ({
      messageIds: t.idList({
        description: `At most ${MAX_MARKED}; ids of messages you may not see are ignored.`,
      }),
    }),
  },
  {
    description: "Marks messages of your conversations as read by you.",
    resolve: async (_root, { input }, ctx) => {
      if (input.messageIds.length > MAX_MARKED)
        throw badInput([{ field: "messageIds", message: `at most ${MAX_MARKED} at a time.` }]);
      const ids = input.messageIds.map((id) => decodeGlobalId(id, "messageIds", "Message").id);
      const marked = await markMessagesRead(ctx.db, ctx.access, ids);
      return {
        messages: marked.length ? await selectMessages(ctx.db, { where: inArray(messages.id, marked) }) : [],
        unreadMessageCount: await unreadCount(ctx.db, ctx.access),
      };
    },
  },
  {
    description: "What was marked, and what is left unread.",
    outputFields: (t) => ({
      messages: t.field({
        type: [MessageRef],
        description: "The messages marked read.",
        resolve: (p) => p.messages,
      }),
      unreadMessageCount: t.int({
        description: "Your unread messages now.",
        resolve: (p) => p.unreadMessageCount,
      }),
    }),
  },
);

builder.relayMutationField(
  "bulkEmail",
  {
    description: "The trial site whose enrolled participants are e-mailed, and the e-mail.",
    inputFields: (t) => ({
      trialId: t.id({ description: "The trial's global id." }),
      siteId: t.id({ description: "A site taking part in the trial." }),
      subject: t.string({ description: "Trimmed; 1 to 200 characters." }),
      body: t.string({ description: "Trimmed; 1 to 20000 characters." }),
    }),
  },
  {
    description:
      "E-mails every participant enrolled in the trial at the site, skipping those who turned e-mail off; all are queued in one go, or none. Needs bulk_email on that trial site.",
    resolve: async (_root, { input }, ctx) => {
      const trialSiteId = await requireTrialSite(
        ctx.access,
        "bulk_email",
        decodeGlobalId(input.trialId, "trialId", "Trial").id,
        decodeGlobalId(input.siteId, "siteId", "Site").id,
      );
      return inTransaction(ctx, (tx, actor) =>
        bulkEmail(tx, actor, { trialSiteId, subject: input.subject, body: input.body }),
      );
    },
  },
  {
    description: "How many e-mails were queued and skipped.",
    outputFields: (t) => ({
      queued: t.int({ description: "E-mails queued.", resolve: (p) => p.queued }),
      skipped: t.int({
        description: "Enrolled participants who turned e-mail off.",
        resolve: (p) => p.skipped,
      }),
    }),
  },
);
