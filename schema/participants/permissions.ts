import { allow } from "graphql-shield";
import {
  canSeeEnrollment,
  canSeeParticipant,
  forEnrollment,
  forParticipant,
  isAuthenticated,
  type Permissions,
  readsForEnrollment,
  readsParticipant,
} from "../core/rules.js";
import { canAddParticipant, canSeeCaregiver, forCaregiver } from "./rules.js";

/** Who may use each participants field. Fields not listed here are closed (the shield's fallback is deny). */
export const participantsPermissions = {
  Query: {
    participants: isAuthenticated, // lists only the participants the viewer may see (participantsVisibleSql)
    participant: forParticipant("view_participants", (a) => a.id, { selfAllowed: true }),
    userByParticipant: forParticipant("view_participants", (a) => a.participantId, { selfAllowed: true }),
    enrollments: forParticipant("view_enrollments", (a) => a.participantId, { selfAllowed: true }), // lists visible ones
    enrolled: isAuthenticated, // view_enrollments on the trial site named by trialId + siteId: checked by the resolver
    caregiverRelationships: isAuthenticated,
    caregivers: forParticipant("view_participants", (a) => a.participantId, { selfAllowed: true }),
    userByCaregiver: forCaregiver("view_participants", (a) => a.caregiverId, { selfAllowed: true }),
    paymentTypes: isAuthenticated,
  },
  Mutation: {
    addParticipant: canAddParticipant, // on the site, or with trialId on that trial site
    updateParticipant: forParticipant("update_participant", (a) => a.input.participantId, {
      selfAllowed: true,
    }), // self: contact details only (resolver)
    enroll: forParticipant("view_participants", (a) => a.input.participantId), // and enroll on the trial site: checked by the resolver
    setEnrollmentStatus: forEnrollment("set_enrollment_status", (a) => a.input.enrollmentId),
    registerCaregiver: forParticipant("add_participant", (a) => a.input.participantId),
    updateCaregiver: forCaregiver("add_participant", (a) => a.input.caregiverId, { selfAllowed: true }), // self: not the relationship (resolver)
    setPaymentType: forEnrollment("set_payment_type", (a) => a.input.enrollmentId, { selfAllowed: true }),
  },
  Participant: {
    "*": canSeeParticipant,
    auditHistory: readsParticipant("view_participants"), // staff, and the participant and caregivers
  },
  Enrollment: {
    "*": canSeeEnrollment, // seeing an enrollment is reading it: staff see it through view_enrollments
    paymentSchedule: readsForEnrollment("view_payment_schedule"),
    payoutMethod: readsForEnrollment(["view_payments", "set_payment_type"]), // those who pay or set it up
  },
  Caregiver: canSeeCaregiver,
  // Values reached only through a guarded parent (an Enrollment) or reference data.
  PayoutMethod: allow,
  PaymentScheduleLine: allow,
  PaymentType: allow,
} satisfies Permissions;
