import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { accessToken, insertApiClient } from "../test/support/apiclients.js";
import { createOrganization, type Organization } from "../test/support/organizations.js";
import { DEMO_STUDY_ID, ELIGIBLE_ANSWERS, publishDemo, rest } from "../test/support/prescreening.js";
import { startTestServer, type TestServer } from "../test/support/server.js";

/**
 * Pre-screening answers per second over HTTP, as a partner's widget sends them: a partner API client
 * (candidates:write, from its allowed origin) answers the seed's questionnaire (DEMO3, published, with recruiting
 * trial sites) for many candidates, each answering its five questions in order, through the REST path
 * `PUT /rest/v1/candidates/{candidateId}/answers/{key}` and GraphQL's answerCandidateQuestion, sequentially and
 * 10 candidates at once. BENCH_CANDIDATES (default 100) sets the candidates of each measurement; they are
 * created before it starts.
 */
const ANSWER = `mutation Bench($input: AnswerCandidateQuestionInput!) {
  answerCandidateQuestion(input: $input) { candidate { status } } }`;
const ORIGIN = "https://partner.example";
const N = Number(process.env.BENCH_CANDIDATES ?? 100);
const MEASUREMENTS = [
  { path: "REST", concurrency: 1 },
  { path: "REST", concurrency: 10 },
  { path: "GraphQL", concurrency: 1 },
  { path: "GraphQL", concurrency: 10 },
] as const;
const CANDIDATES = N * MEASUREMENTS.length;
const ANSWERS = CANDIDATES * ELIGIBLE_ANSWERS.length;

let server: TestServer;
let org: Organization;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
  await publishDemo(server, await server.loginAdmin(), org);
  const partner = await insertApiClient(server, org.client.id, {
    name: "Patient advocacy group",
    scopes: ["candidates:write"],
    trialIds: [org.trial.id],
    allowedOrigins: [ORIGIN],
  });
  token = await accessToken(server.url, partner.apiClient.clientIdentifier, partner.secret);
});
afterAll(() => server.close());

/** Creates `count` candidates over REST, 10 at a time, and returns their (partner's) ids. */
async function newCandidates(count: number) {
  const tag = randomBytes(3).toString("hex");
  const ids = Array.from({ length: count }, (_, i) => `bench-${tag}-${i}`);
  const queue = [...ids];
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        const created = await rest(
          server,
          "POST",
          "/candidates",
          token,
          { studyId: DEMO_STUDY_ID, candidateId: id, locale: "en-US" },
          { origin: ORIGIN },
        );
        expect(created.status).toBe(201);
      }
    }),
  );
  return ids;
}

/** One answer over the given path; fails the run unless it was accepted. */
async function answer(path: "REST" | "GraphQL", candidateId: string, key: string, value: string) {
  if (path === "REST") {
    const result = await rest(
      server,
      "PUT",
      `/candidates/${candidateId}/answers/${key}`,
      token,
      { answer: value },
      { origin: ORIGIN },
    );
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    return;
  }
  const result = await server.request(
    ANSWER,
    { input: { partnerCandidateId: candidateId, key, answer: value } },
    token,
    { origin: ORIGIN },
  );
  expect(result.errors).toBeUndefined();
}

/** Answers every question of each candidate in order, `concurrency` candidates at a time, and measures it. */
async function measure(path: "REST" | "GraphQL", candidateIds: string[], concurrency: number) {
  const queue = [...candidateIds];
  const answers = candidateIds.length * ELIGIBLE_ANSWERS.length;
  const before = server.statements.count;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        for (const [key, value] of ELIGIBLE_ANSWERS) await answer(path, id, key, value);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    path,
    concurrency,
    candidates: candidateIds.length,
    answers,
    perSecond: Math.round(answers / seconds),
    msEach: Number(((seconds * 1000) / answers).toFixed(2)),
    statementsPerAnswer: Number(((server.statements.count - before) / answers).toFixed(2)),
  };
}

it("measures candidates' answers per second", async () => {
  const results = [];
  for (const { path, concurrency } of MEASUREMENTS) {
    const ids = await newCandidates(N);
    results.push(await measure(path, ids, concurrency));
  }
  console.table(results);
  // Every answer stored on its candidate, each with its event, and every candidate eligible.
  const [stored] = await server.sql`
    SELECT count(*)::int AS candidates,
           sum((SELECT count(*) FROM jsonb_object_keys(answers)))::int AS answers,
           count(*) FILTER (WHERE eligible)::int AS eligible
      FROM candidates WHERE trial_id = ${org.trial.id}`;
  expect(stored).toEqual({ candidates: CANDIDATES, answers: ANSWERS, eligible: CANDIDATES });
  const [events] = await server.sql`
    SELECT count(*)::int AS n FROM candidate_events WHERE trial_id = ${org.trial.id} AND kind = 'answered'`;
  expect(events).toEqual({ n: ANSWERS });
});
