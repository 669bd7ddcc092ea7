import { and, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "../../db/connection.js";
import { type AuditChanges, grants, rolePermissions } from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import { type Access, grantResource } from "../core/authorization.js";
import type { Context } from "../core/context.js";
import { forbidden, notFound } from "../core/errors.js";
import { seesUser } from "../core/participant-access.js";
import type { Permission } from "../core/permissions-list.js";
import { GRANT_COLUMN, loadAncestry, RESOURCE_NAMES, type ResourceKey } from "../core/resources.js";
import { assignRole, onResource, type ResourceRef, rolePermissionsOn } from "../core/roles.js";
import { inTransaction } from "../core/transaction.js";

/*
 * These rules take the request's context and open their transaction themselves: the permission checks come first,
 * through ctx.access on the pool, so no transaction holds a connection while they wait for another.
 */

/** The grant-table columns naming a resource: `{ trialId: "…" }`, or `{}` for system-wide. */
export function resourceRef(resource: ResourceKey | null): ResourceRef {
  return resource ? ({ [GRANT_COLUMN[resource.type]]: resource.id } as ResourceRef) : {};
}

/**
 * Access is given to, taken from and copied from only users the caller sees (seesUser): another one answers
 * NOT_FOUND exactly as an id naming no user, so the answer tells nothing of other clients' people.
 */
async function requireSeenUser(access: Access, userId: string) {
  if (!(await seesUser(access, userId))) throw notFound("User");
}

async function requireResource(db: Database, resource: ResourceKey) {
  const found = await loadAncestry(db, resource.type, [resource.id]);
  if (!found.size) throw notFound(RESOURCE_NAMES[resource.type]);
}

export interface GrantOutcome {
  done: Permission[];
  refused: { permission: Permission; reason: string }[];
}

type GrantChange = { userId: string; resource: ResourceKey; permissions: Permission[] };

/**
 * Grants permissions on a resource. The caller holds `grant` there (the shield rule checks it); each permission
 * they do not hold themselves there is refused with a reason, the others are granted (already held ones count).
 */
export function grantPermissions(ctx: Context, change: GrantChange): Promise<GrantOutcome> {
  return changeGrants(ctx, change, "grant", async (tx, actor, permissions) => {
    const added = await tx
      .insert(grants)
      .values(
        permissions.map((permissionName) => ({
          userId: change.userId,
          permissionName,
          grantedBy: actor.realUserId,
          ...resourceRef(change.resource),
        })),
      )
      .onConflictDoNothing()
      .returning({ permissionName: grants.permissionName });
    return { from: null, to: added.map((a) => a.permissionName) };
  });
}

/** Revokes permissions granted on exactly this resource, under the same rule as granting. */
export function revokePermissions(ctx: Context, change: GrantChange): Promise<GrantOutcome> {
  return changeGrants(ctx, change, "revoke", async (tx, _actor, permissions) => {
    const removed = await tx
      .delete(grants)
      .where(
        and(
          eq(grants.userId, change.userId),
          inArray(grants.permissionName, permissions),
          onResource(grants, resourceRef(change.resource)),
        ),
      )
      .returning({ permissionName: grants.permissionName });
    return { from: removed.map((r) => r.permissionName), to: null };
  });
}

/**
 * Grant and revoke alike: to a user the caller sees, only the permissions the caller holds there, written with
 * their audit entry (the user's grants there, from → to) in one transaction.
 */
async function changeGrants(
  ctx: Context,
  change: GrantChange,
  action: "grant" | "revoke",
  write: (tx: Executor, actor: Actor, permissions: Permission[]) => Promise<AuditChanges[string]>,
): Promise<GrantOutcome> {
  await requireSeenUser(ctx.access, change.userId);
  const outcome = await splitByHeld(ctx.access, change.resource, change.permissions);
  if (outcome.done.length) {
    await inTransaction(ctx, async (tx, actor) => {
      const changed = await write(tx, actor, outcome.done);
      await recordAudit(tx, actor, {
        action,
        resourceType: change.resource.type,
        resourceId: change.resource.id,
        changes: { [`grants of ${change.userId}`]: changed },
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
 * that resource). The target's existing grants stay. Only grants on resources where the caller holds grant are
 * theirs to read: the others are neither copied nor counted (`total`), so the answer tells nothing of them.
 */
export async function copyPermissions(ctx: Context, fromUserId: string, toUserId: string) {
  const { access } = ctx;
  await requireSeenUser(access, fromUserId);
  await requireSeenUser(access, toUserId);
  const source = await ctx.db.select().from(grants).where(eq(grants.userId, fromUserId));
  const readable: typeof source = [];
  const copyable: typeof source = [];
  for (const grant of source) {
    const resource = grantResource(grant);
    if (!(resource ? await access.holds("grant", resource) : access.isAdmin)) continue;
    readable.push(grant);
    if (!resource || (await access.holds(grant.permissionName as Permission, resource))) copyable.push(grant);
  }
  let copied = 0;
  if (copyable.length) {
    await inTransaction(ctx, async (tx, actor) => {
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
  return { total: readable.length, copyable: copyable.length, copied };
}

/**
 * Overrides a role's template on a resource by adding permissions: the override starts as the default template
 * the first time, so it only ever adds.
 */
export async function addRolePermissions(
  ctx: Context,
  change: { roleName: string; resource: ResourceKey; permissions: Permission[] },
) {
  await requireResource(ctx.db, change.resource);
  return inTransaction(ctx, async (tx, actor) => {
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
  ctx: Context,
  assignment: { userId: string; roleName: string; resource: ResourceKey },
) {
  await requireSeenUser(ctx.access, assignment.userId);
  const { permissions } = await rolePermissionsOn(
    ctx.db,
    assignment.roleName,
    resourceRef(assignment.resource),
  );
  const missing: Permission[] = [];
  for (const permission of permissions) {
    if (!(await ctx.access.holds(permission, assignment.resource))) missing.push(permission);
  }
  if (missing.length)
    throw forbidden(`You cannot assign ${assignment.roleName} here without holding: ${missing.join(", ")}.`);
  return inTransaction(ctx, async (tx, actor) => {
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
