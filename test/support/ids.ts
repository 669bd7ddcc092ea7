import { randomBytes } from "node:crypto";

/** The global id the API gives an object of `typename`: the type and raw id, base64url-encoded. */
export const globalId = (typename: string, id: string) =>
  Buffer.from(`${typename}:${id}`).toString("base64url");

/** Global ids by type, from raw ids: what `ID` arguments take and `id` fields return. */
export const gid = {
  appointment: (id: string) => globalId("Appointment", id),
  candidate: (id: string) => globalId("Candidate", id),
  caregiver: (id: string) => globalId("Caregiver", id),
  client: (id: string) => globalId("Client", id),
  contract: (id: string) => globalId("Contract", id),
  enrollment: (id: string) => globalId("Enrollment", id),
  /** A milestone, as the schema shows it: a PaymentScheduleLine. */
  milestone: (id: string) => globalId("PaymentScheduleLine", id),
  participant: (id: string) => globalId("Participant", id),
  payment: (id: string) => globalId("Payment", id),
  site: (id: string) => globalId("Site", id),
  trial: (id: string) => globalId("Trial", id),
  trialSite: (id: string) => globalId("TrialSite", id),
  user: (id: string) => globalId("User", id),
};

/** A tag no other row contains, so searches in one test see only that test's rows. */
export const uniqueTag = () => `zq${randomBytes(4).toString("hex")}`;
