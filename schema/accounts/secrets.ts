import { createHash, randomBytes } from "node:crypto";

/** A random bearer secret (session or e-mailed token) and the only form of it that is stored. */
export function newSecret(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashSecret(token) };
}

export const hashSecret = (token: string) => createHash("sha256").update(token).digest();
