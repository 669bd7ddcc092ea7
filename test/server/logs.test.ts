import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger.js";
import { PASSWORD } from "../support/accounts.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

/** A logger writing into memory, at debug, so every line the server writes is there to read. */
function captureLog() {
  const lines: string[] = [];
  return {
    log: createLogger("debug", { write: (line) => lines.push(line) }),
    text: () => lines.join(""),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;

let server: TestServer;
const captured = captureLog();
beforeAll(async () => {
  server = await startTestServer({}, { log: captured.log });
});
afterAll(() => server.close());

/** Runs `work` while a database object is broken by `breakIt`, then repairs it. */
async function whileBroken<T>(breakIt: string, repair: string, work: () => Promise<T>): Promise<T> {
  await server.sql.unsafe(breakIt);
  try {
    return await work();
  } finally {
    await server.sql.unsafe(repair);
  }
}

describe("unexpected failures", () => {
  it("are logged with the request id, the statement but not its parameters", async () => {
    const email = "unlucky-registrant@example.com";
    const result = await whileBroken(
      "ALTER TABLE users ADD CONSTRAINT refuse_new_users CHECK (false) NOT VALID",
      "ALTER TABLE users DROP CONSTRAINT refuse_new_users",
      () =>
        server.request(REGISTER, {
          input: { email, password: PASSWORD, firstName: "Una", lastName: "Lucky" },
        }),
    );
    expect(errorCode(result)).toBe("INTERNAL_SERVER_ERROR");
    const requestId = result.headers.get("x-request-id");
    const logged = captured
      .entries()
      .find((e) => e.message === "unexpected error" && e.requestId === requestId);
    expect(logged).toBeDefined();
    const line = JSON.stringify(logged);
    expect(line).toContain('insert into \\"users\\"');
    expect(line).toContain("refuse_new_users");
    expect(line).not.toContain("$argon2");
    expect(line).not.toContain(email);
    expect(line).not.toContain("Una");
  });

  it("building a request's context (its session) is logged with the request id too", async () => {
    const token = await server.loginAdmin();
    const result = await whileBroken(
      "ALTER TABLE sessions RENAME TO sessions_away",
      "ALTER TABLE sessions_away RENAME TO sessions",
      () => server.request(`{ viewer { userType } }`, {}, token),
    );
    expect(result.status).toBe(500);
    expect(errorCode(result)).toBe("INTERNAL_SERVER_ERROR");
    const requestId = result.headers.get("x-request-id");
    expect(captured.entries()).toContainEqual(
      expect.objectContaining({ level: "error", message: "unexpected error", requestId }),
    );
  });

  it("outside GraphQL (a download) are answered as JSON INTERNAL_SERVER_ERROR and logged with the request id", async () => {
    const token = await server.loginAdmin();
    const response = await whileBroken(
      "ALTER TABLE sessions RENAME TO sessions_away",
      "ALTER TABLE sessions_away RENAME TO sessions",
      () =>
        fetch(`${server.url}/files/reports/some-report-token-0123456789`, {
          headers: { authorization: `Bearer ${token}` },
        }),
    );
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id");
    expect(await response.json()).toEqual({
      errors: [
        { message: expect.stringMatching(/request id/), extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ],
      extensions: { requestId },
    });
    expect(captured.entries()).toContainEqual(
      expect.objectContaining({ level: "error", message: "unexpected error", requestId }),
    );
  });
});

describe("every log line", () => {
  it("redacts secrets and personal data by key, at any depth", () => {
    const capture = captureLog();
    capture.log.info("a line", {
      userId: "u-1",
      password: "Hunter-2-secret",
      nested: {
        accountNumber: "987654321012",
        contactEmail: "pat@example.com",
        list: [{ sessionToken: "tok" }],
      },
      Authorization: "Bearer abc",
      tin: "12-3456789",
      body: "Use this code: 123456",
    });
    const [entry] = capture.entries();
    expect(entry).toMatchObject({
      userId: "u-1",
      password: "[redacted]",
      nested: {
        accountNumber: "[redacted]",
        contactEmail: "[redacted]",
        list: [{ sessionToken: "[redacted]" }],
      },
      Authorization: "[redacted]",
      tin: "[redacted]",
      body: "[redacted]",
    });
  });
});
