import { allow } from "graphql-shield";
import {
  and,
  canSeeUser,
  isAdmin,
  isAuthenticated,
  isImpersonating,
  isRealAdmin,
  type Permissions,
  testingAidsEnabled,
} from "../core/rules.js";

/** Who may use each accounts field. Fields not listed here are closed (the shield's fallback is deny). */
export const accountsPermissions = {
  Query: {
    ping: allow,
    passwordRules: allow,
    viewer: allow,
    me: isAuthenticated,
    users: isAdmin,
    passwordResetTokens: and(testingAidsEnabled, isAdmin),
  },
  Mutation: {
    register: allow,
    login: allow,
    logout: isAuthenticated,
    keepalive: isAuthenticated,
    changePassword: allow, // needs a session or a verification token; checked by the rule itself
    verifyEmail: allow,
    requestPasswordReset: allow,
    resetPassword: allow,
    updateUser: isAuthenticated, // yourself, or anyone for admins (checked where the target is known)
    updateContactPreferences: isAuthenticated,
    changeUserPassword: isAdmin,
    issueVerificationToken: and(testingAidsEnabled, isAdmin),
    switchUser: isRealAdmin,
    switchBack: isImpersonating,
  },
  User: canSeeUser,
  Viewer: isAuthenticated,
  ContactPreferences: allow, // reached only through a User its rule already allowed
  Address: allow, // reached only through an object whose rule already allowed it
  PasswordResetToken: isAdmin,
} satisfies Permissions;
