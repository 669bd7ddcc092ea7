import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { trials, webhookDeliveries, webhookDeliveryAttempts, webhookEvents } from "../../db/schema/index.js";
import { REFUSED_ADDRESS } from "../../schema/apiaccess/receivers.js";
import { enqueueJob } from "../../schema/core/jobs.js";
import { insertPaypal, insertUnclaimedPayment } from "../payments/claim-fixtures.js";
import { staffWith } from "../support/accounts.js";
import { accessToken, insertApiClient } from "../support/apiclients.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { eventually } from "../support/eventually.js";
import { gid, globalId } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant, createParticipant } from "../support/participants.js";
import { freePort } from "../support/ports.js";
import { DETAILS, ELIGIBLE_ANSWERS, publishDemo, rest } from "../support/prescreening.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

/** What a receiver got: one request's headers and raw body. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A local webhook receiver: each path keeps what it received and answers the statuses queued for it in turn
 * (200 once the queue is empty). A held path keeps its answers back until released.
 */
async function startReceiver() {
  const received = new Map<string, Received[]>();
  const answers = new Map<string, number[]>();
  const held = new Map<string, (() => void)[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.set(path, [
        ...(received.get(path) ?? []),
        { headers: request.headers, body: Buffer.concat(chunks).toString() },
      ]);
      const answer = () => {
        response.statusCode = answers.get(path)?.shift() ?? 200;
        response.end();
      };
      const waiting = held.get(path);
      if (waiting) waiting.push(answer);
      else answer();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    /** The same receiver by name, for deliveries that resolve a host name. */
    named: (path: string) => `http://localhost:${port}${path}`,
    got: (path: string) => received.get(path) ?? [],
    answer: (path: string, ...statuses: number[]) => answers.set(path, statuses),
    hold: (path: string) => held.set(path, []),
    release: (path: string) => {
      for (const answer of held.get(path) ?? []) answer();
      held.delete(path);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A row id inside a global id. */
const rowIdOf = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;

/**
 * An event of `trialId` queued for one endpoint as emitWebhookEvent queues it, with `jobs` delivery jobs at once
 * (two: a job run twice). Returns the delivery's row id.
 */
async function queueDelivery(server: TestServer, endpointGlobalId: string, trialId: string, jobs = 1) {
  const eventId = newId();
  const deliveryId = newId();
  await server.db.transaction(async (tx) => {
    await tx.insert(webhookEvents).values({
      id: eventId,
      type: "trial.status_changed",
      trialId,
      data: { trialId: gid.trial(trialId), from: "LIVE", to: "PAUSED" },
    });
    await tx
      .insert(webhookDeliveries)
      .values({ id: deliveryId, eventId, endpointId: rowIdOf(endpointGlobalId) });
    for (let n = 0; n < jobs; n++) await enqueueJob(tx, "deliver_webhook", { deliveryId });
  });
  return deliveryId;
}

const deliveryRow = async (server: TestServer, deliveryId: string) =>
  (await server.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)))[0];

const attemptRows = (server: TestServer, deliveryId: string) =>
  server.db
    .select()
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.deliveryId, deliveryId))
    .orderBy(webhookDeliveryAttempts.number);

/** The delivery jobs of a delivery still queued (graphile-worker deletes a job once it has run). */
const jobsOf = (server: TestServer, deliveryId: string) =>
  server.sql<{ locked: boolean; later: boolean }[]>`
    SELECT j.locked_at IS NOT NULL AS locked, j.run_at > now() + interval '5 seconds' AS later
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'deliver_webhook' AND j.payload->>'deliveryId' = ${deliveryId}`;

