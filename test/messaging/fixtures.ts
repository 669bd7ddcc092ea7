import { gid } from "../support/ids.js";

export const SEND = `mutation Send($input: SendMessageInput!) {
  sendMessage(input: $input) {
    message { id uid body sentAt senderName senderIsStaff enrollmentId subjectId trialName read }
  }
}`;
export const INBOX = `query Inbox($enrollmentId: ID, $unreadOnly: Boolean, $first: Int, $after: String) {
  messages(enrollmentId: $enrollmentId, unreadOnly: $unreadOnly, first: $first, after: $after) {
    edges { node { id body senderName senderIsStaff enrollmentId read } }
    pageInfo { hasNextPage endCursor }
  }
  unreadMessageCount(enrollmentId: $enrollmentId)
}`;
export const UNREAD = `query Unread { unreadMessageCount }`;
export const MARK_READ = `mutation MarkRead($input: MarkMessagesReadInput!) {
  markMessagesRead(input: $input) { messages { id read } unreadMessageCount }
}`;
export const BULK_EMAIL = `mutation Bulk($input: BulkEmailInput!) { bulkEmail(input: $input) { queued skipped } }`;
export const NODE = `query Node($id: ID!) { node(id: $id) { id ... on Message { body } } }`;

export const send = (enrollmentId: string, body: string) => ({
  input: { enrollmentId: gid.enrollment(enrollmentId), body },
});

export interface MessageNode {
  id: string;
  body: string;
  senderName: string | null;
  senderIsStaff: boolean;
  enrollmentId: string;
  read: boolean;
}
export interface InboxData {
  messages: { edges: { node: MessageNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  unreadMessageCount: number;
}
