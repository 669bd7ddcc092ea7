import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_PARTNER, loadDemoData } from "../../server/demo.js";
import { accessToken } from "../support/apiclients.js";
import { gid } from "../support/ids.js";
import { DETAILS, ELIGIBLE_ANSWERS, rest } from "../support/prescreening.js";
import { startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await loadDemoData(server.db);
});
afterAll(() => server.close());

it("the demo's partner runs the README's REST sequence on study DEMO3", async () => {
  const token = await accessToken(server.url, DEMO_PARTNER.clientIdentifier, DEMO_PARTNER.secret);
  const call = (method: string, path: string, body?: unknown) =>
    rest(server, method, path, token, body, { origin: DEMO_PARTNER.origin });
  const questionnaire = await call("GET", "/studies/DEMO3/questionnaire?locale=en-US");
  expect(questionnaire.status).toBe(200);
  expect((questionnaire.body.questions as unknown[]).length).toBe(5);
  expect((questionnaire.body.consent as { questions: unknown[] }).questions.length).toBe(2);
  expect((questionnaire.body.config as { colorMain: string }).colorMain).toBe("#146b98");
  expect(
    (await call("POST", "/candidates", { studyId: "DEMO3", candidateId: "candidate-12345", locale: "en-US" }))
      .status,
  ).toBe(201);
  for (const [key, answer] of ELIGIBLE_ANSWERS) {
    expect((await call("PUT", `/candidates/candidate-12345/answers/${key}`, { answer })).status).toBe(200);
  }
  // Jane's postal code 32… is Orlando's: only Johnson Clinic matches once she gives it, but both recruit in the US.
  const eligibility = await call("GET", "/candidates/candidate-12345/eligibility");
  expect(eligibility.body.eligibility).toBe(true);
  expect((eligibility.body.eligibleSites as string[]).length).toBe(2);
  const [johnson] = await server.sql`
    SELECT ts.id FROM trial_sites ts JOIN sites s ON s.id = ts.site_id WHERE s.name = 'Johnson Clinic'`;
  const site = gid.trialSite(johnson!.id);
  expect(eligibility.body.eligibleSites).toContain(site);
  const details = await call("PUT", "/candidates/candidate-12345/details", {
    ...DETAILS,
    pii: { ...DETAILS.pii, postalCode: "32801" },
    preferences: { ...DETAILS.preferences, site },
  });
  expect(details.status).toBe(200);
  expect((await call("POST", "/candidates/candidate-12345/submit", { status: "COMPLETED" })).status).toBe(
    200,
  );
  const [row] =
    await server.sql`SELECT referred_trial_site_id FROM candidates WHERE external_id = 'candidate-12345'`;
  expect(row!.referred_trial_site_id).not.toBeNull();
  // From another origin the demo token is refused.
  const elsewhere = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=en-US", token, undefined, {
    origin: "http://localhost:3001",
  });
  expect(elsewhere.status).toBe(403);
});
