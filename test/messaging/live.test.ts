import { print } from "graphql";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type DocumentType, graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { eventually } from "../support/eventually.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { type ServerProcess, startServerProcess } from "../support/processes.js";
import { graphqlClient, startTestServer, type TestServer } from "../support/server.js";
import { send } from "./fixtures.js";

const MessageReceived = graphql(`
  subscription LiveMessageReceived($enrollmentId: ID) {
    messageReceived(enrollmentId: $enrollmentId) { id body senderName senderIsStaff enrollmentId read }
  }
`);
const Send = graphql(`
  mutation LiveSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }
`);

type Received = DocumentType<typeof MessageReceived>;

/** Subscribes over graphql-ws as `token`, collecting what arrives. */
function subscribe(server: TestServer, token: string | null, variables: Record<string, unknown> = {}) {
  const client = createClient({
    url: `${server.url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const received: Received["messageReceived"][] = [];
  const errors: { extensions?: { code?: string } }[] = [];
  let completed = false;
  client.subscribe<Received>(
    { query: print(MessageReceived), variables },
    {
      next: (result) => {
        if (result.data?.messageReceived) received.push(result.data.messageReceived);
        if (result.errors) errors.push(...(result.errors as never[]));
      },
      error: (error) => {
        errors.push(...(Array.isArray(error) ? error : [{ extensions: { code: String(error) } }]));
      },
      complete: () => {
        completed = true;
      },
    },
  );
  return {
    received,
    errors,
    get completed() {
      return completed;
    },
    dispose: () => client.dispose(),
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: TestServer;
let second: ServerProcess;
let org: Organization;
let participant: Awaited<ReturnType<typeof createEnrolledParticipant>>;
let caregiverToken: string;
let staffEmail: string;
let staffPassword: string;
let otherSiteStaff: string;
const subscriptions: { dispose: () => unknown }[] = [];

beforeAll(async () => {
  server = await startTestServer({ WORKER: "off" });
  org = await createOrganization(server, "Live A");
  participant = await createEnrolledParticipant(server, org, 0);
  caregiverToken = (await createCaregiver(server, participant.participant.id)).token;
  const staff = await staffWith(server, ["messaging", "view_participants"], {
    trialSiteId: org.trialSites[0]!.id,
  });
  staffEmail = staff.email;
  staffPassword = staff.password;
  otherSiteStaff = (
    await staffWith(server, ["messaging", "view_participants"], { trialSiteId: org.trialSites[1]!.id })
  ).token;
  second = await startServerProcess(server.databaseUrl);
});

afterAll(async () => {
  for (const s of subscriptions) await s.dispose();
  await second?.stop();
  await server.close();
});

/** Logs in and sends a message through the second process, over HTTP. */
async function sendThroughSecondProcess(body: string) {
  const client = graphqlClient(second.url);
  const token = await client.login(staffEmail, staffPassword);
  const result = await client.request(Send, send(participant.enrollment.id, body), token);
  expect(result.errors).toBeUndefined();
  return result.data!.sendMessage.message;
}

describe("messageReceived across server processes", () => {
  it("delivers a message sent to another process to every party subscribed here, and to nobody else", async () => {
    const mine = subscribe(server, participant.token);
    const oneConversation = subscribe(server, caregiverToken, {
      enrollmentId: gid.enrollment(participant.enrollment.id),
    });
    const outsider = subscribe(server, otherSiteStaff);
    subscriptions.push(mine, oneConversation, outsider);
    await pause(750); // let the server register the subscriptions (and LISTEN)

    const message = await sendThroughSecondProcess("sent to the other process");
    await eventually(() => mine.received.length > 0 && oneConversation.received.length > 0);
    expect(mine.received).toEqual([
      {
        id: message.id,
        body: "sent to the other process",
        senderName: "Dawn Kidd",
        senderIsStaff: true,
        enrollmentId: gid.enrollment(participant.enrollment.id),
        read: false,
      },
    ]);
    expect(oneConversation.received.map((m) => m.id)).toEqual([message.id]);

    await pause(750);
    expect(outsider.received).toEqual([]);
    expect(outsider.errors).toEqual([]);
  });

  it("refuses a subscription to a conversation the viewer is not party to, and one without a session", async () => {
    const outsider = subscribe(server, otherSiteStaff, {
      enrollmentId: gid.enrollment(participant.enrollment.id),
    });
    const anonymous = subscribe(server, null);
    subscriptions.push(outsider, anonymous);
    await eventually(() => outsider.errors.length > 0 && anonymous.errors.length > 0);
    expect(outsider.errors[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(anonymous.errors[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(outsider.received).toEqual([]);
  });

  it("also delivers messages sent to this process", async () => {
    const mine = subscribe(server, otherSiteStaff);
    const participantLive = subscribe(server, participant.token);
    subscriptions.push(mine, participantLive);
    await pause(750);
    const sent = await server.request(
      Send,
      send(participant.enrollment.id, "from the caregiver, here"),
      caregiverToken,
    );
    await eventually(() => participantLive.received.length > 0);
    expect(participantLive.received.map((m) => m.id)).toEqual([sent.data!.sendMessage.message.id]);
    await pause(500);
    expect(mine.received).toEqual([]);
  });
});
