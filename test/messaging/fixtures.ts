import { gid } from "../support/ids.js";

/** The variables of sendMessage: `body` about the enrollment (raw id). */
export const send = (enrollmentId: string, body: string) => ({
  input: { enrollmentId: gid.enrollment(enrollmentId), body },
});
