import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessToken, insertApiClient, nothingWrittenButTheLog } from "../support/apiclients.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { DETAILS, ELIGIBLE_ANSWERS, publish, publishDemo, rest, saveDraft } from "../support/prescreening.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial } from "../support/trials.js";

const ORIGIN = "https://partner.example";
const CREATE = `mutation($input: CreateCandidateInput!) { createCandidate(input: $input) {
  candidate { id partnerCandidateId status name } } }`;
const ENROLL = `mutation($input: EnrollCandidateInput!) { enrollCandidate(input: $input) { enrollment { id } } }`;

let server: TestServer;
let org: Organization;
let partnerToken: string;
let otherPartnerToken: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  const admin = await server.loginAdmin();
  await publishDemo(server, admin, org);
  // A second trial of the same client, with a questionnaire of its own, that the partner does not reach.
  const otherTrial = await insertTrial(server, org.contract.id);
  await saveDraft(server, admin, { ...org, trial: otherTrial }, { studyId: "OTHER" });
  await publish(server, admin, { ...org, trial: otherTrial });
  const partner = await insertApiClient(server, org.client.id, {
    name: "Patient advocacy group",
    scopes: ["candidates:write"],
    trialIds: [org.trial.id],
    allowedOrigins: [ORIGIN],
  });
  partnerToken = await accessToken(server.url, partner.apiClient.clientIdentifier, partner.secret);
  const other = await insertApiClient(server, org.client.id, {
    name: "Another recruiter",
    scopes: ["candidates:write"],
    trialIds: [org.trial.id, otherTrial.id],
    allowedOrigins: ["https://other.example"],
  });
  otherPartnerToken = await accessToken(server.url, other.apiClient.clientIdentifier, other.secret);
});
afterAll(() => server.close());

const fromPartner = (method: string, path: string, body?: unknown, origin = ORIGIN, token = partnerToken) =>
  rest(server, method, path, token, body, { origin });

