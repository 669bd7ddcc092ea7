/** The messaging area: conversations per enrollment, inboxes, the live subscription, bulk e-mail, the outbox. */
import "./types.js";
import "./queries.js";
import "./mutations.js";
import "./subscriptions.js";

export { messagingPermissions } from "./permissions.js";
