import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { DETAILS, ELIGIBLE_ANSWERS, publishDemo, rest } from "../support/prescreening.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const ELIGIBILITY = `query($id: String!) { candidateEligibility(partnerCandidateId: $id) {
  eligibility eligibleSites failingCriteria } }`;
const ANSWER = `mutation($input: AnswerCandidateQuestionInput!) { answerCandidateQuestion(input: $input) {
  candidate { id status eligible answers } } }`;
const CREATE = `mutation($input: CreateCandidateInput!) { createCandidate(input: $input) {
  candidate { id partnerCandidateId status locale questionnaireVersion { number } } } }`;

let server: TestServer;
let org: Organization;
let partner: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  partner = (await staffWith(server, ["manage_prescreening"], { trialId: org.trial.id })).token;
  await publishDemo(server, partner, org);
});
afterAll(() => server.close());

const newId = () => `candidate-${randomBytes(4).toString("hex")}`;

async function newCandidate(locale = "en-US") {
  const candidateId = newId();
  const created = await rest(server, "POST", "/candidates", partner, {
    studyId: "DEMO3",
    locale,
    candidateId,
    referrerToken: "patient-advocacy-group-one",
  });
  expect(created.status).toBe(201);
  expect(created.body).toEqual({});
  return candidateId;
}

const answer = (id: string, key: string, value: string, token = partner) =>
  rest(server, "PUT", `/candidates/${id}/answers/${key}`, token, { answer: value });

async function answerAll(id: string, answers = ELIGIBLE_ANSWERS) {
  for (const [key, value] of answers) {
    const result = await answer(id, key, value);
    expect(result.status, `${key}: ${JSON.stringify(result.body)}`).toBe(200);
  }
}

const code = (result: Awaited<ReturnType<typeof rest>>) => result.body.errors?.[0]?.extensions.code;

describe("creating a candidate", () => {
  it("creates one on the published version, by REST and by GraphQL; an id used twice is a CONFLICT", async () => {
    const id = await newCandidate();
    const again = await expectNothingWritten(server, () =>
      rest(server, "POST", "/candidates", partner, { studyId: "DEMO3", candidateId: id }),
    );
    expect(again.status).toBe(409);
    const gql = await server.request<{
      createCandidate: {
        candidate: {
          partnerCandidateId: string;
          status: string;
          locale: string;
          questionnaireVersion: { number: number };
        };
      };
    }>(CREATE, { input: { studyId: "DEMO3", partnerCandidateId: newId(), locale: "sv-se" } }, partner);
    expect(gql.errors).toBeUndefined();
    expect(gql.data!.createCandidate.candidate).toMatchObject({
      status: "IN_PROGRESS",
      locale: "sv-SE",
      questionnaireVersion: { number: 1 },
    });
  });

  it("refuses an unknown study, a bad locale and a missing id, writing nothing", async () => {
    const unknown = await expectNothingWritten(server, () =>
      rest(server, "POST", "/candidates", partner, { studyId: "NOPE", candidateId: newId() }),
    );
    expect(unknown.status).toBe(404);
    const bad = await expectNothingWritten(server, () =>
      rest(server, "POST", "/candidates", partner, {
        studyId: "DEMO3",
        candidateId: "",
        locale: "not a locale!",
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors![0]!.extensions.fields!.map((f) => f.field).sort()).toEqual([
      "candidateId",
      "locale",
    ]);
  });
});

describe("answers", () => {
  it("visibleIf shows and hides questions: a hidden question's answer is refused, and nothing is written", async () => {
    const id = await newCandidate();
    const hidden = await expectNothingWritten(server, () =>
      answer(id, "wheelchair_bedridden", '{"neither": true}'),
    );
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors![0]!.message).toContain("hidden by its condition");
    expect((await answer(id, "diagnosis", "No")).status).toBe(200);
    expect(
      (await expectNothingWritten(server, () => answer(id, "levodopa_meds", '{"sinemet": true}'))).status,
    ).toBe(400);
    expect((await answer(id, "diagnosis", "Yes")).status).toBe(200);
    expect((await answer(id, "wheelchair_bedridden", '{"neither": true}')).status).toBe(200);
    expect((await answer(id, "levodopa_meds", '{"sinemet": true}')).status).toBe(200);
  });

  it("checks each answer against its question's type and items", async () => {
    const id = await newCandidate();
    await answer(id, "diagnosis", "true");
    const refused: [string, string][] = [
      ["levodopa_meds", '{"none": true, "sinemet": true}'],
      ["levodopa_meds", '{"aspirin": true}'],
      ["levodopa_meds", "sinemet"],
      ["levodopa_meds", "{}"],
      ["wheelchair_bedridden", '{"wheelchair": true, "bedridden": true}'],
      ["wheelchair_bedridden", '{"sofa": true}'],
      ["stiffness_shaking", "6"],
      ["stiffness_shaking", "2.5"],
      ["dob", "1958-04-02"],
      ["dob", "3000"],
      ["diagnosis", "maybe"],
      ["no_such_question", "Yes"],
    ];
    for (const [key, value] of refused) {
      const result = await expectNothingWritten(server, () => answer(id, key, value));
      expect(result.status, `${key} = ${value}`).toBe(400);
      expect(code(result)).toBe("BAD_USER_INPUT");
    }
    expect((await answer(id, "levodopa_meds", '{"none": true}')).status).toBe(200);
    expect((await answer(id, "wheelchair_bedridden", "bedridden")).status).toBe(200);
  });

  it("answers by GraphQL as well, with the stored forms of the answers", async () => {
    const id = await newCandidate();
    for (const [key, value] of ELIGIBLE_ANSWERS) {
      const result = await server.request<{ answerCandidateQuestion: { candidate: { answers: object } } }>(
        ANSWER,
        { input: { partnerCandidateId: id, key, answer: value } },
        partner,
      );
      expect(result.errors, key).toBeUndefined();
    }
    const last = await server.request<{
      answerCandidateQuestion: { candidate: { answers: object; eligible: boolean } };
    }>(ANSWER, { input: { partnerCandidateId: id, key: "stiffness_shaking", answer: "4" } }, partner);
    expect(last.data!.answerCandidateQuestion.candidate).toMatchObject({
      eligible: true,
      answers: {
        dob: "1958",
        diagnosis: "true",
        wheelchair_bedridden: "neither",
        stiffness_shaking: "4",
        levodopa_meds: ["rytary", "sinemet"],
      },
    });
  });
});

describe("eligibility", () => {
  it("an eligible candidate gets the recruiting sites of their country", async () => {
    const us = await newCandidate("en-US");
    await answerAll(us);
    const result = await rest(server, "GET", `/candidates/${us}/eligibility`, partner);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ eligibility: true, eligibleSites: [gid.trialSite(org.trialSites[0]!.id)] });
    const se = await newCandidate("sv-SE");
    await answerAll(se);
    expect((await rest(server, "GET", `/candidates/${se}/eligibility`, partner)).body).toEqual({
      eligibility: true,
      eligibleSites: [gid.trialSite(org.trialSites[1]!.id)],
    });
  });

  it("an ineligible candidate gets no sites, and GraphQL says which criteria failed", async () => {
    const id = await newCandidate();
    await answerAll(id, [
      ["dob", "2015"],
      ["diagnosis", "Yes"],
      ["wheelchair_bedridden", '{"wheelchair": true}'],
      ["stiffness_shaking", "2"],
      ["levodopa_meds", '{"none": true}'],
    ]);
    expect((await rest(server, "GET", `/candidates/${id}/eligibility`, partner)).body).toEqual({
      eligibility: false,
      eligibleSites: [],
    });
    const gql = await server.request<{ candidateEligibility: { failingCriteria: string[] } }>(
      ELIGIBILITY,
      { id },
      partner,
    );
    expect(gql.data!.candidateEligibility.failingCriteria).toEqual([
      "dob: age must be at least 18",
      "wheelchair_bedridden: must be one of neither",
      "levodopa_meds: must not be none",
    ]);
    // Without a diagnosis the other questions are hidden, and only the diagnosis fails.
    const undiagnosed = await newCandidate();
    await answerAll(undiagnosed, [
      ["dob", "1950"],
      ["diagnosis", "No"],
    ]);
    const failing = await server.request<{
      candidateEligibility: { eligibility: boolean; failingCriteria: string[] };
    }>(ELIGIBILITY, { id: undiagnosed }, partner);
    expect(failing.data!.candidateEligibility).toMatchObject({
      eligibility: false,
      failingCriteria: ["diagnosis: must be one of true"],
    });
  });

  it("a postal code outside the site's prefix leaves it out", async () => {
    const id = await newCandidate();
    await answerAll(id);
    const site = gid.trialSite(org.trialSites[0]!.id);
    const outside = await expectNothingWritten(server, () =>
      rest(server, "PUT", `/candidates/${id}/details`, partner, {
        ...DETAILS,
        pii: { ...DETAILS.pii, postalCode: "99999" },
        preferences: { ...DETAILS.preferences, site },
      }),
    );
    expect(outside.status).toBe(400);
    expect(outside.body.errors![0]!.extensions.fields).toEqual([
      expect.objectContaining({ field: "preferences.site" }),
    ]);
  });
});

describe("details and submission", () => {
  it("refuses PII without data consent and stores nothing", async () => {
    const id = await newCandidate();
    await answerAll(id);
    const result = await expectNothingWritten(server, () =>
      rest(server, "PUT", `/candidates/${id}/details`, partner, {
        ...DETAILS,
        consents: { dataConsent: false, leadConsent: true },
      }),
    );
    expect(result.status).toBe(400);
    expect(result.body.errors![0]!.extensions.fields).toEqual([
      expect.objectContaining({ field: "consents.dataConsent" }),
    ]);
    const missing = await expectNothingWritten(server, () =>
      rest(server, "PUT", `/candidates/${id}/details`, partner, { pii: DETAILS.pii }),
    );
    expect(missing.status).toBe(400);
    const method = await expectNothingWritten(server, () =>
      rest(server, "PUT", `/candidates/${id}/details`, partner, {
        ...DETAILS,
        preferences: { contactMethod: "Carrier pigeon" },
      }),
    );
    expect(method.status).toBe(400);
  });

  it("submit locks the candidate: answers, details and another submit are refused, nothing written", async () => {
    const id = await newCandidate();
    await answerAll(id);
    const site = gid.trialSite(org.trialSites[0]!.id);
    expect(
      (await rest(server, "PUT", `/candidates/${id}/details`, partner, { ...DETAILS, preferences: { site } }))
        .status,
    ).toBe(200);
    expect(
      (await rest(server, "POST", `/candidates/${id}/submit`, partner, { status: "DROPOUT" })).status,
    ).toBe(200);
    for (const attempt of [
      () => answer(id, "stiffness_shaking", "5"),
      () => rest(server, "PUT", `/candidates/${id}/details`, partner, DETAILS),
      () => rest(server, "POST", `/candidates/${id}/submit`, partner, { status: "COMPLETED" }),
    ]) {
      const result = await expectNothingWritten(server, attempt);
      expect(result.status).toBe(409);
      expect(code(result)).toBe("CONFLICT");
    }
    const [row] =
      await server.sql`SELECT status, referred_trial_site_id FROM candidates WHERE external_id = ${id}`;
    expect(row).toEqual({ status: "dropout", referred_trial_site_id: null });
  });

  it("a bad submit status is refused", async () => {
    const id = await newCandidate();
    const result = await expectNothingWritten(server, () =>
      rest(server, "POST", `/candidates/${id}/submit`, partner, { status: "DONE" }),
    );
    expect(result.status).toBe(400);
  });
});

describe("another caller's candidates", () => {
  it("are NOT_FOUND to another user, who writes nothing", async () => {
    const id = await newCandidate();
    const other = (await staffWith(server, ["manage_prescreening"], { trialId: org.trial.id })).token;
    for (const attempt of [
      () => answer(id, "diagnosis", "Yes", other),
      () => rest(server, "GET", `/candidates/${id}/eligibility`, other),
      () => rest(server, "PUT", `/candidates/${id}/details`, other, DETAILS),
      () => rest(server, "POST", `/candidates/${id}/submit`, other, { status: "COMPLETED" }),
    ]) {
      const result = await expectNothingWritten(server, attempt);
      expect(result.status).toBe(404);
    }
    const gql = await server.request(ELIGIBILITY, { id }, other);
    expect(errorCode(gql)).toBe("NOT_FOUND");
  });
});

describe("races and replacement", () => {
  it("two creations of the same candidate id at once: one is created, the other is a CONFLICT", async () => {
    const candidateId = newId();
    const results = await Promise.all(
      [1, 2].map(() => rest(server, "POST", "/candidates", partner, { studyId: "DEMO3", candidateId })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await server.sql`SELECT id FROM candidates WHERE external_id = ${candidateId}`;
    expect(rows).toHaveLength(1);
  });

  it("details replace the whole record: sent again without pii and without data consent, the PII is erased", async () => {
    const id = await newCandidate();
    await answerAll(id);
    expect((await rest(server, "PUT", `/candidates/${id}/details`, partner, DETAILS)).status).toBe(200);
    const withdrawn = await rest(server, "PUT", `/candidates/${id}/details`, partner, {
      consents: { dataConsent: false },
    });
    expect(withdrawn.status).toBe(200);
    const [row] =
      await server.sql`SELECT id, pii, preferences, anonymised_at FROM candidates WHERE external_id = ${id}`;
    expect(row).toMatchObject({ pii: null, preferences: null });
    expect(row!.anonymised_at).not.toBeNull();
    const events =
      await server.sql`SELECT kind FROM candidate_events WHERE candidate_id = ${row!.id} ORDER BY sequence`;
    expect(events.map((e) => e.kind).slice(-3)).toEqual(["details", "consents", "consent_withdrawn"]);
  });
});
