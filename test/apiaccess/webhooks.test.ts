import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trials, webhookDeliveries, webhookEvents } from "../../db/schema/index.js";
import { enqueueJob } from "../../schema/core/jobs.js";
import { insertPaypal, insertUnclaimedPayment } from "../payments/claim-fixtures.js";
import { staffWith } from "../support/accounts.js";
import { accessToken, insertApiClient } from "../support/apiclients.js";
import { expectNothingWritten } from "../support/db.js";
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
 * (200 once the queue is empty).
 */
async function startReceiver() {
  const received = new Map<string, Received[]>();
  const answers = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.set(path, [
        ...(received.get(path) ?? []),
        { headers: request.headers, body: Buffer.concat(chunks).toString() },
      ]);
      response.statusCode = answers.get(path)?.shift() ?? 200;
      response.end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    got: (path: string) => received.get(path) ?? [],
    answer: (path: string, ...statuses: number[]) => answers.set(path, statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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
const nothingWrittenButTheLog = <T>(server: TestServer, action: () => Promise<T>) =>
  expectNothingWritten(server, action, ["api_request_log", "worker_heartbeats"]);

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
});
