import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollments, users } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertSite } from "../support/trials.js";
import { send } from "./fixtures.js";

const Send = graphql(`
  mutation MessagingSend($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message { id uid body sentAt senderName senderIsStaff enrollmentId subjectId trialName read }
    }
  }
`);
const Inbox = graphql(`
  query MessagingInbox($enrollmentId: ID, $unreadOnly: Boolean, $first: Int, $after: String) {
    messages(enrollmentId: $enrollmentId, unreadOnly: $unreadOnly, first: $first, after: $after) {
      edges { node { id body senderName senderIsStaff enrollmentId read } }
      pageInfo { hasNextPage endCursor }
    }
    unreadMessageCount(enrollmentId: $enrollmentId)
  }
`);
const Unread = graphql(`query MessagingUnread { unreadMessageCount }`);
const MarkRead = graphql(`
  mutation MessagingMarkRead($input: MarkMessagesReadInput!) {
    markMessagesRead(input: $input) { messages { id read } unreadMessageCount }
  }
`);
const BulkEmail = graphql(`
  mutation MessagingBulkEmail($input: BulkEmailInput!) { bulkEmail(input: $input) { queued skipped } }
`);
const MessageNode = graphql(`query MessagingNode($id: ID!) { node(id: $id) { id ... on Message { body } } }`);

let server: TestServer;
let a: Organization;
let b: Organization;
let participant: Awaited<ReturnType<typeof createEnrolledParticipant>>;
let caregiverToken: string;
/** Staff with messaging on the participant's trial site; staff who see the participant but lack messaging;
 * staff with messaging on the trial's other trial site; staff with messaging at another client. */
let staff: string;
let noMessaging: string;
let otherSite: string;
let otherClient: string;

beforeAll(async () => {
  server = await startTestServer({ WORKER: "off" });
  a = await createOrganization(server, "Messaging A");
  b = await createOrganization(server, "Messaging B");
  participant = await createEnrolledParticipant(server, a, 0);
  caregiverToken = (await createCaregiver(server, participant.participant.id)).token;
  staff = (await staffWith(server, ["messaging", "view_participants"], { trialSiteId: a.trialSites[0]!.id }))
    .token;
  noMessaging = (
    await staffWith(server, ["view_participants", "view_enrollments"], { trialSiteId: a.trialSites[0]!.id })
  ).token;
  otherSite = (
    await staffWith(server, ["messaging", "view_participants"], { trialSiteId: a.trialSites[1]!.id })
  ).token;
  otherClient = (
    await staffWith(server, ["messaging", "view_participants", "bulk_email"], { clientId: b.client.id })
  ).token;
});
afterAll(() => server.close());

