import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ResultOf, TypedDocumentNode } from "@graphql-typed-document-node/core";
import { eq, sql } from "drizzle-orm";
import { buildSchema, parse, validate } from "graphql";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { documentId, persistedRequest } from "../../clients/persisted.js";
import {
  CoordinatorPayMilestoneDocument,
  CoordinatorTrialSiteEnrollmentsDocument,
  ParticipantClaimPaymentsDocument,
  ParticipantMessageReceivedDocument,
  ParticipantMyPaymentsDocument,
  ParticipantSendMessageDocument,
  SignInDocument,
} from "../../clients/typed/graphql.js";
import { paymentRows } from "../../clients/typed-client.check.js";
import { contracts, milestones, milestoneVersions, payments, users } from "../../db/schema/index.js";
import { hashPassword } from "../../schema/accounts/passwords.js";
import { type App, startApp } from "../../server/app.js";
import { createLogger } from "../../server/logger.js";
import { loadTrustedDocuments, TRUSTED_DOCUMENTS_FILE } from "../../server/trusted-documents.js";
import { insertPaypal, insertUnclaimedPayment } from "../payments/claim-fixtures.js";
import { registerAdmin } from "../support/accounts.js";
import { accessToken, insertApiClient } from "../support/apiclients.js";
import { expectNothingWritten } from "../support/db.js";
import { eventually } from "../support/eventually.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";
import { overWebSocket } from "./websocket.js";

// The server of startTestServer runs with TRUSTED_DOCUMENTS off (and sets the test data up); two more API processes
// on the same database run "required" and "allowed", as app-facing processes would beside the dashboards' ones.
let server: TestServer;
let required: App;
let allowed: App;
let org: Organization;

async function appWith(mode: "required" | "allowed") {
  return startApp(
    {
      config: { ...server.config, TRUSTED_DOCUMENTS: mode },
      db: server.db,
      log: createLogger("silent"),
      databaseUrl: server.databaseUrl,
    },
    0,
    "127.0.0.1",
  );
}

beforeAll(async () => {
  server = await startTestServer();
  [required, allowed] = await Promise.all([appWith("required"), appWith("allowed")]);
  org = await createOrganization(server);
});
afterAll(async () => {
  await Promise.all([required?.close(), allowed?.close()]);
  await server.close();
});

/** The id codegen gave a document of clients/typed (`sha256:<hex>`), as an app reads it. */
const idOf = documentId;

/** A raw POST to /graphql of `url`. */
async function post<T = Record<string, unknown>>(
  url: string,
  body: Record<string, unknown>,
  token?: string | null,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

/** A typed document sent by its id alone (GraphQL over HTTP's documentId): the answer has the document's type. */
const byId = <T, V>(
  url: string,
  document: TypedDocumentNode<T, V>,
  variables: V,
  token?: string | null,
  headers?: Record<string, string>,
) => post<T>(url, persistedRequest(document, variables), token, headers);

const code = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.code;

/** A staff user straight into the database, holding `permissions` on the trial site, signed in by the app's SignIn. */
async function coordinator(trialSiteId: string, permissions: string[]) {
  const email = `coordinator-${randomBytes(4).toString("hex")}@example.com`;
  const password = "Coordinator-1!";
  const [user] = await server.db
    .insert(users)
    .values({
      email,
      firstName: "Cora",
      lastName: "Dinator",
      userType: "staff",
      passwordHash: await hashPassword(password),
      emailVerified: true,
    })
    .returning();
  await grantPermissions(server, user!.id, permissions, { trialSiteId });
  const signedIn = await byId(required.url, SignInDocument, { input: { email, password } });
  expect(signedIn.errors).toBeUndefined();
  return { id: user!.id, token: signedIn.data!.login.token };
}

describe("the manifest (clients/typed/persisted-documents.json)", () => {
  it("holds every operation of operations/ under the SHA-256 of its text, each valid against schema.graphql", async () => {
    const { readFileSync } = await import("node:fs");
    const manifest = JSON.parse(readFileSync(TRUSTED_DOCUMENTS_FILE, "utf8")) as Record<string, string>;
    const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(15);
    for (const [id, text] of Object.entries(manifest)) {
      expect(id).toBe(`sha256:${createHash("sha256").update(text).digest("hex")}`);
      expect(validate(schema, parse(text))).toEqual([]);
    }
    expect(manifest[idOf(ParticipantMyPaymentsDocument)]).toContain("query ParticipantMyPayments");
  });

  it("is refused at start when an entry is not the hash of its text", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "trusted-"));
    const file = path.join(dir, "persisted-documents.json");
    const text = "query Evil { me { email } }";
    const otherHash = createHash("sha256").update("query Good { me { id } }").digest("hex");
    writeFileSync(file, JSON.stringify({ [`sha256:${otherHash}`]: text }));
    expect(() => loadTrustedDocuments(file)).toThrow(/is not sha256/);
  });
});

