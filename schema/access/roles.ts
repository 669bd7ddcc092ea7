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

/**
 * Assigns a role system-wide and grants its default template's permissions. Returns how many grants were
 * added. (Assignment on a resource, with per-resource template overrides, belongs to the access issue.)
 */
export async function assignSystemRole(
  tx: Executor,
  userId: string,
  roleName: string,
  assignedBy: string | null,
) {
  await tx.insert(roleAssignments).values({ userId, roleName, assignedBy }).onConflictDoNothing();
  const template = await tx
    .select({ permissionName: rolePermissions.permissionName })
    .from(rolePermissions)
    .where(
      and(
        eq(rolePermissions.roleName, roleName),
        isNull(rolePermissions.clientId),
        isNull(rolePermissions.contractId),
        isNull(rolePermissions.trialId),
        isNull(rolePermissions.siteId),
        isNull(rolePermissions.trialSiteId),
      ),
    );
  if (!template.length) return 0;
  const added = await tx
    .insert(grants)
    .values(template.map((p) => ({ userId, permissionName: p.permissionName, grantedBy: assignedBy })))
    .onConflictDoNothing()
    .returning({ id: grants.id });
  return added.length;
}