describe("sending and reading messages", () => {
  const sent: string[] = [];

  it("lets the participant send a message about their enrollment: trimmed, read by them, audited", async () => {
    const result = await server.request(
      Send,
      send(participant.enrollment.id, "  hello from Pat  "),
      participant.token,
    );
    expect(result.errors).toBeUndefined();
    const message = result.data!.sendMessage.message;
    expect(message).toMatchObject({
      body: "hello from Pat",
      senderName: `${participant.user.firstName} ${participant.user.lastName}`,
      senderIsStaff: false,
      enrollmentId: gid.enrollment(participant.enrollment.id),
      subjectId: participant.enrollment.subjectId,
      trialName: a.trial.name,
      read: true,
    });
    expect(Number.isNaN(Date.parse(message.sentAt))).toBe(false);
    const audit = await auditEntriesFor(server, message.uid);
    expect(audit.map((e) => [e.action, e.actor_user_id])).toEqual([["send_message", participant.user.id]]);
    sent.push(message.id);
  });

  it("lets the caregiver and staff holding messaging on the trial site take part", async () => {
    const fromCaregiver = await server.request(
      Send,
      send(participant.enrollment.id, "from the caregiver"),
      caregiverToken,
    );
    expect(fromCaregiver.errors).toBeUndefined();
    expect(fromCaregiver.data!.sendMessage.message.senderIsStaff).toBe(false);
    const fromStaff = await server.request(Send, send(participant.enrollment.id, "from the site"), staff);
    expect(fromStaff.errors).toBeUndefined();
    expect(fromStaff.data!.sendMessage.message).toMatchObject({
      senderIsStaff: true,
      senderName: "Dawn Kidd",
      read: true,
    });
    sent.push(fromCaregiver.data!.sendMessage.message.id, fromStaff.data!.sendMessage.message.id);
  });

  it("shows every party the conversation in their inbox, newest first, with what they have not read", async () => {
    const newestFirst = [...sent].reverse();
    for (const [token, unread] of [
      [participant.token, 2],
      [caregiverToken, 2],
      [staff, 2],
    ] as const) {
      const inbox = await server.request(Inbox, {}, token);
      expect(inbox.errors).toBeUndefined();
      expect(inbox.data!.messages.edges.map((e) => e.node.id)).toEqual(newestFirst);
      expect(inbox.data!.unreadMessageCount).toBe(unread);
      const unreadOnly = await server.request(Inbox, { unreadOnly: true }, token);
      expect(unreadOnly.data!.messages.edges).toHaveLength(unread);
      expect(unreadOnly.data!.messages.edges.every((e) => !e.node.read)).toBe(true);
    }
  });

  it("pages the inbox with cursors", async () => {
    const first = await server.request(Inbox, { first: 2 }, participant.token);
    expect(first.data!.messages.pageInfo.hasNextPage).toBe(true);
    const rest = await server.request(
      Inbox,
      { first: 2, after: first.data!.messages.pageInfo.endCursor },
      participant.token,
    );
    expect(rest.data!.messages.edges.map((e) => e.node.id)).toEqual([sent[0]]);
  });

  it("marks messages read for the viewer only", async () => {
    const marked = await server.request(MarkRead, { input: { messageIds: sent } }, participant.token);
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markMessagesRead.messages.every((m) => m.read)).toBe(true);
    expect(marked.data!.markMessagesRead.unreadMessageCount).toBe(0);
    const caregiver = await server.request(Unread, {}, caregiverToken);
    expect(caregiver.data!.unreadMessageCount).toBe(2);
  });

  it("refuses a blank or too long body, writing nothing", async () => {
    for (const body of ["   ", "", "x".repeat(5001)]) {
      const result = await expectNothingWritten(server, () =>
        server.request(Send, send(participant.enrollment.id, body), participant.token),
      );
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(result.data ?? null).toBeNull();
    }
    const longest = await server.request(
      Send,
      send(participant.enrollment.id, "y".repeat(5000)),
      participant.token,
    );
    expect(longest.errors).toBeUndefined();
  });

  it("refuses staff who are not party to the conversation, writing nothing and showing nothing", async () => {
    for (const [token, code] of [
      [noMessaging, "FORBIDDEN"],
      [otherSite, "NOT_FOUND"],
      [otherClient, "NOT_FOUND"],
    ] as const) {
      const result = await expectNothingWritten(server, () =>
        server.request(Send, send(participant.enrollment.id, "let me in"), token),
      );
      expect(errorCode(result)).toBe(code);
      expect(result.data ?? null).toBeNull();

      const conversation = await server.request(
        Inbox,
        { enrollmentId: gid.enrollment(participant.enrollment.id) },
        token,
      );
      expect(errorCode(conversation)).toBe(code);
      expect(conversation.data ?? null).toBeNull();

      const inbox = await server.request(Inbox, {}, token);
      expect(inbox.data!.messages.edges).toEqual([]);
      expect(inbox.data!.unreadMessageCount).toBe(0);

      const node = await server.request(MessageNode, { id: sent[0]! }, token);
      expect(errorCode(node)).toBe("NOT_FOUND");
      expect(node.data?.node ?? null).toBeNull();

      const mark = await expectNothingWritten(server, () =>
        server.request(MarkRead, { input: { messageIds: sent } }, token),
      );
      expect(mark.data!.markMessagesRead.messages).toEqual([]);
    }
  });

  it("keeps other participants out of the conversation", async () => {
    const other = await createEnrolledParticipant(server, a, 0);
    const result = await expectNothingWritten(server, () =>
      server.request(Send, send(participant.enrollment.id, "hi neighbour"), other.token),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
    const inbox = await server.request(Inbox, {}, other.token);
    expect(inbox.data!.messages.edges).toEqual([]);
  });

  it("requires a session", async () => {
    const result = await server.request(Send, send(participant.enrollment.id, "anonymous"));
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
    expect(errorCode(await server.request(Unread, {}))).toBe("UNAUTHENTICATED");
  });
});

