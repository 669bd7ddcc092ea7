/** The reports area: trial payment and funding reports as CSV or XLSX, behind expiring download links. */
export const reportsPermissions = {};
