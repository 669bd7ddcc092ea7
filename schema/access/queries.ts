import { asc, eq } from "drizzle-orm";
import { grants, permissions, roles, sites, trials } from "../../db/schema/index.js";
import { UserRef } from "../accounts/types.js";
import { Access, grantResource } from "../core/authorization.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { forbidden } from "../core/errors.js";
import { decodeResourceId, encodeGlobalId } from "../core/ids.js";
import { PERMISSIONS, type Permission } from "../core/permissions-list.js";
import { RESOURCE_NAMES } from "../core/resources.js";
import { isAdminUser, rolePermissionsOn } from "../core/roles.js";
import { SiteRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import { resourceRef } from "./grants.js";

export const PermissionNameEnum = builder.enumType("PermissionName", {
  description: "A permission, granted to a user on a resource (and everything below it).",
  values: Object.fromEntries(PERMISSIONS.map((p) => [p.toUpperCase(), { value: p }])) as Record<
    Uppercase<Permission>,
    { value: Permission }
  >,
});

export const ResourceTypeEnum = builder.enumType("ResourceType", {
  values: {
    CLIENT: { value: "client" },
    CONTRACT: { value: "contract" },
    TRIAL: { value: "trial" },
    SITE: { value: "site" },
    TRIAL_SITE: { value: "trialSite" },
  } as const,
});

const PermissionInfoRef = builder
  .objectRef<{ name: string; description: string }>("PermissionInfo")
  .implement({
    fields: (t) => ({
      name: t.field({ type: PermissionNameEnum, resolve: (p) => p.name as Permission }),
      description: t.exposeString("description"),
    }),
  });

const RoleRef = builder.objectRef<{ name: string; description: string }>("Role").implement({
  description: "A named permission template; assigning it on a resource grants its permissions there.",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description"),
  }),
});

const RolePermissionsRef = builder
  .objectRef<{ permissions: Permission[]; overridden: boolean }>("RolePermissions")
  .implement({
    fields: (t) => ({
      permissions: t.field({ type: [PermissionNameEnum], resolve: (r) => r.permissions }),
      overridden: t.exposeBoolean("overridden", {
        description: "True when the resource has its own template.",
      }),
    }),
  });

type GrantRow = typeof grants.$inferSelect;

const GrantRef = builder.objectRef<GrantRow>("Grant").implement({
  description: "A permission a user holds on a resource (and everything below it), or system-wide.",
  fields: (t) => ({
    permission: t.field({ type: PermissionNameEnum, resolve: (g) => g.permissionName as Permission }),
    resourceType: t.field({
      type: ResourceTypeEnum,
      nullable: true,
      resolve: (g) => grantResource(g)?.type ?? null,
    }),
    resourceId: t.id({
      nullable: true,
      description: "The resource's global id; null for a system-wide grant.",
      resolve: (g) => {
        const r = grantResource(g);
        return r ? encodeGlobalId(RESOURCE_NAMES[r.type], r.id) : null;
      },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

/** Whose grants/sites/trials a query reads: your own, or anyone's for admins. */
function ownOrAdmin(ctx: Context, userId: string) {
  if (ctx.viewer?.userId !== userId && !ctx.viewer?.isAdmin)
    throw forbidden("Only admins can read another user's access.");
}

/** The access decisions of another user, to list what their grants reach. */
async function accessOf(ctx: Context, userId: string) {
  return Access.forUser(ctx.db, { userId, isAdmin: await isAdminUser(ctx.db, userId) });
}

builder.queryFields((t) => ({
  permissions: t.field({
    type: [PermissionInfoRef],
    description: "Every permission in the system (not all are available to you).",
    resolve: (_root, _args, ctx) => ctx.db.select().from(permissions).orderBy(asc(permissions.name)),
  }),
  roles: t.field({
    type: [RoleRef],
    description: "Every role (permission template).",
    resolve: (_root, _args, ctx) => ctx.db.select().from(roles).orderBy(asc(roles.name)),
  }),
  roleTemplate: t.field({
    type: RolePermissionsRef,
    description:
      "A role's permissions: its default template, or with `resourceId` (admins) the template on that resource (its override, else the default).",
    args: { roleName: t.arg.string({ required: true }), resourceId: t.arg.id({ required: false }) },
    resolve: (_root, args, ctx) => {
      if (args.resourceId && !ctx.viewer?.isAdmin)
        throw forbidden("Only admins can read a resource's role templates.");
      const resource = args.resourceId ? decodeResourceId(args.resourceId, "resourceId") : null;
      return rolePermissionsOn(ctx.db, args.roleName, resourceRef(resource));
    },
  }),
  userGrants: t.field({
    type: [GrantRef],
    description: "A user's grants: your own, or anyone's for admins.",
    args: { userId: t.arg.globalID({ required: true, for: UserRef }) },
    resolve: (_root, args, ctx) => {
      ownOrAdmin(ctx, args.userId.id);
      return ctx.db
        .select()
        .from(grants)
        .where(eq(grants.userId, args.userId.id))
        .orderBy(asc(grants.permissionName));
    },
  }),
  userSites: t.field({
    type: [SiteRef],
    description: "The sites a user's permissions reach: your own, or anyone's for admins.",
    args: { userId: t.arg.globalID({ required: true, for: UserRef }) },
    resolve: async (_root, args, ctx) => {
      ownOrAdmin(ctx, args.userId.id);
      const visible = await (await accessOf(ctx, args.userId.id)).visibleSql("site");
      return ctx.db.select().from(sites).where(visible).orderBy(asc(sites.name));
    },
  }),
  userTrials: t.field({
    type: [TrialRef],
    description: "The trials a user's permissions reach: your own, or anyone's for admins.",
    args: { userId: t.arg.globalID({ required: true, for: UserRef }) },
    resolve: async (_root, args, ctx) => {
      ownOrAdmin(ctx, args.userId.id);
      const visible = await (await accessOf(ctx, args.userId.id)).visibleSql("trial");
      return ctx.db.select().from(trials).where(visible).orderBy(asc(trials.name));
    },
  }),
}));
