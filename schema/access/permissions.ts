import { allow } from "graphql-shield";
import { ANY_RESOURCE } from "../core/resources.js";
import { holds, isAdmin, isAuthenticated, type Permissions } from "../core/rules.js";

/** Who may use each access field. Fields not listed here are closed (the shield's fallback is deny). */
export const accessPermissions = {
  Query: {
    permissions: isAuthenticated,
    roles: isAuthenticated,
    roleTemplate: isAuthenticated, // a resource's override: admins (checked where the argument is read)
    userGrants: isAuthenticated, // yourself, or admins (checked where the user is known)
    userSites: isAuthenticated,
    userTrials: isAuthenticated,
  },
  Mutation: {
    grantPermissions: holds("grant", ANY_RESOURCE, (a) => a.input.resourceId),
    revokePermissions: holds("grant", ANY_RESOURCE, (a) => a.input.resourceId),
    copyPermissions: isAuthenticated, // each copied grant needs grant + the permission on its resource
    assignRole: holds("assign_role", ANY_RESOURCE, (a) => a.input.resourceId),
    addRolePermissions: isAdmin,
  },
  PermissionInfo: allow,
  Role: allow,
  RolePermissions: allow,
  Grant: isAuthenticated, // reached only through userGrants, which checks whose grants they are
  RefusedPermission: allow,
} satisfies Permissions;
