import { type Database, sessionClient } from "../../db/connection.js";
import { transientFailure } from "../core/errors.js";

/*
 * Live messages across server processes. After a message's transaction commits, its id is sent with PostgreSQL
 * NOTIFY; every process LISTENs once (on its own connection, opened with the first subscriber) and hands each id
 * to its local subscribers, which decide for themselves whether their viewer may see it. Nothing is kept in
 * memory beyond the open subscriptions, so any number of processes can serve one database. Behind a transaction
 * pooler the LISTEN goes over DATABASE_DIRECT_URL (sessionClient): a pooled connection would be handed to other
 * transactions and its notifications lost; NOTIFY is one statement and goes through the pool.
 */

export const MESSAGE_CHANNEL = "mural_link_messages";

type Sql = Database["$client"];

/** One process's LISTEN connection and the subscribers fed from it. */
class MessageHub {
  private readonly subscribers = new Set<(messageId: string) => void>();
  private listening: Promise<{ unlisten: () => Promise<void> }> | null = null;
  private client: ReturnType<typeof sessionClient> | null = null;

  constructor(private readonly db: Database) {}

  /** Starts listening if it has not yet; resolves once LISTEN is in place, so nothing sent after it is missed. */
  async ready() {
    this.client ??= sessionClient(this.db);
    this.listening ??= this.client.sql.listen(MESSAGE_CHANNEL, (payload) => {
      for (const deliver of this.subscribers) deliver(payload);
    });
    try {
      await this.listening;
    } catch (error) {
      this.listening = null;
      throw error;
    }
  }

  add(deliver: (messageId: string) => void) {
    this.subscribers.add(deliver);
    return () => this.subscribers.delete(deliver);
  }

  /** Stops listening; a LISTEN whose connection is gone (the database stopping first) went with it. */
  async close() {
    const listening = this.listening;
    const client = this.client;
    this.listening = null;
    this.client = null;
    this.subscribers.clear();
    try {
      if (listening) await (await listening.catch(() => null))?.unlisten();
    } catch (error) {
      if (transientFailure(error) !== "connection lost") throw error;
    } finally {
      await client?.end();
    }
  }
}

const hubs = new WeakMap<Sql, MessageHub>();

function hubOf(db: Database): MessageHub {
  let hub = hubs.get(db.$client);
  if (!hub) {
    hub = new MessageHub(db);
    hubs.set(db.$client, hub);
  }
  return hub;
}

/** Tells every process that a message was sent. Call it after the message's transaction has committed. */
export async function publishMessage(db: Database, messageId: string) {
  await db.$client.notify(MESSAGE_CHANNEL, messageId);
}

/** Stops this process listening (on shutdown). */
export async function closeLiveMessages(db: Database) {
  await hubs.get(db.$client)?.close();
  hubs.delete(db.$client);
}

/**
 * The messages sent from now on, in order, as `accept` returns them: it sees each new message id and returns what
 * to deliver, or null to skip it (a message this subscriber may not see). Ending the iteration (return()) ends
 * the subscription at once, even while waiting.
 */
export async function liveMessages<T>(
  db: Database,
  accept: (messageId: string) => Promise<T | null>,
): Promise<AsyncIterableIterator<T>> {
  const hub = hubOf(db);
  await hub.ready();
  const queue: string[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const remove = hub.add((messageId) => {
    queue.push(messageId);
    wake?.();
  });
  const finish = (): IteratorResult<T> => {
    done = true;
    remove();
    queue.length = 0;
    wake?.();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      while (!done) {
        const messageId = queue.shift();
        if (messageId === undefined) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = null;
          continue;
        }
        let value: T | null;
        try {
          value = await accept(messageId);
        } catch (error) {
          finish();
          throw error;
        }
        if (value !== null && !done) return { done: false, value };
      }
      return { done: true, value: undefined };
    },
    async return() {
      return finish();
    },
    async throw(error?: unknown) {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
