/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges { cursor node { id uid email firstName lastName createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id uid email emailVerified firstName lastName phone address { street1 street2 city state postCode country } }\n    }\n  }\n": typeof types.AdminUpdateUserDocument,
    "\n  mutation AdminUpdateContactPreferences($input: UpdateContactPreferencesInput!) {\n    updateContactPreferences(input: $input) { user { uid contactPreferences { email sms push } } }\n  }\n": typeof types.AdminUpdateContactPreferencesDocument,
    "\n  mutation AdminChangeUserPassword($input: ChangeUserPasswordInput!) { changeUserPassword(input: $input) { changed } }\n": typeof types.AdminChangeUserPasswordDocument,
    "\n  mutation AdminIssueVerificationToken($input: IssueVerificationTokenInput!) {\n    issueVerificationToken(input: $input) { token expiresAt }\n  }\n": typeof types.AdminIssueVerificationTokenDocument,
    "query AdminPasswordResetTokens { passwordResetTokens { email token } }": typeof types.AdminPasswordResetTokensDocument,
    "\n  mutation AdminVerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }\n": typeof types.AdminVerifyEmailDocument,
    "\n  mutation AdminSwitchUser($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } realUser { email } } }\n  }\n": typeof types.AdminSwitchUserDocument,
    "\n  mutation AdminSwitchUserAs($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } } }\n  }\n": typeof types.AdminSwitchUserAsDocument,
    "\n  mutation AdminSwitchBack { switchBack { viewer { impersonating isAdmin user { email } realUser { email } } } }\n": typeof types.AdminSwitchBackDocument,
    "query AdminMe { me { id uid email emailVerified } }": typeof types.AdminMeDocument,
    "query AdminUserNode($id: ID!) { node(id: $id) { id ... on User { email } } }": typeof types.AdminUserNodeDocument,
    "\n  query UsersWithDetails($first: Int!, $search: String) {\n    users(first: $first, search: $search) {\n      edges { node { id email roles address { city } contactPreferences { email } } }\n    }\n  }\n": typeof types.UsersWithDetailsDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }\n": typeof types.ChangePasswordDocument,
    "\n  mutation RequestReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }\n": typeof types.RequestResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }\n": typeof types.ResetPasswordDocument,
    "query ResetTokens { passwordResetTokens { email token expiresAt } }": typeof types.ResetTokensDocument,
    "query MyEmail { me { email emailVerified } }": typeof types.MyEmailDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id uid email firstName lastName phone emailVerified userType address { street1 street2 city state postCode country } contactPreferences { email sms push } }\n    }\n  }\n": typeof types.RegisterDocument,
    "query Open { ping passwordRules }": typeof types.OpenDocument,
    "mutation VerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }": typeof types.VerifyEmailDocument,
    "\n  mutation LogIn($input: LoginInput!) {\n    login(input: $input) { token expiresAt invalidAttempts viewer { isAdmin roles userType user { email } } }\n  }\n": typeof types.LogInDocument,
    "query Me { me { email } }": typeof types.MeDocument,
    "mutation Keepalive { keepalive { viewer { idleExpiresAt sessionExpiresAt } } }": typeof types.KeepaliveDocument,
    "mutation LogOut { logout { loggedOut } }": typeof types.LogOutDocument,
};
const documents: Documents = {
    "\n  query AdminUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges { cursor node { id uid email firstName lastName createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id uid email emailVerified firstName lastName phone address { street1 street2 city state postCode country } }\n    }\n  }\n": types.AdminUpdateUserDocument,
    "\n  mutation AdminUpdateContactPreferences($input: UpdateContactPreferencesInput!) {\n    updateContactPreferences(input: $input) { user { uid contactPreferences { email sms push } } }\n  }\n": types.AdminUpdateContactPreferencesDocument,
    "\n  mutation AdminChangeUserPassword($input: ChangeUserPasswordInput!) { changeUserPassword(input: $input) { changed } }\n": types.AdminChangeUserPasswordDocument,
    "\n  mutation AdminIssueVerificationToken($input: IssueVerificationTokenInput!) {\n    issueVerificationToken(input: $input) { token expiresAt }\n  }\n": types.AdminIssueVerificationTokenDocument,
    "query AdminPasswordResetTokens { passwordResetTokens { email token } }": types.AdminPasswordResetTokensDocument,
    "\n  mutation AdminVerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }\n": types.AdminVerifyEmailDocument,
    "\n  mutation AdminSwitchUser($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } realUser { email } } }\n  }\n": types.AdminSwitchUserDocument,
    "\n  mutation AdminSwitchUserAs($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } } }\n  }\n": types.AdminSwitchUserAsDocument,
    "\n  mutation AdminSwitchBack { switchBack { viewer { impersonating isAdmin user { email } realUser { email } } } }\n": types.AdminSwitchBackDocument,
    "query AdminMe { me { id uid email emailVerified } }": types.AdminMeDocument,
    "query AdminUserNode($id: ID!) { node(id: $id) { id ... on User { email } } }": types.AdminUserNodeDocument,
    "\n  query UsersWithDetails($first: Int!, $search: String) {\n    users(first: $first, search: $search) {\n      edges { node { id email roles address { city } contactPreferences { email } } }\n    }\n  }\n": types.UsersWithDetailsDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }\n": types.ChangePasswordDocument,
    "\n  mutation RequestReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }\n": types.RequestResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }\n": types.ResetPasswordDocument,
    "query ResetTokens { passwordResetTokens { email token expiresAt } }": types.ResetTokensDocument,
    "query MyEmail { me { email emailVerified } }": types.MyEmailDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id uid email firstName lastName phone emailVerified userType address { street1 street2 city state postCode country } contactPreferences { email sms push } }\n    }\n  }\n": types.RegisterDocument,
    "query Open { ping passwordRules }": types.OpenDocument,
    "mutation VerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }": types.VerifyEmailDocument,
    "\n  mutation LogIn($input: LoginInput!) {\n    login(input: $input) { token expiresAt invalidAttempts viewer { isAdmin roles userType user { email } } }\n  }\n": types.LogInDocument,
    "query Me { me { email } }": types.MeDocument,
    "mutation Keepalive { keepalive { viewer { idleExpiresAt sessionExpiresAt } } }": types.KeepaliveDocument,
    "mutation LogOut { logout { loggedOut } }": types.LogOutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges { cursor node { id uid email firstName lastName createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges { cursor node { id uid email firstName lastName createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id uid email emailVerified firstName lastName phone address { street1 street2 city state postCode country } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id uid email emailVerified firstName lastName phone address { street1 street2 city state postCode country } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateContactPreferences($input: UpdateContactPreferencesInput!) {\n    updateContactPreferences(input: $input) { user { uid contactPreferences { email sms push } } }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateContactPreferences($input: UpdateContactPreferencesInput!) {\n    updateContactPreferences(input: $input) { user { uid contactPreferences { email sms push } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangeUserPassword($input: ChangeUserPasswordInput!) { changeUserPassword(input: $input) { changed } }\n"): (typeof documents)["\n  mutation AdminChangeUserPassword($input: ChangeUserPasswordInput!) { changeUserPassword(input: $input) { changed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminIssueVerificationToken($input: IssueVerificationTokenInput!) {\n    issueVerificationToken(input: $input) { token expiresAt }\n  }\n"): (typeof documents)["\n  mutation AdminIssueVerificationToken($input: IssueVerificationTokenInput!) {\n    issueVerificationToken(input: $input) { token expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminPasswordResetTokens { passwordResetTokens { email token } }"): (typeof documents)["query AdminPasswordResetTokens { passwordResetTokens { email token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminVerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }\n"): (typeof documents)["\n  mutation AdminVerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSwitchUser($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } realUser { email } } }\n  }\n"): (typeof documents)["\n  mutation AdminSwitchUser($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } realUser { email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSwitchUserAs($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } } }\n  }\n"): (typeof documents)["\n  mutation AdminSwitchUserAs($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSwitchBack { switchBack { viewer { impersonating isAdmin user { email } realUser { email } } } }\n"): (typeof documents)["\n  mutation AdminSwitchBack { switchBack { viewer { impersonating isAdmin user { email } realUser { email } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminMe { me { id uid email emailVerified } }"): (typeof documents)["query AdminMe { me { id uid email emailVerified } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminUserNode($id: ID!) { node(id: $id) { id ... on User { email } } }"): (typeof documents)["query AdminUserNode($id: ID!) { node(id: $id) { id ... on User { email } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersWithDetails($first: Int!, $search: String) {\n    users(first: $first, search: $search) {\n      edges { node { id email roles address { city } contactPreferences { email } } }\n    }\n  }\n"): (typeof documents)["\n  query UsersWithDetails($first: Int!, $search: String) {\n    users(first: $first, search: $search) {\n      edges { node { id email roles address { city } contactPreferences { email } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }\n"): (typeof documents)["\n  mutation RequestReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResetTokens { passwordResetTokens { email token expiresAt } }"): (typeof documents)["query ResetTokens { passwordResetTokens { email token expiresAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyEmail { me { email emailVerified } }"): (typeof documents)["query MyEmail { me { email emailVerified } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id uid email firstName lastName phone emailVerified userType address { street1 street2 city state postCode country } contactPreferences { email sms push } }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id uid email firstName lastName phone emailVerified userType address { street1 street2 city state postCode country } contactPreferences { email sms push } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Open { ping passwordRules }"): (typeof documents)["query Open { ping passwordRules }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }"): (typeof documents)["mutation VerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LoginInput!) {\n    login(input: $input) { token expiresAt invalidAttempts viewer { isAdmin roles userType user { email } } }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LoginInput!) {\n    login(input: $input) { token expiresAt invalidAttempts viewer { isAdmin roles userType user { email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me { me { email } }"): (typeof documents)["query Me { me { email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Keepalive { keepalive { viewer { idleExpiresAt sessionExpiresAt } } }"): (typeof documents)["mutation Keepalive { keepalive { viewer { idleExpiresAt sessionExpiresAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogOut { logout { loggedOut } }"): (typeof documents)["mutation LogOut { logout { loggedOut } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;