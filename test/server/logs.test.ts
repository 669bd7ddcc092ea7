import { describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger.js";

/** A logger writing into memory, at debug, so every line the server writes is there to read. */
function captureLog() {
  const lines: string[] = [];
  return {
    log: createLogger("debug", { write: (line) => lines.push(line) }),
    text: () => lines.join(""),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

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
