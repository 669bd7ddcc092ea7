import { randomBytes } from "node:crypto";
import { setTimeout as pause } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessToken,
  basicAuth,
  insertApiClient,
  nothingWrittenButTheLog,
  postForm,
} from "../support/apiclients.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { publishDemo, rest } from "../support/prescreening.js";
import { type ServerProcess, startServerProcess } from "../support/processes.js";
import {
  errorCode,
  type GraphQLResponse,
  graphqlClient,
  startTestServer,
  type TestServer,
} from "../support/server.js";

// Both processes name the same issuer, as behind a load balancer, and the same small budgets.
const ENV = {
  OAUTH_ISSUER: "https://api.mural-link.test",
  API_RATE_POINTS: "30",
  ANONYMOUS_RATE_POINTS: "20",
};
const CHEAP = `{ __typename }`;
const TRIALS = `{ trials(first: 5) { nodes { id protocolId } } }`;
const CREATE = `mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { id } } }`;

const remaining = (answer: { headers: Headers }) => Number(answer.headers.get("ratelimit-remaining"));

/** A refusal for a spent budget: 429, Retry-After within the window, and the RateLimit-* headers at 0. */
function expectRateLimited(answer: { status: number; headers: Headers }, limit: string, windowSeconds = 60) {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(answer.headers.get("ratelimit-limit")).toBe(limit);
  expect(answer.headers.get("ratelimit-remaining")).toBe("0");
  expect(Number(answer.headers.get("ratelimit-reset"))).toBe(retryAfter);
  return retryAfter;
}

function expectGraphQLRateLimited(answer: GraphQLResponse<unknown>, limit: string) {
  expectRateLimited(answer, limit);
  expect(errorCode(answer)).toBe("RATE_LIMITED");
  expect(answer.data).toBeUndefined();
}

