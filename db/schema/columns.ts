import { sql } from "drizzle-orm";
import { bigint, char, check, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../ids.js";

export const id = () =>
  text()
    .primaryKey()
    .$defaultFn(() => newId());

// Millisecond precision, as JavaScript dates have: a timestamp read back compares equal to the stored one,
// which keyset pagination on (created_at, id) relies on.
export const createdAt = () => timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true, precision: 3 })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** Money is an integer count of the currency's minor units, never a float. */
export const amountMinor = () => bigint({ mode: "bigint" }).notNull();
export const currency = () => char({ length: 3 }).notNull();
export const currencyCheck = (name: string, column: unknown) => check(name, sql`${column} ~ '^[A-Z]{3}$'`);
