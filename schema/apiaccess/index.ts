/**
 * The API access area: API clients (machine principals) of sponsors and CROs, how they are obtained (request →
 * review → data use agreement → sandbox → production), their OAuth 2.0 tokens and their signing keys.
 */
import "./types.js";
import "./queries.js";
import "./mutations.js";

export { apiaccessPermissions } from "./permissions.js";
