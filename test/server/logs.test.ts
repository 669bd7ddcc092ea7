import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../schema/core/config.js";
import { createTransport, deliverNotification } from "../../server/delivery.js";
import { createLogger } from "../../server/logger.js";
import { PASSWORD } from "../support/accounts.js";
import { createOrganization, globalId } from "../support/organizations.js";
import { createEnrolledParticipant, PARTICIPANT_PASSWORD } from "../support/participants.js";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  errorCode,
  startTestServer,
  type TestServer,
} from "../support/server.js";
import { overWebSocket } from "./websocket.js";

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
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) { accepted } }`;

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

  it("over WebSocket (building the context) are answered as INTERNAL_SERVER_ERROR and logged", async () => {
    const token = await server.loginAdmin();
    const before = captured.entries().length;
    const result = await whileBroken(
      "ALTER TABLE sessions RENAME TO sessions_away",
      "ALTER TABLE sessions_away RENAME TO sessions",
      () => overWebSocket(server, "{ ping }", token),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(captured.entries().slice(before)).toContainEqual(
      expect.objectContaining({ message: "unexpected error", requestId: expect.any(String) }),
    );
  });

  it("before any route (a browser's origin looked up among API clients) are answered as JSON INTERNAL_SERVER_ERROR and logged", async () => {
    const response = await whileBroken(
      "ALTER TABLE api_clients RENAME TO api_clients_away",
      "ALTER TABLE api_clients_away RENAME TO api_clients",
      () =>
        fetch(`${server.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: "https://partner.example.com" },
          body: JSON.stringify({ query: "{ ping }" }),
        }),
    );
    await expectAnsweredAsUnexpected(response);
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
    await expectAnsweredAsUnexpected(response);
  });
});

interface Queued {
  id: string;
  recipient: string;
  body: string;
  code: string | null;
}

/** Messages waiting in the outbox, with the code each carries. */
const queuedMessages = () =>
  server.sql<Queued[]>`
    SELECT id, recipient, body, payload->>'token' AS code FROM notification_outbox WHERE status = 'pending'`;

/** What the worker's deliver_notification task does, with this transport: no waiting on the worker's poll. */
async function deliverAll(transport: ReturnType<typeof createTransport>) {
  for (const { id } of await queuedMessages()) await deliverNotification(server.db, transport, id);
}

describe("outgoing messages without SMTP", () => {
  it("are logged as not sent, without body, address or code", async () => {
    await server.request(REQUEST_RESET, { email: ADMIN_EMAIL });
    const [reset] = await queuedMessages();
    await deliverAll(createTransport(server.config, captured.log));
    expect(captured.entries()).toContainEqual(
      expect.objectContaining({
        message: "message not sent: no transport configured",
        outboxId: reset!.id,
        template: "password_reset",
      }),
    );
    expect(captured.text()).not.toContain(reset!.code);
    expect(captured.text()).not.toContain(reset!.body.split("\n")[0]);
    expect(captured.text()).not.toContain(ADMIN_EMAIL);
  });

  it("are written to $DATA_DIR/outbox/<id>.eml in development", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "mural-outbox-"));
    try {
      await server.request(REQUEST_RESET, { email: ADMIN_EMAIL });
      const [reset] = await queuedMessages();
      const development = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
      await deliverAll(createTransport(development, captured.log));
      const file = path.join(dataDir, "outbox", `${reset!.id}.eml`);
      const written = await readFile(file, "utf8");
      expect(written).toContain(`To: ${ADMIN_EMAIL}`);
      expect(written).toContain(reset!.code);
      expect(captured.entries()).toContainEqual(expect.objectContaining({ outboxId: reset!.id, file }));
      expect(captured.text()).not.toContain(reset!.code);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
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

  it("drops the parameters drizzle writes into a failed statement's message, and argon2 hashes, from any text", () => {
    const capture = captureLog();
    const failure =
      "Failed query: insert into users (email, password_hash) values ($1, $2)\nparams: pat@example.com,";
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
    // graphile-worker's line for a failed job quotes the error's message and then its stack.
    capture.log.error(
      `worker: Failed task 7 with error '${failure}${hash}':\n  Error: ${failure}${hash}\n      at run (x.js:1:1)`,
    );
    capture.log.warn(`seen ${hash} in passing`);
    const text = capture.text();
    expect(text).toContain("insert into users (email, password_hash) values ($1, $2)");
    expect(text).toContain("at run (x.js:1:1)");
    expect(text).not.toContain("pat@example.com");
    expect(text).not.toContain("$argon2");
  });
});

describe("a busy day's log", () => {
  it("holds no password, token, code, hash, account number, address or message body", async () => {
    const secrets: string[] = [ADMIN_PASSWORD, PASSWORD, PARTICIPANT_PASSWORD, "Wrong-guess-1!", "$argon2"];
    secrets.push(await server.loginAdmin());
    await server.request(
      `mutation { login(input: { email: "${ADMIN_EMAIL}", password: "Wrong-guess-1!" }) { token } }`,
    );
    await server.request(REQUEST_RESET, { email: ADMIN_EMAIL });
    const email = "busy-registrant@example.com";
    const registered = await server.request<{ register: { token: string } }>(REGISTER, {
      input: { email, password: PASSWORD, firstName: "Bea", lastName: "Busy" },
    });
    secrets.push(email, registered.data!.register.token);

    const participant = await createEnrolledParticipant(server, await createOrganization(server));
    const account = "987654321012";
    const payout = await server.request(
      `mutation($input: SetPaymentTypeInput!) { setPaymentType(input: $input) { enrollment { id } } }`,
      {
        input: {
          enrollmentId: globalId("Enrollment", participant.enrollment.id),
          paymentType: "BANK_ACCOUNT",
          routingNumber: "011000015",
          accountNumber: account,
        },
      },
      participant.token,
    );
    expect(payout.errors).toBeUndefined();
    secrets.push(account, participant.token, participant.user.email);

    const failed = await whileBroken(
      "ALTER TABLE users ADD CONSTRAINT refuse_new_users CHECK (false) NOT VALID",
      "ALTER TABLE users DROP CONSTRAINT refuse_new_users",
      () =>
        server.request(REGISTER, {
          input: {
            email: "busy-unlucky@example.com",
            password: PASSWORD,
            firstName: "Una",
            lastName: "Lucky",
          },
        }),
    );
    expect(errorCode(failed)).toBe("INTERNAL_SERVER_ERROR");
    secrets.push("busy-unlucky@example.com");

    const messages = await queuedMessages();
    expect(messages.length).toBeGreaterThanOrEqual(2); // the reset and the registrant's verification
    for (const message of messages)
      secrets.push(message.body, message.recipient, ...(message.code ? [message.code] : []));
    await deliverAll(createTransport(server.config, captured.log));

    const log = captured.text();
    expect(log).toContain("unexpected error");
    expect(log).toContain("message not sent");
    for (const secret of secrets) expect(log, `the log holds ${secret}`).not.toContain(secret);
  });
});

/** A failure outside GraphQL's own errors: HTTP 500, JSON INTERNAL_SERVER_ERROR with the request id, logged under it. */
async function expectAnsweredAsUnexpected(response: Response) {
  expect(response.status).toBe(500);
  const requestId = response.headers.get("x-request-id");
  expect(await response.json()).toEqual({
    errors: [{ message: expect.stringMatching(/request id/), extensions: { code: "INTERNAL_SERVER_ERROR" } }],
    extensions: { requestId },
  });
  expect(captured.entries()).toContainEqual(
    expect.objectContaining({ level: "error", message: "unexpected error", requestId }),
  );
}
