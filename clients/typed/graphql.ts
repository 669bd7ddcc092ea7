/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whose payments to claim, and which. */
export type ClaimPaymentsInput = {
  /** The participant (yourself, or the one you are caregiver of). */
  participantId: string | number;
  /** The payments to claim (at most 100); omitted: every unclaimed payment of the participant. */
  paymentIds?: Array<string | number> | null | undefined;
};

/** Why a claim left a payment alone. */
export type ClaimRefusal =
  /** The claim is held: the participant's reportable income from this payer reached the tax year's reporting threshold and the payer holds claims until taxpayer details (a TIN) are given. Giving them with setTaxpayerDetails releases it. */
  | 'HELD_FOR_TAXPAYER_DETAILS'
  /** The payment is not UNCLAIMED (already claimed, paid, failed, pending or rejected). */
  | 'NOT_UNCLAIMED'
  /** The payment's enrollment has no payout method yet: choose one with setPaymentType, then claim again. */
  | 'NO_PAYOUT_METHOD'
  /** The payment changed while it was being claimed (e.g. a concurrent claim): claim again. */
  | 'TRY_AGAIN';

/** Only ENROLLED participants can be paid for new milestones. */
export type EnrollmentStatus =
  /** Finished the trial: owed payments stay, no new milestones. */
  | 'COMPLETED'
  /** Left the trial early: owed payments stay, no new milestones. */
  | 'DROPPED'
  /** Taking part: can be paid for new milestones. */
  | 'ENROLLED';

/** Credentials. */
export type LoginInput = {
  /** The account's e-mail address (any case). */
  email: string;
  /** The account's password. */
  password: string;
};

/** The messages to mark read. */
export type MarkMessagesReadInput = {
  /** At most 100; ids of messages you may not see are ignored. */
  messageIds: Array<string | number>;
};

/** A milestone payment to make: which milestone, for which enrollment, and for which visit. */
export type PayMilestoneInput = {
  /** The attended visit this pays, if any: an Appointment's id, of this enrollment. */
  appointmentId?: string | number | null | undefined;
  /** The enrollment to pay (an Enrollment's id). */
  enrollmentId: string | number;
  /** The milestone to pay: the id of a PaymentScheduleLine of the enrollment's trial site (Enrollment.paymentSchedule, paymentSchedule, PayableVisit.milestoneId). */
  milestoneId: string | number;
  /** Shown with the payment; at most 2,000 characters. */
  note?: string | null | undefined;
};

/** What a payment is for. */
export type PaymentKind =
  /** Entered by staff outside the schedule; approved before it is owed. */
  | 'MANUAL'
  /** Travel, entered by staff. */
  | 'MILEAGE'
  /** A visit of the payment schedule. */
  | 'MILESTONE'
  /** Expenses with receipts; approved before it is owed. */
  | 'REIMBURSEMENT';

/** Where a payment is in its life: PENDING → UNCLAIMED (approved; milestone payments start here) → CLAIMED → PAID or FAILED; PENDING → REJECTED. */
export type PaymentStatus =
  /** The participant asked for it; the payout is under way. */
  | 'CLAIMED'
  /** The payout failed (see failureReason); the money stays committed to the participant. */
  | 'FAILED'
  /** Paid out to the participant's payout method. */
  | 'PAID'
  /** Awaiting approval; commits no funding yet. */
  | 'PENDING'
  /** Refused, with a reason; never owed. */
  | 'REJECTED'
  /** Owed, funding committed; not yet claimed. */
  | 'UNCLAIMED';

/** The visit (by its payment), the rating and an optional note. */
export type RateVisitInput = {
  /** A comment on the visit; at most 2,000 characters. */
  note?: string | null | undefined;
  /** The claimed or paid milestone payment of the visit. */
  paymentId: string | number;
  /** 1 (worst) to 10 (best). */
  rating: number;
};

/** The conversation and the message. */
export type SendMessageInput = {
  /** Trimmed; 1 to 5000 characters. */
  body: string;
  /** The enrollment whose conversation this message joins. */
  enrollmentId: string | number;
};

/** What kind of person an account belongs to; it decides what the account can ever see. */
export type UserType =
  /** A parent, guardian or nurse acting for a participant: sees only that participant's records. */
  | 'CAREGIVER'
  /** A participant in a trial: sees only their own records, trials and sites. */
  | 'PARTICIPANT'
  /** Mural, sponsor, CRO or site staff: sees what their grants allow. */
  | 'STAFF';

export type CoordinatorPayMilestoneMutationVariables = Exact<{
  input: PayMilestoneInput;
}>;


export type CoordinatorPayMilestoneMutation = { payMilestone: { payment: { id: string, status: PaymentStatus, milestoneName: string | null, amount: { amount: string, currency: string, formatted: string } } } };

