import type { Database } from "../../db/connection.js";
import type { Actor } from "./audit.js";
import { actorOf, type Context } from "./context.js";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Runs a request's `work` in one transaction, handing it the transaction and the request's audit identity
 * (actorOf). It is the one way a request opens a transaction: a resolver calls it around the business rule it
 * runs; a rule that must also work outside its transaction (accounts: hashing a password, counting a login attempt
 * first; access: checking permissions before writing) takes the context and calls it itself.
 *
 * Jobs and start-up have no request: they open `db.transaction` themselves, and graphile-worker retries a failed
 * job whole.
 *
 * Keep `work` safe to run again: it writes only through `tx` (jobs and e-mail are queued in it) and leaves what
 * reaches outside the database to its caller, after commit.
 */
export function inTransaction<T>(
  ctx: Context,
  work: (tx: Transaction, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = actorOf(ctx);
  // The one place for a retry of the whole transaction on a serialization failure (40001), a deadlock (40P01) or
  // a connection lost before anything committed.
  return ctx.db.transaction((tx) => work(tx, actor));
}
