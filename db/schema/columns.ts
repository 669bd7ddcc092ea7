import { sql } from "drizzle-orm";
import { bigint, char, check, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../ids.js";

export const id = () =>
  text()
    .primaryKey()
    .$defaultFn(() => newId());

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** Money is an integer count of the currency's minor units, never a float. */
export const amountMinor = () => bigint({ mode: "bigint" }).notNull();
export const currency = () => char({ length: 3 }).notNull();
export const currencyCheck = (name: string, column: unknown) => check(name, sql`${column} ~ '^[A-Z]{3}$'`);
