/** The payments area: payment schedules, payments and their approval, claims and payouts, ratings. */
import "./refs.js";
import "./types.js";
import "./schedule.js";
import "./mutations.js";
import "./queries.js";
import "./claims-graphql.js";
import "./ratings-graphql.js";
import { claimsPermissions } from "./claims-permissions.js";
import { paymentsOwnPermissions } from "./permissions.js";

/** The area's rule maps; schema/index.ts merges them with every other area's. */
export const paymentsPermissions = [paymentsOwnPermissions, claimsPermissions];
