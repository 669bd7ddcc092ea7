/** The organisations area: clients, contracts (with documents and funding) and sites. */
import "./refs.js";

export const organizationsPermissions = {};
