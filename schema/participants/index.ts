/** The participants area: participants, caregivers, enrollments and how they are paid out. */
export const participantsPermissions = {};