describe("TRUSTED_DOCUMENTS=required", () => {
  it("runs a trusted document sent by its id alone, as documentId or as Apollo's persistedQuery hash", async () => {
    const p = await createEnrolledParticipant(server, org);
    const { payment } = await insertUnclaimedPayment(server, org, p.enrollment.id, 12_345n);

    const result = await byId(required.url, ParticipantMyPaymentsDocument, { first: 10 }, p.token);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    // Typed by codegen: nodes[0].amount.amount is a decimal string.
    const [first] = result.data!.payments.nodes;
    expect(first).toMatchObject({ id: gid.payment(payment.id), status: "UNCLAIMED", kind: "MILESTONE" });
    const amount: string = first!.amount.amount;
    expect(amount).toBe("123.45");
    expect(paymentRows(result.data!)).toEqual([
      {
        key: gid.payment(payment.id),
        label: expect.stringMatching(/^Visit .+: \$123\.45$/),
        claimable: true,
      },
    ]);

    const apq = await post(
      required.url,
      {
        variables: { first: 10 },
        extensions: {
          persistedQuery: { version: 1, sha256Hash: idOf(ParticipantMyPaymentsDocument).slice(7) },
        },
      },
      p.token,
    );
    expect(apq.errors).toBeUndefined();
    expect(apq.data).toEqual(result.data);
  });

  it("runs a trusted document over GET by its id (queries only, as Apollo's GET rules say)", async () => {
    const p = await createEnrolledParticipant(server, org);
    const search = new URLSearchParams({
      documentId: idOf(ParticipantMyPaymentsDocument),
      variables: JSON.stringify({ first: 5 }),
    });
    const response = await fetch(`${required.url}/graphql?${search}`, {
      headers: { authorization: `Bearer ${p.token}`, "apollo-require-preflight": "1" },
    });
    const body = (await response.json()) as { data?: { payments: { totalCount: number } } };
    expect(response.status).toBe(200);
    expect(body.data?.payments.totalCount).toBe(0);
  });

  it("refuses an unknown id with PERSISTED_QUERY_NOT_FOUND (HTTP 400), running nothing", async () => {
    const p = await createEnrolledParticipant(server, org);
    const unknown = `sha256:${createHash("sha256").update("mutation { logout { loggedOut } }").digest("hex")}`;
    for (const body of [
      { documentId: unknown },
      { extensions: { persistedQuery: { version: 1, sha256Hash: unknown.slice(7) } } },
      { documentId: "sha256:not-a-hash" },
    ]) {
      const result = await expectNothingWritten(server, () => post(required.url, body, p.token));
      expect(result.status).toBe(400);
      expect(code(result)).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(result.data).toBeUndefined();
    }
    // The session was not ended: the unknown id named a logout, and nothing ran.
    expect((await byId(required.url, ParticipantMyPaymentsDocument, {}, p.token)).errors).toBeUndefined();
  });

  it("refuses any other document from a participant, a staff member or an anonymous caller, writing nothing", async () => {
    const p = await createEnrolledParticipant(server, org);
    const { payment } = await insertUnclaimedPayment(server, org, p.enrollment.id);
    const staff = await coordinator(org.trialSites[0]!.id, ["view_enrollments", "view_participants"]);
    const attempts: [string, Record<string, unknown>, string | null][] = [
      [
        "a participant's own claim, written by hand",
        {
          query: "mutation($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }",
          variables: { input: { participantId: gid.participant(p.participant.id) } },
        },
        p.token,
      ],
      [
        "a participant's read",
        { query: "{ payments(first: 100) { nodes { id amount { amount } } } }" },
        p.token,
      ],
      [
        "a coordinator's read",
        {
          query: `{ trialSite(id: "${gid.trialSite(org.trialSites[0]!.id)}") { enrollments { totalCount } } }`,
        },
        staff.token,
      ],
      [
        "an anonymous sign-in (a guessing script does not get to write its own documents)",
        {
          query: "mutation($input: LoginInput!) { login(input: $input) { token } }",
          variables: { input: { email: p.user.email, password: "wrong-Password-1" } },
        },
        null,
      ],
    ];
    for (const [what, body, token] of attempts) {
      const result = await expectNothingWritten(server, () => post(required.url, body, token));
      expect({ what, status: result.status, code: code(result) }).toEqual({
        what,
        status: 400,
        code: "TRUSTED_DOCUMENT_REQUIRED",
      });
      expect(result.data).toBeUndefined();
    }
    const [row] = await server.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row!.status).toBe("unclaimed");
  });

  it("never registers a document sent with its hash: the hash alone stays unknown", async () => {
    const p = await createEnrolledParticipant(server, org);
    const admin = await server.loginAdmin();
    const query = `query Registered${randomBytes(3).toString("hex")} { me { email } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const withHash = { query, extensions: { persistedQuery: { version: 1, sha256Hash } } };

    const participant = await post(required.url, withHash, p.token);
    expect([participant.status, code(participant)]).toEqual([400, "TRUSTED_DOCUMENT_REQUIRED"]);
    // An admin may run it, and an allowed-mode process runs it for anyone: neither stores it.
    expect((await post(required.url, withHash, admin)).errors).toBeUndefined();
    expect((await post(allowed.url, withHash, p.token)).data).toEqual({ me: { email: p.user.email } });

    for (const url of [required.url, allowed.url]) {
      const hashAlone = await post(
        url,
        { extensions: { persistedQuery: { version: 1, sha256Hash } } },
        p.token,
      );
      expect([hashAlone.status, code(hashAlone)]).toEqual([400, "PERSISTED_QUERY_NOT_FOUND"]);
    }
  });

  it("refuses a batch of operations from a participant (batching is off; were it on, none would pass unseen)", async () => {
    const p = await createEnrolledParticipant(server, org);
    const response = await fetch(`${required.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${p.token}` },
      body: JSON.stringify([
        { documentId: idOf(ParticipantMyPaymentsDocument) },
        { query: "{ me { email } }" },
      ]),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect([response.status, body.errors?.[0]?.extensions?.code]).toEqual([400, "TRUSTED_DOCUMENT_REQUIRED"]);
  });

  it("refuses a document that is not the one its id names", async () => {
    const p = await createEnrolledParticipant(server, org);
    const result = await expectNothingWritten(server, () =>
      post(
        required.url,
        { documentId: idOf(ParticipantMyPaymentsDocument), query: "mutation { logout { loggedOut } }" },
        p.token,
      ),
    );
    expect([result.status, code(result)]).toEqual([400, "BAD_REQUEST"]);
  });

  it("runs a trusted document sent as its exact text", async () => {
    const p = await createEnrolledParticipant(server, org);
    const { readFileSync } = await import("node:fs");
    const manifest = JSON.parse(readFileSync(TRUSTED_DOCUMENTS_FILE, "utf8")) as Record<string, string>;
    const text = manifest[idOf(ParticipantMyPaymentsDocument)]!;
    const result = await post(required.url, { query: text }, p.token);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ payments: { totalCount: 0 } });
  });

  it("lets a signed-in admin (GraphiQL) and an API client send their own documents", async () => {
    const admin = await server.loginAdmin();
    const mine = await post(required.url, { query: "{ me { email roles } }" }, admin);
    expect(mine.errors).toBeUndefined();
    expect(mine.data).toMatchObject({ me: { email: "admin@example.com" } });

    const client = await insertApiClient(server, org.client.id, { scopes: ["trials:read"] });
    const token = await accessToken(server.url, client.apiClient.clientIdentifier, client.secret);
    const trials = await post(required.url, { query: "{ trials { totalCount } }" }, token);
    expect(trials.errors).toBeUndefined();
    expect(trials.data).toEqual({ trials: { totalCount: 1 } });
  });

  it("decides who may send any document on the viewer as they are now: an admin demoted elsewhere is refused", async () => {
    const admin = await registerAdmin(server);
    const mine = await post(required.url, { query: "{ me { email } }" }, admin.token);
    expect(mine.errors).toBeUndefined();
    await admin.demote();
    const refused = await post(required.url, { query: "{ me { email } }" }, admin.token);
    expect([refused.status, code(refused)]).toEqual([400, "TRUSTED_DOCUMENT_REQUIRED"]);
    expect(refused.data).toBeUndefined();
  });

  it("runs the apps' mutations by id: a coordinator pays a milestone, the participant claims it", async () => {
    const p = await createEnrolledParticipant(server, org, 1);
    await insertPaypal(server, p.enrollment.id);
    const trialSite = org.trialSites[1]!;
    const staff = await coordinator(trialSite.id, [
      "milestone_payment",
      "view_payments",
      "view_enrollments",
      "view_participants",
    ]);
    const [milestone] = await server.db
      .insert(milestones)
      .values({ trialSiteId: trialSite.id, name: "Screening visit" })
      .returning();
    await server.db
      .insert(milestoneVersions)
      .values({ milestoneId: milestone!.id, amountMinor: 5_000n, currency: "USD" });
    await server.db
      .update(contracts)
      .set({ depositedMinor: sql`${contracts.depositedMinor} + 5000` })
      .where(eq(contracts.id, org.contract.id));

    const enrolled = await byId(
      required.url,
      CoordinatorTrialSiteEnrollmentsDocument,
      { trialSiteId: gid.trialSite(trialSite.id) },
      staff.token,
    );
    expect(enrolled.errors).toBeUndefined();
    const enrollment = enrolled.data!.trialSite.enrollments.nodes.find(
      (e) => e.id === gid.enrollment(p.enrollment.id),
    );
    expect(enrollment?.participant.firstName).toBe("Pat");

    const key = { "idempotency-key": `pay-${randomBytes(6).toString("hex")}` };
    const input = { enrollmentId: enrollment!.id, milestoneId: gid.milestone(milestone!.id) };
    const paid = await byId(required.url, CoordinatorPayMilestoneDocument, { input }, staff.token, key);
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.payMilestone.payment).toMatchObject({
      status: "UNCLAIMED",
      milestoneName: "Screening visit",
      amount: { amount: "50.00", currency: "USD" },
    });
    // The retry under the same key is answered, not paid again.
    const again = await byId(required.url, CoordinatorPayMilestoneDocument, { input }, staff.token, key);
    expect(again.data?.payMilestone.payment.id).toBe(paid.data!.payMilestone.payment.id);
    const paidRows = await server.db.select().from(payments).where(eq(payments.milestoneId, milestone!.id));
    expect(paidRows).toHaveLength(1);

    const claimed = await byId(
      required.url,
      ParticipantClaimPaymentsDocument,
      { input: { participantId: gid.participant(p.participant.id) } },
      p.token,
      { "idempotency-key": `claim-${randomBytes(6).toString("hex")}` },
    );
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data!.claimPayments.claimed.map((c) => [c.id, c.status])).toEqual([
      [paid.data!.payMilestone.payment.id, "CLAIMED"],
    ]);
  });

  it("over WebSocket, refuses a subscription that is not a trusted document's text", async () => {
    const p = await createEnrolledParticipant(server, org);
    const result = await overWebSocket(required, "subscription { messageReceived { body } }", p.token);
    expect(result.errors?.[0]?.extensions?.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
  });

  it("over WebSocket, runs the app's subscription sent as the manifest's text", async () => {
    const p = await createEnrolledParticipant(server, org);
    const { readFileSync } = await import("node:fs");
    const manifest = JSON.parse(readFileSync(TRUSTED_DOCUMENTS_FILE, "utf8")) as Record<string, string>;
    const client = createClient({
      url: `${required.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${p.token}` },
      retryAttempts: 0,
    });
    const received: string[] = [];
    const errors: unknown[] = [];
    client.subscribe<ResultOf<typeof ParticipantMessageReceivedDocument>>(
      { query: manifest[idOf(ParticipantMessageReceivedDocument)]! },
      {
        next: ({ data, errors: failed }) => {
          if (data) received.push(data.messageReceived.body);
          if (failed) errors.push(...failed);
        },
        error: (error) => errors.push(error),
        complete: () => {},
      },
    );
    try {
      const enrollmentId = gid.enrollment(p.enrollment.id);
      // Sent until one arrives: the subscription is live once the server listens, which no answer announces.
      await eventually(async () => {
        const sent = await byId(
          required.url,
          ParticipantSendMessageDocument,
          { input: { enrollmentId, body: "See you Tuesday" } },
          p.token,
        );
        expect(sent.errors).toBeUndefined();
        return received.length > 0 || errors.length > 0;
      });
      expect(errors).toEqual([]);
      expect(new Set(received)).toEqual(new Set(["See you Tuesday"]));
    } finally {
      await client.dispose();
    }
  });
});

describe("TRUSTED_DOCUMENTS=allowed and off", () => {
  it("allowed: runs ids and any document", async () => {
    const p = await createEnrolledParticipant(server, org);
    expect((await byId(allowed.url, ParticipantMyPaymentsDocument, {}, p.token)).errors).toBeUndefined();
    const own = await post(allowed.url, { query: "{ me { email } }" }, p.token);
    expect(own.data).toEqual({ me: { email: p.user.email } });
  });

  it("off: an id is PERSISTED_QUERY_NOT_SUPPORTED; documents run", async () => {
    const p = await createEnrolledParticipant(server, org);
    const result = await byId(server.url, ParticipantMyPaymentsDocument, {}, p.token);
    expect([result.status, code(result)]).toEqual([400, "PERSISTED_QUERY_NOT_SUPPORTED"]);
    const apq = await post(
      server.url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } },
      p.token,
    );
    expect(code(apq)).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
    expect((await post(server.url, { query: "{ me { email } }" }, p.token)).errors).toBeUndefined();
  });
});
