/** The ratings area: participants rate their milestone visits; staff with view_reports read the ratings. */
import "./types.js";
import "./queries.js";
import "./mutations.js";

export { ratingsPermissions } from "./permissions.js";
