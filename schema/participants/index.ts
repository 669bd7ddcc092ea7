/** The participants area: participants, caregivers, enrollments and how they are paid out. */
import "./refs.js";
import "./types.js";
import "./read-plans.js";
import "./schedule.js";
import "./queries.js";
import "./mutations.js";

export { participantsPermissions } from "./permissions.js";