describe("rate limits shared by two server processes", () => {
  let server: TestServer;
  let second: ServerProcess;
  let org: Organization;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(ENV);
    second = await startServerProcess(server.databaseUrl, ENV);
    org = await createOrganization(server);
    admin = await server.loginAdmin();
    await publishDemo(server, admin, org);
  }, 60_000);
  afterAll(async () => {
    await second?.stop();
    await server?.close();
  });

  it("tells an API client its budget on every answer; an operation spends its cost, a REST call 1", async () => {
    const { apiClient, secret } = await insertApiClient(server, org.client.id, { trialIds: [org.trial.id] });
    const issued = await postForm(
      server.url,
      "/oauth/token",
      { grant_type: "client_credentials" },
      { authorization: basicAuth(apiClient.clientIdentifier, secret) },
    );
    expect(issued.status).toBe(200);
    expect(issued.headers.get("ratelimit-limit")).toBe("30");
    expect(remaining(issued)).toBe(29);
    const token = issued.body.access_token as string;

    const trials = await server.request(TRIALS, {}, token);
    expect(trials.errors).toBeUndefined();
    const requested = (trials.extensions?.cost as { requested: number } | undefined)?.requested ?? 0;
    expect(requested).toBe(6);
    expect(trials.headers.get("ratelimit-limit")).toBe("30");
    expect(remaining(trials)).toBe(29 - requested);
    expect(Number(trials.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(trials.headers.get("retry-after")).toBeNull();

    // An operation of no cost spends 1 all the same.
    const cheap = await graphqlClient(second.url).request(CHEAP, {}, token);
    expect([cheap.status, remaining(cheap)]).toEqual([200, 22]);
    const questionnaire = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=en-US", token);
    expect(remaining(questionnaire)).toBe(21);
  });

  it("runs out at the budget across both processes; the next call is refused with 429 and writes nothing", async () => {
    const partner = await insertApiClient(server, org.client.id, {
      scopes: ["candidates:write", "trials:read"],
      trialIds: [org.trial.id],
    });
    const token = await accessToken(server.url, partner.apiClient.clientIdentifier, partner.secret);
    const processes = [graphqlClient(server.url), graphqlClient(second.url)];
    // 29 points are left after the token: each of 29 calls, alternating between the processes, spends one.
    for (let left = 28; left >= 0; left--) {
      const answer = await processes[left % 2]!.request(CHEAP, {}, token);
      expect([answer.status, remaining(answer)]).toEqual([200, left]);
    }
    const candidateId = `candidate-${randomBytes(4).toString("hex")}`;
    for (const process of processes) {
      const refused = await nothingWrittenButTheLog(server, () =>
        process.request(CREATE, { input: { studyId: "DEMO3", partnerCandidateId: candidateId } }, token),
      );
      expectGraphQLRateLimited(refused, "30");
      // The cost is reported as ever (the payload and its candidate); nothing of the operation ran.
      expect(refused.extensions?.cost).toEqual({ requested: 2, limit: 5_000_000 });
    }
    const viaRest = await nothingWrittenButTheLog(server, () =>
      rest(server, "POST", "/candidates", token, { studyId: "DEMO3", candidateId }),
    );
    expectRateLimited(viaRest, "30");
    expect(viaRest.body.errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
    // A new token is refused too: the token endpoint spends the same budget.
    const again = await postForm(
      second.url,
      "/oauth/token",
      { grant_type: "client_credentials" },
      { authorization: basicAuth(partner.apiClient.clientIdentifier, partner.secret) },
    );
    expectRateLimited(again, "30");
    expect(again.body.error).toBe("rate_limited");
    // Another client's budget is its own.
    const other = await insertApiClient(server, org.client.id, { trialIds: [org.trial.id] });
    const otherToken = await accessToken(second.url, other.apiClient.clientIdentifier, other.secret);
    expect((await server.request(CHEAP, {}, otherToken)).status).toBe(200);
  });

  it("leaves a person's session unlimited", async () => {
    const answer = await server.request(CHEAP, {}, admin);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("ratelimit-limit")).toBeNull();
  });

  // Last: it spends this IP's anonymous budget for the rest of the window.
  it("limits calls without a session or token per IP, failed token requests included", async () => {
    const { apiClient, secret } = await insertApiClient(server, org.client.id, { trialIds: [org.trial.id] });
    const wrong = () =>
      postForm(
        second.url,
        "/oauth/token",
        { grant_type: "client_credentials" },
        { authorization: basicAuth(apiClient.clientIdentifier, "not-the-secret") },
      );
    const failed = await wrong();
    expect(failed.status).toBe(401);
    expect(failed.headers.get("ratelimit-limit")).toBe("20");
    const left = remaining(failed);
    expect(remaining(await wrong())).toBe(left - 1);
    // An access token that is not one spends a point too, over GraphQL and REST.
    const forged = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    const badToken = await server.request(CHEAP, {}, forged);
    expect([badToken.status, errorCode(badToken), remaining(badToken)]).toEqual([
      401,
      "UNAUTHENTICATED",
      left - 2,
    ]);
    const badRest = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=en-US", forged);
    expect([badRest.status, remaining(badRest)]).toEqual([401, left - 3]);
    // Spent down to 0 by anonymous GraphQL calls on both processes.
    const processes = [graphqlClient(server.url), graphqlClient(second.url)];
    for (let n = left - 4; n >= 0; n--) {
      const answer = await processes[n % 2]!.request(CHEAP);
      expect([answer.status, remaining(answer)]).toEqual([200, n]);
    }
    for (const process of processes) expectGraphQLRateLimited(await process.request(CHEAP), "20");
    const right = await postForm(
      server.url,
      "/oauth/token",
      { grant_type: "client_credentials" },
      { authorization: basicAuth(apiClient.clientIdentifier, secret) },
    );
    expectRateLimited(right, "20");
    expect(right.body).toMatchObject({ error: "rate_limited" });
    expect(right.body.access_token).toBeUndefined();
    expectRateLimited(await wrong(), "20");
    const anonymousRest = await rest(server, "GET", "/studies/DEMO3/questionnaire?locale=en-US", null);
    expectRateLimited(anonymousRest, "20");
    expect(anonymousRest.body.errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
    // A person signed in is not limited by the IP's budget.
    expect((await server.request(CHEAP, {}, admin)).status).toBe(200);
  });
});

describe("a spent budget", () => {
  let server: TestServer;
  let org: Organization;

  beforeAll(async () => {
    server = await startTestServer({ API_RATE_POINTS: "3", API_RATE_WINDOW_SECONDS: "1" });
    org = await createOrganization(server);
  });
  afterAll(() => server?.close());

  it("comes back after the window, when Retry-After says", async () => {
    const { apiClient, secret } = await insertApiClient(server, org.client.id);
    const token = await accessToken(server.url, apiClient.clientIdentifier, secret);
    // Spent until refused (a slow machine may see a window end on the way).
    let refused: GraphQLResponse<unknown> | undefined;
    for (let n = 0; n < 50 && !refused; n++) {
      const answer = await server.request(CHEAP, {}, token);
      if (answer.status === 429) refused = answer;
    }
    expect(refused).toBeDefined();
    expect(errorCode(refused!)).toBe("RATE_LIMITED");
    const retryAfter = expectRateLimited(refused!, "3", 1);
    await pause(retryAfter * 1000);
    const later = await server.request(CHEAP, {}, token);
    expect([later.status, later.errors, remaining(later)]).toEqual([200, undefined, 2]);
  });
});
