import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "../../db/connection.js";
import type { Actor } from "./audit.js";
import { actorOf, type Context } from "./context.js";
import { outcomeUnknown, transientFailure, tryAgain } from "./errors.js";
import { once } from "./idempotency.js";

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
 * A transaction that fails for a passing reason is run once more before answering: PostgreSQL rolled it back to
 * settle a clash with another (a serialization failure or a deadlock), or the connection was lost before COMMIT was
 * sent. A second failure answers TRY_AGAIN. A connection lost during COMMIT leaves the change in doubt: running it
 * again could make it twice, so it answers OUTCOME_UNKNOWN — unless the request is a money mutation under an
 * Idempotency-Key (ctx.idempotentCall), whose key is claimed in this transaction: the retry then finds it committed
 * (and replays its answer) or not (and runs the work), never both. Keep `work` safe to run again: it writes only
 * through `tx` (jobs and e-mail are queued in it) and leaves what reaches outside the database to its caller, after
 * commit.
 */
export async function inTransaction<T>(
  ctx: Context,
  work: (tx: Transaction, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = actorOf(ctx);
  const call = ctx.idempotentCall;
  const run = (tx: Transaction) => (call ? once(tx, call, () => work(tx, actor)) : work(tx, actor));
  for (let attempt = 1; ; attempt++) {
    let committing = false;
    let failed = () => {};
    const failure = new Promise<void>((resolve) => {
      failed = resolve;
    });
    try {
      return await ctx.db.transaction(async (tx) => {
        const result = await run(tx).catch((error) => unlessConnectionLost<T>(error, failure));
        committing = true;
        return result;
      });
    } catch (error) {
      failed();
      const reason = transientFailure(error);
      if (!reason) throw error;
      if (reason === "connection lost" && committing && !call) throw outcomeUnknown();
      if (attempt === 2) throw tryAgain();
      // A moment's pause, jittered, lets the clash that rolled it back (the other side of a deadlock) finish first.
      await sleep(20 + Math.random() * 80);
    }
  }
}

/**
 * postgres.js 3.4.9 answers work that failed with ROLLBACK even on a connection that is gone, and writing to its
 * closed socket throws outside any promise, ending the process (porsager/postgres#1154, #1208). So when work failed
 * because a connection was lost and the transaction failed with it (postgres.js rejects a transaction whose
 * connection closes), the work never settles: nothing is written to the dead connection, where PostgreSQL has
 * rolled back already. A lost connection that was not the transaction's (work may also read through ctx) leaves
 * the transaction standing: after a moment the error goes on, and the transaction is rolled back as usual.
 */
async function unlessConnectionLost<T>(error: unknown, transactionFailed: Promise<void>): Promise<T> {
  if (transientFailure(error) === "connection lost") {
    const gone = await Promise.race([transactionFailed.then(() => true), sleep(1000, false, { ref: false })]);
    if (gone) return new Promise<T>(() => {});
  }
  throw error;
}