export type CoordinatorPayableVisitsQueryVariables = Exact<{ [key: string]: never; }>;


export type CoordinatorPayableVisitsQuery = { payableVisits: Array<{ milestoneId: string, appointmentId: string, milestoneName: string, scheduledAt: string, enrollment: { id: string, subjectId: string }, amount: { amount: string, currency: string } }> };

export type CoordinatorTrialSiteEnrollmentsQueryVariables = Exact<{
  trialSiteId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CoordinatorTrialSiteEnrollmentsQuery = { trialSite: { id: string, site: { name: string }, trial: { name: string }, enrollments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, subjectId: string, status: EnrollmentStatus, participant: { id: string, firstName: string, lastName: string } }> } } };

export type ParticipantClaimPaymentsMutationVariables = Exact<{
  input: ClaimPaymentsInput;
}>;


export type ParticipantClaimPaymentsMutation = { claimPayments: { message: string, claimed: Array<{ id: string, status: PaymentStatus, amount: { amount: string, currency: string } }>, refused: Array<{ paymentId: string, code: ClaimRefusal, reason: string }> } };

export type ParticipantMarkMessagesReadMutationVariables = Exact<{
  input: MarkMessagesReadInput;
}>;


export type ParticipantMarkMessagesReadMutation = { markMessagesRead: { unreadMessageCount: number, messages: Array<{ id: string, read: boolean }> } };

export type ParticipantMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ParticipantMeQuery = { me: { id: string, firstName: string, lastName: string, userType: UserType, participant: { id: string } | null, caresFor: Array<{ id: string }> } };

export type ParticipantMessageReceivedSubscriptionVariables = Exact<{
  enrollmentId?: string | number | null | undefined;
}>;


export type ParticipantMessageReceivedSubscription = { messageReceived: { id: string, enrollmentId: string, body: string, senderName: string | null, senderIsStaff: boolean, sentAt: string } };

export type ParticipantMessagesQueryVariables = Exact<{
  enrollmentId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ParticipantMessagesQuery = { messages: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, enrollmentId: string, body: string, senderName: string | null, senderIsStaff: boolean, sentAt: string, read: boolean, trialName: string }> } };

export type ParticipantMyPaymentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ParticipantMyPaymentsQuery = { payments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: PaymentKind, status: PaymentStatus, milestoneName: string | null, createdAt: string, amount: { amount: string, currency: string, formatted: string } }> } };

export type ParticipantRateVisitMutationVariables = Exact<{
  input: RateVisitInput;
}>;


export type ParticipantRateVisitMutation = { rateVisit: { rating: { id: string, rating: number, note: string | null, milestone: string | null } } };

export type ParticipantRateableVisitsQueryVariables = Exact<{ [key: string]: never; }>;


export type ParticipantRateableVisitsQuery = { rateableVisits: Array<{ id: string, milestoneName: string | null, createdAt: string }> };

export type ParticipantSendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type ParticipantSendMessageMutation = { sendMessage: { message: { id: string, body: string, sentAt: string } } };

export type ParticipantUnclaimedPaymentsQueryVariables = Exact<{
  participantId: string | number;
}>;


export type ParticipantUnclaimedPaymentsQuery = { unclaimedPayments: Array<{ id: string, milestoneName: string | null, amount: { amount: string, currency: string, formatted: string } }> };

export type KeepaliveMutationVariables = Exact<{ [key: string]: never; }>;


export type KeepaliveMutation = { keepalive: { viewer: { idleExpiresAt: string } } };

export type SignInMutationVariables = Exact<{
  input: LoginInput;
}>;


