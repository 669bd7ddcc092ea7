import DataLoader from "dataloader";
import { inArray } from "drizzle-orm";
import { messageReads, messages } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { encodeGlobalId } from "../core/ids.js";
import { perRequest } from "../core/request-cache.js";
import { EnrollmentRef } from "../participants/refs.js";
import { type MessageView, selectMessages } from "./messages.js";

/** The global id of an enrollment (the Enrollment type belongs to the participants area). */
export const enrollmentGlobalId = (id: string) => encodeGlobalId("Enrollment", id);

/** Whether the viewer has read each message, by message id. */
const messageReadByViewer = perRequest(
  (access) =>
    new DataLoader<string, boolean>(async (ids) => {
      const rows = await access.db
        .select({ messageId: messageReads.messageId, userId: messageReads.userId })
        .from(messageReads)
        .where(inArray(messageReads.messageId, [...ids]));
      const seen = new Set(rows.filter((r) => r.userId === access.userId).map((r) => r.messageId));
      return ids.map((id) => seen.has(id));
    }),
);

export const MessageRef = builder.loadableNodeRef<MessageView>("Message", {
  id: { resolve: (message) => message.id },
  load: (ids: string[], ctx) => selectMessages(ctx.db, { where: inArray(messages.id, ids) }),
  sort: (message) => message.id,
});

MessageRef.implement({
  description:
    "A message in an enrollment's conversation between the participant (or their caregivers) and site staff.",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    body: t.exposeString("body", { description: "The message's text, as sent (plain text)." }),
    sentAt: t.field({ type: "DateTime", description: "When it was sent.", resolve: (m) => m.createdAt }),
    senderName: t.string({
      nullable: true,
      description: "The sender's first and last name; null when their account no longer exists.",
      resolve: (m) =>
        m.senderFirstName === null ? null : `${m.senderFirstName} ${m.senderLastName ?? ""}`.trim(),
    }),
    senderIsStaff: t.boolean({
      description: "Whether site staff sent it (rather than the participant or a caregiver).",
      resolve: (m) => m.senderType === "staff",
    }),
    enrollmentId: t.id({
      description: "The global id of the enrollment whose conversation this is.",
      resolve: (m) => enrollmentGlobalId(m.enrollmentId),
    }),
    enrollment: t.field({
      type: EnrollmentRef,
      nullable: true,
      description:
        "The enrollment itself, for those who may see enrollments (staff need view_enrollments); enrollmentId is always there.",
      resolve: (m) => m.enrollmentId,
    }),
    subjectId: t.exposeString("subjectId", { description: "The enrollment's subject id in its trial." }),
    trialName: t.exposeString("trialName", { description: "The name of the enrollment's trial." }),
    read: t.boolean({
      description: "Whether you have read it (your own messages are read).",
      resolve: async (m, _args, ctx) => {
        if (!ctx.access.userId) return false;
        return messageReadByViewer(ctx.access).load(m.id);
      },
    }),
  }),
});