describe("a partner's access token", () => {
  it("runs the seed's whole sequence from its own origin, ending in a referral", async () => {
    const id = `candidate-${randomBytes(4).toString("hex")}`;
    const questionnaire = await fromPartner("GET", "/studies/DEMO3/questionnaire?locale=en-US");
    expect(questionnaire.status).toBe(200);
    expect(questionnaire.headers.get("access-control-allow-origin")).toBe("*");
    expect(
      (await fromPartner("POST", "/candidates", { studyId: "DEMO3", candidateId: id, locale: "en-US" }))
        .status,
    ).toBe(201);
    for (const [key, answer] of ELIGIBLE_ANSWERS) {
      expect((await fromPartner("PUT", `/candidates/${id}/answers/${key}`, { answer })).status).toBe(200);
    }
    const eligibility = await fromPartner("GET", `/candidates/${id}/eligibility`);
    expect(eligibility.body).toEqual({
      eligibility: true,
      eligibleSites: [gid.trialSite(org.trialSites[0]!.id)],
    });
    const site = (eligibility.body.eligibleSites as string[])[0];
    expect(
      (await fromPartner("PUT", `/candidates/${id}/details`, { ...DETAILS, preferences: { site } })).status,
    ).toBe(200);
    expect((await fromPartner("POST", `/candidates/${id}/submit`, { status: "COMPLETED" })).status).toBe(200);
    const [row] =
      await server.sql`SELECT owner, referred_trial_site_id FROM candidates WHERE external_id = ${id}`;
    expect(row!.owner).toMatch(/^apiClient:/);
    expect(row!.referred_trial_site_id).toBe(org.trialSites[0]!.id);
  });

  it("is refused from another origin, writing nothing", async () => {
    const id = `candidate-${randomBytes(4).toString("hex")}`;
    const created = await expectNothingWritten(server, () =>
      fromPartner("POST", "/candidates", { studyId: "DEMO3", candidateId: id }, "https://evil.example"),
    );
    expect(created.status).toBe(403);
    expect(created.body.errors![0]!.extensions.code).toBe("FORBIDDEN");
    const gql = await expectNothingWritten(server, () =>
      server.request(CREATE, { input: { studyId: "DEMO3", partnerCandidateId: id } }, partnerToken, {
        origin: "https://evil.example",
      }),
    );
    expect(gql.status).toBe(403);
  });

  it("does not reach another partner's candidate: NOT_FOUND, nothing written", async () => {
    const id = `candidate-${randomBytes(4).toString("hex")}`;
    await fromPartner("POST", "/candidates", { studyId: "DEMO3", candidateId: id });
    const other = (method: string, path: string, body?: unknown) =>
      fromPartner(method, path, body, "https://other.example", otherPartnerToken);
    for (const attempt of [
      () => other("PUT", `/candidates/${id}/answers/diagnosis`, { answer: "Yes" }),
      () => other("GET", `/candidates/${id}/eligibility`),
      () => other("PUT", `/candidates/${id}/details`, DETAILS),
      () => other("POST", `/candidates/${id}/submit`, { status: "DROPOUT" }),
    ]) {
      const result = await expectNothingWritten(server, attempt);
      expect(result.status).toBe(404);
    }
    // The same candidate id is the other partner's own, separate candidate.
    expect((await other("POST", "/candidates", { studyId: "DEMO3", candidateId: id })).status).toBe(201);
  });

  it("does not reach another trial's study: NOT_FOUND, nothing written", async () => {
    for (const attempt of [
      () =>
        fromPartner("POST", "/candidates", {
          studyId: "OTHER",
          candidateId: `c-${randomBytes(4).toString("hex")}`,
        }),
      () => fromPartner("GET", "/studies/OTHER/questionnaire?locale=en-US"),
    ]) {
      const result = await expectNothingWritten(server, attempt);
      expect(result.status).toBe(404);
    }
  });

  it("needs the candidates:write scope", async () => {
    const reader = await insertApiClient(server, org.client.id, {
      scopes: ["trials:read"],
      trialIds: [org.trial.id],
    });
    const token = await accessToken(server.url, reader.apiClient.clientIdentifier, reader.secret);
    const result = await expectNothingWritten(server, () =>
      rest(server, "POST", "/candidates", token, { studyId: "DEMO3", candidateId: "c-1" }),
    );
    expect(result.status).toBe(404);
  });

  it("is refused when invalid, and cannot enroll or read PII back over GraphQL", async () => {
    const bad = await rest(
      server,
      "POST",
      "/candidates",
      "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
      {
        studyId: "DEMO3",
        candidateId: "c-2",
      },
    );
    expect(bad.status).toBe(401);
    const id = `candidate-${randomBytes(4).toString("hex")}`;
    const created = await server.request<{
      createCandidate: { candidate: { id: string; name: string | null } };
    }>(CREATE, { input: { studyId: "DEMO3", partnerCandidateId: id } }, partnerToken, { origin: ORIGIN });
    expect(created.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["createCandidate.candidate.name", "FORBIDDEN"],
    ]);
    const [row] = await server.sql`SELECT id FROM candidates WHERE external_id = ${id}`;
    // Refused, it leaves only its line in the API request log.
    const enroll = await nothingWrittenButTheLog(server, () =>
      server.request(
        ENROLL,
        { input: { candidateId: gid.candidate(row!.id), subjectId: "S-9" } },
        partnerToken,
      ),
    );
    expect(errorCode(enroll)).toBe("FORBIDDEN");
  });
});

describe("what a partner reads back", () => {
  it("its candidate's status and eligibility, never its PII, answers or funnel", async () => {
    const id = `candidate-${randomBytes(4).toString("hex")}`;
    const read = `mutation($input: CreateCandidateInput!) { createCandidate(input: $input) {
      candidate { partnerCandidateId status answers events { kind } } } }`;
    const result = await server.request<{ createCandidate: { candidate: { status: string } } }>(
      read,
      { input: { studyId: "DEMO3", partnerCandidateId: id } },
      partnerToken,
      { origin: ORIGIN },
    );
    expect(result.data!.createCandidate.candidate.status).toBe("IN_PROGRESS");
    expect(result.errors?.map((e) => [e.path?.join("."), e.extensions?.code]).sort()).toEqual([
      ["createCandidate.candidate.answers", "FORBIDDEN"],
      ["createCandidate.candidate.events", "FORBIDDEN"],
    ]);
  });
});
