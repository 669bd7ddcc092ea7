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

/** Random bytes for this many ids, drawn at once: one call to the system's generator serves them all. */
const IDS_PER_DRAW = 256;
let drawn = Buffer.alloc(0);
let used = 0;

/**
 * Time-sortable 27-character identifiers (KSUIDs), the same shape as the spec's uids. Each takes 16 bytes of its own
 * from the cryptographic generator (never shared with another id), drawn for IDS_PER_DRAW ids at a time: a call
 * to the generator costs far more than the bytes, and every insert of a row makes an id.
 */
export function newId(): string {
  if (used === drawn.length) {
    drawn = randomBytes(20 * IDS_PER_DRAW);
    used = 0;
  }
  const bytes = drawn.subarray(used, used + 20);
  used += 20;
  bytes.writeUInt32BE(Math.floor((Date.now() - EPOCH_MS) / 1000), 0);
  return encodeId(bytes);
}
