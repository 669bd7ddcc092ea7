/** The appointments area: visits per enrollment, attendance, and reminders. */
import "./refs.js";
import "./types.js";
import "./queries.js";
import "./mutations.js";

export { appointmentsPermissions } from "./permissions.js";
