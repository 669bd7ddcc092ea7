import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { grants, roleAssignments, rolePermissions } from "../../db/schema/index.js";

/** Holding this role system-wide makes a user a Mural admin: every permission on everything. */
export const ADMIN_ROLE = "Mural Admin";

/** SQL that is true when the user id expression holds the admin role system-wide. */
export const isAdminSql = (userId: unknown) => sql`EXISTS (
  SELECT 1 FROM ${roleAssignments} ra
  WHERE ra.user_id = ${userId} AND ra.role_name = ${ADMIN_ROLE}
    AND num_nonnulls(ra.client_id, ra.contract_id, ra.trial_id, ra.site_id, ra.trial_site_id) = 0)`;

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

/** Matches rows of a resource-scoped table that apply to exactly this resource. */
function onResource(table: typeof rolePermissions, resource: ResourceRef) {
  return and(
    ...RESOURCE_COLUMNS.map((column) => {
      const id = (resource as Record<string, string | undefined>)[column];
      return id ? eq(table[column], id) : isNull(table[column]);
    }),
  );
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
  await tx
    .insert(roleAssignments)
    .values({ userId, roleName, assignedBy, ...resource })
    .onConflictDoNothing();
  const override = await tx
    .select({ permissionName: rolePermissions.permissionName })
    .from(rolePermissions)
    .where(and(eq(rolePermissions.roleName, roleName), onResource(rolePermissions, resource)));
  const template =
    override.length && Object.keys(resource).length
      ? override
      : await tx
          .select({ permissionName: rolePermissions.permissionName })
          .from(rolePermissions)
          .where(and(eq(rolePermissions.roleName, roleName), onResource(rolePermissions, {})));
  if (!template.length) return 0;
  const added = await tx
    .insert(grants)
    .values(
      template.map((p) => ({ userId, permissionName: p.permissionName, grantedBy: assignedBy, ...resource })),
    )
    .onConflictDoNothing()
    .returning({ id: grants.id });
  return added.length;
}
