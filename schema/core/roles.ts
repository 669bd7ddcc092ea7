import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { grants, roleAssignments, rolePermissions, roles } from "../../db/schema/index.js";
import { badInput } from "./errors.js";
import type { Permission } from "./permissions-list.js";

/** Holding this role system-wide makes a user a Mural admin: every permission on everything. */
export const ADMIN_ROLE = "Mural Admin";

/** SQL that is true when the user id expression holds the admin role system-wide. */
export const isAdminSql = (userId: unknown) => sql`EXISTS (
  SELECT 1 FROM ${roleAssignments} ra
  WHERE ra.user_id = ${userId} AND ra.role_name = ${ADMIN_ROLE}
    AND num_nonnulls(ra.client_id, ra.contract_id, ra.trial_id, ra.site_id, ra.trial_site_id) = 0)`;

export async function isAdminUser(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db.execute<{ admin: boolean }>(sql`SELECT ${isAdminSql(userId)} AS admin`);
  return row?.admin ?? false;
}

/** Names of the roles a user holds anywhere, for the viewer's profile. */
export const roleNamesSql = (userId: unknown) =>
  sql`ARRAY(SELECT DISTINCT ra.role_name FROM ${roleAssignments} ra WHERE ra.user_id = ${userId} ORDER BY 1)`;

/** The resource a grant or role applies to: one of these ids, or none for system-wide. */
export type ResourceRef =
  | { clientId: string }
  | { contractId: string }
  | { trialId: string }
  | { siteId: string }
  | { trialSiteId: string }
  | Record<string, never>;

const RESOURCE_COLUMNS = ["clientId", "contractId", "trialId", "siteId", "trialSiteId"] as const;

/** Matches rows of a resource-scoped table (grants, role templates, role assignments) on exactly this resource. */
export function onResource(
  table: typeof grants | typeof rolePermissions | typeof roleAssignments,
  resource: ResourceRef,
) {
  return and(
    ...RESOURCE_COLUMNS.map((column) => {
      const id = (resource as Record<string, string | undefined>)[column];
      return id ? eq(table[column], id) : isNull(table[column]);
    }),
  );
}

/** A role's permissions on a resource: its override there if it has one, else its default template. */
export async function rolePermissionsOn(db: Executor, roleName: string, resource: ResourceRef) {
  const role = await db.query.roles.findFirst({ where: eq(roles.name, roleName) });
  if (!role) throw badInput([{ field: "roleName", message: "invalid role name" }]);
  const read = (on: ResourceRef) =>
    db
      .select({ name: rolePermissions.permissionName })
      .from(rolePermissions)
      .where(and(eq(rolePermissions.roleName, roleName), onResource(rolePermissions, on)))
      .orderBy(rolePermissions.permissionName);
  const override = Object.keys(resource).length ? await read(resource) : [];
  const permissions = override.length ? override : await read({});
  return { permissions: permissions.map((p) => p.name as Permission), overridden: override.length > 0 };
}

/**
 * Assigns a role on a resource (or system-wide) and grants its permissions there: the template overridden for
 * that resource if it has one, else the role's default template. Returns how many grants were added.
 */
export async function assignRole(
  tx: Executor,
  assignment: { userId: string; roleName: string; resource: ResourceRef; assignedBy: string | null },
) {
  const { userId, roleName, resource, assignedBy } = assignment;
  const { permissions } = await rolePermissionsOn(tx, roleName, resource);
  await tx
    .insert(roleAssignments)
    .values({ userId, roleName, assignedBy, ...resource })
    .onConflictDoNothing();
  if (!permissions.length) return 0;
  const added = await tx
    .insert(grants)
    .values(
      permissions.map((permissionName) => ({ userId, permissionName, grantedBy: assignedBy, ...resource })),
    )
    .onConflictDoNothing()
    .returning({ id: grants.id });
  return added.length;
}
