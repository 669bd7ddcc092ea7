/** The organisations area: clients, contracts (with documents and funding) and sites. */
import "./refs.js";
import "./types.js";
import "./read-plans.js";
import "./queries.js";
import "./mutations.js";

export { organizationsPermissions } from "./permissions.js";
