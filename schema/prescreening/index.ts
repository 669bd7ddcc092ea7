/** The prescreening area: questionnaires, candidates, eligibility and referral into enrollment (seed 002). */
import "./types.js";
import "./metrics-types.js";
import "./queries.js";
import "./mutations.js";

export { prescreeningPermissions } from "./permissions.js";