/** What an integrator writes (README, For integrators): the signature checked with the endpoint's secret. */
function verify(secret: string, headers: IncomingHttpHeaders, body: string, toleranceSeconds = 300): boolean {
  const id = String(headers["webhook-id"]);
  const timestamp = String(headers["webhook-timestamp"]);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = Buffer.from(
    createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64"),
  );
  return String(headers["webhook-signature"])
    .split(" ")
    .map((entry) => Buffer.from(entry.replace(/^v1,/, "")))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { signingSecret endpoint { id url events enabled } } }`;
const EDIT_TRIAL = `mutation($input: EditTrialInput!) { editTrial(input: $input) { trial { id status } } }`;
const DELIVERIES = `query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { id
  deliveries(first: 10) { totalCount nodes { id eventType status attemptCount deliveredAt body
    attempts { number succeeded statusCode durationMs error attemptedAt } } } } } }`;

interface CreateResult {
  createWebhookEndpoint: { signingSecret: string; endpoint: { id: string; url: string; events: string[] } };
}

/** Refused requests write nothing but their request-log lines (the running worker's heartbeats aside). */
/**
 * `action` writes nothing but the API request log (and the worker's heartbeat). The worker sends what the outbox holds
 * first (a user registered just before queued an e-mail), so that it marks nothing sent while the two are compared.
 */
async function nothingWrittenButTheLog<T>(server: TestServer, action: () => Promise<T>) {
  await eventually(async () => {
    const [row] = await server.sql<{ pending: number }[]>`
      SELECT count(*)::int AS pending FROM notification_outbox WHERE status = 'pending'`;
    return row!.pending === 0;
  });
  return expectNothingWritten(server, action, ["api_request_log", "worker_heartbeats"]);
}

describe("signed webhooks for API clients", () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: string;
  let a: Organization;
  let b: Organization;
  let tokenA: string;
  let tokenB: string;
  let apiClientA: string;
  /** A delivery to client A's endpoint (global id), once the first delivery test made it. */
  let deliveryOfA = "";

  /** Registers an endpoint with an API client's token; returns its id and secret. */
  async function register(token: string, path: string, events: string[], apiClientId?: string) {
    const result = await server.request<CreateResult>(
      CREATE,
      { input: { url: receiver.url(path), events, ...(apiClientId ? { apiClientId } : {}) } },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createWebhookEndpoint;
  }

  const setStatus = async (trialId: string, status: string) => {
    const result = await server.request(
      EDIT_TRIAL,
      { input: { trialId: gid.trial(trialId), status } },
      admin,
    );
    expect(result.errors).toBeUndefined();
  };

  const deliveryRows = (endpointGlobalId: string) => {
    const endpointId = Buffer.from(endpointGlobalId, "base64url").toString().split(":")[1]!;
    return server.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    // Retries without waiting (two of them), so no test sleeps through a backoff.
    server = await startTestServer({
      WORKER: "on",
      WEBHOOK_RETRY_SECONDS: "0,0",
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
    });
    admin = await server.loginAdmin();
    a = await createOrganization(server);
    b = await createOrganization(server);
    const clientA = await insertApiClient(server, a.client.id, {
      scopes: ["trials:read", "webhooks:manage"],
    });
    const clientB = await insertApiClient(server, b.client.id, {
      scopes: ["trials:read", "webhooks:manage"],
    });
    apiClientA = globalId("ApiClient", clientA.apiClient.id);
    tokenA = await accessToken(server.url, clientA.apiClient.clientIdentifier, clientA.secret);
    tokenB = await accessToken(server.url, clientB.apiClient.clientIdentifier, clientB.secret);
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it("refuses a bad URL, an unknown event or an event outside the credentials' scopes, writing nothing", async () => {
    await nothingWrittenButTheLog(server, async () => {
      for (const url of [
        "ftp://example.com/hook",
        "http://example.com/hook",
        "https://user:pass@example.com/hook",
        "not a url",
        `https://example.com/${"x".repeat(2100)}`,
      ]) {
        const result = await server.request(
          CREATE,
          { input: { url, events: ["TRIAL_STATUS_CHANGED"] } },
          tokenA,
        );
        expect(errorCode(result), url).toBe("BAD_USER_INPUT");
        expect(JSON.stringify(result.errors), url).toContain("url");
      }
      const unknown = await server.request(
        CREATE,
        { input: { url: "https://example.com/hook", events: ["TRIAL_DELETED"] } },
        tokenA,
      );
      expect(errorCode(unknown)).toBe("BAD_USER_INPUT");
      const none = await server.request(
        CREATE,
        { input: { url: "https://example.com/hook", events: [] } },
        tokenA,
      );
      expect(errorCode(none)).toBe("BAD_USER_INPUT");
      // candidate.referred needs referrals:read, which these credentials do not hold.
      const unscoped = await server.request(
        CREATE,
        { input: { url: "https://example.com/hook", events: ["CANDIDATE_REFERRED"] } },
        tokenA,
      );
      expect(errorCode(unscoped)).toBe("BAD_USER_INPUT");
      expect(unscoped.errors?.[0]?.message).toContain("referrals:read");
    });
  });

  it("credentials without webhooks:manage cannot register an endpoint", async () => {
    const reader = await insertApiClient(server, a.client.id, { scopes: ["trials:read"] });
    const token = await accessToken(server.url, reader.apiClient.clientIdentifier, reader.secret);
    await nothingWrittenButTheLog(server, async () => {
      const result = await server.request(
        CREATE,
        { input: { url: receiver.url("/never"), events: ["TRIAL_STATUS_CHANGED"] } },
        token,
      );
      expect(errorCode(result)).toBe("FORBIDDEN");
    });
  });

  it("a delivery is signed, retried after a failure and delivered once, its attempts visible to the client", async () => {
    const { endpoint, signingSecret } = await register(tokenA, "/a", ["TRIAL_STATUS_CHANGED"]);
    expect(signingSecret).toMatch(/^whsec_/);
    receiver.answer("/a", 500);
    await setStatus(a.trial.id, "LIVE");

    const got = await eventually(() => (receiver.got("/a").length >= 2 ? receiver.got("/a") : null));
    for (const request of got) {
      expect(verify(signingSecret, request.headers, request.body)).toBe(true);
      expect(request.headers["content-type"]).toBe("application/json");
    }
    // The same delivery both times (same Webhook-Id and body); a wrong secret or a changed body does not verify.
    expect(got[1]!.headers["webhook-id"]).toBe(got[0]!.headers["webhook-id"]);
    expect(got[1]!.body).toBe(got[0]!.body);
    const other = (await register(tokenA, "/other", ["PAYMENT_PAID"])).signingSecret;
    expect(verify(other, got[0]!.headers, got[0]!.body)).toBe(false);
    expect(verify(signingSecret, got[0]!.headers, got[0]!.body.replace("LIVE", "DRAFT"))).toBe(false);
    // A replayed request outside the window does not verify either.
    expect(
      verify(signingSecret, { ...got[0]!.headers, "webhook-timestamp": "1000000000" }, got[0]!.body),
    ).toBe(false);

    const body = JSON.parse(got[0]!.body);
    expect(body).toMatchObject({
      id: got[0]!.headers["webhook-id"],
      type: "trial.status_changed",
      data: { trialId: gid.trial(a.trial.id), from: "DRAFT", to: "LIVE" },
    });

    const read = async () => {
      const result = await server.request<{
        node: {
          deliveries: {
            totalCount: number;
            nodes: {
              id: string;
              status: string;
              attemptCount: number;
              body: string;
              attempts: {
                number: number;
                succeeded: boolean;
                statusCode: number | null;
                error: string | null;
              }[];
            }[];
          };
        };
      }>(DELIVERIES, { id: endpoint.id }, tokenA);
      expect(result.errors).toBeUndefined();
      return result.data!.node.deliveries;
    };
    const deliveries = await eventually(async () => {
      const page = await read();
      return page.nodes[0]?.status === "DELIVERED" ? page : null;
    });
    expect(deliveries.totalCount).toBe(1);
    const [delivery] = deliveries.nodes;
    expect(delivery!.id).toBe(got[0]!.headers["webhook-id"]);
    deliveryOfA = delivery!.id;
    expect(delivery!.body).toBe(got[0]!.body);
    expect(delivery!.attemptCount).toBe(2);
    expect(delivery!.attempts).toMatchObject([
      { number: 1, succeeded: false, statusCode: 500, error: "HTTP 500" },
      { number: 2, succeeded: true, statusCode: 200, error: null },
    ]);

    // The job run again after success (a worker retrying it) sends nothing more.
    const deliveryId = Buffer.from(delivery!.id, "base64url").toString().split(":")[1]!;
    await server.db.transaction((tx) => enqueueJob(tx, "deliver_webhook", { deliveryId }));
    await eventually(async () => {
      const [queued] = await server.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
        JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'deliver_webhook'`;
      return queued!.n === 0 ? true : null;
    });
    expect(receiver.got("/a")).toHaveLength(2);
    expect((await read()).nodes[0]!.attempts).toHaveLength(2);
  });

  it("a delivery that keeps failing is retried as configured, then failed, and never sent again", async () => {
    const { endpoint } = await register(tokenB, "/failing", ["TRIAL_STATUS_CHANGED"]);
    receiver.answer("/failing", 503, 503, 503, 503);
    await setStatus(b.trial.id, "LIVE");
    await eventually(async () => {
      const [row] = await deliveryRows(endpoint.id);
      return row?.status === "failed" ? row : null;
    });
    // One attempt and the two retries of WEBHOOK_RETRY_SECONDS=0,0.
    expect(receiver.got("/failing")).toHaveLength(3);
    const [row] = await deliveryRows(endpoint.id);
    expect(row).toMatchObject({ status: "failed", attempts: 3, deliveredAt: null });
  });

  it("another client's token neither sees nor changes an endpoint or its deliveries", async () => {
    const { endpoint } = await register(tokenA, "/guarded", ["TRIAL_STATUS_CHANGED"]);
    expect(deliveryOfA).not.toBe("");
    await nothingWrittenButTheLog(server, async () => {
      for (const id of [endpoint.id, deliveryOfA]) {
        const node = await server.request(`query($id: ID!) { node(id: $id) { id } }`, { id }, tokenB);
        expect(node.data?.node ?? null).toBeNull();
        expect(errorCode(node)).toBe("NOT_FOUND");
      }
      const list = await server.request<{ webhookEndpoints: { nodes: { id: string }[] } }>(
        `{ webhookEndpoints(first: 50) { nodes { id } } }`,
        {},
        tokenB,
      );
      expect(list.data!.webhookEndpoints.nodes.map((n) => n.id)).not.toContain(endpoint.id);
      const changes = [
        [
          `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { id } } }`,
          { endpointId: endpoint.id, url: receiver.url("/stolen") },
        ],
        [
          `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { signingSecret } }`,
          { endpointId: endpoint.id },
        ],
        [
          `mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { deletedEndpointId } }`,
          { endpointId: endpoint.id },
        ],
        [CREATE, { apiClientId: apiClientA, url: receiver.url("/stolen"), events: ["TRIAL_STATUS_CHANGED"] }],
      ] as const;
      for (const [mutation, input] of changes) {
        const result = await server.request(mutation, { input }, tokenB);
        expect(errorCode(result), mutation).toBe("NOT_FOUND");
      }
    });
  });

  it("an event of client B's trial never reaches client A's endpoint; sandbox credentials get only sandbox trials", async () => {
    const { endpoint: ofA } = await register(tokenA, "/a-only", [
      "TRIAL_STATUS_CHANGED",
      "PARTICIPANT_ENROLLED",
    ]);
    const sandbox = await insertApiClient(server, b.client.id, {
      scopes: ["trials:read", "webhooks:manage"],
      environment: "sandbox",
    });
    const sandboxToken = await accessToken(server.url, sandbox.apiClient.clientIdentifier, sandbox.secret);
    const { endpoint: ofSandbox } = await register(sandboxToken, "/sandbox", ["TRIAL_STATUS_CHANGED"]);
    const { endpoint: ofB } = await register(tokenB, "/b", ["TRIAL_STATUS_CHANGED"]);

    await setStatus(b.trial.id, "PAUSED");
    await eventually(() => (receiver.got("/b").length === 1 ? true : null));
    expect(await deliveryRows(ofA.id)).toHaveLength(0);
    expect(await deliveryRows(ofSandbox.id)).toHaveLength(0);
    expect(receiver.got("/a-only")).toHaveLength(0);
    expect(JSON.parse(receiver.got("/b")[0]!.body).data.trialId).toBe(gid.trial(b.trial.id));

    // A sandbox trial of B reaches B's sandbox credentials (and B's production ones), never A's.
    await server.db.update(trials).set({ sandbox: true }).where(eq(trials.id, b.trial.id));
    await setStatus(b.trial.id, "LIVE");
    await eventually(() => (receiver.got("/sandbox").length === 1 ? true : null));
    expect(await deliveryRows(ofA.id)).toHaveLength(0);
    expect(await deliveryRows(ofB.id)).toHaveLength(2);
  });

  it("an enrollment reaches the trial's client with ids and facts, never the participant's personal data", async () => {
    const { endpoint, signingSecret } = await register(tokenA, "/enrolled", ["PARTICIPANT_ENROLLED"]);
    const { user, participant } = await createParticipant(server, a.sites[0]!.id);
    const enrolled = await server.request<{ enroll: { enrollment: { id: string } } }>(
      `mutation($input: EnrollInput!) { enroll(input: $input) { enrollment { id } } }`,
      {
        input: {
          participantId: gid.participant(participant.id),
          trialId: gid.trial(a.trial.id),
          siteId: gid.site(a.sites[0]!.id),
          subjectId: "SUBJ-0001",
        },
      },
      admin,
    );
    expect(enrolled.errors).toBeUndefined();
    const [request] = await eventually(() =>
      receiver.got("/enrolled").length ? receiver.got("/enrolled") : null,
    );
    expect(verify(signingSecret, request!.headers, request!.body)).toBe(true);
    expect(JSON.parse(request!.body)).toMatchObject({
      type: "participant.enrolled",
      data: {
        enrollmentId: enrolled.data!.enroll.enrollment.id,
        trialId: gid.trial(a.trial.id),
        trialSiteId: gid.trialSite(a.trialSites[0]!.id),
        status: "ENROLLED",
      },
    });
    for (const personal of [user.email, user.lastName, "1970-01-01", "SUBJ-0001", participant.id])
      expect(request!.body).not.toContain(personal);
    expect(await deliveryRows(endpoint.id)).toHaveLength(1);
  });

  it("a candidate referred reaches credentials holding referrals:read, without the candidate's personal data", async () => {
    const referrals = await insertApiClient(server, a.client.id, {
      scopes: ["referrals:read", "webhooks:manage"],
    });
    const token = await accessToken(server.url, referrals.apiClient.clientIdentifier, referrals.secret);
    const { signingSecret } = await register(token, "/referred", ["CANDIDATE_REFERRED"]);
    const partner = (await staffWith(server, ["manage_prescreening"], { trialId: a.trial.id })).token;
    await publishDemo(server, partner, a);
    const id = "candidate-webhook-1";
    await rest(server, "POST", "/candidates", partner, {
      studyId: "DEMO3",
      candidateId: id,
      locale: "en-US",
    });
    for (const [key, value] of ELIGIBLE_ANSWERS)
      await rest(server, "PUT", `/candidates/${id}/answers/${key}`, partner, { answer: value });
    const site = gid.trialSite(a.trialSites[0]!.id);
    await rest(server, "PUT", `/candidates/${id}/details`, partner, {
      ...DETAILS,
      preferences: { ...DETAILS.preferences, site },
    });
    const submitted = await rest(server, "POST", `/candidates/${id}/submit`, partner, {
      status: "COMPLETED",
    });
    expect(submitted.status).toBe(200);
    const [request] = await eventually(() =>
      receiver.got("/referred").length ? receiver.got("/referred") : null,
    );
    expect(verify(signingSecret, request!.headers, request!.body)).toBe(true);
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      type: "candidate.referred",
      data: { trialId: gid.trial(a.trial.id), trialSiteId: site },
    });
    expect(body.data.candidateId).toMatch(/./);
    for (const personal of [DETAILS.pii.email, DETAILS.pii.name, id])
      expect(request!.body).not.toContain(personal);
  });

  it("a payment paid out reaches the trial's client with its amount, once", async () => {
    const { signingSecret } = await register(tokenA, "/paid", ["PAYMENT_PAID"]);
    const p = await createEnrolledParticipant(server, a);
    await insertPaypal(server, p.enrollment.id);
    const { payment } = await insertUnclaimedPayment(server, a, p.enrollment.id, 12_345n);
    const claimed = await server.request(
      `mutation($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }`,
      { input: { participantId: gid.participant(p.participant.id) } },
      p.token,
    );
    expect(claimed.errors).toBeUndefined();
    const [request] = await eventually(() => (receiver.got("/paid").length ? receiver.got("/paid") : null));
    expect(verify(signingSecret, request!.headers, request!.body)).toBe(true);
    expect(JSON.parse(request!.body)).toMatchObject({
      type: "payment.paid",
      data: {
        paymentId: gid.payment(payment.id),
        enrollmentId: gid.enrollment(p.enrollment.id),
        trialId: gid.trial(a.trial.id),
        amount: "123.45",
        currency: "USD",
      },
    });
    expect(request!.body).not.toContain(p.user.email);
    // Delivered to client A's two endpoints subscribed to it (this one and /other), and to no one else.
    const [paid] = await server.sql<{ n: number; clients: string[] }[]>`
      SELECT count(*)::int AS n, array_agg(DISTINCT e.client_id) AS clients FROM webhook_deliveries d
      JOIN webhook_events v ON v.id = d.event_id JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE v.type = 'payment.paid'`;
    expect({ ...paid }).toEqual({ n: 2, clients: [a.client.id] });
  });

  it("after a rotation, deliveries carry signatures with the new secret and, for the grace period, the old one", async () => {
    const { endpoint, signingSecret: old } = await register(tokenB, "/rotated", ["TRIAL_STATUS_CHANGED"]);
    const rotated = await server.request<{ rotateWebhookSecret: { signingSecret: string } }>(
      `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { signingSecret } }`,
      { input: { endpointId: endpoint.id } },
      tokenB,
    );
    const fresh = rotated.data!.rotateWebhookSecret.signingSecret;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    await setStatus(b.trial.id, "PAUSED");
    const [request] = await eventually(() =>
      receiver.got("/rotated").length ? receiver.got("/rotated") : null,
    );
    expect(String(request!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verify(fresh, request!.headers, request!.body)).toBe(true);
    expect(verify(old, request!.headers, request!.body)).toBe(true);
    // Past the grace period only the new secret signs.
    await server.sql`UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second'`;
    await setStatus(b.trial.id, "LIVE");
    const second = await eventually(() => receiver.got("/rotated")[1] ?? null);
    expect(verify(fresh, second.headers, second.body)).toBe(true);
    expect(verify(old, second.headers, second.body)).toBe(false);
  });

  it("a disabled endpoint gets no further events; a sponsor admin manages the credentials' endpoints", async () => {
    const { endpoint } = await register(admin, "/managed", ["TRIAL_STATUS_CHANGED"], apiClientA);
    const disabled = await server.request(
      `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { enabled } } }`,
      { input: { endpointId: endpoint.id, enabled: false } },
      tokenA,
    );
    expect(disabled.errors).toBeUndefined();
    const events = await server.db.select().from(webhookEvents);
    await setStatus(a.trial.id, "PAUSED");
    expect(await deliveryRows(endpoint.id)).toHaveLength(0);
    // Others subscribed (A's /a endpoint) still got it: one event more.
    expect((await server.db.select().from(webhookEvents)).length).toBe(events.length + 1);

    const rotated = await server.request<{ rotateWebhookSecret: { signingSecret: string } }>(
      `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { signingSecret } }`,
      { input: { endpointId: endpoint.id } },
      admin,
    );
    expect(rotated.data!.rotateWebhookSecret.signingSecret).toMatch(/^whsec_/);
    const removed = await server.request(
      `mutation($input: DeleteWebhookEndpointInput!) { deleteWebhookEndpoint(input: $input) { deletedEndpointId } }`,
      { input: { endpointId: endpoint.id } },
      tokenA,
    );
    expect(removed.errors).toBeUndefined();
    const gone = await server.request(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: endpoint.id },
      tokenA,
    );
    expect(gone.data?.node ?? null).toBeNull();
    expect(await deliveryRows(endpoint.id)).toHaveLength(0);
  });

  it("two runs of a delivery's job at once send it once, each POST outside any transaction", async () => {
    // A name (localhost) this time: resolved once, and the connection made to the address resolved.
    const { endpoint, signingSecret } = await register(tokenA, "/twice", ["TRIAL_STATUS_CHANGED"]);
    const changed = await server.request(
      `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { url } } }`,
      { input: { endpointId: endpoint.id, url: receiver.named("/twice") } },
      tokenA,
    );
    expect(changed.errors).toBeUndefined();
    receiver.hold("/twice");
    const deliveryId = await queueDelivery(server, endpoint.id, a.trial.id, 2);
    await eventually(() => (receiver.got("/twice").length === 1 ? true : null));
    // While the first run waits on the receiver, the second found the delivery taken: it looks again later.
    await eventually(async () => {
      const jobs = await jobsOf(server, deliveryId);
      return (
        jobs.length === 2 && jobs.some((job) => job.locked) && jobs.some((job) => !job.locked && job.later)
      );
    });
    // Nothing is locked in the database while the POST waits: the delivery row can be read and changed.
    const [idle] = await server.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state = 'idle in transaction'`;
    expect(idle!.n).toBe(0);
    const locked = await server.sql`
      SELECT id FROM webhook_deliveries WHERE id = ${deliveryId} FOR UPDATE NOWAIT`;
    expect(locked).toHaveLength(1);
    // Redelivering a delivery still pending is refused: its attempt is under way.
    const pending = await server.request(
      `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { id } } }`,
      { input: { deliveryId: globalId("WebhookDelivery", deliveryId) } },
      tokenA,
    );
    expect(errorCode(pending)).toBe("CONFLICT");
    expect(pending.errors?.[0]?.message).toContain("pending");

    receiver.release("/twice");
    await eventually(async () =>
      (await deliveryRow(server, deliveryId))?.status === "delivered" ? true : null,
    );
    expect(receiver.got("/twice")).toHaveLength(1);
    expect(verify(signingSecret, receiver.got("/twice")[0]!.headers, receiver.got("/twice")[0]!.body)).toBe(
      true,
    );
    expect(await attemptRows(server, deliveryId)).toMatchObject([{ number: 1, succeeded: true }]);
    expect(await deliveryRow(server, deliveryId)).toMatchObject({ attempts: 1, claimToken: null });
  });

  describe("redeliverWebhook", () => {
    const REDELIVER = `mutation($input: RedeliverWebhookInput!) {
      redeliverWebhook(input: $input) { delivery { id status redeliveredAt } } }`;
    let endpointId = "";
    let secret = "";
    let failed = "";

    beforeAll(async () => {
      const registered = await register(tokenA, "/again", ["TRIAL_STATUS_CHANGED"]);
      endpointId = registered.endpoint.id;
      secret = registered.signingSecret;
      receiver.answer("/again", 503, 503, 503);
      failed = await queueDelivery(server, endpointId, a.trial.id);
      await eventually(async () => ((await deliveryRow(server, failed))?.status === "failed" ? true : null));
      expect(receiver.got("/again")).toHaveLength(3);
    });

    it("another client's credentials or people without manage_api_clients find no such delivery; nothing is written or queued", async () => {
      const outsider = await staffWith(server, ["manage_api_clients"], { clientId: b.client.id });
      await nothingWrittenButTheLog(server, async () => {
        for (const token of [tokenB, outsider.token]) {
          const result = await server.request(
            REDELIVER,
            { input: { deliveryId: globalId("WebhookDelivery", failed) } },
            token,
          );
          expect(errorCode(result)).toBe("NOT_FOUND");
        }
      });
      // graphile-worker removes the last job a moment after its handler committed.
      await eventually(async () => ((await jobsOf(server, failed)).length === 0 ? true : null));
      expect(receiver.got("/again")).toHaveLength(3);
    });

    it("a failed delivery is sent once more with the same id and body, freshly signed, and audited", async () => {
      const result = await server.request<{
        redeliverWebhook: { delivery: { id: string; status: string; redeliveredAt: string | null } };
      }>(REDELIVER, { input: { deliveryId: globalId("WebhookDelivery", failed) } }, tokenA);
      expect(result.errors).toBeUndefined();
      expect(result.data!.redeliverWebhook.delivery).toMatchObject({
        id: globalId("WebhookDelivery", failed),
        status: "PENDING",
      });
      expect(result.data!.redeliverWebhook.delivery.redeliveredAt).not.toBeNull();
      await eventually(async () =>
        (await deliveryRow(server, failed))?.status === "delivered" ? true : null,
      );
      const got = receiver.got("/again");
      expect(got).toHaveLength(4);
      expect(got[3]!.headers["webhook-id"]).toBe(got[0]!.headers["webhook-id"]);
      expect(got[3]!.body).toBe(got[0]!.body);
      expect(verify(secret, got[3]!.headers, got[3]!.body)).toBe(true);
      expect((await attemptRows(server, failed)).map((row) => row.succeeded)).toEqual([
        false,
        false,
        false,
        true,
      ]);
      const audit = await auditEntriesFor(server, failed);
      expect(audit.map((entry) => [entry.action, entry.changes])).toEqual([
        ["redeliver_webhook", { status: { from: "failed", to: "pending" } }],
      ]);
    });

    it("a sponsor admin replays a delivered one; a replay gets one attempt, no retries", async () => {
      const manager = await staffWith(server, ["manage_api_clients"], { clientId: a.client.id });
      receiver.answer("/again", 500);
      const result = await server.request(
        REDELIVER,
        { input: { deliveryId: globalId("WebhookDelivery", failed) } },
        manager.token,
      );
      expect(result.errors).toBeUndefined();
      await eventually(async () => ((await deliveryRow(server, failed))?.status === "failed" ? true : null));
      expect(receiver.got("/again")).toHaveLength(5);
      expect(await deliveryRow(server, failed)).toMatchObject({ attempts: 5, deliveredAt: null });
      // graphile-worker removes the last job a moment after its handler committed.
      await eventually(async () => ((await jobsOf(server, failed)).length === 0 ? true : null));
    });

    it("a delivery of a disabled endpoint is not redelivered: CONFLICT, nothing written", async () => {
      const disabled = await server.request(
        `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { enabled } } }`,
        { input: { endpointId, enabled: false } },
        tokenA,
      );
      expect(disabled.errors).toBeUndefined();
      await nothingWrittenButTheLog(server, async () => {
        const result = await server.request(
          REDELIVER,
          { input: { deliveryId: globalId("WebhookDelivery", failed) } },
          tokenA,
        );
        expect(errorCode(result)).toBe("CONFLICT");
        expect(result.errors?.[0]?.message).toContain("disabled");
      });
      expect(await jobsOf(server, failed)).toHaveLength(0);
    });
  });

  it("the hourly purge removes finished deliveries past the retention with their attempts and events; pending and recent ones stay", async () => {
    const [cron] = await server.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_known_crontabs
      WHERE identifier = 'purge_webhook_deliveries'`;
    expect(cron!.n).toBe(1);
    const { endpoint } = await register(tokenA, "/purge", ["TRIAL_STATUS_CHANGED"]);
    receiver.answer("/purge", 200, 503, 503, 503);
    const delivered = await queueDelivery(server, endpoint.id, a.trial.id);
    await eventually(async () =>
      (await deliveryRow(server, delivered))?.status === "delivered" ? true : null,
    );
    const failedOne = await queueDelivery(server, endpoint.id, a.trial.id);
    await eventually(async () => ((await deliveryRow(server, failedOne))?.status === "failed" ? true : null));
    const recent = await queueDelivery(server, endpoint.id, a.trial.id);
    await eventually(async () => ((await deliveryRow(server, recent))?.status === "delivered" ? true : null));
    // A pending one, its job not run (none queued): old, but not finished.
    const pending = newId();
    const [{ event_id: pendingEvent } = { event_id: "" }] = await server.sql<{ event_id: string }[]>`
      SELECT event_id FROM webhook_deliveries WHERE id = ${recent}`;
    await server.db
      .insert(webhookDeliveries)
      .values({ id: pending, eventId: pendingEvent, endpointId: rowIdOf(endpoint.id) });
    const old = [delivered, failedOne, pending];
    await server.sql`
      UPDATE webhook_deliveries SET created_at = now() - interval '31 days', updated_at = now() - interval '31 days'
      WHERE id IN ${server.sql(old)}`;
    await server.sql`
      UPDATE webhook_events SET created_at = now() - interval '31 days'
      WHERE id IN (SELECT event_id FROM webhook_deliveries WHERE id IN ${server.sql([delivered, failedOne])})`;
    const eventsBefore = await server.sql<{ id: string }[]>`
      SELECT event_id AS id FROM webhook_deliveries WHERE id IN ${server.sql([delivered, failedOne])}`;

    await server.db.transaction((tx) => enqueueJob(tx, "purge_webhook_deliveries", {}));
    await eventually(async () => ((await deliveryRow(server, delivered)) ? null : true));
    expect(await deliveryRow(server, failedOne)).toBeUndefined();
    expect(await attemptRows(server, delivered)).toHaveLength(0);
    expect(await attemptRows(server, failedOne)).toHaveLength(0);
    const events = await server.sql`
      SELECT id FROM webhook_events WHERE id IN ${server.sql(eventsBefore.map((e) => e.id))}`;
    expect(events).toHaveLength(0);
    expect((await deliveryRow(server, pending))?.status).toBe("pending");
    expect((await deliveryRow(server, recent))?.status).toBe("delivered");
    expect(await attemptRows(server, recent)).toHaveLength(1);
  });
});

