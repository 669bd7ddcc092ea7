/** The messaging area: conversations per enrollment, inboxes, the live subscription, bulk e-mail, the outbox. */
export const messagingPermissions = {};
