import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { IMiddleware, IMiddlewareFunction } from "graphql-middleware";
import type { Executor } from "../../db/connection.js";
import { idempotencyKeys } from "../../db/schema/index.js";
import type { Context } from "./context.js";
import { badInput, conflict } from "./errors.js";

/*
 * Idempotency keys for the mutations that move money, as Stripe has them. A request holding one such mutation may
 * carry an `Idempotency-Key` header; the key is kept per user and operation for IDEMPOTENCY_KEY_HOURS, with a hash
 * of the mutation's arguments and its answer:
 * - the same key and arguments again answer the first answer, and write nothing;
 * - the same key with other arguments answers CONFLICT;
 * - of two at once, the second waits for the first to end (the key is claimed first thing in the mutation's own
 *   transaction, and PostgreSQL holds a second claim of it until the first commits or rolls back), then answers as
 *   above; the work never runs twice;
 * - an answer that is an error changed nothing and is not kept: the key may be sent again.
 * The claim, the change and the answer commit together: none of them exists without the others.
 */

/** A money mutation's claim on its key, for inTransaction to make in the mutation's transaction. */
export interface IdempotentCall {
  userId: string;
  operation: string;
  key: string;
  requestHash: string;
  lifetimeMs: number;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * graphql-middleware for the money mutations named: under an Idempotency-Key, each runs its resolver with the
 * context's `idempotentCall` set (for that resolver only), which inTransaction honours. It sits under the
 * permission rules, so a refused request claims nothing; server/limits.ts refuses a request holding two money
 * mutations under one key before either runs.
 */
export function idempotentMutations(operations: readonly string[]): IMiddleware<unknown, Context> {
  const claimKey: IMiddlewareFunction<unknown, Context> = (resolve, root, args, ctx, info) => {
    const key = ctx.idempotencyKey;
    if (key === null || !ctx.viewer) return resolve(root, args, ctx, info);
    if (!KEY.test(key))
      throw badInput([
        { field: "Idempotency-Key", message: "must be 1 to 255 visible ASCII characters (no spaces)." },
      ]);
    const idempotentCall: IdempotentCall = {
      userId: ctx.viewer.realUserId,
      operation: info.fieldName,
      key,
      requestHash: createHash("sha256").update(toJson(args)).digest("hex"),
      lifetimeMs: ctx.config.idempotencyKeyMs,
    };
    return resolve(root, args, { ...ctx, idempotentCall }, info);
  };
  return { Mutation: Object.fromEntries(operations.map((operation) => [operation, claimKey])) };
}

const expired = (lifetimeMs: number) =>
  lt(idempotencyKeys.createdAt, sql`now() - ${lifetimeMs}::float8 * interval '1 millisecond'`);

/**
 * Runs `work` at most once for the call's key: claims the key in `tx` (an expired claim is taken over), then
 * replays the first answer, or runs the work and keeps its answer in the same transaction.
 */
export async function once<T>(tx: Executor, call: IdempotentCall, work: () => Promise<T>): Promise<T> {
  const { userId, operation, key, requestHash } = call;
  const [claimed] = await tx
    .insert(idempotencyKeys)
    .values({ userId, operation, key, requestHash })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.operation, idempotencyKeys.key],
      set: { requestHash, answer: null, createdAt: sql`now()` },
      setWhere: expired(call.lifetimeMs),
    })
    .returning({ key: idempotencyKeys.key });
  const ofCall = and(
    eq(idempotencyKeys.userId, userId),
    eq(idempotencyKeys.operation, operation),
    eq(idempotencyKeys.key, key),
  );
  if (!claimed) {
    // Held by this transaction since the claim (ON CONFLICT locks the row), so it is still there.
    const [first] = await tx
      .select({
        requestHash: idempotencyKeys.requestHash,
        answer: sql<string>`${idempotencyKeys.answer}::text`,
      })
      .from(idempotencyKeys)
      .where(ofCall);
    if (first!.requestHash !== requestHash)
      throw conflict(
        `This Idempotency-Key was used for another ${operation} request. Use a new key for a new request.`,
      );
    return fromJson(first!.answer) as T;
  }
  const answer = await work();
  await tx
    .update(idempotencyKeys)
    .set({ answer: sql`${toJson(answer ?? null)}::jsonb` })
    .where(ofCall);
  return answer;
}

/** Forgets the keys past their lifetime (the expire_idempotency_keys job). */
export async function expireIdempotencyKeys(db: Executor, lifetimeMs: number) {
  await db.delete(idempotencyKeys).where(expired(lifetimeMs));
}

/** JSON that keeps what answers hold beyond JSON: amounts (bigint) and dates. */
function toJson(value: unknown): string {
  return JSON.stringify(value, function (name, encoded) {
    const raw = (this as Record<string, unknown>)[name];
    if (typeof raw === "bigint") return { $bigint: raw.toString() };
    if (raw instanceof Date) return { $date: raw.toISOString() };
    return encoded;
  });
}

function fromJson(text: string): unknown {
  return JSON.parse(text, (_name, value) => {
    if (value?.$bigint !== undefined) return BigInt(value.$bigint);
    if (value?.$date !== undefined) return new Date(value.$date);
    return value;
  });
}
