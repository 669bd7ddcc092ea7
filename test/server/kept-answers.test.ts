import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger.js";
import { registerUser, staffWith } from "../support/accounts.js";
import { accessToken, insertApiClient } from "../support/apiclients.js";
import { seedTrial } from "../support/dashboard.js";
import { gid } from "../support/ids.js";
import { startTestServer, type TestServer } from "../support/server.js";

/*
 * A query a session asks again is answered by its kept statement before Apollo (server/kept-answers.ts). What it
 * answers must be what Apollo answers, byte for byte but the request id, and only for the same request by the same
 * viewer; whatever changed since goes back to Apollo (test/server/remembered-viewers.test.ts asks its questions
 * through it too). Access lines say which requests it answered (`kept`).
 */

const lines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { log: createLogger("info", { write: (line) => lines.push(line) }) });
});
afterAll(() => server.close());

const TRIAL = `query Dashboard($id: ID!) { trial(id: $id) { name trialSites(first: 10) { totalCount nodes { site { name } } } } }`;

/** One POST as a client sends it: the status, the headers that describe the answer, its text, and its access line. */
async function post(
  body: unknown,
  token: string,
  headers: Record<string, string> = {},
  { chunked = false } = {},
) {
  const text = JSON.stringify(body);
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
    // Chunked: a stream of unknown length, so no content-length header.
    ...(chunked ? { body: new Blob([text]).stream(), duplex: "half" } : { body: text }),
  } as RequestInit);
  const requestId = response.headers.get("x-request-id")!;
  const answer = await response.text();
  const line = await accessLine(requestId);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    // Every header but the date and the request id (CORS, Vary, compression, the length) must be the same too.
    headers: Object.fromEntries(
      [...response.headers].filter(([name]) => name !== "date" && name !== "x-request-id"),
    ),
    // The request id is the answer's own: the rest must be the same.
    text: answer.replaceAll(requestId, "<request id>"),
    kept: line.kept === true,
    statements: line.statements,
    line,
  };
}

