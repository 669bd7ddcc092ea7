/** The trials area: trials and the sites taking part in them (trial sites). */
import "./refs.js";
import "./types.js";
import "./read-plans.js";
import "./queries.js";
import "./mutations.js";
import "./sponsor-types.js";
import "./sponsor-mutations.js";

export { trialsPermissions } from "./permissions.js";
export { downloadIrbDocument } from "./sponsor-updates.js";
