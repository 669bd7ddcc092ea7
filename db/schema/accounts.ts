import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export { bytea };

export const addresses = pgTable("addresses", {
  id: id(),
  street1: text().notNull(),
  street2: text(),
  city: text().notNull(),
  state: text().notNull(),
  postCode: text().notNull(),
  country: text().notNull().default("US"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Who a user is to the system; what they may do comes from grants (access). */
export const userType = pgEnum("user_type", ["staff", "participant", "caregiver"]);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull(),
    passwordHash: text(), // null until an invited participant or caregiver sets one
    firstName: text().notNull(),
    lastName: text().notNull(),
    phone: text(),
    addressId: text().references(() => addresses.id, { onDelete: "set null" }),
    userType: userType().notNull().default("staff"),
    emailVerified: boolean().notNull().default(false),
    smsVerified: boolean().notNull().default(false),
    emailEnabled: boolean().notNull().default(true),
    smsEnabled: boolean().notNull().default(true),
    pushEnabled: boolean().notNull().default(true),
    invalidAttempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    // Counts changes to the user's grants (a trigger on grants, migration 0016): a session's check compares it
    // instead of reading every grant (schema/accounts/sessions.ts).
    grantsVersion: bigint({ mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    check("users_email_shape", sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'`),
    check("users_invalid_attempts_nonnegative", sql`${t.invalidAttempts} >= 0`),
  ],
);

/** Opaque bearer sessions: only the SHA-256 of the token is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    tokenHash: bytea().notNull().unique(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Set while an admin acts as another user (switch user); `userId` stays the admin. */
    actingAsUserId: text().references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const userTokenPurpose = pgEnum("user_token_purpose", ["verification", "password_reset"]);

/** Single-use, expiring tokens sent by e-mail; only their hash is stored. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: id(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: userTokenPurpose().notNull(),
    tokenHash: bytea().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("user_tokens_user_idx").on(t.userId, t.purpose)],
);
