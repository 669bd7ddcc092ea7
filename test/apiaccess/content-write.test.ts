import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessToken, insertApiClient, nothingWrittenButTheLog } from "../support/apiclients.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { DEMO_QUESTIONNAIRE, DEMO_STUDY_ID, publish, rest, saveDraft } from "../support/prescreening.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

/*
 * content:write, the elevated scope: a sponsor's system writes a trial's pre-screening questionnaire (its eligibility
 * logic, texts and translations) and publishes it, as staff with manage_prescreening do; nowhere else.
 */
const QUESTIONNAIRE = `query($trialId: ID!) { questionnaire(trialId: $trialId) { id versions { number status } } }`;
const SAVE = `mutation($input: SaveQuestionnaireDraftInput!) {
  saveQuestionnaireDraft(input: $input) { version { id number status } } }`;
const PREVIEWS = `query($trialId: ID!) { questionnaire(trialId: $trialId) {
  versions { number status content en: preview(locale: "en-US") sv: preview(locale: "sv") ar: preview(locale: "ar") } } }`;

/** Study messages and result-page texts with a Swedish translation: one message and the page's title only. */
const TRANSLATED = {
  messages: {
    "en-US": {
      "ClinicForm.SelectClinic": "Select a clinic",
      "ClinicForm.FindNearestClinic": "Find nearest clinic",
    },
    "sv-SE": { "ClinicForm.SelectClinic": "Välj en klinik" },
  },
  config: {
    ...DEMO_QUESTIONNAIRE.config,
    customPages: {
      ...DEMO_QUESTIONNAIRE.config.customPages,
      ineligible: { title: "Thank you", text: "You do not meet the requirements.", buttonText: "Sign up" },
    },
  },
  configByLocale: { "sv-SE": { customPages: { ineligible: { title: "Tack", buttonText: "Anmäl dig" } } } },
};

let server: TestServer;
let a: Organization;
let b: Organization;
/** content:write on client A's whole client. */
let writer: string;
/** Every scope but content:write, on client A. */
let reader: string;
/** content:write, but sandbox credentials: sandbox trials only. */
let sandboxWriter: string;

const draftInput = (org: Organization) => ({
  input: {
    trialId: gid.trial(org.trial.id),
    studyId: `${DEMO_STUDY_ID}-${org.trial.id}`,
    ...DEMO_QUESTIONNAIRE,
  },
});

beforeAll(async () => {
  server = await startTestServer();
  a = await createOrganization(server, "Content A");
  b = await createOrganization(server, "Content B");
  const made = await insertApiClient(server, a.client.id, { scopes: ["content:write"] });
  writer = await accessToken(server.url, made.apiClient.clientIdentifier, made.secret);
  const others = await insertApiClient(server, a.client.id, {
    scopes: ["trials:read", "sites:read", "sites:write", "prescreening:read", "referrals:read"],
  });
  reader = await accessToken(server.url, others.apiClient.clientIdentifier, others.secret);
  const sandbox = await insertApiClient(server, a.client.id, {
    scopes: ["content:write"],
    environment: "sandbox",
  });
  sandboxWriter = await accessToken(server.url, sandbox.apiClient.clientIdentifier, sandbox.secret);
});
afterAll(() => server.close());

describe("content:write", () => {
  it("writes, publishes and reads back its client's trial's questionnaire", async () => {
    const draft = await saveDraft(server, writer, a);
    expect(draft.number).toBe(1);
    const published = await publish(server, writer, a);
    expect(published.number).toBe(1);
    const read = await server.request(QUESTIONNAIRE, { trialId: gid.trial(a.trial.id) }, writer);
    expect(read.errors).toBeUndefined();
    expect(read.data).toMatchObject({ questionnaire: { versions: [{ number: 1, status: "PUBLISHED" }] } });
  });

  it("is FORBIDDEN without the scope, whatever else the token holds, and writes nothing", async () => {
    const refused = await nothingWrittenButTheLog(server, () => server.request(SAVE, draftInput(a), reader));
    expect(errorCode(refused)).toBe("FORBIDDEN");
  });

  it("reaches nothing of another client: NOT_FOUND, nothing written", async () => {
    const refused = await nothingWrittenButTheLog(server, () => server.request(SAVE, draftInput(b), writer));
    expect(errorCode(refused)).toBe("NOT_FOUND");
    const read = await server.request(QUESTIONNAIRE, { trialId: gid.trial(b.trial.id) }, writer);
    expect(errorCode(read)).toBe("NOT_FOUND");
  });

  it("with sandbox credentials reaches only sandbox trials", async () => {
    const refused = await nothingWrittenButTheLog(server, () =>
      server.request(SAVE, draftInput(a), sandboxWriter),
    );
    expect(errorCode(refused)).toBe("NOT_FOUND");
  });

  it("refuses an id of another type in the input with BAD_USER_INPUT, writing nothing", async () => {
    const input = { input: { ...draftInput(a).input, trialId: gid.client(a.client.id) } };
    const refused = await nothingWrittenButTheLog(server, () => server.request(SAVE, input, writer));
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
  });
});

