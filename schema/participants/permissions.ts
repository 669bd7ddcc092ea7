import { allow } from "graphql-shield";
import {
  canSeeEnrollment,
  canSeeParticipant,
  forEnrollment,
  forParticipant,
  holds,
  isAuthenticated,
} from "../core/rules.js";
import { canSeeCaregiver, forCaregiver } from "./rules.js";

/** Who may use each participants field. Fields not listed here are closed (the shield's fallback is deny). */
export const participantsPermissions = {
  Query: {
    participants: isAuthenticated, // lists only the participants the viewer may see (participantsVisibleSql)
    participant: forParticipant("view_participants", "id", { selfAllowed: true }),
    userByParticipant: forParticipant("view_participants", "participantId", { selfAllowed: true }),
    enrollments: forParticipant("view_enrollments", "participantId", { selfAllowed: true }), // lists visible ones
    enrolled: isAuthenticated, // view_enrollments on the trial site named by trialId + siteId: checked by the resolver
    caregiverRelationships: isAuthenticated,
    caregivers: forParticipant("view_participants", "participantId", { selfAllowed: true }),
    userByCaregiver: forCaregiver("view_participants", "caregiverId", { selfAllowed: true }),
    paymentTypes: isAuthenticated,
  },
  Mutation: {
    addParticipant: holds("add_participant", "Site", "input.siteId"),
    updateParticipant: forParticipant("update_participant", "input.participantId", { selfAllowed: true }), // self: contact details only (resolver)
    enroll: forParticipant("view_participants", "input.participantId"), // and enroll on the trial site: checked by the resolver
    setEnrollmentStatus: forEnrollment("set_enrollment_status", "input.enrollmentId"),
    registerCaregiver: forParticipant("add_participant", "input.participantId"),
    updateCaregiver: forCaregiver("add_participant", "input.caregiverId", { selfAllowed: true }), // self: not the relationship (resolver)
    setPaymentType: forEnrollment("set_payment_type", "input.enrollmentId", { selfAllowed: true }),
  },
  Participant: canSeeParticipant,
  Enrollment: canSeeEnrollment,
  Caregiver: canSeeCaregiver,
  // Values reached only through a guarded parent (an Enrollment) or reference data.
  PayoutMethod: allow,
  PaymentScheduleLine: allow,
  PaymentType: allow,
};
