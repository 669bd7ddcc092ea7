/** The payments area: payment schedules, payments and their approval, claims and payouts. */
import "./refs.js";
import "./types.js";
import "./read-plans.js";
import "./mileage-types.js";
import "./schedule.js";
import "./mutations.js";
import "./queries.js";

export { paymentsPermissions } from "./permissions.js";
