/** The payments area: payment schedules, payments and their approval, claims and payouts, ratings. */
import "./refs.js";

export const paymentsPermissions = {};
