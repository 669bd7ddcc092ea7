import type { Sql } from "postgres";

/** Told of every statement and transaction the app sends through a pool (for metrics and traces). */
export interface StatementObserver {
  /** A statement (its SQL text with `$n` placeholders, never its values) is sent; the result is called once it is answered. */
  statement: (text: string, inTransaction: boolean) => (error?: unknown) => void;
  /** A transaction takes a connection; the result is called once it has committed or rolled back. */
  transaction: () => () => void;
}

/**
 * The pool as drizzle uses it. drizzle sends every statement through `unsafe` (in a transaction, through the client
 * `begin` and `savepoint` hand it), unnamed unless the query was prepared by name; postgres.js describes an unnamed
 * statement with parameters before running it, a round trip more each time. With `prepare`, every statement is
 * named instead: postgres.js describes it once per connection and then runs it in one round trip. With an
 * `observer`, each statement and transaction is reported to it in the caller's async context (postgres.js's `debug`
 * hook runs where the connection happens to be, and sees no end).
 */
export function drizzleClient<T extends Sql>(
  sql: T,
  options: { observer?: StatementObserver; prepare: boolean },
  inTransaction = false,
): T {
  const { observer, prepare } = options;
  const unsafe = (...[text, parameters, queryOptions]: Parameters<Sql["unsafe"]>) => {
    const done = observer?.statement(text, inTransaction);
    const query = sql.unsafe(text, parameters, prepare ? { ...queryOptions, prepare: true } : queryOptions);
    // Its own then starts nothing early: postgres.js sends a query a microtask after it is first awaited.
    if (done)
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
      const end = ends ? (observer?.transaction() ?? null) : null;
      const settled = open(...args, (tx: Sql) => fn(drizzleClient(tx, options, true)));
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
