/** The appointments area: visits per enrollment, attendance, and reminders. */
export const appointmentsPermissions = {};
