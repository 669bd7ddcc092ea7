import { randomBytes } from "node:crypto";

/** The shape of every id newId makes (27 base62 characters), as a regular expression's source. */
export const ID_PATTERN = "[0-9A-Za-z]{27}";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** KSUID's epoch (2014-05-13T16:53:20Z), in ms. */
const EPOCH_MS = 14e11;

/**
 * A KSUID's 20 bytes (a 4-byte timestamp, 16 random bytes) as its 27 base62 characters, as the ksuid package writes
 * them: long division of the five 32-bit words by 62 (each step stays below 2^53), a twentieth of that package's
 * time, which every insert of an id pays.
 */
export function encodeId(bytes: Buffer): string {
  const words = [0, 4, 8, 12, 16].map((offset) => bytes.readUInt32BE(offset));
  const digits: string[] = new Array(27);
  for (let place = 26; place >= 0; place--) {
    let rest = 0;
    for (let i = 0; i < words.length; i++) {
      const dividend = rest * 0x1_0000_0000 + words[i]!;
      words[i] = Math.floor(dividend / 62);
      rest = dividend - words[i]! * 62;
    }
    digits[place] = BASE62[rest]!;
  }
  return digits.join("");
}

/** Time-sortable 27-character identifiers (KSUIDs), the same shape as the spec's uids. */
export function newId(): string {
  const bytes = randomBytes(20);
  bytes.writeUInt32BE(Math.floor((Date.now() - EPOCH_MS) / 1000), 0);
  return encodeId(bytes);
}