/** The access line of request `requestId` (written as its response finishes). */
async function accessLine(requestId: string): Promise<Record<string, unknown>> {
  for (let tries = 0; tries < 100; tries++) {
    const line = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.requestId === requestId && l.message === "request");
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no access line for ${requestId}`);
}

describe("kept answers", () => {
  it("a query asked again by the same session is answered by its kept statement, as Apollo answers it", async () => {
    const seeded = await seedTrial(server, 2);
    const body = { query: TRIAL, variables: { id: gid.trial(seeded.trialId) } };
    for (const accept of [undefined, "application/graphql-response+json", "application/json"]) {
      const headers: Record<string, string> = accept ? { accept } : {};
      const token = await server.loginAdmin();
      // The first plans it and keeps it (signing in remembered the viewer); the next ones are answered by it.
      const planned = await post(body, token, headers);
      const kept = await post(body, token, headers);
      const again = await post(body, token, headers);
      expect(planned.status).toBe(200);
      expect(planned.kept).toBe(false);
      expect(JSON.parse(planned.text).data.trial.trialSites.totalCount).toBe(2);
      for (const answer of [kept, again]) {
        expect(answer.kept, accept).toBe(true);
        expect(answer.statements).toBe(1);
        expect({ status: answer.status, headers: answer.headers, text: answer.text }).toEqual({
          status: planned.status,
          headers: planned.headers,
          text: planned.text,
        });
      }
      expect(again.line).toMatchObject({
        operation: "Dashboard",
        outcome: "ok",
        status: 200,
        path: "/graphql",
      });
      expect(again.line.userId).toBe(planned.line.userId);
    }
    const token = await server.loginAdmin();
    await post(body, token);
    const asked = await post(body, token, { accept: "application/graphql-response+json" });
    expect(asked).toMatchObject({ kept: true, type: "application/graphql-response+json; charset=utf-8" });
  });

  it("a browser's request from an allowed page, its answer compressed: the same CORS and compression headers", async () => {
    // 40 trial sites with their ids: an answer over compression's threshold (1 KB).
    const seeded = await seedTrial(server, 40);
    const query = `query Sites($id: ID!) { trial(id: $id) { trialSites(first: 40) { nodes { id site { id name } } } } }`;
    const body = { query, variables: { id: gid.trial(seeded.trialId) } };
    const browser = { origin: "http://localhost:5173", "accept-encoding": "gzip" };
    const token = await server.loginAdmin();
    const planned = await post(body, token, browser);
    const kept = await post(body, token, browser);
    expect(planned.kept).toBe(false);
    expect(kept.kept).toBe(true);
    expect(planned.headers).toMatchObject({
      "access-control-allow-origin": "http://localhost:5173",
      "content-encoding": "gzip",
    });
    expect({ status: kept.status, headers: kept.headers, text: kept.text }).toEqual({
      status: planned.status,
      headers: planned.headers,
      text: planned.text,
    });
    // A page of an origin the policy does not allow gets no CORS headers, kept or not.
    const stranger = { origin: "https://elsewhere.example.com" };
    const refused = [await post(body, token, stranger), await post(body, token, stranger)];
    expect(refused.map((answer) => answer.kept)).toEqual([true, true]);
    for (const answer of refused) expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("a session's body read before Express that is not JSON, not UTF-8 or not an object is refused as Express refuses it", async () => {
    const token = await server.loginAdmin();
    const bodies: Array<string | Uint8Array<ArrayBuffer>> = [
      "{nope",
      '"a string"',
      new Uint8Array([0x7b, 0xff, 0x7d]),
      "",
      " \n[]",
    ];
    for (const bytes of bodies) {
      // With the session's token its body is read ahead (kept-answers.ts); without one, by Express's body reader.
      const ask = async (headers: Record<string, string>) => {
        const response = await fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: bytes,
        });
        const answer = (await response.json()) as { extensions?: Record<string, unknown> };
        return {
          status: response.status,
          answer: { ...answer, extensions: { ...answer.extensions, requestId: "-", viewer: "-" } },
        };
      };
      const readAhead = await ask({ authorization: `Bearer ${token}` });
      const readByExpress = await ask({});
      expect(readAhead.status, String(bytes)).toBeGreaterThanOrEqual(400);
      expect(readAhead, String(bytes)).toEqual(readByExpress);
    }
  });

  it("a session's request cut short in its body is dropped: nothing logged as unexpected, the next one answered", async () => {
    const token = await server.loginAdmin();
    const { port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    // 500 bytes announced, 10 sent: the HTTP layer is reading it ahead when the client goes.
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Authorization: Bearer ${token}\r\nContent-Length: 500\r\n\r\n{"query":"`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();
    await closed;
    const after = await post({ query: "{ __typename }" }, token);
    expect(after.status).toBe(200);
    expect(lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it("only the same request by the same session: another session, other variables, more in the body or an API client go to Apollo", async () => {
    const seeded = await seedTrial(server, 2);
    const other = await seedTrial(server, 1);
    const token = await server.loginAdmin();
    const body = { query: TRIAL, variables: { id: gid.trial(seeded.trialId) } };
    await post(body, token);
    const kept = await post(body, token);
    expect(kept.kept).toBe(true);
    // The same body sent chunked (no length given) is not looked up: Apollo answers it, the same.
    const chunked = await post(body, token, {}, { chunked: true });
    expect(chunked.kept).toBe(false);
    expect(chunked.text).toBe(kept.text);
    // Another admin session, the same request: its own first answer.
    const second = await server.loginAdmin();
    expect((await post(body, second)).kept).toBe(false);
    // Other variables: the other trial, answered for it.
    const otherTrial = await post({ query: TRIAL, variables: { id: gid.trial(other.trialId) } }, token);
    expect(otherTrial.kept).toBe(false);
    expect(JSON.parse(otherTrial.text).data.trial.trialSites.totalCount).toBe(1);
    // Anything more than query, operationName and variables is Apollo's to read.
    expect((await post({ ...body, extensions: {} }, token)).kept).toBe(false);
    // A staff member who may not see the trial asks the same: refused, never the admin's answer.
    const staff = await staffWith(server, ["view_trials"], { trialSiteId: other.trialSiteIds[0]! });
    for (let i = 0; i < 3; i++) {
      const refused = await post(body, staff.token);
      expect(refused.kept).toBe(false);
      expect(JSON.parse(refused.text).data?.trial ?? null).toBeNull();
    }
    // And someone with no access at all, with the admin's query and variables.
    const user = await registerUser(server);
    const nobody = await post(body, user.token);
    expect(JSON.parse(nobody.text).data?.trial ?? null).toBeNull();
    // An API client's token, asked again and again: always the resolvers, within its fence and scopes.
    const made = await insertApiClient(server, seeded.clientId, { scopes: ["trials:read", "sites:read"] });
    const machine = await accessToken(server.url, made.apiClient.clientIdentifier, made.secret);
    for (let i = 0; i < 3; i++) {
      const asked = await post(body, machine);
      expect(asked.kept).toBe(false);
      expect(asked.line.apiClientId).toBe(made.apiClient.id);
      expect(JSON.parse(asked.text).data.trial.trialSites.totalCount).toBe(2);
    }
  });

  it("a session ended, or grants taken away, since it was kept: Apollo answers from the viewer found now", async () => {
    const seeded = await seedTrial(server, 1);
    const body = { query: TRIAL, variables: { id: gid.trial(seeded.trialId) } };
    const staff = await staffWith(server, ["view_trials"], { trialSiteId: seeded.trialSiteIds[0]! });
    await post(body, staff.token);
    expect((await post(body, staff.token)).kept).toBe(true);
    await server.sql`DELETE FROM grants WHERE user_id = ${staff.uid}`;
    const gone = await post(body, staff.token);
    expect(gone.kept).toBe(false);
    expect(JSON.parse(gone.text).data?.trial ?? null).toBeNull();

    const token = await server.loginAdmin();
    await post(body, token);
    expect((await post(body, token)).kept).toBe(true);
    await server.sql`UPDATE sessions SET revoked_at = now() WHERE token_hash = sha256(convert_to(${token}, 'UTF8'))`;
    const ended = await post(body, token);
    expect(ended.kept).toBe(false);
    expect(JSON.parse(ended.text)).toMatchObject({
      errors: [{ extensions: { code: "UNAUTHENTICATED" } }],
      extensions: { viewer: null },
    });
  });
});
