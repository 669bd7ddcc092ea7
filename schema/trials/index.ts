/** The trials area: trials and the sites taking part in them (trial sites). */
import "./refs.js";

export const trialsPermissions = {};
