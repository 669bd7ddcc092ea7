import { hash, verify } from "@node-rs/argon2";
import { badInput } from "../core/errors.js";

const SPECIALS = "!@#$%^&*()-_=+[]{}|;:'\",.<>/?`~";

/** The spec's four password rules, each with the message shown when it is broken. */
export const PASSWORD_RULES: { message: string; holds: (password: string) => boolean }[] = [
  { message: "Password must be at least 8 characters long.", holds: (p) => [...p].length >= 8 },
  { message: "Password must contain at least one digit.", holds: (p) => /\d/.test(p) },
  {
    message: `Password must contain at least one special character: ${SPECIALS}`,
    holds: (p) => [...p].some((c) => SPECIALS.includes(c)),
  },
  {
    message: "Password must contain at least one letter (capital or lowercase.)",
    holds: (p) => /\p{L}/u.test(p),
  },
];

/** Throws BAD_USER_INPUT naming every rule the password breaks. */
export function assertPasswordAcceptable(password: string, field = "password") {
  const broken = PASSWORD_RULES.filter((rule) => !rule.holds(password));
  if (password.length > 256)
    broken.push({ message: "Password must be at most 256 characters long.", holds: () => false });
  if (broken.length) throw badInput(broken.map((rule) => ({ field, message: rule.message })));
}

// OWASP's argon2id baseline: 19 MiB of memory, 2 iterations, 1 lane. (The library's defaults are weaker.)
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

/** Checked against a throwaway hash when the account does not exist, so both answers take as long. */
const DECOY_HASH = hash("decoy-password-1!", OPTIONS);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await DECOY_HASH, password);
    return false;
  }
  return verify(passwordHash, password);
}
