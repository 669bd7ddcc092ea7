import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffWith } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { DEMO_QUESTIONNAIRE, publish, publishDemo, rest, saveDraft } from "../support/prescreening.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

const SAVE = `mutation($input: SaveQuestionnaireDraftInput!) {
  saveQuestionnaireDraft(input: $input) { version { id number status } } }`;
const VERSIONS = `query($trialId: ID!) { questionnaire(trialId: $trialId) {
  studyId versions { id number status publishedAt content preview(locale: "en-US") } } }`;
const PREVIEW = `query($trialId: ID!, $locale: String!) { questionnaire(trialId: $trialId) {
  versions { preview(locale: $locale) } } }`;

let server: TestServer;
let org: Organization;
let manager: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  manager = (await staffWith(server, ["manage_prescreening"], { trialId: org.trial.id })).token;
});
afterAll(() => server.close());

const questionsWith = (key: string, visibleIf: string) =>
  DEMO_QUESTIONNAIRE.questions.map((q) => (q.key === key ? { ...q, visibleIf } : q));

describe("saving a questionnaire", () => {
  it("refuses a visibleIf that does not parse, naming the question, and writes nothing", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(
        SAVE,
        {
          input: {
            trialId: gid.trial(org.trial.id),
            studyId: "DEMO3",
            ...DEMO_QUESTIONNAIRE,
            questions: questionsWith("wheelchair_bedridden", "answer.diagnosis == "),
          },
        },
        manager,
      ),
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0]!.message).toContain('question "wheelchair_bedridden"');
    expect(result.errors![0]!.extensions!.fields).toEqual([
      expect.objectContaining({ field: "questions.2.visibleIf" }),
    ]);
  });

  it("refuses a visibleIf naming an unknown key, or running anything but the condition syntax", async () => {
    for (const condition of [
      "answer.nope == 'true'",
      "process.exit(1)",
      "answer['diagnosis'] == 'true'",
      "x = 1",
    ]) {
      const result = await expectNothingWritten(server, () =>
        server.request(
          SAVE,
          {
            input: {
              trialId: gid.trial(org.trial.id),
              studyId: "DEMO3",
              ...DEMO_QUESTIONNAIRE,
              questions: questionsWith("levodopa_meds", condition),
            },
          },
          manager,
        ),
      );
      expect(errorCode(result), condition).toBe("BAD_USER_INPUT");
      expect(result.errors![0]!.message).toContain('question "levodopa_meds"');
    }
  });

  it("refuses staff without manage_prescreening on the trial, writing nothing", async () => {
    const viewer = await staffWith(server, ["view_trials"], { trialId: org.trial.id });
    const result = await expectNothingWritten(server, () =>
      server.request(
        SAVE,
        { input: { trialId: gid.trial(org.trial.id), studyId: "DEMO3", ...DEMO_QUESTIONNAIRE } },
        viewer.token,
      ),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
  });

  it("accepts the full condition syntax: && || ! parentheses, in [..], comparisons and age", async () => {
    const other = await createOrganization(server);
    const token = (await staffWith(server, ["manage_prescreening"], { trialId: other.trial.id })).token;
    const condition =
      "(answer.diagnosis == 'true' || answer.diagnosis != 'false') && !(age(answer.dob) < 18) && answer.wheelchair_bedridden in ['neither', 'wheelchair'] && answer.stiffness_shaking >= 2 && answer.stiffness_shaking <= 5 && age(answer.dob) > 17";
    const version = await saveDraft(server, token, other, {
      studyId: "OTHER1",
      questions: questionsWith("levodopa_meds", condition),
    });
    expect(version.number).toBe(1);
  });
});

describe("versions", () => {
  it("publishing freezes a version: later edits make a new draft and leave it as it was", async () => {
    await publishDemo(server, manager, org);
    const edited = DEMO_QUESTIONNAIRE.questions.map((q) =>
      q.key === "diagnosis" ? { ...q, text: [{ locale: "en-US", text: "Diagnosed with Parkinson’s?" }] } : q,
    );
    const draft = await saveDraft(server, manager, org, { questions: edited });
    expect(draft.number).toBe(2);
    const result = await server.request<{
      questionnaire: {
        versions: { number: number; status: string; preview: { questions: { question: string }[] } }[];
      };
    }>(VERSIONS, { trialId: gid.trial(org.trial.id) }, manager);
    expect(result.errors).toBeUndefined();
    const [v1, v2] = result.data!.questionnaire.versions;
    expect(v1).toMatchObject({ number: 1, status: "PUBLISHED" });
    expect(v1!.preview.questions[1]!.question).toBe(
      "Do you have a doctor’s diagnosis of Parkinson’s disease?",
    );
    expect(v2).toMatchObject({ number: 2, status: "DRAFT" });
    expect(v2!.preview.questions[1]!.question).toBe("Diagnosed with Parkinson’s?");
    // The database refuses any change to a published version, whoever tries.
    await expect(
      server.sql`UPDATE questionnaire_versions SET content = '{}' WHERE status = 'published'`,
    ).rejects.toThrow(/published questionnaire version cannot change/);
    // Partners still get version 1 until version 2 is published.
    const rendered = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=en-US", manager);
    expect((rendered.body.questions as { question: string }[])[1]!.question).toContain("doctor’s diagnosis");
    await publish(server, manager, org);
    const after = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=en-US", manager);
    expect((after.body.questions as { question: string }[])[1]!.question).toBe("Diagnosed with Parkinson’s?");
  });
});

