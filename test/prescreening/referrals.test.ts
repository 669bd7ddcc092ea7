import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { DETAILS, ELIGIBLE_ANSWERS, publishDemo, rest } from "../support/prescreening.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const REFERRALS = `query($trialSiteId: ID!) { trialSite(id: $trialSiteId) { referredCandidates {
  totalCount nodes { id partnerCandidateId status name email phoneNumber postalCode consents { dataConsent }
  events { kind detail } } } } }`;
const ENROLL = `mutation($input: EnrollCandidateInput!) { enrollCandidate(input: $input) {
  candidate { id participant { id } enrollment { id } events { kind } }
  participant { id firstName lastName email }
  enrollment { id subjectId status trialSite { id } } } }`;
const WITHDRAW = `mutation($input: WithdrawCandidateDataConsentInput!) { withdrawCandidateDataConsent(input: $input) {
  candidate { id name email consents { dataConsent } } } }`;

let server: TestServer;
let org: Organization;
let partner: string;
let coordinator: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  await server.sql`UPDATE trials SET status = 'live' WHERE id = ${org.trial.id}`;
  partner = (await staffWith(server, ["manage_prescreening"], { trialId: org.trial.id })).token;
  await publishDemo(server, partner, org);
  // The template a Site Coordinator gets on the trial site, view_candidates included.
  const [row] = await server.sql<{ permissions: string[] }[]>`
    SELECT array_agg(permission_name) AS permissions FROM role_permissions
    WHERE role_name = 'Site Coordinator' AND trial_site_id IS NULL AND trial_id IS NULL AND site_id IS NULL
      AND client_id IS NULL AND contract_id IS NULL`;
  expect(row!.permissions).toContain("view_candidates");
  coordinator = (await staffWith(server, row!.permissions, { trialSiteId: org.trialSites[0]!.id })).token;
});
afterAll(() => server.close());

/** A candidate answered eligibly, with details choosing the first (US) trial site, and submitted. */
async function referredCandidate(email = `jane-${randomBytes(3).toString("hex")}@example.com`) {
  const id = `candidate-${randomBytes(4).toString("hex")}`;
  await rest(server, "POST", "/candidates", partner, { studyId: "DEMO3", candidateId: id, locale: "en-US" });
  for (const [key, value] of ELIGIBLE_ANSWERS)
    await rest(server, "PUT", `/candidates/${id}/answers/${key}`, partner, { answer: value });
  const site = gid.trialSite(org.trialSites[0]!.id);
  const details = await rest(server, "PUT", `/candidates/${id}/details`, partner, {
    ...DETAILS,
    pii: { ...DETAILS.pii, email },
    preferences: { ...DETAILS.preferences, site },
  });
  expect(details.status).toBe(200);
  expect(
    (await rest(server, "POST", `/candidates/${id}/submit`, partner, { status: "COMPLETED" })).status,
  ).toBe(200);
  return id;
}

type Referral = {
  id: string;
  partnerCandidateId: string;
  name: string | null;
  email: string | null;
  events: { kind: string; detail: Record<string, unknown> }[];
};

async function referrals(token = coordinator, trialSiteId = org.trialSites[0]!.id) {
  const result = await server.request<{
    trialSite: { referredCandidates: { totalCount: number; nodes: Referral[] } };
  }>(REFERRALS, { trialSiteId: gid.trialSite(trialSiteId) }, token);
  return {
    ...result,
    data: result.data?.trialSite && { referredCandidates: result.data.trialSite.referredCandidates },
  };
}

describe("referrals", () => {
  it("a completed, eligible candidate with data consent is referred to the preferred site, with its funnel", async () => {
    const id = await referredCandidate();
    const result = await referrals();
    expect(result.errors).toBeUndefined();
    const referral = result.data!.referredCandidates.nodes.find((n) => n.partnerCandidateId === id)!;
    expect(referral).toMatchObject({
      status: "COMPLETED",
      name: "Jane Doe",
      phoneNumber: "+15551234567",
      postalCode: "12345",
    });
    expect(referral.events.map((e) => e.kind)).toEqual([
      "started",
      "answered",
      "eligibility",
      "answered",
      "answered",
      "answered",
      "answered",
      "eligibility",
      "details",
      "consents",
      "submitted",
      "referred",
    ]);
    expect(referral.events[2]).toEqual({
      kind: "eligibility",
      detail: { eligible: false, failing: expect.arrayContaining(["diagnosis: not answered"]) },
    });
    expect(JSON.stringify(referral.events)).not.toContain("Jane");
  });

  it("an ineligible or dropped-out candidate is not referred", async () => {
    const before = (await referrals()).data!.referredCandidates.totalCount;
    const id = `candidate-${randomBytes(4).toString("hex")}`;
    await rest(server, "POST", "/candidates", partner, { studyId: "DEMO3", candidateId: id });
    await rest(server, "PUT", `/candidates/${id}/answers/diagnosis`, partner, { answer: "No" });
    await rest(server, "PUT", `/candidates/${id}/details`, partner, DETAILS);
    await rest(server, "POST", `/candidates/${id}/submit`, partner, { status: "COMPLETED" });
    expect((await referrals()).data!.referredCandidates.totalCount).toBe(before);
  });

  it("staff of the other trial site, or without view_candidates, do not see them", async () => {
    const other = (
      await staffWith(server, ["view_candidates", "view_trials"], { trialSiteId: org.trialSites[1]!.id })
    ).token;
    expect(errorCode(await referrals(other))).toBe("NOT_FOUND");
    const noPermission = (await staffWith(server, ["view_trials"], { trialSiteId: org.trialSites[0]!.id }))
      .token;
    expect(errorCode(await referrals(noPermission))).toBe("FORBIDDEN");
  });
});

describe("enrolling a referral", () => {
  it("makes the candidate a participant enrolled at the trial site, pre-filled and linked", async () => {
    const email = `enrol-${randomBytes(3).toString("hex")}@example.com`;
    const external = await referredCandidate(email);
    const referral = (await referrals()).data!.referredCandidates.nodes.find(
      (n) => n.partnerCandidateId === external,
    )!;
    const result = await server.request<{
      enrollCandidate: {
        candidate: { participant: { id: string }; enrollment: { id: string }; events: { kind: string }[] };
        participant: { id: string; firstName: string; lastName: string; email: string };
        enrollment: { id: string; subjectId: string; status: string; trialSite: { id: string } };
      };
    }>(ENROLL, { input: { candidateId: referral.id, subjectId: "S-1001" } }, coordinator);
    expect(result.errors).toBeUndefined();
    const { candidate, participant, enrollment } = result.data!.enrollCandidate;
    expect(participant).toMatchObject({ firstName: "Jane", lastName: "Doe", email });
    expect(enrollment).toMatchObject({
      subjectId: "S-1001",
      status: "ENROLLED",
      trialSite: { id: gid.trialSite(org.trialSites[0]!.id) },
    });
    expect(candidate.participant.id).toBe(participant.id);
    expect(candidate.enrollment.id).toBe(enrollment.id);
    expect(candidate.events.at(-1)!.kind).toBe("enrolled");
    const again = await expectNothingWritten(server, () =>
      server.request(ENROLL, { input: { candidateId: referral.id, subjectId: "S-1002" } }, coordinator),
    );
    expect(errorCode(again)).toBe("CONFLICT");
  });

  it("is refused to staff of another trial site, writing nothing", async () => {
    const external = await referredCandidate();
    const referral = (await referrals()).data!.referredCandidates.nodes.find(
      (n) => n.partnerCandidateId === external,
    )!;
    const other = (
      await staffWith(server, ["view_candidates", "add_participant", "enroll"], {
        trialSiteId: org.trialSites[1]!.id,
      })
    ).token;
    const result = await expectNothingWritten(server, () =>
      server.request(ENROLL, { input: { candidateId: referral.id, subjectId: "S-2001" } }, other),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
  });
});

describe("withdrawing data consent", () => {
  it("erases the PII; the answers and the events stay; the referral can no longer be enrolled", async () => {
    const external = await referredCandidate();
    const result = await server.request<{
      withdrawCandidateDataConsent: { candidate: { name: string | null } };
    }>(WITHDRAW, { input: { partnerCandidateId: external } }, partner);
    expect(result.errors).toBeUndefined();
    expect(result.data!.withdrawCandidateDataConsent.candidate).toMatchObject({
      name: null,
      email: null,
      consents: { dataConsent: false },
    });
    const [row] =
      await server.sql`SELECT pii, answers, anonymised_at FROM candidates WHERE external_id = ${external}`;
    expect(row!.pii).toBeNull();
    expect(row!.anonymised_at).not.toBeNull();
    expect(Object.keys(row!.answers as object)).toHaveLength(5);
    const referral = (await referrals()).data!.referredCandidates.nodes.find(
      (n) => n.partnerCandidateId === external,
    )!;
    expect(referral.name).toBeNull();
    expect(referral.events.at(-1)!.kind).toBe("consent_withdrawn");
    expect(referral.events.length).toBeGreaterThan(10);
    const enroll = await expectNothingWritten(server, () =>
      server.request(ENROLL, { input: { candidateId: referral.id, subjectId: "S-3001" } }, coordinator),
    );
    expect(errorCode(enroll)).toBe("CONFLICT");
  });
});
