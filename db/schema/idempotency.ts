import { index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt } from "./columns.js";

/**
 * Idempotency keys of money mutations (schema/core/idempotency.ts): the first answer to a user's operation under a
 * key, with a hash of its input. Claimed and answered in the mutation's own transaction, so a committed row always
 * has its answer and exists exactly when the mutation's change does. Keys expire after IDEMPOTENCY_KEY_HOURS.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    operation: text().notNull(),
    key: text().notNull(),
    /** SHA-256 of the mutation's arguments: the same key with other arguments is refused. */
    requestHash: text().notNull(),
    /** The mutation's result, as idempotency.ts encodes it; null only inside the claiming transaction. */
    answer: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.operation, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);
