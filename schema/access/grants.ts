import { and, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "../../db/connection.js";
import { grants, rolePermissions, users } from "../../db/schema/index.js";
import type { Actor } from "../core/audit.js";
import { recordAudit } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import { forbidden, notFound } from "../core/errors.js";
import type { Permission } from "../core/permissions-list.js";
import {
  GRANT_COLUMN,
  loadAncestry,
  RESOURCE_NAMES,
  RESOURCE_TYPES,
  type ResourceKey,
} from "../core/resources.js";
import { assignRole, onResource, type ResourceRef, rolePermissionsOn } from "../core/roles.js";

/** The grant-table columns naming a resource: `{ trialId: "…" }`, or `{}` for system-wide. */
export function resourceRef(resource: ResourceKey | null): ResourceRef {
  return resource ? ({ [GRANT_COLUMN[resource.type]]: resource.id } as ResourceRef) : {};
}

async function requireUser(db: Executor, userId: string) {
  const user = await db.query.users.findFirst({ where: eq(users.id, userId), columns: { id: true } });
  if (!user) throw notFound("User");
}

async function requireResource(db: Database, resource: ResourceKey) {
  const found = await loadAncestry(db, resource.type, [resource.id]);
  if (!found.size) throw notFound(RESOURCE_NAMES[resource.type]);
}

export interface GrantOutcome {
  done: Permission[];
  refused: { permission: Permission; reason: string }[];
}

/**
 * Grants permissions on a resource. The caller holds `grant` there (the shield rule checks it); each permission
 * they do not hold themselves there is refused with a reason, the others are granted (already held ones count).
 */
export async function grantPermissions(
  db: Database,
  access: Access,
  actor: Actor,
  change: { userId: string; resource: ResourceKey; permissions: Permission[] },
): Promise<GrantOutcome> {
  await requireUser(db, change.userId);
  const outcome = await splitByHeld(access, change.resource, change.permissions);
  if (outcome.done.length) {
    await db.transaction(async (tx) => {
      const added = await tx
        .insert(grants)
        .values(
          outcome.done.map((permissionName) => ({
            userId: change.userId,
            permissionName,
            grantedBy: actor.realUserId,
            ...resourceRef(change.resource),
          })),
        )
        .onConflictDoNothing()
        .returning({ permissionName: grants.permissionName });
      await recordAudit(tx, actor, {
        action: "grant",
        resourceType: change.resource.type,
        resourceId: change.resource.id,
        changes: { [`grants of ${change.userId}`]: { from: null, to: added.map((a) => a.permissionName) } },
      });
    });
  }
  return outcome;
}

/** Revokes permissions granted on exactly this resource, under the same rule as granting. */
export async function revokePermissions(
  db: Database,
  access: Access,
  actor: Actor,
  change: { userId: string; resource: ResourceKey; permissions: Permission[] },
): Promise<GrantOutcome> {
  await requireUser(db, change.userId);
  const outcome = await splitByHeld(access, change.resource, change.permissions);
  if (outcome.done.length) {
    await db.transaction(async (tx) => {
      const removed = await tx
        .delete(grants)
        .where(
          and(
            eq(grants.userId, change.userId),
            inArray(grants.permissionName, outcome.done),
            onResource(grants, resourceRef(change.resource)),
          ),
        )
        .returning({ permissionName: grants.permissionName });
      await recordAudit(tx, actor, {
        action: "revoke",
        resourceType: change.resource.type,
        resourceId: change.resource.id,
        changes: { [`grants of ${change.userId}`]: { from: removed.map((r) => r.permissionName), to: null } },
      });
    });
  }
  return outcome;
}

async function splitByHeld(
  access: Access,
  resource: ResourceKey,
  permissions: Permission[],
): Promise<GrantOutcome> {
  const outcome: GrantOutcome = { done: [], refused: [] };
  for (const permission of new Set(permissions)) {
    if (await access.holds(permission, resource)) outcome.done.push(permission);
    else outcome.refused.push({ permission, reason: `you do not hold ${permission} on this resource` });
  }
  return outcome;
}

/**
 * Gives `toUserId` every grant `fromUserId` has that the caller may give (holding grant and the permission on
 * that resource). The target's existing grants stay.
 */
export async function copyPermissions(
  db: Database,
  access: Access,
  actor: Actor,
  fromUserId: string,
  toUserId: string,
) {
  await requireUser(db, fromUserId);
  await requireUser(db, toUserId);
  const source = await db.select().from(grants).where(eq(grants.userId, fromUserId));
  const copyable: typeof source = [];
  for (const grant of source) {
    const type = RESOURCE_TYPES.find((t) => grant[GRANT_COLUMN[t]]);
    const resource = type ? { type, id: grant[GRANT_COLUMN[type]]! } : null;
    const allowed = resource
      ? (await access.holds("grant", resource)) &&
        (await access.holds(grant.permissionName as Permission, resource))
      : access.isAdmin;
    if (allowed) copyable.push(grant);
  }
  let copied = 0;
  if (copyable.length) {
    await db.transaction(async (tx) => {
      const added = await tx
        .insert(grants)
        .values(
          copyable.map(({ permissionName, clientId, contractId, trialId, siteId, trialSiteId }) => ({
            userId: toUserId,
            permissionName,
            clientId,
            contractId,
            trialId,
            siteId,
            trialSiteId,
            grantedBy: actor.realUserId,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: grants.id });
      copied = added.length;
      await recordAudit(tx, actor, {
        action: "copy_permissions",
        resourceType: "user",
        resourceId: toUserId,
        changes: { copiedFrom: { from: null, to: fromUserId }, grantsAdded: { from: 0, to: copied } },
      });
    });
  }
  return { total: source.length, copyable: copyable.length, copied };
}

/**
 * Overrides a role's template on a resource by adding permissions: the override starts as the default template
 * the first time, so it only ever adds.
 */
export async function addRolePermissions(
  db: Database,
  actor: Actor,
  change: { roleName: string; resource: ResourceKey; permissions: Permission[] },
) {
  await requireResource(db, change.resource);
  return db.transaction(async (tx) => {
    const current = await rolePermissionsOn(tx, change.roleName, resourceRef(change.resource));
    const wanted = [...new Set([...current.permissions, ...change.permissions])];
    await tx
      .insert(rolePermissions)
      .values(
        wanted.map((permissionName) => ({
          roleName: change.roleName,
          permissionName,
          ...resourceRef(change.resource),
        })),
      )
      .onConflictDoNothing();
    await recordAudit(tx, actor, {
      action: "add_role_permissions",
      resourceType: change.resource.type,
      resourceId: change.resource.id,
      changes: { [`role ${change.roleName}`]: { from: current.permissions, to: wanted.sort() } },
    });
    return wanted.sort() as Permission[];
  });
}

/**
 * Assigns a role on a resource. The caller holds assign_role there (the shield rule) and, so a role cannot hand
 * out more than they have, every permission the role would grant there.
 */
export async function assignRoleOn(
  db: Database,
  access: Access,
  actor: Actor,
  assignment: { userId: string; roleName: string; resource: ResourceKey },
) {
  await requireUser(db, assignment.userId);
  const { permissions } = await rolePermissionsOn(db, assignment.roleName, resourceRef(assignment.resource));
  const missing: Permission[] = [];
  for (const permission of permissions) {
    if (!(await access.holds(permission, assignment.resource))) missing.push(permission);
  }
  if (missing.length)
    throw forbidden(`You cannot assign ${assignment.roleName} here without holding: ${missing.join(", ")}.`);
  return db.transaction(async (tx) => {
    const added = await assignRole(tx, {
      userId: assignment.userId,
      roleName: assignment.roleName,
      resource: resourceRef(assignment.resource),
      assignedBy: actor.realUserId,
    });
    await recordAudit(tx, actor, {
      action: "assign_role",
      resourceType: assignment.resource.type,
      resourceId: assignment.resource.id,
      changes: { [`role of ${assignment.userId}`]: { from: null, to: assignment.roleName } },
    });
    return added;
  });
}
