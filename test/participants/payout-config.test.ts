import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../schema/core/config.js";
import { decryptAccountNumber, encryptAccountNumber } from "../../schema/participants/payout.js";

describe("PAYOUT_ENCRYPTION_KEY", () => {
  it("is required in production, and must be 32 bytes", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/PAYOUT_ENCRYPTION_KEY/);
    expect(() => loadConfig({ NODE_ENV: "production", PAYOUT_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(
      /32 bytes/,
    );
    const key = randomBytes(32).toString("base64");
    expect(
      loadConfig({ NODE_ENV: "production", PAYOUT_ENCRYPTION_KEY: key }).payoutEncryptionKey.length,
    ).toBe(32);
  });

  it("seals numbers with AES-256-GCM bound to their enrollment", () => {
    const key = randomBytes(32);
    const sealed = encryptAccountNumber(key, "enrollment-1", "987654321012");
    expect(sealed.toString("latin1")).not.toContain("987654321012");
    expect(decryptAccountNumber(key, "enrollment-1", sealed)).toBe("987654321012");
    expect(() => decryptAccountNumber(key, "enrollment-2", sealed)).toThrow();
  });
});
