import { allow } from "graphql-shield";
import {
  forEnrollment,
  forParticipant,
  holds,
  isAuthenticated,
  type Permissions,
  readsForEnrollment,
  readsParticipant,
  readsWith,
} from "../core/rules.js";
import { forPayment, participantThemselves, readsTrialPayments } from "./rules.js";
import { canSeePayment } from "./types.js";

/** Who may use each payments field. Fields not listed here are closed (the shield's fallback is deny). */
export const paymentsPermissions = {
  Query: {
    paymentSchedule: isAuthenticated, // view_payment_schedule on the trial site named by trialId + siteId: checked by the resolver
    categories: isAuthenticated, // whoever sees the trial or is enrolled in it: checked by the resolver
    payments: isAuthenticated, // lists only the payments the viewer may see (paymentsVisibleSql)
    pendingPayments: isAuthenticated, // lists only the payments the viewer may see
    pendingReimbursements: forParticipant("view_payments", (a) => a.participantId, { selfAllowed: true }), // and only visible payments
    participantPayments: forParticipant("view_payments", (a) => a.participantId, { selfAllowed: true }), // and only visible payments
    unclaimedPayments: forParticipant("view_payments", (a) => a.participantId, { selfAllowed: true }), // staff: only payments of trial sites where they hold it (resolver)
    recentPayments: isAuthenticated, // lists only the payments the viewer may see
    payableVisits: isAuthenticated, // only trial sites where the viewer holds milestone_payment
  },
  Mutation: {
    addMilestone: isAuthenticated, // add_milestone on the trial site named by trialId + siteId: checked by the resolver
    payMilestone: isAuthenticated, // milestone_payment on the enrollment's trial site, checked by payMilestones as for an item (NOT_FOUND where the enrollment is not seen) with the one read of what the payment needs
    payMilestones: isAuthenticated, // each item: milestone_payment on its enrollment's trial site, checked per item by payMilestones (NOT_FOUND where the enrollment is not seen)
    payMileage: forEnrollment("travel_payment", (a) => a.input.enrollmentId),
    requestReimbursement: forEnrollment("manual_payment", (a) => a.input.enrollmentId, { selfAllowed: true }),
    approvePayment: forPayment("approve_payments", (a) => a.input.paymentId),
    rejectPayment: forPayment("approve_payments", (a) => a.input.paymentId),
    claimPayments: participantThemselves((a) => a.input.participantId),
    addCategory: holds("edit_trial", "Trial", (a) => a.input.trialId),
    setMileageRate: holds("edit_trial", "Trial", (a) => a.input.trialId),
  },
  Enrollment: {
    milestonePayments: readsForEnrollment("view_payment_schedule"),
    payments: readsForEnrollment("view_payments"), // and lists only the payments the viewer may see (visiblePayments)
    paymentTotals: readsForEnrollment("view_payments"), // and sums only the payments the viewer may see
  },
  // The nested lists and totals below count only the payments the viewer may see (visiblePayments), as the lists do.
  Participant: {
    payments: readsParticipant("view_payments"),
  },
  TrialSite: {
    payments: readsWith("view_payments", "trialSite"),
    paymentTotals: readsWith("view_payments", "trialSite"),
  },
  Trial: {
    paymentTotals: readsTrialPayments,
    mileageRate: readsWith("view_trials", "trial"),
  },
  Payment: canSeePayment,
  PaymentEvent: allow, // reached only through a guarded Payment
  RefusedPayment: allow, // reached only through claimPayments' payload
  PayMilestoneResult: allow, // reached only through payMilestones' payload; its payment has its own rule
  ItemError: allow, // reached only through a PayMilestoneResult
  MileageRate: allow, // reached only through a guarded Trial or Payment
  PayableVisit: allow, // reached only through payableVisits, filtered to where milestone_payment is held
  EnrollmentMilestone: allow, // reached only through Enrollment.milestonePayments
  PaymentTotals: allow, // reached only through a guarded paymentTotals field
  PaymentSum: allow, // reached only through PaymentTotals
} satisfies Permissions;
