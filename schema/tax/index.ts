/**
 * The tax area: payments classified as reportable income or not (the payment_tax_lines view), tax-year totals per
 * participant, payer and currency against configured thresholds, taxpayer details (TIN) kept sealed and shown
 * masked, the hold-claims policy, and the year-end report's rows.
 */
import "./types.js";
import "./queries.js";
import "./mutations.js";

export { taxPermissions } from "./permissions.js";
