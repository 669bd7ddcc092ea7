import { DEMO_QUESTIONNAIRE, DEMO_STUDY_ID } from "../../server/demo-questionnaire.js";
import { gid } from "./ids.js";
import type { Organization } from "./organizations.js";
import type { TestServer } from "./server.js";

export { DEMO_QUESTIONNAIRE, DEMO_STUDY_ID };

const SAVE = `mutation($input: SaveQuestionnaireDraftInput!) {
  saveQuestionnaireDraft(input: $input) { version { id number status } } }`;
const PUBLISH = `mutation($input: PublishQuestionnaireInput!) {
  publishQuestionnaire(input: $input) { version { id number status } } }`;
const RECRUIT = `mutation($input: SetRecruitingSiteInput!) { setRecruitingSite(input: $input) { trialSite { id } } }`;

/** Saves a questionnaire draft for the organization's trial over GraphQL (throws on errors). */
export async function saveDraft(
  server: TestServer,
  token: string,
  org: Organization,
  overrides: object = {},
) {
  const result = await server.request<{
    saveQuestionnaireDraft: { version: { id: string; number: number } };
  }>(
    SAVE,
    {
      input: {
        trialId: gid.trial(org.trial.id),
        studyId: DEMO_STUDY_ID,
        ...DEMO_QUESTIONNAIRE,
        ...overrides,
      },
    },
    token,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.saveQuestionnaireDraft.version;
}

export async function publish(server: TestServer, token: string, org: Organization) {
  const result = await server.request<{ publishQuestionnaire: { version: { id: string; number: number } } }>(
    PUBLISH,
    { input: { trialId: gid.trial(org.trial.id) } },
    token,
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.publishQuestionnaire.version;
}

/**
 * The seed's questionnaire published on the trial; the first trial site recruits in the US (postal codes 12…),
 * the second in Sweden.
 */
export async function publishDemo(server: TestServer, token: string, org: Organization) {
  await saveDraft(server, token, org);
  const version = await publish(server, token, org);
  const sites = [
    {
      trialSiteId: gid.trialSite(org.trialSites[0]!.id),
      recruiting: true,
      country: "US",
      postalCodePrefix: "12",
    },
    { trialSiteId: gid.trialSite(org.trialSites[1]!.id), recruiting: true, country: "SE" },
  ];
  for (const input of sites) {
    const result = await server.request(RECRUIT, { input }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }
  return version;
}

/** Calls the REST API (seed 002) as a partner's widget would. */
export async function rest(
  server: TestServer,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}/rest/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown> & {
    errors?: { message: string; extensions: { code: string; fields?: { field: string }[] } }[];
  };
  return { status: response.status, headers: response.headers, body: json };
}

/** The answers of seed 002's questionnaire that make a candidate eligible. */
export const ELIGIBLE_ANSWERS: [key: string, answer: string][] = [
  ["dob", "1958"],
  ["diagnosis", "Yes"],
  ["wheelchair_bedridden", '{"neither": true}'],
  ["stiffness_shaking", "3"],
  ["levodopa_meds", '{"sinemet": true, "rytary": true}'],
];

export const DETAILS = {
  pii: {
    name: "Jane Doe",
    firstName: "Jane",
    lastName: "Doe",
    email: "jane.doe@example.com",
    phoneNumber: "+15551234567",
    postalCode: "12345",
    timezone: "Europe/Stockholm",
  },
  consents: { dataConsent: true, leadConsent: false, lookalikeConsent: false },
  preferences: { contactHours: "8-20", contactMethod: "SMS" },
};