describe("bulk e-mail", () => {
  let c: Organization;
  let emailer: string;
  let people: Awaited<ReturnType<typeof createEnrolledParticipant>>[];

  beforeAll(async () => {
    c = await createOrganization(server, "Bulk C");
    emailer = (await staffWith(server, ["bulk_email"], { trialSiteId: c.trialSites[0]!.id })).token;
    // Enrolled with e-mail on; opted out; dropped; at the trial's other site.
    people = [
      await createEnrolledParticipant(server, c, 0),
      await createEnrolledParticipant(server, c, 0),
      await createEnrolledParticipant(server, c, 0),
      await createEnrolledParticipant(server, c, 1),
    ];
    await server.db.update(users).set({ emailEnabled: false }).where(eq(users.id, people[1]!.user.id));
    await server.db
      .update(enrollments)
      .set({ status: "dropped" })
      .where(eq(enrollments.id, people[2]!.enrollment.id));
  });

  const input = (trialId: string, siteId: string, subject = "Visit reminder", body = "See you soon.") => ({
    input: { trialId: gid.trial(trialId), siteId: gid.site(siteId), subject, body },
  });

  it("queues one e-mail per enrolled participant at the trial site, skipping those who opted out, and audits it", async () => {
    const result = await server.request(BulkEmail, input(c.trial.id, c.sites[0]!.id), emailer);
    expect(result.errors).toBeUndefined();
    expect(result.data!.bulkEmail).toEqual({ queued: 1, skipped: 1 });
    const outbox = await server.sql<{ user_id: string; recipient: string; subject: string; body: string }[]>`
      SELECT user_id, recipient, subject, body FROM notification_outbox WHERE template = 'bulk_email'`;
    expect(outbox).toEqual([
      {
        user_id: people[0]!.user.id,
        recipient: people[0]!.user.email,
        subject: "Visit reminder",
        body: "See you soon.",
      },
    ]);
    const audit = await auditEntriesFor(server, c.trialSites[0]!.id);
    expect(audit.map((e) => e.action)).toContain("bulk_email");
  });

  it("is refused without bulk_email on that trial site, for a site not in the trial, and for blank text", async () => {
    const messagingOnly = (
      await staffWith(server, ["messaging", "view_trials"], { trialSiteId: c.trialSites[0]!.id })
    ).token;
    const otherTrialSite = (await staffWith(server, ["bulk_email"], { trialSiteId: c.trialSites[1]!.id }))
      .token;
    const admin = await server.loginAdmin();
    const spare = await insertSite(server, c.client.id);
    const attempts: [string, ReturnType<typeof input>, string][] = [
      [messagingOnly, input(c.trial.id, c.sites[0]!.id), "FORBIDDEN"],
      // Their grant on the trial's other trial site does not even show them this site.
      [otherTrialSite, input(c.trial.id, c.sites[0]!.id), "NOT_FOUND"],
      [otherClient, input(c.trial.id, c.sites[0]!.id), "NOT_FOUND"],
      [admin, input(c.trial.id, spare.id), "BAD_USER_INPUT"],
      [admin, input(c.trial.id, b.sites[0]!.id), "BAD_USER_INPUT"],
      [emailer, input(c.trial.id, c.sites[0]!.id, "   "), "BAD_USER_INPUT"],
      [emailer, input(c.trial.id, c.sites[0]!.id, "Subject", ""), "BAD_USER_INPUT"],
    ];
    for (const [token, variables, code] of attempts) {
      const result = await expectNothingWritten(server, () => server.request(BulkEmail, variables, token));
      expect(errorCode(result), JSON.stringify(variables)).toBe(code);
      expect(result.data ?? null).toBeNull();
    }
  });
});
