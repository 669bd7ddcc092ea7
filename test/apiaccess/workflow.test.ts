import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trials } from "../../db/schema/index.js";
import { staffWith } from "../support/accounts.js";
import { accessToken } from "../support/apiclients.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial } from "../support/trials.js";

const REQUEST = `mutation($input: RequestApiAccessInput!) { requestApiAccess(input: $input) { request { id status useCase scopes } } }`;
const REVIEW = `mutation($input: ReviewApiAccessRequestInput!) { reviewApiAccessRequest(input: $input) { request { id status reviewReason reviewedAt } } }`;
const ACCEPT = `mutation($input: AcceptDataUseAgreementInput!) { acceptDataUseAgreement(input: $input) { request { id status agreementVersion agreementAcceptedAt } } }`;
const VALIDATE = `mutation($input: ValidateApiAccessRequestInput!) { validateApiAccessRequest(input: $input) { request { id status validatedAt } } }`;
const ISSUE = `mutation($input: IssueApiCredentialsInput!) { issueApiCredentials(input: $input) {
  clientSecret apiClient { id clientIdentifier environment scopes active expiresAt } } }`;
const REVOKE = `mutation($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { apiClient { id active revokedAt } } }`;
const ROTATE = `mutation($input: RotateApiClientSecretInput!) { rotateApiClientSecret(input: $input) { clientSecret previousSecretExpiresAt } }`;
const TRIALS = `{ trials(first: 10) { nodes { id } } }`;

const inAMonth = () => new Date(Date.now() + 30 * 24 * 3_600_000).toISOString();
const rawId = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;

