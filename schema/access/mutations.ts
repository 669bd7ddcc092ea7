import { UserRef } from "../accounts/types.js";
import { builder } from "../core/builder.js";
import { decodeResourceId } from "../core/ids.js";
import type { Permission } from "../core/permissions-list.js";
import * as access from "./grants.js";
import { PermissionNameEnum } from "./queries.js";

const RefusedPermissionRef = builder
  .objectRef<{ permission: Permission; reason: string }>("RefusedPermission")
  .implement({
    description: "A permission a grant or revoke did not change, and why.",
    fields: (t) => ({
      permission: t.field({
        type: PermissionNameEnum,
        description: "The permission refused.",
        resolve: (r) => r.permission,
      }),
      reason: t.exposeString("reason", {
        description: "Why, for a person: e.g. you do not hold it on that resource yourself.",
      }),
    }),
  });

const PermissionsChangePayload = builder
  .objectRef<access.GrantOutcome & { verb: string }>("PermissionsChangePayload")
  .implement({
    description: "What a grant or revoke did: the permissions changed, and those refused with why.",
    fields: (t) => ({
      done: t.field({
        type: [PermissionNameEnum],
        description:
          "The permissions granted (or revoked), including those the user already had (or lacked).",
        resolve: (o) => o.done,
      }),
      refused: t.field({
        type: [RefusedPermissionRef],
        description: "The permissions left unchanged, each with its reason.",
        resolve: (o) => o.refused,
      }),
      message: t.string({
        description: 'A summary for a person, e.g. "2 permissions granted, 1 refused".',
        resolve: (o) => `${o.done.length} permissions ${o.verb}, ${o.refused.length} refused`,
      }),
    }),
  });

const PermissionsChangeInput = builder.inputType("PermissionsChangeInput", {
  description: "Whose permissions change, on which resource, and which.",
  fields: (t) => ({
    userId: t.globalID({
      required: true,
      for: UserRef,
      description: "The user whose grants change: one you may see.",
    }),
    resourceId: t.id({
      required: true,
      description:
        "The global id of a client, contract, trial, site or trial site: the grant covers all below it.",
    }),
    permissions: t.field({
      type: [PermissionNameEnum],
      required: true,
      description: "The permissions to grant (or revoke).",
    }),
  }),
});

const CopyPermissionsInput = builder.inputType("CopyPermissionsInput", {
  description: "Whose grants to copy, and to whom.",
  fields: (t) => ({
    fromUserId: t.globalID({
      required: true,
      for: UserRef,
      description: "The user whose grants are copied.",
    }),
    toUserId: t.globalID({ required: true, for: UserRef, description: "The user who receives them." }),
  }),
});

const CopyPermissionsPayload = builder
  .objectRef<{ total: number; copyable: number; copied: number }>("CopyPermissionsPayload")
  .implement({
    description: "What copyPermissions did.",
    fields: (t) => ({
      copied: t.exposeInt("copied", {
        description: "Grants added (those the target already had are not counted).",
      }),
      refused: t.int({ description: "Grants you may not give.", resolve: (o) => o.total - o.copyable }),
      message: t.string({
        description: 'A summary for a person, e.g. "3 of 4 permissions copied successfully".',
        resolve: (o) => `${o.copyable} of ${o.total} permissions copied successfully`,
      }),
    }),
  });

const AssignRoleInput = builder.inputType("AssignRoleInput", {
  description: "Which role to give whom, on which resource.",
  fields: (t) => ({
    userId: t.globalID({
      required: true,
      for: UserRef,
      description: "The user who gets the role: one you may see.",
    }),
    roleName: t.string({
      required: true,
      description: "The role's name, as `roles` lists it, e.g. Site Coordinator.",
    }),
    resourceId: t.id({
      required: true,
      description: "The global id of the client, contract, trial, site or trial site the role applies to.",
    }),
  }),
});

const AssignRolePayload = builder.objectRef<{ added: number }>("AssignRolePayload").implement({
  description: "What assignRole did.",
  fields: (t) => ({
    permissionsAdded: t.exposeInt("added", {
      description: "How many grants were added (those the user already held are not counted).",
    }),
    message: t.string({
      description: "A summary for a person.",
      resolve: (o) => `added ${o.added} permissions; 0 errors`,
    }),
  }),
});

const RolePermissionsInput = builder.inputType("AddRolePermissionsInput", {
  description: "Permissions to add to a role's template on one resource.",
  fields: (t) => ({
    roleName: t.string({ required: true, description: "The role's name, as `roles` lists it." }),
    resourceId: t.id({
      required: true,
      description: "The global id of the client, contract, trial, site or trial site whose template changes.",
    }),
    permissions: t.field({
      type: [PermissionNameEnum],
      required: true,
      description: "The permissions to add.",
    }),
  }),
});

const AddRolePermissionsPayload = builder
  .objectRef<{ permissions: Permission[] }>("AddRolePermissionsPayload")
  .implement({
    description: "The role's template on the resource after the change.",
    fields: (t) => ({
      permissions: t.field({
        type: [PermissionNameEnum],
        description: "Every permission the role now grants on that resource.",
        resolve: (o) => o.permissions,
      }),
    }),
  });

const resourceOf = (input: { resourceId: string | number }) =>
  decodeResourceId(input.resourceId, "resourceId");

builder.mutationFields((t) => ({
  grantPermissions: t.field({
    type: PermissionsChangePayload,
    description:
      "Grants permissions on a resource. Needs grant there; only permissions you hold there yourself are granted, the others are refused with the reason.",
    args: { input: t.arg({ type: PermissionsChangeInput, required: true, description: "What to change." }) },
    resolve: async (_root, { input }, ctx) => {
      const change = { userId: input.userId.id, resource: resourceOf(input), permissions: input.permissions };
      const outcome = await access.grantPermissions(ctx, change);
      return { ...outcome, verb: "granted" };
    },
  }),
  revokePermissions: t.field({
    type: PermissionsChangePayload,
    description: "Revokes permissions granted on exactly this resource; the same rule as granting.",
    args: { input: t.arg({ type: PermissionsChangeInput, required: true, description: "What to change." }) },
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
    args: { input: t.arg({ type: CopyPermissionsInput, required: true, description: "What to change." }) },
    resolve: (_root, { input }, ctx) => access.copyPermissions(ctx, input.fromUserId.id, input.toUserId.id),
  }),
  assignRole: t.field({
    type: AssignRolePayload,
    description:
      "Assigns a role on a resource: grants its template there and shows the role on the user. Needs assign_role there and every permission the role grants.",
    args: { input: t.arg({ type: AssignRoleInput, required: true, description: "What to change." }) },
    resolve: async (_root, { input }, ctx) => {
      const assignment = { userId: input.userId.id, roleName: input.roleName, resource: resourceOf(input) };
      return { added: await access.assignRoleOn(ctx, assignment) };
    },
  }),
  addRolePermissions: t.field({
    type: AddRolePermissionsPayload,
    description:
      "Admins: adds permissions to a role's template on one resource (overriding its default there).",
    args: { input: t.arg({ type: RolePermissionsInput, required: true, description: "What to change." }) },
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
