import { randomUUID } from "node:crypto";
import { desc, eq, gt } from "drizzle-orm";
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { Database } from "../../db/connection.js";
import { oauthSigningKeys } from "../../db/schema/index.js";
import type { Config } from "../core/config.js";
import { seal, unseal } from "../core/sealing.js";

export const SIGNING_ALGORITHM = "ES256";

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  retiresAt: Date;
}

/*
 * Keys are immutable once written, so each process keeps what it has read: the key it signs with (until it
 * retires) and public keys by kid. Whether a token is still good is read from the database on every request
 * (tokens.ts), never from here.
 */
let signing: SigningKey | null = null;
const publicKeys = new Map<string, Promise<CryptoKey | null>>();

/**
 * The key to sign with now: the newest one not yet retired, or a new one (every OAUTH_KEY_ROTATION_HOURS). Two
 * processes rotating at once each write one; both are published and verify.
 */
export async function currentSigningKey(db: Database, config: Config): Promise<SigningKey> {
  const now = new Date();
  if (signing && signing.retiresAt > now) return signing;
  const [stored] = await db
    .select()
    .from(oauthSigningKeys)
    .where(gt(oauthSigningKeys.retiresAt, now))
    .orderBy(desc(oauthSigningKeys.createdAt))
    .limit(1);
  if (stored) {
    const jwk = JSON.parse(unseal(config.oauthKeyEncryptionKey, stored.kid, stored.privateKeySealed)) as JWK;
    signing = {
      kid: stored.kid,
      privateKey: (await importJWK(jwk, SIGNING_ALGORITHM)) as CryptoKey,
      retiresAt: stored.retiresAt,
    };
    return signing;
  }
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const kid = randomUUID();
  const retiresAt = new Date(now.getTime() + config.oauthKeyRotationMs);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALGORITHM, use: "sig" };
  await db.insert(oauthSigningKeys).values({
    kid,
    publicJwk,
    privateKeySealed: seal(config.oauthKeyEncryptionKey, kid, JSON.stringify(await exportJWK(privateKey))),
    retiresAt,
    // Published while the last token it signs may still be presented.
    expiresAt: new Date(retiresAt.getTime() + config.oauthTokenMs),
  });
  signing = { kid, privateKey, retiresAt };
  return signing;
}

/** The public key of `kid` (any process's), or null when there is none. */
export function publicKey(db: Database, kid: string): Promise<CryptoKey | null> {
  let key = publicKeys.get(kid);
  if (!key) {
    key = (async () => {
      const [stored] = await db
        .select({ publicJwk: oauthSigningKeys.publicJwk })
        .from(oauthSigningKeys)
        .where(eq(oauthSigningKeys.kid, kid));
      return stored ? ((await importJWK(stored.publicJwk as JWK, SIGNING_ALGORITHM)) as CryptoKey) : null;
    })();
    // An unknown kid is not remembered: a key another process has just written may be asked for again.
    key.then(
      (found) => found ?? publicKeys.delete(kid),
      () => publicKeys.delete(kid),
    );
    publicKeys.set(kid, key);
  }
  return key;
}

/** The JSON Web Key Set of every key whose tokens may still be presented (/.well-known/jwks.json). */
export async function publishedKeys(db: Database): Promise<{ keys: Record<string, unknown>[] }> {
  const rows = await db
    .select({ publicJwk: oauthSigningKeys.publicJwk })
    .from(oauthSigningKeys)
    .where(gt(oauthSigningKeys.expiresAt, new Date()))
    .orderBy(desc(oauthSigningKeys.createdAt));
  return { keys: rows.map((row) => row.publicJwk) };
}