describe("GET /rest/v1/studies/{studyId}/questionnaire", () => {
  it("answers the seed's document in the locale asked for, with CORS for any origin", async () => {
    const result = await rest(
      server,
      "GET",
      "/studies/DEMO3/questionnaire?locale=en-US",
      manager,
      undefined,
      {
        origin: "https://partner.example",
      },
    );
    expect(result.status).toBe(200);
    expect(result.headers.get("access-control-allow-origin")).toBe("*");
    // biome-ignore lint/suspicious/noExplicitAny: the seed's document, read field by field
    const doc = result.body as Record<string, any>;
    expect(doc.study).toEqual({ id: "DEMO3", publicStudyName: "Genericazeram Demo" });
    expect(doc.textDirection).toBe("ltr");
    expect(doc.questions.map((q: { key: string }) => q.key)).toEqual([
      "dob",
      "diagnosis",
      "wheelchair_bedridden",
      "stiffness_shaking",
      "levodopa_meds",
    ]);
    expect(doc.questions[0]).toMatchObject({
      type: "dateofbirth",
      options: { dateFormat: "yyyy" },
      items: null,
      visibleIf: null,
    });
    expect(doc.questions[2]).toMatchObject({ type: "radiobutton", visibleIf: "answer.diagnosis == 'true'" });
    expect(doc.questions[4].items.at(-1)).toEqual({
      key: "none",
      label: "None of these",
      inlineText: null,
      unique: true,
      maxLength: null,
    });
    expect(doc.consent.questions.map((q: { type: string }) => q.type)).toEqual([
      "dataconsent",
      "leadconsent",
    ]);
    expect(JSON.parse(doc.consent.criteria)).toEqual([
      { criteria: { data_consent: "true" }, studyIds: ["DEMO3"] },
    ]);
    expect(doc.config.steps).toEqual(["questionnaire", "siteSelector", "contactDetails", "completed"]);
    expect(doc.messages["ClinicForm.FindNearestClinic"]).toBe("Find nearest clinic");
  });

  it("localizes: Swedish texts, Arabic right to left, an unknown locale falls back to en-US", async () => {
    const sv = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=sv-SE", manager);
    expect((sv.body.questions as { question: string }[])[0]!.question).toContain("Vilket år");
    // A text not written in Swedish falls back to the fallback locale's.
    expect((sv.body.questions as { question: string }[])[2]!.question).toContain("wheelchair");
    const ar = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=ar-EG", manager);
    expect(ar.body.textDirection).toBe("rtl");
    expect((ar.body.questions as { question: string }[])[0]!.question).toContain("سنة ميلادك");
    const fr = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=fr-FR", manager);
    expect(fr.body.textDirection).toBe("ltr");
    expect((fr.body.questions as { question: string }[])[0]!.question).toContain("year of birth");
  });

  it("answers a preflight from any origin, and the OpenAPI document", async () => {
    const preflight = await fetch(`${server.url}/rest/v1/candidates`, {
      method: "OPTIONS",
      headers: {
        origin: "https://partner.example",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
    const openapi = await fetch(`${server.url}/rest/v1/openapi.json`);
    const doc = (await openapi.json()) as { openapi: string; paths: Record<string, object> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/candidates",
      "/candidates/{candidateId}/answers/{key}",
      "/candidates/{candidateId}/details",
      "/candidates/{candidateId}/eligibility",
      "/candidates/{candidateId}/submit",
      "/studies/{studyId}/questionnaire",
    ]);
  });

  it("is NOT_FOUND without access to the study, and UNAUTHENTICATED without a token", async () => {
    const stranger = await staffWith(server, ["view_trials"], { trialId: org.trial.id });
    const refused = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=en-US", stranger.token);
    expect(refused.status).toBe(404);
    expect(refused.body.errors![0]!.extensions.code).toBe("NOT_FOUND");
    const anonymous = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=en-US", null);
    expect(anonymous.status).toBe(401);
  });
});

describe("preview by GraphQL", () => {
  it("previews a version in any locale", async () => {
    const result = await server.request<{
      questionnaire: { versions: { preview: { textDirection: string } }[] };
    }>(PREVIEW, { trialId: gid.trial(org.trial.id), locale: "ar" }, manager);
    expect(result.errors).toBeUndefined();
    expect(result.data!.questionnaire.versions[0]!.preview.textDirection).toBe("rtl");
  });
});
