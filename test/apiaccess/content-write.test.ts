import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessToken, insertApiClient, nothingWrittenButTheLog } from "../support/apiclients.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { DEMO_QUESTIONNAIRE, DEMO_STUDY_ID, publish, saveDraft } from "../support/prescreening.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

/*
 * content:write, the elevated scope: a sponsor's system writes a trial's pre-screening questionnaire (its eligibility
 * logic, texts and translations) and publishes it, as staff with manage_prescreening do; nowhere else.
 */
const QUESTIONNAIRE = `query($trialId: ID!) { questionnaire(trialId: $trialId) { id versions { number status } } }`;
const SAVE = `mutation($input: SaveQuestionnaireDraftInput!) {
  saveQuestionnaireDraft(input: $input) { version { id number status } } }`;

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
