/** The reports area: trial payment and funding reports as CSV or XLSX, behind expiring download links. */
import "./mutations.js";
import "./api-request-export.js";

export { downloadReport } from "./links.js";
export { reportsPermissions } from "./permissions.js";