describe("webhooks never reach internal networks (WEBHOOK_ALLOW_PRIVATE_NETWORKS off, the default)", () => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let org: Organization;
  let token: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startTestServer({ WORKER: "on", WEBHOOK_RETRY_SECONDS: "0" });
    org = await createOrganization(server);
    const client = await insertApiClient(server, org.client.id, {
      scopes: ["trials:read", "webhooks:manage"],
    });
    token = await accessToken(server.url, client.apiClient.clientIdentifier, client.secret);
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it("refuses an internal IP address in an endpoint's URL, registered or changed, writing nothing", async () => {
    const registered = await server.request<CreateResult>(
      CREATE,
      { input: { url: "https://example.com/hook", events: ["TRIAL_STATUS_CHANGED"] } },
      token,
    );
    expect(registered.errors).toBeUndefined();
    const endpointId = registered.data!.createWebhookEndpoint.endpoint.id;
    await nothingWrittenButTheLog(server, async () => {
      for (const url of [
        receiver.url("/private"),
        "https://10.0.0.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[fd00::1]/hook",
        "https://192.168.1.20/hook",
        "https://0x7f.1/hook",
        "https://0.0.0.0/hook",
      ]) {
        const created = await server.request(
          CREATE,
          { input: { url, events: ["TRIAL_STATUS_CHANGED"] } },
          token,
        );
        expect(errorCode(created), url).toBe("BAD_USER_INPUT");
        expect(created.errors?.[0]?.message, url).toContain("public address");
        const changed = await server.request(
          `mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { endpoint { url } } }`,
          { input: { endpointId, url } },
          token,
        );
        expect(errorCode(changed), url).toBe("BAD_USER_INPUT");
      }
    });
  });

  it("accepts public IP addresses written in a URL", async () => {
    for (const url of ["https://93.184.215.14/hook", "https://[2606:4700:4700::1111]/hook"]) {
      const created = await server.request(
        CREATE,
        { input: { url, events: ["TRIAL_STATUS_CHANGED"] } },
        token,
      );
      expect(created.errors, url).toBeUndefined();
    }
  });

  it("a name resolving to loopback is refused at each attempt: nothing reaches it, the attempts say why", async () => {
    const registered = await server.request<CreateResult>(
      CREATE,
      { input: { url: receiver.named("/private"), events: ["TRIAL_STATUS_CHANGED"] } },
      token,
    );
    expect(registered.errors).toBeUndefined();
    const deliveryId = await queueDelivery(
      server,
      registered.data!.createWebhookEndpoint.endpoint.id,
      org.trial.id,
    );
    await eventually(async () =>
      (await deliveryRow(server, deliveryId))?.status === "failed" ? true : null,
    );
    // The attempt and the one retry of WEBHOOK_RETRY_SECONDS=0, both refused before connecting.
    expect(await attemptRows(server, deliveryId)).toMatchObject([
      { number: 1, succeeded: false, statusCode: null, error: REFUSED_ADDRESS },
      { number: 2, succeeded: false, statusCode: null, error: REFUSED_ADDRESS },
    ]);
    expect(receiver.got("/private")).toHaveLength(0);
  });
});