export type SignInMutation = { login: { token: string, expiresAt: string, viewer: { userType: UserType, roles: Array<string>, user: { id: string, firstName: string } } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { logout: { loggedOut: boolean } };


export const CoordinatorPayMilestoneDocument = {"__meta__":{"hash":"sha256:d96ef1b2123aaa5545145490acd0dfd27e47e512d784f56ded2a896a358a91f4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoordinatorPayMilestone"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PayMilestoneInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payMilestone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"milestoneName"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorPayMilestoneMutation, CoordinatorPayMilestoneMutationVariables>;
export const CoordinatorPayableVisitsDocument = {"__meta__":{"hash":"sha256:28f98936aaf9d04c9405a9a541fafdde0266a3ad105c1016ec174a148d5254e2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorPayableVisits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payableVisits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"milestoneId"}},{"kind":"Field","name":{"kind":"Name","value":"appointmentId"}},{"kind":"Field","name":{"kind":"Name","value":"milestoneName"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorPayableVisitsQuery, CoordinatorPayableVisitsQueryVariables>;
export const CoordinatorTrialSiteEnrollmentsDocument = {"__meta__":{"hash":"sha256:4f7457860f2d4921bd155a7a7c67dc622e2084982538acb2ce97645d5b21db0c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorTrialSiteEnrollments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"trialSiteId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trialSite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"trialSiteId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"site"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trial"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enrollments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorTrialSiteEnrollmentsQuery, CoordinatorTrialSiteEnrollmentsQueryVariables>;
export const ParticipantClaimPaymentsDocument = {"__meta__":{"hash":"sha256:a68d35c2aa2910b44d89193ac95b5e8f88535442c5a74d70b4cc2a5fd0d31b1f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ParticipantClaimPayments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimPaymentsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimPayments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"claimed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refused"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paymentId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantClaimPaymentsMutation, ParticipantClaimPaymentsMutationVariables>;
export const ParticipantMarkMessagesReadDocument = {"__meta__":{"hash":"sha256:b319b99e5b9cedd05b954e815e4bec62e68d491a3510a0faabed3360ce8d35a5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ParticipantMarkMessagesRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkMessagesReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markMessagesRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadMessageCount"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"read"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantMarkMessagesReadMutation, ParticipantMarkMessagesReadMutationVariables>;
export const ParticipantMeDocument = {"__meta__":{"hash":"sha256:ff4725c34cb79e4a3ea8e89361c07a07ef4b5b57577f5a2967e5466caa641b99"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParticipantMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}},{"kind":"Field","name":{"kind":"Name","value":"participant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caresFor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantMeQuery, ParticipantMeQueryVariables>;
export const ParticipantMessageReceivedDocument = {"__meta__":{"hash":"sha256:14269af5d98236dfae5d459cb2c266db4397d69112d68509187b0bed2db8377c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ParticipantMessageReceived"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageReceived"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enrollmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"senderName"}},{"kind":"Field","name":{"kind":"Name","value":"senderIsStaff"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]}}]} as unknown as DocumentNode<ParticipantMessageReceivedSubscription, ParticipantMessageReceivedSubscriptionVariables>;
export const ParticipantMessagesDocument = {"__meta__":{"hash":"sha256:623428a3c43695a3540f75feedd65b802a6b1946e2d151e4dffa99c2d5434283"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParticipantMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"enrollmentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enrollmentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"senderName"}},{"kind":"Field","name":{"kind":"Name","value":"senderIsStaff"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"trialName"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantMessagesQuery, ParticipantMessagesQueryVariables>;
export const ParticipantMyPaymentsDocument = {"__meta__":{"hash":"sha256:8537a46d92cc7374222ca17b0b8ba2e20d9d00c78990189e33a07df25abc2210"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParticipantMyPayments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"milestoneName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantMyPaymentsQuery, ParticipantMyPaymentsQueryVariables>;
export const ParticipantRateVisitDocument = {"__meta__":{"hash":"sha256:e047d29e018dc2ad5e4e19735e6e1cccc58ba989c023d980a1ee7e8e2b01ab11"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ParticipantRateVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RateVisitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateVisit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"milestone"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantRateVisitMutation, ParticipantRateVisitMutationVariables>;
export const ParticipantRateableVisitsDocument = {"__meta__":{"hash":"sha256:bdc82ef61232175a1b7158ecaf6680b8be9bea5f74917bce23b153156b2de58d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParticipantRateableVisits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rateableVisits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"milestoneName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ParticipantRateableVisitsQuery, ParticipantRateableVisitsQueryVariables>;
export const ParticipantSendMessageDocument = {"__meta__":{"hash":"sha256:a58642ed4fc24cb3623d7984e23dd1b5479d0526714fc741dd2c85fec3db7f4b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ParticipantSendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantSendMessageMutation, ParticipantSendMessageMutationVariables>;
export const ParticipantUnclaimedPaymentsDocument = {"__meta__":{"hash":"sha256:5ea66a17bf0c78a0f50e19f2e92b4778ee9c84cfaf920c81fdc3fd83c2b2e1d6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParticipantUnclaimedPayments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unclaimedPayments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"participantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"participantId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"milestoneName"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"formatted"}}]}}]}}]}}]} as unknown as DocumentNode<ParticipantUnclaimedPaymentsQuery, ParticipantUnclaimedPaymentsQueryVariables>;
export const KeepaliveDocument = {"__meta__":{"hash":"sha256:3414a203ade9a628134f0e298688e39aa95d93ce8c90bccc9f6c18f31b8c58ec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Keepalive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keepalive"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idleExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<KeepaliveMutation, KeepaliveMutationVariables>;
export const SignInDocument = {"__meta__":{"hash":"sha256:a98b6d51ae771409f76e796caf61ed4217374d2b53f0e9ec81ac4012d6942c52"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userType"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = {"__meta__":{"hash":"sha256:34c9018ff66e6300feb7e38ae50ec89b7eaf07f8f05286578760cc5a105bc98a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loggedOut"}}]}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;