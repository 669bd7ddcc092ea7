import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/*
 * Secrets kept in the database only encrypted: AES-256-GCM under a configured key, with additional data binding
 * the ciphertext to its row (so it cannot be moved to another one). Layout: version byte (1) ‖ 12-byte IV ‖
 * 16-byte tag ‖ ciphertext.
 */
const VERSION = 1;

export function seal(key: Buffer, boundTo: string, plaintext: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, boundTo: string, sealed: Buffer): string {
  if (sealed[0] !== VERSION) throw new Error("Unknown encryption version.");
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString("utf8");
}