describe("content:write: study messages and their translations", () => {
  type Rendered = {
    locale: string;
    messages: Record<string, string>;
    config: { colorMain: string; customPages: { ineligible: Record<string, string> } };
  };
  const SWEDISH = {
    locale: "sv-SE",
    messages: {
      "ClinicForm.SelectClinic": "Välj en klinik",
      "ClinicForm.FindNearestClinic": "Find nearest clinic",
    },
    ineligible: { title: "Tack", text: "You do not meet the requirements.", buttonText: "Anmäl dig" },
  };
  const ENGLISH = {
    locale: "en-US",
    messages: TRANSLATED.messages["en-US"],
    ineligible: TRANSLATED.config.customPages.ineligible,
  };
  const shown = (r: Rendered) => ({
    locale: r.locale,
    messages: r.messages,
    ineligible: r.config.customPages.ineligible,
  });

  it("writes messages and result-page texts per locale; the published version serves them, falling back", async () => {
    const draft = await saveDraft(server, writer, a, TRANSLATED);
    const published = await publish(server, writer, a);
    expect(published.id).toBe(draft.id);

    const read = await server.request<{
      questionnaire: {
        versions: { number: number; content: typeof TRANSLATED; en: Rendered; sv: Rendered; ar: Rendered }[];
      };
    }>(PREVIEWS, { trialId: gid.trial(a.trial.id) }, writer);
    expect(read.errors).toBeUndefined();
    const version = read.data!.questionnaire.versions.find((v) => v.number === published.number)!;
    expect(version.content.messages).toEqual(TRANSLATED.messages);
    expect(version.content.configByLocale).toEqual(TRANSLATED.configByLocale);
    expect(shown(version.en)).toEqual(ENGLISH);
    // Swedish where written (a message, the page's title and button), English (the fallback) elsewhere.
    expect(shown(version.sv)).toEqual(SWEDISH);
    expect(version.sv.config.colorMain).toBe(DEMO_QUESTIONNAIRE.config.colorMain);
    // Arabic has neither messages nor pages: all from the fallback locale.
    expect(shown(version.ar)).toEqual({ ...ENGLISH, locale: "ar" });

    // Partners' widgets get the same over REST.
    const made = await insertApiClient(server, a.client.id, { scopes: ["candidates:write"] });
    const partner = await accessToken(server.url, made.apiClient.clientIdentifier, made.secret);
    const sv = await rest(server, "GET", `/studies/${DEMO_STUDY_ID}/questionnaire?locale=sv-SE`, partner);
    expect(sv.status).toBe(200);
    expect(shown(sv.body as unknown as Rendered)).toEqual(SWEDISH);
    const en = await rest(server, "GET", `/studies/${DEMO_STUDY_ID}/questionnaire?locale=en-GB`, partner);
    expect(shown(en.body as unknown as Rendered)).toEqual(ENGLISH);
  });

  it("refuses a translation it could never serve with BAD_USER_INPUT naming it, writing nothing", async () => {
    const bad = [
      [
        { messages: { ...TRANSLATED.messages, "fr-FR": { "ClinicForm.SelectClinic": "Choisir" } } },
        "messages.fr-FR",
      ],
      [{ configByLocale: { de: { customPages: {} } } }, "configByLocale.de"],
      [{ messages: { "sv-SE": { "ClinicForm.SelectClinic": 7 } } }, "messages.sv-SE.ClinicForm.SelectClinic"],
      [{ messages: { "sv-SE": { "": "tom" } } }, "messages.sv-SE"],
      [{ messages: { "xx-!!": {} } }, "messages"],
    ] as const;
    for (const [overrides, field] of bad) {
      const input = { input: { ...draftInput(a).input, studyId: DEMO_STUDY_ID, ...overrides } };
      const refused = await nothingWrittenButTheLog(server, () => server.request(SAVE, input, writer));
      expect(errorCode(refused), field).toBe("BAD_USER_INPUT");
      const fields = (refused.errors![0]!.extensions as { fields: { field: string }[] }).fields;
      expect(fields.map((f) => f.field).join(" "), field).toContain(field);
    }
  });

  it("without content:write: FORBIDDEN, no translation written, the served texts unchanged", async () => {
    const input = {
      input: {
        ...draftInput(a).input,
        studyId: DEMO_STUDY_ID,
        ...TRANSLATED,
        messages: { "sv-SE": { "ClinicForm.SelectClinic": "Hackad" } },
      },
    };
    const refused = await nothingWrittenButTheLog(server, () => server.request(SAVE, input, reader));
    expect(errorCode(refused)).toBe("FORBIDDEN");
    const read = await server.request<{ questionnaire: { versions: { sv: Rendered }[] } }>(
      PREVIEWS,
      { trialId: gid.trial(a.trial.id) },
      writer,
    );
    expect(
      read.data!.questionnaire.versions.map((v) => v.sv.messages["ClinicForm.SelectClinic"]),
    ).not.toContain("Hackad");
  });
});
