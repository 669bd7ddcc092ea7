import { UserRef } from "../accounts/types.js";
import { builder } from "../core/builder.js";
import { decodeResourceId } from "../core/ids.js";
import type { Permission } from "../core/permissions-list.js";
import * as access from "./grants.js";
import { PermissionNameEnum } from "./queries.js";

const RefusedPermissionRef = builder
  .objectRef<{ permission: Permission; reason: string }>("RefusedPermission")
  .implement({
    fields: (t) => ({
      permission: t.field({ type: PermissionNameEnum, resolve: (r) => r.permission }),
      reason: t.exposeString("reason"),
    }),
  });

const PermissionsChangePayload = builder
  .objectRef<access.GrantOutcome & { verb: string }>("PermissionsChangePayload")
  .implement({
    description: "What a grant or revoke did: the permissions changed, and those refused with why.",
    fields: (t) => ({
      done: t.field({ type: [PermissionNameEnum], resolve: (o) => o.done }),
      refused: t.field({ type: [RefusedPermissionRef], resolve: (o) => o.refused }),
      message: t.string({
        resolve: (o) => `${o.done.length} permissions ${o.verb}, ${o.refused.length} refused`,
      }),
    }),
  });

const PermissionsChangeInput = builder.inputType("PermissionsChangeInput", {
  fields: (t) => ({
    userId: t.globalID({ required: true, for: UserRef }),
    resourceId: t.id({ required: true, description: "A client, contract, trial, site or trial site." }),
    permissions: t.field({ type: [PermissionNameEnum], required: true }),
  }),
});

const CopyPermissionsInput = builder.inputType("CopyPermissionsInput", {
  fields: (t) => ({
    fromUserId: t.globalID({ required: true, for: UserRef }),
    toUserId: t.globalID({ required: true, for: UserRef }),
  }),
});

const CopyPermissionsPayload = builder
  .objectRef<{ total: number; copyable: number; copied: number }>("CopyPermissionsPayload")
  .implement({
    fields: (t) => ({
      copied: t.exposeInt("copied", {
        description: "Grants added (those the target already had are not counted).",
      }),
      refused: t.int({ description: "Grants you may not give.", resolve: (o) => o.total - o.copyable }),
      message: t.string({ resolve: (o) => `${o.copyable} of ${o.total} permissions copied successfully` }),
    }),
  });

const AssignRoleInput = builder.inputType("AssignRoleInput", {
  fields: (t) => ({
    userId: t.globalID({ required: true, for: UserRef }),
    roleName: t.string({ required: true }),
    resourceId: t.id({ required: true }),
  }),
});

const AssignRolePayload = builder.objectRef<{ added: number }>("AssignRolePayload").implement({
  fields: (t) => ({
    permissionsAdded: t.exposeInt("added"),
    message: t.string({ resolve: (o) => `added ${o.added} permissions; 0 errors` }),
  }),
});

const RolePermissionsInput = builder.inputType("AddRolePermissionsInput", {
  fields: (t) => ({
    roleName: t.string({ required: true }),
    resourceId: t.id({ required: true }),
    permissions: t.field({ type: [PermissionNameEnum], required: true }),
  }),
});

const AddRolePermissionsPayload = builder
  .objectRef<{ permissions: Permission[] }>("AddRolePermissionsPayload")
  .implement({
    fields: (t) => ({ permissions: t.field({ type: [PermissionNameEnum], resolve: (o) => o.permissions }) }),
  });

const resourceOf = (input: { resourceId: string | number }) =>
  decodeResourceId(input.resourceId, "resourceId");

builder.mutationFields((t) => ({
  grantPermissions: t.field({
    type: PermissionsChangePayload,
    description:
      "Grants permissions on a resource. Needs grant there; only permissions you hold there yourself are granted, the others are refused with the reason.",
    args: { input: t.arg({ type: PermissionsChangeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const change = { userId: input.userId.id, resource: resourceOf(input), permissions: input.permissions };
      const outcome = await access.grantPermissions(ctx, change);
      return { ...outcome, verb: "granted" };
    },
  }),
  revokePermissions: t.field({
    type: PermissionsChangePayload,
    description: "Revokes permissions granted on exactly this resource; the same rule as granting.",
    args: { input: t.arg({ type: PermissionsChangeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const change = { userId: input.userId.id, resource: resourceOf(input), permissions: input.permissions };
      const outcome = await access.revokePermissions(ctx, change);
      return { ...outcome, verb: "revoked" };
    },
  }),
  copyPermissions: t.field({
    type: CopyPermissionsPayload,
    description:
      "Gives a user the grants another user has (those you may give: you hold grant and the permission there). Their existing grants stay.",
    args: { input: t.arg({ type: CopyPermissionsInput, required: true }) },
    resolve: (_root, { input }, ctx) => access.copyPermissions(ctx, input.fromUserId.id, input.toUserId.id),
  }),
  assignRole: t.field({
    type: AssignRolePayload,
    description:
      "Assigns a role on a resource: grants its template there and shows the role on the user. Needs assign_role there and every permission the role grants.",
    args: { input: t.arg({ type: AssignRoleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const assignment = { userId: input.userId.id, roleName: input.roleName, resource: resourceOf(input) };
      return { added: await access.assignRoleOn(ctx, assignment) };
    },
  }),
  addRolePermissions: t.field({
    type: AddRolePermissionsPayload,
    description:
      "Admins: adds permissions to a role's template on one resource (overriding its default there).",
    args: { input: t.arg({ type: RolePermissionsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const change = {
        roleName: input.roleName,
        resource: resourceOf(input),
        permissions: input.permissions,
      };
      return { permissions: await access.addRolePermissions(ctx, change) };
    },
  }),
}));
