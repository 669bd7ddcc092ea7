import type { Sql } from "postgres";

/** Told of every statement and transaction the app sends through a pool (for metrics and traces). */
export interface StatementObserver {
  /** A statement (its SQL text with `$n` placeholders, never its values) is sent; the result is called once it is answered. */
  statement: (text: string, inTransaction: boolean) => (error?: unknown) => void;
  /** A transaction takes a connection; the result is called once it has committed or rolled back. */
  transaction: () => () => void;
}

/**
 * The pool as drizzle uses it, with each statement and transaction reported to `observer` in the caller's async
 * context (postgres.js's `debug` hook runs where the connection happens to be, and sees no end). drizzle sends
 * every statement through `unsafe`, in a transaction through the client `begin` (and `savepoint`) hands it.
 */
export function observeStatements<T extends Sql>(
  sql: T,
  observer: StatementObserver,
  inTransaction = false,
): T {
  const unsafe = (...args: Parameters<Sql["unsafe"]>) => {
    const done = observer.statement(args[0], inTransaction);
    const query = sql.unsafe(...args);
    // Its own then starts nothing early: postgres.js sends a query a microtask after it is first awaited.
    query.then(
      () => done(),
      (error: unknown) => done(error),
    );
    return query;
  };
  const within =
    (open: (...args: unknown[]) => Promise<unknown>, ends: boolean) =>
    (...args: unknown[]) => {
      const fn = args.pop() as (tx: Sql) => unknown;
      const end = ends ? observer.transaction() : null;
      const settled = open(...args, (tx: Sql) => fn(observeStatements(tx, observer, true)));
      return end ? settled.finally(end) : settled;
    };
  const begin = within((...args) => (sql.begin as (...a: unknown[]) => Promise<unknown>)(...args), true);
  const savepoint = (sql as { savepoint?: (...a: unknown[]) => Promise<unknown> }).savepoint;
  const wrappedSavepoint = savepoint ? within((...args) => savepoint(...args), false) : undefined;
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") return unsafe;
      if (property === "begin") return begin;
      if (property === "savepoint" && wrappedSavepoint) return wrappedSavepoint;
      return Reflect.get(target, property, receiver);
    },
  });
}