describe("API access workflow: request → review → agreement → sandbox → production, each step audited", () => {
  let server: TestServer;
  let org: Organization;
  let other: Organization;
  let admin: string;
  let manager: { token: string; uid: string };
  let outsider: { token: string };
  let bystander: { token: string };
  let sandboxTrialId: string;

  beforeAll(async () => {
    server = await startTestServer();
    org = await createOrganization(server);
    other = await createOrganization(server);
    const sandboxTrial = await insertTrial(server, org.contract.id, "Sandbox trial");
    await server.db.update(trials).set({ sandbox: true }).where(eq(trials.id, sandboxTrial.id));
    sandboxTrialId = sandboxTrial.id;
    admin = await server.loginAdmin();
    manager = await staffWith(server, ["manage_api_clients"], { clientId: org.client.id });
    outsider = await staffWith(server, ["manage_api_clients"], { clientId: other.client.id });
    bystander = await staffWith(server, ["view_clients", "view_trials"], { clientId: org.client.id });
  });
  afterAll(() => server?.close());

  const ask = (request: string, input: Record<string, unknown>, token: string) =>
    server.request<Record<string, Record<string, Record<string, unknown>>>>(request, { input }, token);

  async function requested(useCase = "Nightly sync of trial status to our CTMS") {
    const result = await ask(
      REQUEST,
      { clientId: gid.client(org.client.id), useCase, scopes: ["TRIALS_READ", "SITES_READ"] },
      manager.token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.requestApiAccess!.request!.id as string;
  }

  it("is requested only by holders of manage_api_clients on the client", async () => {
    await expectNothingWritten(server, async () => {
      const input = { clientId: gid.client(org.client.id), useCase: "Dashboards", scopes: ["TRIALS_READ"] };
      expect(errorCode(await ask(REQUEST, input, bystander.token))).toBe("FORBIDDEN");
      expect(errorCode(await ask(REQUEST, input, outsider.token))).toBe("NOT_FOUND");
      const blank = await ask(REQUEST, { ...input, useCase: "  " }, manager.token);
      expect(errorCode(blank)).toBe("BAD_USER_INPUT");
    });
  });

  it("goes through every step, each audited with who; sandbox credentials reach only sandbox trials", async () => {
    const id = await requested();

    // Review: Mural admins only.
    await expectNothingWritten(server, async () => {
      const self = await ask(REVIEW, { requestId: id, approve: true, reason: "Looks fine" }, manager.token);
      expect(errorCode(self)).toBe("FORBIDDEN");
      // The agreement cannot be accepted before approval.
      const early = await ask(ACCEPT, { requestId: id, version: "2026-01" }, manager.token);
      expect(errorCode(early)).toBe("CONFLICT");
    });
    const reviewed = await ask(
      REVIEW,
      { requestId: id, approve: true, reason: "Use case within policy" },
      admin,
    );
    expect(reviewed.data?.reviewApiAccessRequest?.request).toMatchObject({
      status: "APPROVED",
      reviewReason: "Use case within policy",
    });

    // Agreement: the version in force, by the client's manager.
    await expectNothingWritten(server, async () => {
      expect(errorCode(await ask(ACCEPT, { requestId: id, version: "2025-01" }, manager.token))).toBe(
        "BAD_USER_INPUT",
      );
      expect(errorCode(await ask(ACCEPT, { requestId: id, version: "2026-01" }, outsider.token))).toBe(
        "NOT_FOUND",
      );
      const production = await ask(
        ISSUE,
        { requestId: id, environment: "SANDBOX", name: "CTMS sync", expiresAt: inAMonth() },
        manager.token,
      );
      expect(errorCode(production)).toBe("CONFLICT");
    });
    const accepted = await ask(ACCEPT, { requestId: id, version: "2026-01" }, manager.token);
    expect(accepted.data?.acceptDataUseAgreement?.request).toMatchObject({
      status: "AGREEMENT_ACCEPTED",
      agreementVersion: "2026-01",
    });

    // Sandbox credentials; production ones only after validation.
    await expectNothingWritten(server, async () => {
      const early = await ask(
        ISSUE,
        { requestId: id, environment: "PRODUCTION", name: "CTMS sync", expiresAt: inAMonth() },
        manager.token,
      );
      expect(errorCode(early)).toBe("CONFLICT");
      const tooLong = await ask(
        ISSUE,
        {
          requestId: id,
          environment: "SANDBOX",
          name: "CTMS sync",
          expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString(),
        },
        manager.token,
      );
      expect(errorCode(tooLong)).toBe("BAD_USER_INPUT");
      const beyond = await ask(
        ISSUE,
        {
          requestId: id,
          environment: "SANDBOX",
          name: "CTMS sync",
          expiresAt: inAMonth(),
          scopes: ["CONTENT_WRITE"],
        },
        manager.token,
      );
      expect(errorCode(beyond)).toBe("BAD_USER_INPUT");
    });
    const sandbox = await ask(
      ISSUE,
      { requestId: id, environment: "SANDBOX", name: "CTMS sync", expiresAt: inAMonth() },
      manager.token,
    );
    expect(sandbox.errors).toBeUndefined();
    const sandboxClient = sandbox.data!.issueApiCredentials! as unknown as {
      clientSecret: string;
      apiClient: { id: string; clientIdentifier: string };
    };
    expect(sandboxClient.apiClient).toMatchObject({
      environment: "SANDBOX",
      scopes: ["TRIALS_READ", "SITES_READ"],
      active: true,
    });
    const sandboxToken = await accessToken(
      server.url,
      sandboxClient.apiClient.clientIdentifier,
      sandboxClient.clientSecret,
    );
    expect((await server.request(TRIALS, {}, sandboxToken)).data).toEqual({
      trials: { nodes: [{ id: gid.trial(sandboxTrialId) }] },
    });

    await expectNothingWritten(server, async () => {
      expect(errorCode(await ask(VALIDATE, { requestId: id }, manager.token))).toBe("FORBIDDEN");
    });
    const validated = await ask(VALIDATE, { requestId: id }, admin);
    expect(validated.data?.validateApiAccessRequest?.request).toMatchObject({ status: "PRODUCTION" });
    const production = await ask(
      ISSUE,
      {
        requestId: id,
        environment: "PRODUCTION",
        name: "CTMS sync (production)",
        expiresAt: inAMonth(),
        trialIds: [gid.trial(org.trial.id)],
      },
      manager.token,
    );
    expect(production.errors).toBeUndefined();
    const productionClient = production.data!.issueApiCredentials! as unknown as {
      clientSecret: string;
      apiClient: { clientIdentifier: string };
    };
    const productionToken = await accessToken(
      server.url,
      productionClient.apiClient.clientIdentifier,
      productionClient.clientSecret,
    );
    expect((await server.request(TRIALS, {}, productionToken)).data).toEqual({
      trials: { nodes: [{ id: gid.trial(org.trial.id) }] },
    });

    const audit = await auditEntriesFor(server, rawId(id));
    expect(audit.map((entry) => [entry.action, entry.actor_user_id])).toEqual([
      ["request_api_access", manager.uid],
      ["review_api_access", expect.any(String)],
      ["accept_data_use_agreement", manager.uid],
      ["issue_sandbox_credentials", manager.uid],
      ["validate_api_access", expect.any(String)],
    ]);
    expect(audit[1]!.actor_user_id).not.toBe(manager.uid);
    expect(audit[2]!.changes.agreementVersion).toEqual({ from: null, to: "2026-01" });
  });

  it("once rejected, goes no further", async () => {
    const id = await requested("Bulk export of everything");
    const rejected = await ask(
      REVIEW,
      { requestId: id, approve: false, reason: "Not a permitted use" },
      admin,
    );
    expect(rejected.data?.reviewApiAccessRequest?.request).toMatchObject({
      status: "REJECTED",
      reviewReason: "Not a permitted use",
    });
    await expectNothingWritten(server, async () => {
      expect(errorCode(await ask(ACCEPT, { requestId: id, version: "2026-01" }, manager.token))).toBe(
        "CONFLICT",
      );
      expect(
        errorCode(await ask(REVIEW, { requestId: id, approve: true, reason: "Changed my mind" }, admin)),
      ).toBe("CONFLICT");
    });
  });

  it("rotates and revokes credentials for the client's managers only", async () => {
    const id = await requested();
    await ask(REVIEW, { requestId: id, approve: true, reason: "ok" }, admin);
    await ask(ACCEPT, { requestId: id, version: "2026-01" }, manager.token);
    const issued = (
      await ask(
        ISSUE,
        { requestId: id, environment: "SANDBOX", name: "Rotating", expiresAt: inAMonth() },
        manager.token,
      )
    ).data!.issueApiCredentials! as unknown as {
      clientSecret: string;
      apiClient: { id: string; clientIdentifier: string };
    };
    await expectNothingWritten(server, async () => {
      expect(errorCode(await ask(REVOKE, { apiClientId: issued.apiClient.id }, outsider.token))).toBe(
        "NOT_FOUND",
      );
      expect(errorCode(await ask(REVOKE, { apiClientId: issued.apiClient.id }, bystander.token))).toBe(
        "FORBIDDEN",
      );
      expect(errorCode(await ask(ROTATE, { apiClientId: issued.apiClient.id }, outsider.token))).toBe(
        "NOT_FOUND",
      );
    });
    const rotated = await ask(ROTATE, { apiClientId: issued.apiClient.id }, manager.token);
    const secret = (rotated.data!.rotateApiClientSecret as unknown as { clientSecret: string }).clientSecret;
    const token = await accessToken(server.url, issued.apiClient.clientIdentifier, secret);
    // The old secret works during its grace period (API_SECRET_GRACE_HOURS, 24 by default).
    await accessToken(server.url, issued.apiClient.clientIdentifier, issued.clientSecret);
    const revoked = await ask(REVOKE, { apiClientId: issued.apiClient.id }, manager.token);
    expect(revoked.data?.revokeApiClient?.apiClient).toMatchObject({ active: false });
    expect((await server.request(TRIALS, {}, token)).status).toBe(401);
    expect((await auditEntriesFor(server, rawId(issued.apiClient.id))).map((e) => e.action)).toEqual([
      "create_api_client",
      "rotate_api_client_secret",
      "revoke_api_client",
    ]);
  });

  it("lists requests and credentials only to the client's managers and admins", async () => {
    const mine = await server.request<{
      apiAccessRequests: { totalCount: number };
      apiClients: { nodes: { id: string }[] };
    }>(
      `{ apiAccessRequests(first: 50) { totalCount } apiClients(first: 50) { nodes { id } } }`,
      {},
      manager.token,
    );
    expect(mine.data!.apiAccessRequests.totalCount).toBeGreaterThan(0);
    const theirs = await server.request<{
      apiAccessRequests: { totalCount: number };
      apiClients: { nodes: unknown[] };
    }>(
      `{ apiAccessRequests(first: 50) { totalCount } apiClients(first: 50) { nodes { id } } }`,
      {},
      outsider.token,
    );
    expect(theirs.data).toEqual({ apiAccessRequests: { totalCount: 0 }, apiClients: { nodes: [] } });
  });
});
