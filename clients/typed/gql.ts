/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation CoordinatorPayMilestone($input: PayMilestoneInput!) {\n  payMilestone(input: $input) {\n    payment {\n      id\n      status\n      milestoneName\n      amount {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n}": typeof types.CoordinatorPayMilestoneDocument,
    "query CoordinatorPayableVisits {\n  payableVisits {\n    enrollment {\n      id\n      subjectId\n    }\n    milestoneId\n    appointmentId\n    milestoneName\n    scheduledAt\n    amount {\n      amount\n      currency\n    }\n  }\n}": typeof types.CoordinatorPayableVisitsDocument,
    "query CoordinatorTrialSiteEnrollments($trialSiteId: ID!, $first: Int = 50, $after: String) {\n  trialSite(id: $trialSiteId) {\n    id\n    site {\n      name\n    }\n    trial {\n      name\n    }\n    enrollments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        subjectId\n        status\n        participant {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n}": typeof types.CoordinatorTrialSiteEnrollmentsDocument,
    "mutation ParticipantClaimPayments($input: ClaimPaymentsInput!) {\n  claimPayments(input: $input) {\n    message\n    claimed {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n    refused {\n      paymentId\n      code\n      reason\n    }\n  }\n}": typeof types.ParticipantClaimPaymentsDocument,
    "mutation ParticipantMarkMessagesRead($input: MarkMessagesReadInput!) {\n  markMessagesRead(input: $input) {\n    unreadMessageCount\n    messages {\n      id\n      read\n    }\n  }\n}": typeof types.ParticipantMarkMessagesReadDocument,
    "query ParticipantMe {\n  me {\n    id\n    firstName\n    lastName\n    userType\n    participant {\n      id\n    }\n    caresFor {\n      id\n    }\n  }\n}": typeof types.ParticipantMeDocument,
    "subscription ParticipantMessageReceived($enrollmentId: ID) {\n  messageReceived(enrollmentId: $enrollmentId) {\n    id\n    enrollmentId\n    body\n    senderName\n    senderIsStaff\n    sentAt\n  }\n}": typeof types.ParticipantMessageReceivedDocument,
    "query ParticipantMessages($enrollmentId: ID, $first: Int = 30, $after: String) {\n  messages(enrollmentId: $enrollmentId, first: $first, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      enrollmentId\n      body\n      senderName\n      senderIsStaff\n      sentAt\n      read\n      trialName\n    }\n  }\n}": typeof types.ParticipantMessagesDocument,
    "query ParticipantMyPayments($first: Int = 20, $after: String) {\n  payments(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      status\n      milestoneName\n      createdAt\n      amount {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n}": typeof types.ParticipantMyPaymentsDocument,
    "mutation ParticipantRateVisit($input: RateVisitInput!) {\n  rateVisit(input: $input) {\n    rating {\n      id\n      rating\n      note\n      milestone\n    }\n  }\n}": typeof types.ParticipantRateVisitDocument,
    "query ParticipantRateableVisits {\n  rateableVisits {\n    id\n    milestoneName\n    createdAt\n  }\n}": typeof types.ParticipantRateableVisitsDocument,
    "mutation ParticipantSendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) {\n    message {\n      id\n      body\n      sentAt\n    }\n  }\n}": typeof types.ParticipantSendMessageDocument,
    "query ParticipantUnclaimedPayments($participantId: ID!) {\n  unclaimedPayments(participantId: $participantId) {\n    id\n    milestoneName\n    amount {\n      amount\n      currency\n      formatted\n    }\n  }\n}": typeof types.ParticipantUnclaimedPaymentsDocument,
    "mutation Keepalive {\n  keepalive {\n    viewer {\n      idleExpiresAt\n    }\n  }\n}": typeof types.KeepaliveDocument,
    "mutation SignIn($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    viewer {\n      userType\n      roles\n      user {\n        id\n        firstName\n      }\n    }\n  }\n}": typeof types.SignInDocument,
    "mutation SignOut {\n  logout {\n    loggedOut\n  }\n}": typeof types.SignOutDocument,
};
const documents: Documents = {
    "mutation CoordinatorPayMilestone($input: PayMilestoneInput!) {\n  payMilestone(input: $input) {\n    payment {\n      id\n      status\n      milestoneName\n      amount {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n}": types.CoordinatorPayMilestoneDocument,
    "query CoordinatorPayableVisits {\n  payableVisits {\n    enrollment {\n      id\n      subjectId\n    }\n    milestoneId\n    appointmentId\n    milestoneName\n    scheduledAt\n    amount {\n      amount\n      currency\n    }\n  }\n}": types.CoordinatorPayableVisitsDocument,
    "query CoordinatorTrialSiteEnrollments($trialSiteId: ID!, $first: Int = 50, $after: String) {\n  trialSite(id: $trialSiteId) {\n    id\n    site {\n      name\n    }\n    trial {\n      name\n    }\n    enrollments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        subjectId\n        status\n        participant {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n}": types.CoordinatorTrialSiteEnrollmentsDocument,
    "mutation ParticipantClaimPayments($input: ClaimPaymentsInput!) {\n  claimPayments(input: $input) {\n    message\n    claimed {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n    refused {\n      paymentId\n      code\n      reason\n    }\n  }\n}": types.ParticipantClaimPaymentsDocument,
    "mutation ParticipantMarkMessagesRead($input: MarkMessagesReadInput!) {\n  markMessagesRead(input: $input) {\n    unreadMessageCount\n    messages {\n      id\n      read\n    }\n  }\n}": types.ParticipantMarkMessagesReadDocument,
    "query ParticipantMe {\n  me {\n    id\n    firstName\n    lastName\n    userType\n    participant {\n      id\n    }\n    caresFor {\n      id\n    }\n  }\n}": types.ParticipantMeDocument,
    "subscription ParticipantMessageReceived($enrollmentId: ID) {\n  messageReceived(enrollmentId: $enrollmentId) {\n    id\n    enrollmentId\n    body\n    senderName\n    senderIsStaff\n    sentAt\n  }\n}": types.ParticipantMessageReceivedDocument,
    "query ParticipantMessages($enrollmentId: ID, $first: Int = 30, $after: String) {\n  messages(enrollmentId: $enrollmentId, first: $first, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      enrollmentId\n      body\n      senderName\n      senderIsStaff\n      sentAt\n      read\n      trialName\n    }\n  }\n}": types.ParticipantMessagesDocument,
    "query ParticipantMyPayments($first: Int = 20, $after: String) {\n  payments(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      status\n      milestoneName\n      createdAt\n      amount {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n}": types.ParticipantMyPaymentsDocument,
    "mutation ParticipantRateVisit($input: RateVisitInput!) {\n  rateVisit(input: $input) {\n    rating {\n      id\n      rating\n      note\n      milestone\n    }\n  }\n}": types.ParticipantRateVisitDocument,
    "query ParticipantRateableVisits {\n  rateableVisits {\n    id\n    milestoneName\n    createdAt\n  }\n}": types.ParticipantRateableVisitsDocument,
    "mutation ParticipantSendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) {\n    message {\n      id\n      body\n      sentAt\n    }\n  }\n}": types.ParticipantSendMessageDocument,
    "query ParticipantUnclaimedPayments($participantId: ID!) {\n  unclaimedPayments(participantId: $participantId) {\n    id\n    milestoneName\n    amount {\n      amount\n      currency\n      formatted\n    }\n  }\n}": types.ParticipantUnclaimedPaymentsDocument,
    "mutation Keepalive {\n  keepalive {\n    viewer {\n      idleExpiresAt\n    }\n  }\n}": types.KeepaliveDocument,
    "mutation SignIn($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    viewer {\n      userType\n      roles\n      user {\n        id\n        firstName\n      }\n    }\n  }\n}": types.SignInDocument,
    "mutation SignOut {\n  logout {\n    loggedOut\n  }\n}": types.SignOutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CoordinatorPayMilestone($input: PayMilestoneInput!) {\n  payMilestone(input: $input) {\n    payment {\n      id\n      status\n      milestoneName\n      amount {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n}"): (typeof documents)["mutation CoordinatorPayMilestone($input: PayMilestoneInput!) {\n  payMilestone(input: $input) {\n    payment {\n      id\n      status\n      milestoneName\n      amount {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CoordinatorPayableVisits {\n  payableVisits {\n    enrollment {\n      id\n      subjectId\n    }\n    milestoneId\n    appointmentId\n    milestoneName\n    scheduledAt\n    amount {\n      amount\n      currency\n    }\n  }\n}"): (typeof documents)["query CoordinatorPayableVisits {\n  payableVisits {\n    enrollment {\n      id\n      subjectId\n    }\n    milestoneId\n    appointmentId\n    milestoneName\n    scheduledAt\n    amount {\n      amount\n      currency\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CoordinatorTrialSiteEnrollments($trialSiteId: ID!, $first: Int = 50, $after: String) {\n  trialSite(id: $trialSiteId) {\n    id\n    site {\n      name\n    }\n    trial {\n      name\n    }\n    enrollments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        subjectId\n        status\n        participant {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CoordinatorTrialSiteEnrollments($trialSiteId: ID!, $first: Int = 50, $after: String) {\n  trialSite(id: $trialSiteId) {\n    id\n    site {\n      name\n    }\n    trial {\n      name\n    }\n    enrollments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        subjectId\n        status\n        participant {\n          id\n          firstName\n          lastName\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ParticipantClaimPayments($input: ClaimPaymentsInput!) {\n  claimPayments(input: $input) {\n    message\n    claimed {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n    refused {\n      paymentId\n      code\n      reason\n    }\n  }\n}"): (typeof documents)["mutation ParticipantClaimPayments($input: ClaimPaymentsInput!) {\n  claimPayments(input: $input) {\n    message\n    claimed {\n      id\n      status\n      amount {\n        amount\n        currency\n      }\n    }\n    refused {\n      paymentId\n      code\n      reason\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ParticipantMarkMessagesRead($input: MarkMessagesReadInput!) {\n  markMessagesRead(input: $input) {\n    unreadMessageCount\n    messages {\n      id\n      read\n    }\n  }\n}"): (typeof documents)["mutation ParticipantMarkMessagesRead($input: MarkMessagesReadInput!) {\n  markMessagesRead(input: $input) {\n    unreadMessageCount\n    messages {\n      id\n      read\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ParticipantMe {\n  me {\n    id\n    firstName\n    lastName\n    userType\n    participant {\n      id\n    }\n    caresFor {\n      id\n    }\n  }\n}"): (typeof documents)["query ParticipantMe {\n  me {\n    id\n    firstName\n    lastName\n    userType\n    participant {\n      id\n    }\n    caresFor {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ParticipantMessageReceived($enrollmentId: ID) {\n  messageReceived(enrollmentId: $enrollmentId) {\n    id\n    enrollmentId\n    body\n    senderName\n    senderIsStaff\n    sentAt\n  }\n}"): (typeof documents)["subscription ParticipantMessageReceived($enrollmentId: ID) {\n  messageReceived(enrollmentId: $enrollmentId) {\n    id\n    enrollmentId\n    body\n    senderName\n    senderIsStaff\n    sentAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ParticipantMessages($enrollmentId: ID, $first: Int = 30, $after: String) {\n  messages(enrollmentId: $enrollmentId, first: $first, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      enrollmentId\n      body\n      senderName\n      senderIsStaff\n      sentAt\n      read\n      trialName\n    }\n  }\n}"): (typeof documents)["query ParticipantMessages($enrollmentId: ID, $first: Int = 30, $after: String) {\n  messages(enrollmentId: $enrollmentId, first: $first, after: $after) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      enrollmentId\n      body\n      senderName\n      senderIsStaff\n      sentAt\n      read\n      trialName\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ParticipantMyPayments($first: Int = 20, $after: String) {\n  payments(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      status\n      milestoneName\n      createdAt\n      amount {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n}"): (typeof documents)["query ParticipantMyPayments($first: Int = 20, $after: String) {\n  payments(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      status\n      milestoneName\n      createdAt\n      amount {\n        amount\n        currency\n        formatted\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ParticipantRateVisit($input: RateVisitInput!) {\n  rateVisit(input: $input) {\n    rating {\n      id\n      rating\n      note\n      milestone\n    }\n  }\n}"): (typeof documents)["mutation ParticipantRateVisit($input: RateVisitInput!) {\n  rateVisit(input: $input) {\n    rating {\n      id\n      rating\n      note\n      milestone\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ParticipantRateableVisits {\n  rateableVisits {\n    id\n    milestoneName\n    createdAt\n  }\n}"): (typeof documents)["query ParticipantRateableVisits {\n  rateableVisits {\n    id\n    milestoneName\n    createdAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ParticipantSendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) {\n    message {\n      id\n      body\n      sentAt\n    }\n  }\n}"): (typeof documents)["mutation ParticipantSendMessage($input: SendMessageInput!) {\n  sendMessage(input: $input) {\n    message {\n      id\n      body\n      sentAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ParticipantUnclaimedPayments($participantId: ID!) {\n  unclaimedPayments(participantId: $participantId) {\n    id\n    milestoneName\n    amount {\n      amount\n      currency\n      formatted\n    }\n  }\n}"): (typeof documents)["query ParticipantUnclaimedPayments($participantId: ID!) {\n  unclaimedPayments(participantId: $participantId) {\n    id\n    milestoneName\n    amount {\n      amount\n      currency\n      formatted\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Keepalive {\n  keepalive {\n    viewer {\n      idleExpiresAt\n    }\n  }\n}"): (typeof documents)["mutation Keepalive {\n  keepalive {\n    viewer {\n      idleExpiresAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    viewer {\n      userType\n      roles\n      user {\n        id\n        firstName\n      }\n    }\n  }\n}"): (typeof documents)["mutation SignIn($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    viewer {\n      userType\n      roles\n      user {\n        id\n        firstName\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut {\n  logout {\n    loggedOut\n  }\n}"): (typeof documents)["mutation SignOut {\n  logout {\n    loggedOut\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;