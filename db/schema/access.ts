import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { createdAt, id } from "./columns.js";
import { clients, contracts, sites } from "./organizations.js";
import { trialSites, trials } from "./trials.js";

/** The spec's permission names; rows are reference data written by a migration. */
export const permissions = pgTable("permissions", {
  name: text().primaryKey(),
  description: text().notNull(),
});

/** Named permission templates (Site Coordinator, Approver, …); rows are reference data. */
export const roles = pgTable("roles", {
  name: text().primaryKey(),
  description: text().notNull(),
});

/**
 * The resource a grant, role assignment or template override applies to: at most one of these is set, and none
 * means system-wide. Real foreign keys, so a grant disappears with its resource.
 */
const resourceColumns = () => ({
  clientId: text().references(() => clients.id, { onDelete: "cascade" }),
  contractId: text().references(() => contracts.id, { onDelete: "cascade" }),
  trialId: text().references(() => trials.id, { onDelete: "cascade" }),
  siteId: text().references(() => sites.id, { onDelete: "cascade" }),
  trialSiteId: text().references(() => trialSites.id, { onDelete: "cascade" }),
});
type ResourceColumns = ReturnType<typeof resourceColumns>;
const atMostOneResource = (name: string, t: { [K in keyof ResourceColumns]: unknown }) =>
  check(
    name,
    sql`num_nonnulls(${t.clientId}, ${t.contractId}, ${t.trialId}, ${t.siteId}, ${t.trialSiteId}) <= 1`,
  );

/** A role's permissions: the default template (no resource) or its override on one resource. */
export const rolePermissions = pgTable(
  "role_permissions",
  {
    id: id(),
    roleName: text()
      .notNull()
      .references(() => roles.name, { onDelete: "cascade" }),
    permissionName: text()
      .notNull()
      .references(() => permissions.name, { onDelete: "cascade" }),
    ...resourceColumns(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("role_permissions_key")
      .on(t.roleName, t.permissionName, t.clientId, t.contractId, t.trialId, t.siteId, t.trialSiteId)
      .nullsNotDistinct(),
    atMostOneResource("role_permissions_one_resource", t),
  ],
);

/** A permission held by a user on a resource and everything below it (or system-wide). */
export const grants = pgTable(
  "grants",
  {
    id: id(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    permissionName: text()
      .notNull()
      .references(() => permissions.name, { onDelete: "cascade" }),
    ...resourceColumns(),
    grantedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("grants_key")
      .on(t.userId, t.permissionName, t.clientId, t.contractId, t.trialId, t.siteId, t.trialSiteId)
      .nullsNotDistinct(),
    atMostOneResource("grants_one_resource", t),
    index("grants_user_idx").on(t.userId),
  ],
);

/**
 * One row counting the changes to what lies above grants: trial sites, trials, contracts, sites and clients as
 * their ids and parents tie them together (triggers count them, migration 0018). A planned read kept for a staff
 * member checks the count instead of reading again the ancestry of everything they hold (schema/core/resources.ts).
 */
export const ancestryVersion = pgTable(
  "ancestry_version",
  {
    one: boolean().primaryKey().default(true),
    version: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [check("ancestry_version_one_row", sql`${t.one}`)],
);

/** A role a user holds on a resource (shown on the user); its permissions are granted when it is assigned. */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: id(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleName: text()
      .notNull()
      .references(() => roles.name, { onDelete: "cascade" }),
    ...resourceColumns(),
    assignedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("role_assignments_key")
      .on(t.userId, t.roleName, t.clientId, t.contractId, t.trialId, t.siteId, t.trialSiteId)
      .nullsNotDistinct(),
    atMostOneResource("role_assignments_one_resource", t),
    index("role_assignments_user_idx").on(t.userId),
  ],
);
