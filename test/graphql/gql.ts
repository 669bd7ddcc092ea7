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
    "\n  mutation AccessGrant($input: PermissionsChangeInput!) {\n    grantPermissions(input: $input) { done refused { permission reason } message }\n  }\n": typeof types.AccessGrantDocument,
    "\n  mutation AccessRevoke($input: PermissionsChangeInput!) {\n    revokePermissions(input: $input) { done refused { permission } message }\n  }\n": typeof types.AccessRevokeDocument,
    "\n  mutation AccessCopy($input: CopyPermissionsInput!) { copyPermissions(input: $input) { copied refused message } }\n": typeof types.AccessCopyDocument,
    "\n  query AccessUserGrants($userId: ID!) { userGrants(userId: $userId) { permission resourceType resourceId } }\n": typeof types.AccessUserGrantsDocument,
    "\n  query AccessTrialAndTrials($id: ID!) { trial(id: $id) { name contract { id } } trials { edges { node { id } } } }\n": typeof types.AccessTrialAndTrialsDocument,
    "\n  mutation AccessEditTrial($input: EditTrialInput!) { editTrial(input: $input) { trial { name } } }\n": typeof types.AccessEditTrialDocument,
    "query AccessCatalogue { permissions { name description } roles { name description } }": typeof types.AccessCatalogueDocument,
    "\n  query AccessRoleTemplate($roleName: String!, $resourceId: ID) {\n    roleTemplate(roleName: $roleName, resourceId: $resourceId) { permissions overridden }\n  }\n": typeof types.AccessRoleTemplateDocument,
    "\n  mutation AccessAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded message } }\n": typeof types.AccessAssignRoleDocument,
    "\n  mutation AccessAddRolePermissions($input: AddRolePermissionsInput!) { addRolePermissions(input: $input) { permissions } }\n": typeof types.AccessAddRolePermissionsDocument,
    "query AccessMyRoles { me { roles } }": typeof types.AccessMyRolesDocument,
    "\n  query AccessUserReach($userId: ID!) { userSites(userId: $userId) { id } userTrials(userId: $userId) { id } }\n": typeof types.AccessUserReachDocument,
    "\n  query AdminUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges { cursor node { id uid email firstName lastName createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id uid email emailVerified firstName lastName phone address { street1 street2 city state postCode country } }\n    }\n  }\n": typeof types.AdminUpdateUserDocument,
    "\n  mutation AdminUpdateContactPreferences($input: UpdateContactPreferencesInput!) {\n    updateContactPreferences(input: $input) { user { uid contactPreferences { email sms push } } }\n  }\n": typeof types.AdminUpdateContactPreferencesDocument,
    "\n  mutation AdminChangeUserPassword($input: ChangeUserPasswordInput!) { changeUserPassword(input: $input) { changed } }\n": typeof types.AdminChangeUserPasswordDocument,
    "\n  mutation AdminIssueVerificationToken($input: IssueVerificationTokenInput!) {\n    issueVerificationToken(input: $input) { token expiresAt }\n  }\n": typeof types.AdminIssueVerificationTokenDocument,
    "query AdminPasswordResetTokens { passwordResetTokens { email token } }": typeof types.AdminPasswordResetTokensDocument,
    "\n  mutation AdminVerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }\n": typeof types.AdminVerifyEmailDocument,
    "\n  mutation AdminSwitchUser($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } realUser { email } } }\n  }\n": typeof types.AdminSwitchUserDocument,
    "\n  mutation AdminSwitchUserAs($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } } }\n  }\n": typeof types.AdminSwitchUserAsDocument,
    "\n  mutation AdminSwitchBack { switchBack { viewer { impersonating isAdmin user { email } realUser { email } } } }\n": typeof types.AdminSwitchBackDocument,
    "query AdminMe { me { id uid email emailVerified } }": typeof types.AdminMeDocument,
    "query AdminMyContactPreferences { me { contactPreferences { email sms push } } }": typeof types.AdminMyContactPreferencesDocument,
    "query AdminImpersonating { viewer { impersonating } }": typeof types.AdminImpersonatingDocument,
    "query AdminUserNode($id: ID!) { node(id: $id) { id ... on User { email } } }": typeof types.AdminUserNodeDocument,
    "\n  query UsersWithDetails($first: Int!, $search: String) {\n    users(first: $first, search: $search) {\n      edges { node { id email roles address { city } contactPreferences { email } } }\n    }\n  }\n": typeof types.UsersWithDetailsDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }\n": typeof types.ChangePasswordDocument,
    "\n  mutation RequestReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }\n": typeof types.RequestResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }\n": typeof types.ResetPasswordDocument,
    "query ResetTokens { passwordResetTokens { email token expiresAt } }": typeof types.ResetTokensDocument,
    "query MyEmail { me { email emailVerified } }": typeof types.MyEmailDocument,
    "mutation PasswordsLogin($input: LoginInput!) { login(input: $input) { token } }": typeof types.PasswordsLoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id uid email firstName lastName phone emailVerified userType address { street1 street2 city state postCode country } contactPreferences { email sms push } }\n    }\n  }\n": typeof types.RegisterDocument,
    "query RegistrationMyRoles { viewer { roles isAdmin userType } }": typeof types.RegistrationMyRolesDocument,
    "query RegistrationUsers { users { edges { node { id } } } }": typeof types.RegistrationUsersDocument,
    "query RegistrationEmailVerified { me { emailVerified } }": typeof types.RegistrationEmailVerifiedDocument,
    "query Open { ping passwordRules }": typeof types.OpenDocument,
    "mutation VerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }": typeof types.VerifyEmailDocument,
    "mutation LogInToTouch($input: LoginInput!) { login(input: $input) { token } }": typeof types.LogInToTouchDocument,
    "query MyEmailWhileTouching { me { email } }": typeof types.MyEmailWhileTouchingDocument,
    "\n  mutation LogIn($input: LoginInput!) {\n    login(input: $input) { token expiresAt invalidAttempts viewer { isAdmin roles userType user { email } } }\n  }\n": typeof types.LogInDocument,
    "query Me { me { email } }": typeof types.MeDocument,
    "mutation Keepalive { keepalive { viewer { idleExpiresAt sessionExpiresAt } } }": typeof types.KeepaliveDocument,
    "mutation LogOut { logout { loggedOut } }": typeof types.LogOutDocument,
    "\n  mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        id\n        uid\n        enrollmentId\n        participantId\n        enrollment {\n          id\n        }\n        participant {\n          id\n        }\n        scheduledAt\n        localTime\n        timeZone\n        description\n        milestoneName\n        status\n        createdAt\n      }\n    }\n  }\n": typeof types.ScheduleAppointmentDocument,
    "\n  mutation MarkAppointment($input: MarkAppointmentInput!) {\n    markAppointment(input: $input) {\n      appointment {\n        id\n        status\n        statusChangedAt\n        auditHistory {\n          action\n        }\n      }\n    }\n  }\n": typeof types.MarkAppointmentDocument,
    "\n  query Appointments($participantId: ID!, $past: Boolean) {\n    appointments(participantId: $participantId, past: $past) {\n      id\n      uid\n      localTime\n      scheduledAt\n      description\n      milestoneName\n      status\n    }\n  }\n": typeof types.AppointmentsDocument,
    "query DemoViewer { viewer { roles userType } }": typeof types.DemoViewerDocument,
    "\n  mutation PoolPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id status } } }\n": typeof types.PoolPayMilestoneDocument,
    "\n  mutation PoolPayMileage($input: PayMileageInput!) { payMileage(input: $input) { payment { id status } } }\n": typeof types.PoolPayMileageDocument,
    "\n  mutation PoolReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id status } }\n  }\n": typeof types.PoolReimburseDocument,
    "\n  mutation PoolApprove($input: ApprovePaymentInput!) { approvePayment(input: $input) { payment { id status } } }\n": typeof types.PoolApproveDocument,
    "\n  mutation PoolClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { id status } } }\n": typeof types.PoolClaimDocument,
    "\n  mutation PoolSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n": typeof types.PoolSendDocument,
    "\n  mutation PoolAddFunding($input: AddFundingInput!) { addFunding(input: $input) { contract { id } } }\n": typeof types.PoolAddFundingDocument,
    "\n  mutation PoolAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }\n": typeof types.PoolAddParticipantDocument,
    "\n  mutation PoolEnroll($input: EnrollInput!) { enroll(input: $input) { enrollment { id } } }\n": typeof types.PoolEnrollDocument,
    "\n  mutation PoolSchedule($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) { appointment { id } }\n  }\n": typeof types.PoolScheduleDocument,
    "\n  mutation PoolAddMilestone($input: AddMilestoneInput!) { addMilestone(input: $input) { milestone { id } } }\n": typeof types.PoolAddMilestoneDocument,
    "\n  mutation SeveralFieldsCreateClient($input: CreateClientInput!) { createClient(input: $input) { client { id } } }\n": typeof types.SeveralFieldsCreateClientDocument,
    "\n  mutation ScheduleReminded($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        uid\n        localTime\n      }\n    }\n  }\n": typeof types.ScheduleRemindedDocument,
    "\n  subscription LiveMessageReceived($enrollmentId: ID) {\n    messageReceived(enrollmentId: $enrollmentId) { id body senderName senderIsStaff enrollmentId read }\n  }\n": typeof types.LiveMessageReceivedDocument,
    "\n  mutation LiveSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n": typeof types.LiveSendDocument,
    "\n  mutation MessagingSend($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id uid body sentAt senderName senderIsStaff enrollmentId subjectId trialName read }\n    }\n  }\n": typeof types.MessagingSendDocument,
    "\n  query MessagingInbox($enrollmentId: ID, $unreadOnly: Boolean, $first: Int, $after: String) {\n    messages(enrollmentId: $enrollmentId, unreadOnly: $unreadOnly, first: $first, after: $after) {\n      edges { node { id body senderName senderIsStaff enrollmentId read } }\n      pageInfo { hasNextPage endCursor }\n    }\n    unreadMessageCount(enrollmentId: $enrollmentId)\n  }\n": typeof types.MessagingInboxDocument,
    "query MessagingUnread { unreadMessageCount }": typeof types.MessagingUnreadDocument,
    "\n  mutation MessagingMarkRead($input: MarkMessagesReadInput!) {\n    markMessagesRead(input: $input) { messages { id read } unreadMessageCount }\n  }\n": typeof types.MessagingMarkReadDocument,
    "\n  mutation MessagingBulkEmail($input: BulkEmailInput!) { bulkEmail(input: $input) { queued skipped } }\n": typeof types.MessagingBulkEmailDocument,
    "query MessagingNode($id: ID!) { node(id: $id) { id ... on Message { body } } }": typeof types.MessagingNodeDocument,
    "\n  mutation OrgCreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        id uid name salesContact taxId contactName contactPhone contactEmail\n        address { street1 street2 city state postCode country }\n        contracts { id }\n        sites { id }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n": typeof types.OrgCreateClientDocument,
    "\n  mutation OrgEditClient($input: EditClientInput!) {\n    editClient(input: $input) {\n      client {\n        id name salesContact taxId contactName contactPhone contactEmail\n        address { street1 city state postCode }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n": typeof types.OrgEditClientDocument,
    "\n  mutation OrgDeleteClient($input: DeleteClientInput!) { deleteClient(input: $input) { deletedClientId } }\n": typeof types.OrgDeleteClientDocument,
    "\n  query OrgClients($search: String, $first: Int, $after: String) {\n    clients(search: $search, first: $first, after: $after) {\n      edges { node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OrgClientsDocument,
    "\n  query OrgClient($id: ID!) {\n    client(id: $id) { id uid name contracts { id name } sites { id name } }\n  }\n": typeof types.OrgClientDocument,
    "\n  query OrgClientNode($id: ID!) { node(id: $id) { id ... on Client { name } } }\n": typeof types.OrgClientNodeDocument,
    "\n  query OrgClientsWithChildren($search: String) {\n    clients(search: $search, first: 50) {\n      edges { node { id contracts { id } sites { id address { city } } auditHistory { action } } }\n    }\n  }\n": typeof types.OrgClientsWithChildrenDocument,
    "\n  mutation OrgCreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      site {\n        id uid name timeZone client { id } address { street1 city state postCode }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n": typeof types.OrgCreateSiteDocument,
    "\n  mutation OrgEditSite($input: EditSiteInput!) {\n    editSite(input: $input) { site { id name timeZone address { city } auditHistory { action } } }\n  }\n": typeof types.OrgEditSiteDocument,
    "\n  mutation OrgDeleteSite($input: DeleteSiteInput!) { deleteSite(input: $input) { deletedSiteId } }\n": typeof types.OrgDeleteSiteDocument,
    "\n  query OrgSites($clientId: ID, $first: Int) {\n    sites(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }\n  }\n": typeof types.OrgSitesDocument,
    "\n  query OrgSite($id: ID!) { site(id: $id) { id uid name timeZone client { id name } } }\n": typeof types.OrgSiteDocument,
    "\n  mutation OrgCreateContract($input: CreateContractInput!) {\n    createContract(input: $input) {\n      contract {\n        id uid name clientSignatureDate startDate endDate currency\n        totalValue { amount currency formatted }\n        client { id name }\n        document { filename }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n": typeof types.OrgCreateContractDocument,
    "\n  mutation OrgEditContract($input: EditContractInput!) {\n    editContract(input: $input) {\n      contract { id name startDate endDate currency totalValue { amount currency } auditHistory { action } }\n    }\n  }\n": typeof types.OrgEditContractDocument,
    "\n  mutation OrgDeleteContract($input: DeleteContractInput!) { deleteContract(input: $input) { deletedContractId } }\n": typeof types.OrgDeleteContractDocument,
    "\n  mutation OrgUploadDocument($input: UploadContractDocumentInput!) {\n    uploadContractDocument(input: $input) {\n      document { filename contentType sizeBytes sha256 uploadedAt downloadUrl }\n      contract { id document { filename downloadUrl } }\n    }\n  }\n": typeof types.OrgUploadDocumentDocument,
    "\n  query OrgContracts($clientId: ID, $first: Int) {\n    contracts(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }\n  }\n": typeof types.OrgContractsDocument,
    "\n  query OrgContract($id: ID!) {\n    contract(id: $id) {\n      id uid name currency totalValue { amount formatted }\n      client { id name }\n      funding { remaining { amount } }\n      document { filename downloadUrl }\n    }\n  }\n": typeof types.OrgContractDocument,
    "\n  query OrgContractSeen($id: ID!) { contract(id: $id) { name funding { remaining { amount } } document { filename } } }\n": typeof types.OrgContractSeenDocument,
    "\n  mutation AlertSetThreshold($input: SetLowBalanceThresholdInput!) {\n    setLowBalanceThreshold(input: $input) {\n      contract { id lowBalanceThreshold { amount { amount currency } percentOfDeposits belowSince } }\n    }\n  }\n": typeof types.AlertSetThresholdDocument,
    "\n  mutation AlertWatch($input: WatchContractFundingInput!) {\n    watchContractFunding(input: $input) { contract { id watchingFunding } }\n  }\n": typeof types.AlertWatchDocument,
    "\n  query AlertContract($id: ID!) {\n    contract(id: $id) {\n      watchingFunding\n      funding { remaining { amount } }\n      lowBalanceThreshold { amount { amount } percentOfDeposits belowSince }\n      fundingAlerts(first: 10) {\n        totalCount\n        edges { node { remaining { amount currency } threshold { amount } notifiedCount createdAt } }\n      }\n    }\n  }\n": typeof types.AlertContractDocument,
    "\n  query AlertMine {\n    fundingAlerts(first: 10) { totalCount edges { node { contract { id name } remaining { amount } } } }\n  }\n": typeof types.AlertMineDocument,
    "\n  mutation AlertAddFunding($input: AddFundingInput!) {\n    addFunding(input: $input) { contract { funding { remaining { amount } } } }\n  }\n": typeof types.AlertAddFundingDocument,
    "\n  mutation AlertPayMileage($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id status } }\n  }\n": typeof types.AlertPayMileageDocument,
    "\n  mutation AlertPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) { payment { id status } }\n  }\n": typeof types.AlertPayMilestoneDocument,
    "\n  mutation AlertReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id status } }\n  }\n": typeof types.AlertReimburseDocument,
    "\n  mutation AlertApprove($input: ApprovePaymentInput!) {\n    approvePayment(input: $input) { payment { id status } }\n  }\n": typeof types.AlertApproveDocument,
    "\n  mutation OrgAddFunding($input: AddFundingInput!) {\n    addFunding(input: $input) {\n      deposit { amount { amount currency } note createdAt }\n      contract {\n        id\n        funding {\n          deposited { amount currency formatted }\n          committed { amount }\n          remaining { amount }\n          deposits { amount { amount } note }\n        }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n": typeof types.OrgAddFundingDocument,
    "\n  query OrgFunding($contractId: ID, $trialId: ID) {\n    funding(contractId: $contractId, trialId: $trialId) { amount currency formatted }\n  }\n": typeof types.OrgFundingDocument,
    "\n  query OrgContractFunding($id: ID!) {\n    contract(id: $id) {\n      id\n      funding { deposited { amount } committed { amount } remaining { amount } deposits { amount { amount } } }\n      auditHistory { action }\n    }\n  }\n": typeof types.OrgContractFundingDocument,
    "\n  query OrgContractsFunding($clientId: ID) {\n    contracts(clientId: $clientId, first: 50) {\n      edges { node { id funding { remaining { amount } deposits { amount { amount } } } } }\n    }\n  }\n": typeof types.OrgContractsFundingDocument,
    "\n  query RunwayContract($id: ID!, $trialId: ID!) {\n    contract(id: $id) {\n      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount currency } currency asOf }\n    }\n    trial(id: $trialId) {\n      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount } currency }\n    }\n  }\n": typeof types.RunwayContractDocument,
    "\n  query RunwayTrial($id: ID!) { trial(id: $id) { name runway { projected { amount } } } }\n": typeof types.RunwayTrialDocument,
    "\n  query RunwayClientContracts($clientId: ID!) {\n    contracts(clientId: $clientId, first: 50) {\n      edges { node { name runway { projected { amount } scheduledStillOwed { amount } } } }\n    }\n  }\n": typeof types.RunwayClientContractsDocument,
    "\n  mutation OrgCreateSiteInTrial($input: CreateSiteInput!) {\n    createSite(input: $input) { site { id name trialSites { nodes { trial { id } } } } }\n  }\n": typeof types.OrgCreateSiteInTrialDocument,
    "\n  mutation AuditAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }\n": typeof types.AuditAddParticipantDocument,
    "\n  mutation AuditUpdateParticipant($input: UpdateParticipantInput!) { updateParticipant(input: $input) { participant { id } } }\n": typeof types.AuditUpdateParticipantDocument,
    "\n  query AuditParticipantHistory($id: ID!) {\n    participant(id: $id) { auditHistory { action actorName changes { field from to } } }\n  }\n": typeof types.AuditParticipantHistoryDocument,
    "\n  query TrialRoster($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          site { name }\n          enrollments(first: 100) {\n            nodes { subjectId status participant { firstName lastName dateOfBirth } appointments { scheduledAt status } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.TrialRosterDocument,
    "\n  mutation EnEnroll($input: EnrollInput!) {\n    enroll(input: $input) { enrollment { id uid subjectId status trial { id } trialSite { id } participant { id } } }\n  }\n": typeof types.EnEnrollDocument,
    "\n  mutation EnSetStatus($input: SetEnrollmentStatusInput!) { setEnrollmentStatus(input: $input) { enrollment { id status } } }\n": typeof types.EnSetStatusDocument,
    "\n  query EnEnrollments($participantId: ID!) {\n    enrollments(participantId: $participantId) { id subjectId status payoutMethod { type email phone accountLast4 address { street1 } } }\n  }\n": typeof types.EnEnrollmentsDocument,
    "\n  query EnEnrolled($trialId: ID!, $siteId: ID!) {\n    enrolled(trialId: $trialId, siteId: $siteId) {\n      id subjectId participant { id firstName }\n      paymentSchedule { uid name sortOrder repeatable effectiveAt amount { amount currency } }\n    }\n  }\n": typeof types.EnEnrolledDocument,
    "query EnPaymentTypes { paymentTypes { code name description } }": typeof types.EnPaymentTypesDocument,
    "\n  mutation EnSetPaymentType($input: SetPaymentTypeInput!) {\n    setPaymentType(input: $input) {\n      payoutMethod { type email phone accountHolder accountLast4 address { street1 city } }\n      enrollment { id payoutMethod { type accountLast4 } }\n    }\n  }\n": typeof types.EnSetPaymentTypeDocument,
    "\n  query OwnParticipantApp {\n    me {\n      participant {\n        id\n        firstName\n        homeSite { name phone }\n        enrollments {\n          subjectId\n          status\n          trial { id name }\n          trialSite {\n            site { name phone timeZone address { street1 city state postCode } }\n            coordinators { firstName lastName email phone }\n          }\n          payments(first: 20) { totalCount nodes { status amount { amount currency } } }\n        }\n      }\n    }\n    trials(first: 10) { nodes { name } }\n  }\n": typeof types.OwnParticipantAppDocument,
    "\n  query OwnCaregiverApp {\n    me {\n      participant { id }\n      caresFor {\n        id\n        firstName\n        enrollments {\n          subjectId\n          status\n          trial { id name }\n          trialSite {\n            site { name phone timeZone address { street1 city state postCode } }\n            coordinators { firstName lastName email phone }\n          }\n          payments(first: 20) { totalCount nodes { status amount { amount currency } } }\n        }\n      }\n    }\n    trials(first: 10) { nodes { name } }\n  }\n": typeof types.OwnCaregiverAppDocument,
    "query OwnParticipant($id: ID!) { participant(id: $id) { id firstName } }": typeof types.OwnParticipantDocument,
    "query OwnTrialSite($id: ID!) { trialSite(id: $id) { id site { name } } }": typeof types.OwnTrialSiteDocument,
    "query OwnTrial($id: ID!) { trial(id: $id) { name } }": typeof types.OwnTrialDocument,
    "query OwnTrialDetails($id: ID!) { trial(id: $id) { name protocolId } }": typeof types.OwnTrialDetailsDocument,
    "query OwnTrialContract($id: ID!) { trial(id: $id) { name contract { name } } }": typeof types.OwnTrialContractDocument,
    "\n  query OwnTrialSiteEnrollments($id: ID!) { trialSite(id: $id) { enrollments(first: 50) { nodes { subjectId } } } }\n": typeof types.OwnTrialSiteEnrollmentsDocument,
    "query OwnFunding($trialId: ID!) { funding(trialId: $trialId) { amount } }": typeof types.OwnFundingDocument,
    "\n  mutation PtAdd($input: AddParticipantInput!) {\n    addParticipant(input: $input) {\n      participant { id uid firstName lastName email phone dateOfBirth timeZone emergencyContact emergencyPhone\n        address { street1 city postCode } homeSite { id } user { id userType emailVerified } enrollments { id } caregivers { id } }\n    }\n  }\n": typeof types.PtAddDocument,
    "\n  mutation PtUpdate($input: UpdateParticipantInput!) {\n    updateParticipant(input: $input) { participant { id firstName lastName email phone emergencyContact timeZone } }\n  }\n": typeof types.PtUpdateDocument,
    "\n  query PtGet($id: ID!) { participant(id: $id) { id firstName email enrollments { id subjectId } caregivers { id } } }\n": typeof types.PtGetDocument,
    "\n  query PtList($trialId: ID, $siteId: ID, $search: String) {\n    participants(trialId: $trialId, siteId: $siteId, search: $search, first: 50) { edges { node { id firstName lastName } } }\n  }\n": typeof types.PtListDocument,
    "\n  query PtUser($participantId: ID!) { userByParticipant(participantId: $participantId) { id email userType } }\n": typeof types.PtUserDocument,
    "\n  mutation PtChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }\n": typeof types.PtChangePasswordDocument,
    "\n  mutation PtRegisterCaregiver($input: RegisterCaregiverInput!) {\n    registerCaregiver(input: $input) { caregiver { id firstName lastName email relationship participant { id } user { id userType } } }\n  }\n": typeof types.PtRegisterCaregiverDocument,
    "\n  mutation PtUpdateCaregiver($input: UpdateCaregiverInput!) {\n    updateCaregiver(input: $input) { caregiver { id firstName lastName relationship } }\n  }\n": typeof types.PtUpdateCaregiverDocument,
    "\n  query PtCaregivers($participantId: ID!) { caregivers(participantId: $participantId) { id firstName relationship } }\n": typeof types.PtCaregiversDocument,
    "\n  query PtCaregiverUser($caregiverId: ID!) { userByCaregiver(caregiverId: $caregiverId) { id email userType } }\n": typeof types.PtCaregiverUserDocument,
    "query PtRelationships { caregiverRelationships }": typeof types.PtRelationshipsDocument,
    "\n  mutation CoordAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded } }\n": typeof types.CoordAssignRoleDocument,
    "\n  mutation CoordAddParticipant($input: AddParticipantInput!) {\n    addParticipant(input: $input) { participant { id firstName homeSite { name } } }\n  }\n": typeof types.CoordAddParticipantDocument,
    "\n  mutation CoordEnroll($input: EnrollInput!) {\n    enroll(input: $input) { enrollment { id subjectId status trial { name } } }\n  }\n": typeof types.CoordEnrollDocument,
    "\n  mutation CoordPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) { payment { id status amount { amount } } }\n  }\n": typeof types.CoordPayMilestoneDocument,
    "\n  query CoordParticipant($id: ID!) {\n    participant(id: $id) { id firstName enrollments { id trial { name } payments { totalCount } } }\n  }\n": typeof types.CoordParticipantDocument,
    "\n  query CoordParticipants { participants(first: 100) { nodes { id } } }\n": typeof types.CoordParticipantsDocument,
    "query CoordNode($id: ID!) { node(id: $id) { id } }": typeof types.CoordNodeDocument,
    "query CoordTrialSite($id: ID!) { trialSite(id: $id) { id } }": typeof types.CoordTrialSiteDocument,
    "query CoordTrial($id: ID!) { trial(id: $id) { id } }": typeof types.CoordTrialDocument,
    "\n  query CoordEnrolled($trialId: ID!, $siteId: ID!) { enrolled(trialId: $trialId, siteId: $siteId) { id } }\n": typeof types.CoordEnrolledDocument,
    "\n  mutation BulkPayMilestones($input: PayMilestonesInput!) {\n    payMilestones(input: $input) {\n      results {\n        payment { id uid status milestoneName amount { amount } history { toStatus } }\n        error { code message fields }\n      }\n    }\n  }\n": typeof types.BulkPayMilestonesDocument,
    "\n  mutation BulkPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }\n": typeof types.BulkPayMilestoneDocument,
    "\n  query BulkSchedule($trialId: ID!, $siteId: ID!) {\n    paymentSchedule(trialId: $trialId, siteId: $siteId) { id uid name }\n  }\n": typeof types.BulkScheduleDocument,
    "\n  mutation ClaimRefusalsClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { claimed { id } refused { paymentId code reason } }\n  }\n": typeof types.ClaimRefusalsClaimDocument,
    "\n  query ClaimsUnclaimed($participantId: ID!) {\n    unclaimedPayments(participantId: $participantId) { uid status amount { amount currency } }\n  }\n": typeof types.ClaimsUnclaimedDocument,
    "\n  mutation ClaimsClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { message claimed { id uid status } refused { paymentId reason } }\n  }\n": typeof types.ClaimsClaimDocument,
    "\n  mutation MileageVisitPay($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id kind status milestoneName amount { amount } } }\n  }\n": typeof types.MileageVisitPayDocument,
    "\n  query TrialMilestones($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes { enrollments { nodes { milestonePayments { timesPaid payable paid { amount } milestone { name } } } } }\n      }\n    }\n  }\n": typeof types.TrialMilestonesDocument,
    "\n  query TrialPayments($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          enrollments {\n            nodes {\n              subjectId\n              payments(first: 10) { totalCount edges { node { status amount { amount } } } }\n              unclaimed: payments(first: 1, status: UNCLAIMED) { totalCount edges { node { status } } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.TrialPaymentsDocument,
    "\n  mutation PayAddMilestone($input: AddMilestoneInput!) {\n    addMilestone(input: $input) { milestone { id uid name repeatable effectiveAt amount { amount currency } } }\n  }\n": typeof types.PayAddMilestoneDocument,
    "\n  query PaySchedule($trialId: ID!, $siteId: ID!) {\n    paymentSchedule(trialId: $trialId, siteId: $siteId) { uid name amount { amount currency } }\n  }\n": typeof types.PayScheduleDocument,
    "\n  mutation PayPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) {\n      payment { id uid kind status milestoneName createdByName amount { amount currency } history { fromStatus toStatus actorName } }\n    }\n  }\n": typeof types.PayPayMilestoneDocument,
    "\n  mutation PayPayMileage($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id status kind amount { amount } } }\n  }\n": typeof types.PayPayMileageDocument,
    "\n  mutation PayReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id uid status kind category amount { amount } } }\n  }\n": typeof types.PayReimburseDocument,
    "\n  mutation PayApprove($input: ApprovePaymentInput!) {\n    approvePayment(input: $input) { payment { id status history { fromStatus toStatus actorName reason } } }\n  }\n": typeof types.PayApproveDocument,
    "\n  mutation PayReject($input: RejectPaymentInput!) {\n    rejectPayment(input: $input) { payment { id status rejectionReason history { fromStatus toStatus reason } } }\n  }\n": typeof types.PayRejectDocument,
    "query PayCategories($trialId: ID!) { categories(trialId: $trialId) }": typeof types.PayCategoriesDocument,
    "\n  mutation PayAddCategory($input: AddCategoryInput!) { addCategory(input: $input) { categories } }\n": typeof types.PayAddCategoryDocument,
    "\n  query PayPayments($status: PaymentStatus) {\n    payments(status: $status, first: 100) { edges { node { id uid status enrollment { id } } } }\n  }\n": typeof types.PayPaymentsDocument,
    "\n  query PayPending($participantId: ID!) {\n    pendingReimbursements(participantId: $participantId) { id }\n    pendingPayments(participantId: $participantId) { edges { node { id } } }\n  }\n": typeof types.PayPendingDocument,
    "\n  query PayParticipantPayments($participantId: ID!) {\n    participantPayments(participantId: $participantId) { id kind }\n    recentPayments { id }\n  }\n": typeof types.PayParticipantPaymentsDocument,
    "\n  query PayPayable { payableVisits { appointmentId milestoneId milestoneName enrollment { id } amount { amount } } }\n": typeof types.PayPayableDocument,
    "\n  query PayMilestonePayments($id: ID!) {\n    node(id: $id) { ... on Enrollment { milestonePayments { milestone { name } timesPaid payable paid { amount } } } }\n  }\n": typeof types.PayMilestonePaymentsDocument,
    "\n  mutation RecoveryClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }\n": typeof types.RecoveryClaimDocument,
    "\n  mutation PayoutsClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }\n": typeof types.PayoutsClaimDocument,
    "query RatingsRateable { rateableVisits { uid status milestoneName } }": typeof types.RatingsRateableDocument,
    "\n  mutation RatingsRate($input: RateVisitInput!) { rateVisit(input: $input) { rating { uid rating note milestone } } }\n": typeof types.RatingsRateDocument,
    "\n  query RatingsReport($trialId: ID, $participantId: ID, $startDate: Date, $endDate: Date) {\n    ratings(trialId: $trialId, participantId: $participantId, startDate: $startDate, endDate: $endDate) {\n      edges { node { uid enrollmentId milestone rating note completedVisits totalVisits } }\n    }\n  }\n": typeof types.RatingsReportDocument,
    "\n  query TrialDashboard($id: ID!) {\n    trial(id: $id) {\n      paymentTotals { currency count committed { amount { amount } } }\n      trialSites {\n        nodes {\n          paymentTotals { count paid { count amount { amount } } }\n          payments(first: 2, orderBy: AMOUNT_DESC) { totalCount edges { node { uid } } }\n          enrollments {\n            nodes {\n              paymentTotals { count unclaimed { amount { amount } } }\n              payments(first: 2, status: UNCLAIMED) { totalCount edges { node { uid } } }\n              participant { payments(first: 1, orderBy: CREATED_AT_ASC) { totalCount edges { node { uid } } } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.TrialDashboardDocument,
    "\n  query BenchDashboard($id: ID!) {\n    trial(id: $id) {\n      name\n      trialSites(first: 100) {\n        edges {\n          node {\n            site { name }\n            enrollments(first: 100) {\n              edges {\n                node {\n                  subjectId\n                  participant { firstName lastName }\n                  payments(first: 100) { edges { node { amount { amount } status } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.BenchDashboardDocument,
    "\n  query PaymentFieldsBothWays($id: ID!) {\n    trial(id: $id) {\n      trialSites(first: 10) {\n        nodes {\n          enrollments(first: 10) {\n            nodes {\n              payments(first: 10) {\n                nodes {\n                  id uid kind status amount { amount currency }\n                  ... on Payment { category note rejectionReason failureReason createdAt }\n                }\n                edges { node { status } }\n              }\n              withMilestone: payments(first: 10) { nodes { status milestoneName } }\n            }\n          }\n        }\n      }\n    }\n    payments(trialId: $id, first: 100) {\n      nodes { id uid kind status amount { amount currency } category note rejectionReason failureReason createdAt }\n    }\n  }\n": typeof types.PaymentFieldsBothWaysDocument,
    "\n  query ParticipantsWithPayments($trialId: ID!) {\n    participants(trialId: $trialId, first: 100, orderBy: NAME_ASC) {\n      totalCount\n      edges { node { lastName payments(first: 2, kind: MANUAL) { totalCount edges { node { uid } } } } }\n    }\n  }\n": typeof types.ParticipantsWithPaymentsDocument,
    "\n  query TrialSitePayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    trialSite(id: $id) {\n      payments(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        status: $status\n        kind: $kind\n        createdAt: $createdAt\n      ) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { uid } }\n      }\n    }\n  }\n": typeof types.TrialSitePaymentsDocument,
    "\n  query ParticipantPayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    participant(id: $id) {\n      payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { uid } }\n      }\n    }\n  }\n": typeof types.ParticipantPaymentsDocument,
    "\n  query EnrollmentPayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    node(id: $id) {\n      ... on Enrollment {\n        payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { uid } }\n        }\n      }\n    }\n  }\n": typeof types.EnrollmentPaymentsDocument,
    "\n  query RootPayments(\n    $trialId: ID\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    payments(\n      trialId: $trialId\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      status: $status\n      kind: $kind\n      createdAt: $createdAt\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { uid } }\n    }\n  }\n": typeof types.RootPaymentsDocument,
    "\n  fragment SumFields on PaymentTotals {\n    currency\n    count\n    pending { count amount { amount } }\n    unclaimed { count amount { amount } }\n    claimed { count amount { amount } }\n    paid { count amount { amount } }\n    failed { count amount { amount } }\n    rejected { count amount { amount } }\n    committed { count amount { amount } }\n  }\n": typeof types.SumFieldsFragmentDoc,
    "\n  query TrialTotals($id: ID!, $kind: PaymentKind, $createdAt: DateTimeRange) {\n    trial(id: $id) {\n      paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }\n      trialSites {\n        nodes {\n          uid\n          paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }\n          enrollments { nodes { uid paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields } } }\n        }\n      }\n    }\n  }\n": typeof types.TrialTotalsDocument,
    "\n  query TrialSiteTotals($id: ID!) {\n    trialSite(id: $id) { paymentTotals { count paid { amount { amount } } } }\n  }\n": typeof types.TrialSiteTotalsDocument,
    "\n  query TrialOnlyTotals($id: ID!) {\n    trial(id: $id) { paymentTotals { count paid { amount { amount } } } }\n  }\n": typeof types.TrialOnlyTotalsDocument,
    "\n  query EnrollmentTotals($id: ID!) {\n    node(id: $id) { ... on Enrollment { paymentTotals { count committed { amount { amount } } } } }\n  }\n": typeof types.EnrollmentTotalsDocument,
    "\n  query ParticipantsInOrder($trialId: ID, $first: Int, $after: String, $orderBy: ParticipantOrder) {\n    participants(trialId: $trialId, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { uid lastName } }\n    }\n  }\n": typeof types.ParticipantsInOrderDocument,
    "\n  mutation LinksRequestTrialReport($input: RequestTrialPaymentReportInput!) {\n    requestTrialPaymentReport(input: $input) { url expiresAt }\n  }\n": typeof types.LinksRequestTrialReportDocument,
    "\n  mutation LinksRequestFundingReport($input: RequestFundingReportInput!) {\n    requestFundingReport(input: $input) { url expiresAt }\n  }\n": typeof types.LinksRequestFundingReportDocument,
    "\n  mutation ReportsRequestTrialReport($input: RequestTrialPaymentReportInput!) {\n    requestTrialPaymentReport(input: $input) { url expiresAt }\n  }\n": typeof types.ReportsRequestTrialReportDocument,
    "\n  mutation ReportsRequestFundingReport($input: RequestFundingReportInput!) {\n    requestFundingReport(input: $input) { url expiresAt }\n  }\n": typeof types.ReportsRequestFundingReportDocument,
    "query ServerTypename { __typename }": typeof types.ServerTypenameDocument,
    "query ServerPing { ping }": typeof types.ServerPingDocument,
    "query ServerMyEmail { me { email } }": typeof types.ServerMyEmailDocument,
    "query ServerNode($id: ID!) { node(id: $id) { id } }": typeof types.ServerNodeDocument,
    "\n  mutation GraphiqlSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n": typeof types.GraphiqlSendDocument,
    "\n  query LimitsDashboard($id: ID!) {\n    trial(id: $id) {\n      name\n      trialSites(first: 20) {\n        nodes {\n          site { name }\n          enrollments(first: 50) {\n            nodes {\n              subjectId\n              participant { firstName lastName }\n              payments(first: 100) { edges { node { amount { amount } status } } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LimitsDashboardDocument,
    "query LimitsUsersLiteral { users(first: 7) { edges { node { email } } } }": typeof types.LimitsUsersLiteralDocument,
    "\n  query LimitsUsersVariable($first: Int) { users(first: $first) { edges { node { email } } } }\n": typeof types.LimitsUsersVariableDocument,
    "\n  query LimitsUsersFragment($first: Int) { users(first: $first) { ...LimitsUserEdges } }\n  fragment LimitsUserEdges on UserConnection { edges { node { email } } }\n": typeof types.LimitsUsersFragmentDocument,
    "query LimitsPing { ping }": typeof types.LimitsPingDocument,
    "\n  mutation LimitsCreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        name\n        contracts { trials { trialSites(first: 100) { nodes { enrollments(first: 100) { nodes { payments(first: 100) { edges { node { id } } } } } } } } }\n      }\n    }\n  }\n": typeof types.LimitsCreateClientDocument,
    "\n  query ScheduleByIds($trialId: ID!, $siteId: ID!) { paymentSchedule(trialId: $trialId, siteId: $siteId) { name } }\n": typeof types.ScheduleByIdsDocument,
    "\n  mutation MileageRateSet($input: SetMileageRateInput!) {\n    setMileageRate(input: $input) { trial { mileageRate { amount { amount currency } unit } } }\n  }\n": typeof types.MileageRateSetDocument,
    "\n  query MileageRateRead($id: ID!) { node(id: $id) { ... on Trial { mileageRate { amount { amount } unit } } } }\n": typeof types.MileageRateReadDocument,
    "\n  mutation MileageRatePay($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id distance mileageRate { amount { amount } unit } } }\n  }\n": typeof types.MileageRatePayDocument,
    "\n  query MileageRateListed($id: ID!) {\n    participant(id: $id) { payments { nodes { distance mileageRate { amount { amount } unit } } } }\n  }\n": typeof types.MileageRateListedDocument,
    "\n  mutation MileageRateClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { uid } } }\n": typeof types.MileageRateClaimDocument,
    "\n  query MileageRateTaxYear($id: ID!, $year: Int!) {\n    participant(id: $id) { taxYear(year: $year) { reportable { amount } nonReportable { amount } paymentCount } }\n  }\n": typeof types.MileageRateTaxYearDocument,
    "\n  query TaxYearTotals($id: ID!, $year: Int!) {\n    participant(id: $id) {\n      taxYear(year: $year) {\n        taxYear payerName reportable { amount currency } nonReportable { amount currency } paymentCount\n        threshold { amount currency } thresholdStatus taxpayerDetailsOnFile policy\n      }\n    }\n  }\n": typeof types.TaxYearTotalsDocument,
    "\n  query TaxThresholds($year: Int) {\n    taxThresholds(taxYear: $year) { taxYear amount { amount currency } approachingPercent source }\n  }\n": typeof types.TaxThresholdsDocument,
    "\n  mutation TaxSetThreshold($input: SetTaxThresholdInput!) {\n    setTaxThreshold(input: $input) { threshold { taxYear amount { amount currency } approachingPercent } }\n  }\n": typeof types.TaxSetThresholdDocument,
    "\n  mutation TaxSetPolicy($input: SetClientTaxPolicyInput!) { setClientTaxPolicy(input: $input) { policy } }\n": typeof types.TaxSetPolicyDocument,
    "\n  mutation TaxSetDetails($input: SetTaxpayerDetailsInput!) {\n    setTaxpayerDetails(input: $input) {\n      taxpayerDetails { maskedTin tinKind legalName certifiedAt }\n      released { uid status claimHold { heldAt releasedAt } }\n    }\n  }\n": typeof types.TaxSetDetailsDocument,
    "\n  query TaxDetails($id: ID!) { participant(id: $id) { taxpayerDetails { maskedTin tinKind certifiedAt } } }\n": typeof types.TaxDetailsDocument,
    "\n  query TaxDetailsPrivate($id: ID!) {\n    participant(id: $id) { taxpayerDetails { maskedTin legalName address { city } } }\n  }\n": typeof types.TaxDetailsPrivateDocument,
    "\n  mutation TaxClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { claimed { uid } refused { paymentId code } }\n  }\n": typeof types.TaxClaimDocument,
    "\n  query TaxPaymentHold($id: ID!) {\n    node(id: $id) { ... on Payment { status claimHold { heldAt releasedAt } } }\n  }\n": typeof types.TaxPaymentHoldDocument,
    "\n  mutation TaxReport($input: RequestTaxYearReportInput!) { requestTaxYearReport(input: $input) { url } }\n": typeof types.TaxReportDocument,
    "\n  query TaxRosterYears($id: ID!, $year: Int!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          enrollments(first: 100) {\n            nodes { participant { uid taxYear(year: $year) { reportable { amount } paymentCount } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.TaxRosterYearsDocument,
    "\n  query AccessTrial($id: ID!) { trial(id: $id) { id name trialSites { nodes { id } } } }\n": typeof types.AccessTrialDocument,
    "\n  query AccessTrials($search: String) { trials(search: $search, first: 100) { edges { node { id } } } }\n": typeof types.AccessTrialsDocument,
    "\n  query AccessTrialSites($trialId: ID!) { trialSites(trialId: $trialId) { id } }\n": typeof types.AccessTrialSitesDocument,
    "\n  query AccessTrialSite($id: ID!) { trialSite(id: $id) { id trial { id } } }\n": typeof types.AccessTrialSiteDocument,
    "\n  query AccessContractTrials($id: ID!) { trial(id: $id) { contract { id trials { id } } } }\n": typeof types.AccessContractTrialsDocument,
    "\n  query AccessSiteTrialSites($id: ID!) { trialSite(id: $id) { site { id trialSites { nodes { id } } } } }\n": typeof types.AccessSiteTrialSitesDocument,
    "\n  mutation AccessCreate($input: CreateTrialInput!) { createTrial(input: $input) { trial { id contract { id } } } }\n": typeof types.AccessCreateDocument,
    "\n  mutation AccessEdit($input: EditTrialInput!) { editTrial(input: $input) { trial { id name } } }\n": typeof types.AccessEditDocument,
    "\n  mutation AccessDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }\n": typeof types.AccessDeleteDocument,
    "\n  mutation AccessAddSite($input: AddTrialSiteInput!) { addTrialSite(input: $input) { trialSite { id site { id } } } }\n": typeof types.AccessAddSiteDocument,
    "\n  query BatchingClientTree($id: ID!) {\n    client(id: $id) { contracts { trials { protocolId trialSites { nodes { site { name } } } } } }\n  }\n": typeof types.BatchingClientTreeDocument,
    "\n  mutation TrialSitesAdd($input: AddTrialSiteInput!) {\n    addTrialSite(input: $input) {\n      trialSite {\n        id uid createdAt\n        trial { id name trialSites { nodes { id } } }\n        site { id }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n": typeof types.TrialSitesAddDocument,
    "\n  query TrialSitesList($trialId: ID!) { trialSites(trialId: $trialId) { id uid site { id } trial { id } } }\n": typeof types.TrialSitesListDocument,
    "\n  query TrialSitesOne($id: ID!) { trialSite(id: $id) { id uid trial { id protocolId } site { id } } }\n": typeof types.TrialSitesOneDocument,
    "\n  mutation TrialSitesClose($input: EditTrialInput!) { editTrial(input: $input) { trial { status } } }\n": typeof types.TrialSitesCloseDocument,
    "\n  mutation TrialsCreate($input: CreateTrialInput!) {\n    createTrial(input: $input) {\n      trial {\n        id uid name protocolId status phase irbStatus createdAt\n        contract { id }\n        trialSites { nodes { id } }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n": typeof types.TrialsCreateDocument,
    "\n  mutation TrialsEdit($input: EditTrialInput!) {\n    editTrial(input: $input) {\n      trial { id name protocolId status phase irbStatus auditHistory { action actorName changes { field from to } } }\n    }\n  }\n": typeof types.TrialsEditDocument,
    "\n  mutation TrialsDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }\n": typeof types.TrialsDeleteDocument,
    "\n  query TrialsSearch($search: String, $first: Int, $after: String) {\n    trials(search: $search, first: $first, after: $after) {\n      edges { node { id name protocolId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.TrialsSearchDocument,
    "\n  query TrialsGet($id: ID!) {\n    trial(id: $id) { id uid name protocolId status phase irbStatus contract { id } trialSites { nodes { id site { id } } } }\n  }\n": typeof types.TrialsGetDocument,
};
const documents: Documents = {
    "\n  mutation AccessGrant($input: PermissionsChangeInput!) {\n    grantPermissions(input: $input) { done refused { permission reason } message }\n  }\n": types.AccessGrantDocument,
    "\n  mutation AccessRevoke($input: PermissionsChangeInput!) {\n    revokePermissions(input: $input) { done refused { permission } message }\n  }\n": types.AccessRevokeDocument,
    "\n  mutation AccessCopy($input: CopyPermissionsInput!) { copyPermissions(input: $input) { copied refused message } }\n": types.AccessCopyDocument,
    "\n  query AccessUserGrants($userId: ID!) { userGrants(userId: $userId) { permission resourceType resourceId } }\n": types.AccessUserGrantsDocument,
    "\n  query AccessTrialAndTrials($id: ID!) { trial(id: $id) { name contract { id } } trials { edges { node { id } } } }\n": types.AccessTrialAndTrialsDocument,
    "\n  mutation AccessEditTrial($input: EditTrialInput!) { editTrial(input: $input) { trial { name } } }\n": types.AccessEditTrialDocument,
    "query AccessCatalogue { permissions { name description } roles { name description } }": types.AccessCatalogueDocument,
    "\n  query AccessRoleTemplate($roleName: String!, $resourceId: ID) {\n    roleTemplate(roleName: $roleName, resourceId: $resourceId) { permissions overridden }\n  }\n": types.AccessRoleTemplateDocument,
    "\n  mutation AccessAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded message } }\n": types.AccessAssignRoleDocument,
    "\n  mutation AccessAddRolePermissions($input: AddRolePermissionsInput!) { addRolePermissions(input: $input) { permissions } }\n": types.AccessAddRolePermissionsDocument,
    "query AccessMyRoles { me { roles } }": types.AccessMyRolesDocument,
    "\n  query AccessUserReach($userId: ID!) { userSites(userId: $userId) { id } userTrials(userId: $userId) { id } }\n": types.AccessUserReachDocument,
    "\n  query AdminUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges { cursor node { id uid email firstName lastName createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id uid email emailVerified firstName lastName phone address { street1 street2 city state postCode country } }\n    }\n  }\n": types.AdminUpdateUserDocument,
    "\n  mutation AdminUpdateContactPreferences($input: UpdateContactPreferencesInput!) {\n    updateContactPreferences(input: $input) { user { uid contactPreferences { email sms push } } }\n  }\n": types.AdminUpdateContactPreferencesDocument,
    "\n  mutation AdminChangeUserPassword($input: ChangeUserPasswordInput!) { changeUserPassword(input: $input) { changed } }\n": types.AdminChangeUserPasswordDocument,
    "\n  mutation AdminIssueVerificationToken($input: IssueVerificationTokenInput!) {\n    issueVerificationToken(input: $input) { token expiresAt }\n  }\n": types.AdminIssueVerificationTokenDocument,
    "query AdminPasswordResetTokens { passwordResetTokens { email token } }": types.AdminPasswordResetTokensDocument,
    "\n  mutation AdminVerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }\n": types.AdminVerifyEmailDocument,
    "\n  mutation AdminSwitchUser($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } realUser { email } } }\n  }\n": types.AdminSwitchUserDocument,
    "\n  mutation AdminSwitchUserAs($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } } }\n  }\n": types.AdminSwitchUserAsDocument,
    "\n  mutation AdminSwitchBack { switchBack { viewer { impersonating isAdmin user { email } realUser { email } } } }\n": types.AdminSwitchBackDocument,
    "query AdminMe { me { id uid email emailVerified } }": types.AdminMeDocument,
    "query AdminMyContactPreferences { me { contactPreferences { email sms push } } }": types.AdminMyContactPreferencesDocument,
    "query AdminImpersonating { viewer { impersonating } }": types.AdminImpersonatingDocument,
    "query AdminUserNode($id: ID!) { node(id: $id) { id ... on User { email } } }": types.AdminUserNodeDocument,
    "\n  query UsersWithDetails($first: Int!, $search: String) {\n    users(first: $first, search: $search) {\n      edges { node { id email roles address { city } contactPreferences { email } } }\n    }\n  }\n": types.UsersWithDetailsDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }\n": types.ChangePasswordDocument,
    "\n  mutation RequestReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }\n": types.RequestResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }\n": types.ResetPasswordDocument,
    "query ResetTokens { passwordResetTokens { email token expiresAt } }": types.ResetTokensDocument,
    "query MyEmail { me { email emailVerified } }": types.MyEmailDocument,
    "mutation PasswordsLogin($input: LoginInput!) { login(input: $input) { token } }": types.PasswordsLoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id uid email firstName lastName phone emailVerified userType address { street1 street2 city state postCode country } contactPreferences { email sms push } }\n    }\n  }\n": types.RegisterDocument,
    "query RegistrationMyRoles { viewer { roles isAdmin userType } }": types.RegistrationMyRolesDocument,
    "query RegistrationUsers { users { edges { node { id } } } }": types.RegistrationUsersDocument,
    "query RegistrationEmailVerified { me { emailVerified } }": types.RegistrationEmailVerifiedDocument,
    "query Open { ping passwordRules }": types.OpenDocument,
    "mutation VerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }": types.VerifyEmailDocument,
    "mutation LogInToTouch($input: LoginInput!) { login(input: $input) { token } }": types.LogInToTouchDocument,
    "query MyEmailWhileTouching { me { email } }": types.MyEmailWhileTouchingDocument,
    "\n  mutation LogIn($input: LoginInput!) {\n    login(input: $input) { token expiresAt invalidAttempts viewer { isAdmin roles userType user { email } } }\n  }\n": types.LogInDocument,
    "query Me { me { email } }": types.MeDocument,
    "mutation Keepalive { keepalive { viewer { idleExpiresAt sessionExpiresAt } } }": types.KeepaliveDocument,
    "mutation LogOut { logout { loggedOut } }": types.LogOutDocument,
    "\n  mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        id\n        uid\n        enrollmentId\n        participantId\n        enrollment {\n          id\n        }\n        participant {\n          id\n        }\n        scheduledAt\n        localTime\n        timeZone\n        description\n        milestoneName\n        status\n        createdAt\n      }\n    }\n  }\n": types.ScheduleAppointmentDocument,
    "\n  mutation MarkAppointment($input: MarkAppointmentInput!) {\n    markAppointment(input: $input) {\n      appointment {\n        id\n        status\n        statusChangedAt\n        auditHistory {\n          action\n        }\n      }\n    }\n  }\n": types.MarkAppointmentDocument,
    "\n  query Appointments($participantId: ID!, $past: Boolean) {\n    appointments(participantId: $participantId, past: $past) {\n      id\n      uid\n      localTime\n      scheduledAt\n      description\n      milestoneName\n      status\n    }\n  }\n": types.AppointmentsDocument,
    "query DemoViewer { viewer { roles userType } }": types.DemoViewerDocument,
    "\n  mutation PoolPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id status } } }\n": types.PoolPayMilestoneDocument,
    "\n  mutation PoolPayMileage($input: PayMileageInput!) { payMileage(input: $input) { payment { id status } } }\n": types.PoolPayMileageDocument,
    "\n  mutation PoolReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id status } }\n  }\n": types.PoolReimburseDocument,
    "\n  mutation PoolApprove($input: ApprovePaymentInput!) { approvePayment(input: $input) { payment { id status } } }\n": types.PoolApproveDocument,
    "\n  mutation PoolClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { id status } } }\n": types.PoolClaimDocument,
    "\n  mutation PoolSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n": types.PoolSendDocument,
    "\n  mutation PoolAddFunding($input: AddFundingInput!) { addFunding(input: $input) { contract { id } } }\n": types.PoolAddFundingDocument,
    "\n  mutation PoolAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }\n": types.PoolAddParticipantDocument,
    "\n  mutation PoolEnroll($input: EnrollInput!) { enroll(input: $input) { enrollment { id } } }\n": types.PoolEnrollDocument,
    "\n  mutation PoolSchedule($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) { appointment { id } }\n  }\n": types.PoolScheduleDocument,
    "\n  mutation PoolAddMilestone($input: AddMilestoneInput!) { addMilestone(input: $input) { milestone { id } } }\n": types.PoolAddMilestoneDocument,
    "\n  mutation SeveralFieldsCreateClient($input: CreateClientInput!) { createClient(input: $input) { client { id } } }\n": types.SeveralFieldsCreateClientDocument,
    "\n  mutation ScheduleReminded($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        uid\n        localTime\n      }\n    }\n  }\n": types.ScheduleRemindedDocument,
    "\n  subscription LiveMessageReceived($enrollmentId: ID) {\n    messageReceived(enrollmentId: $enrollmentId) { id body senderName senderIsStaff enrollmentId read }\n  }\n": types.LiveMessageReceivedDocument,
    "\n  mutation LiveSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n": types.LiveSendDocument,
    "\n  mutation MessagingSend($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id uid body sentAt senderName senderIsStaff enrollmentId subjectId trialName read }\n    }\n  }\n": types.MessagingSendDocument,
    "\n  query MessagingInbox($enrollmentId: ID, $unreadOnly: Boolean, $first: Int, $after: String) {\n    messages(enrollmentId: $enrollmentId, unreadOnly: $unreadOnly, first: $first, after: $after) {\n      edges { node { id body senderName senderIsStaff enrollmentId read } }\n      pageInfo { hasNextPage endCursor }\n    }\n    unreadMessageCount(enrollmentId: $enrollmentId)\n  }\n": types.MessagingInboxDocument,
    "query MessagingUnread { unreadMessageCount }": types.MessagingUnreadDocument,
    "\n  mutation MessagingMarkRead($input: MarkMessagesReadInput!) {\n    markMessagesRead(input: $input) { messages { id read } unreadMessageCount }\n  }\n": types.MessagingMarkReadDocument,
    "\n  mutation MessagingBulkEmail($input: BulkEmailInput!) { bulkEmail(input: $input) { queued skipped } }\n": types.MessagingBulkEmailDocument,
    "query MessagingNode($id: ID!) { node(id: $id) { id ... on Message { body } } }": types.MessagingNodeDocument,
    "\n  mutation OrgCreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        id uid name salesContact taxId contactName contactPhone contactEmail\n        address { street1 street2 city state postCode country }\n        contracts { id }\n        sites { id }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n": types.OrgCreateClientDocument,
    "\n  mutation OrgEditClient($input: EditClientInput!) {\n    editClient(input: $input) {\n      client {\n        id name salesContact taxId contactName contactPhone contactEmail\n        address { street1 city state postCode }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n": types.OrgEditClientDocument,
    "\n  mutation OrgDeleteClient($input: DeleteClientInput!) { deleteClient(input: $input) { deletedClientId } }\n": types.OrgDeleteClientDocument,
    "\n  query OrgClients($search: String, $first: Int, $after: String) {\n    clients(search: $search, first: $first, after: $after) {\n      edges { node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OrgClientsDocument,
    "\n  query OrgClient($id: ID!) {\n    client(id: $id) { id uid name contracts { id name } sites { id name } }\n  }\n": types.OrgClientDocument,
    "\n  query OrgClientNode($id: ID!) { node(id: $id) { id ... on Client { name } } }\n": types.OrgClientNodeDocument,
    "\n  query OrgClientsWithChildren($search: String) {\n    clients(search: $search, first: 50) {\n      edges { node { id contracts { id } sites { id address { city } } auditHistory { action } } }\n    }\n  }\n": types.OrgClientsWithChildrenDocument,
    "\n  mutation OrgCreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      site {\n        id uid name timeZone client { id } address { street1 city state postCode }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n": types.OrgCreateSiteDocument,
    "\n  mutation OrgEditSite($input: EditSiteInput!) {\n    editSite(input: $input) { site { id name timeZone address { city } auditHistory { action } } }\n  }\n": types.OrgEditSiteDocument,
    "\n  mutation OrgDeleteSite($input: DeleteSiteInput!) { deleteSite(input: $input) { deletedSiteId } }\n": types.OrgDeleteSiteDocument,
    "\n  query OrgSites($clientId: ID, $first: Int) {\n    sites(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }\n  }\n": types.OrgSitesDocument,
    "\n  query OrgSite($id: ID!) { site(id: $id) { id uid name timeZone client { id name } } }\n": types.OrgSiteDocument,
    "\n  mutation OrgCreateContract($input: CreateContractInput!) {\n    createContract(input: $input) {\n      contract {\n        id uid name clientSignatureDate startDate endDate currency\n        totalValue { amount currency formatted }\n        client { id name }\n        document { filename }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n": types.OrgCreateContractDocument,
    "\n  mutation OrgEditContract($input: EditContractInput!) {\n    editContract(input: $input) {\n      contract { id name startDate endDate currency totalValue { amount currency } auditHistory { action } }\n    }\n  }\n": types.OrgEditContractDocument,
    "\n  mutation OrgDeleteContract($input: DeleteContractInput!) { deleteContract(input: $input) { deletedContractId } }\n": types.OrgDeleteContractDocument,
    "\n  mutation OrgUploadDocument($input: UploadContractDocumentInput!) {\n    uploadContractDocument(input: $input) {\n      document { filename contentType sizeBytes sha256 uploadedAt downloadUrl }\n      contract { id document { filename downloadUrl } }\n    }\n  }\n": types.OrgUploadDocumentDocument,
    "\n  query OrgContracts($clientId: ID, $first: Int) {\n    contracts(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }\n  }\n": types.OrgContractsDocument,
    "\n  query OrgContract($id: ID!) {\n    contract(id: $id) {\n      id uid name currency totalValue { amount formatted }\n      client { id name }\n      funding { remaining { amount } }\n      document { filename downloadUrl }\n    }\n  }\n": types.OrgContractDocument,
    "\n  query OrgContractSeen($id: ID!) { contract(id: $id) { name funding { remaining { amount } } document { filename } } }\n": types.OrgContractSeenDocument,
    "\n  mutation AlertSetThreshold($input: SetLowBalanceThresholdInput!) {\n    setLowBalanceThreshold(input: $input) {\n      contract { id lowBalanceThreshold { amount { amount currency } percentOfDeposits belowSince } }\n    }\n  }\n": types.AlertSetThresholdDocument,
    "\n  mutation AlertWatch($input: WatchContractFundingInput!) {\n    watchContractFunding(input: $input) { contract { id watchingFunding } }\n  }\n": types.AlertWatchDocument,
    "\n  query AlertContract($id: ID!) {\n    contract(id: $id) {\n      watchingFunding\n      funding { remaining { amount } }\n      lowBalanceThreshold { amount { amount } percentOfDeposits belowSince }\n      fundingAlerts(first: 10) {\n        totalCount\n        edges { node { remaining { amount currency } threshold { amount } notifiedCount createdAt } }\n      }\n    }\n  }\n": types.AlertContractDocument,
    "\n  query AlertMine {\n    fundingAlerts(first: 10) { totalCount edges { node { contract { id name } remaining { amount } } } }\n  }\n": types.AlertMineDocument,
    "\n  mutation AlertAddFunding($input: AddFundingInput!) {\n    addFunding(input: $input) { contract { funding { remaining { amount } } } }\n  }\n": types.AlertAddFundingDocument,
    "\n  mutation AlertPayMileage($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id status } }\n  }\n": types.AlertPayMileageDocument,
    "\n  mutation AlertPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) { payment { id status } }\n  }\n": types.AlertPayMilestoneDocument,
    "\n  mutation AlertReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id status } }\n  }\n": types.AlertReimburseDocument,
    "\n  mutation AlertApprove($input: ApprovePaymentInput!) {\n    approvePayment(input: $input) { payment { id status } }\n  }\n": types.AlertApproveDocument,
    "\n  mutation OrgAddFunding($input: AddFundingInput!) {\n    addFunding(input: $input) {\n      deposit { amount { amount currency } note createdAt }\n      contract {\n        id\n        funding {\n          deposited { amount currency formatted }\n          committed { amount }\n          remaining { amount }\n          deposits { amount { amount } note }\n        }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n": types.OrgAddFundingDocument,
    "\n  query OrgFunding($contractId: ID, $trialId: ID) {\n    funding(contractId: $contractId, trialId: $trialId) { amount currency formatted }\n  }\n": types.OrgFundingDocument,
    "\n  query OrgContractFunding($id: ID!) {\n    contract(id: $id) {\n      id\n      funding { deposited { amount } committed { amount } remaining { amount } deposits { amount { amount } } }\n      auditHistory { action }\n    }\n  }\n": types.OrgContractFundingDocument,
    "\n  query OrgContractsFunding($clientId: ID) {\n    contracts(clientId: $clientId, first: 50) {\n      edges { node { id funding { remaining { amount } deposits { amount { amount } } } } }\n    }\n  }\n": types.OrgContractsFundingDocument,
    "\n  query RunwayContract($id: ID!, $trialId: ID!) {\n    contract(id: $id) {\n      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount currency } currency asOf }\n    }\n    trial(id: $trialId) {\n      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount } currency }\n    }\n  }\n": types.RunwayContractDocument,
    "\n  query RunwayTrial($id: ID!) { trial(id: $id) { name runway { projected { amount } } } }\n": types.RunwayTrialDocument,
    "\n  query RunwayClientContracts($clientId: ID!) {\n    contracts(clientId: $clientId, first: 50) {\n      edges { node { name runway { projected { amount } scheduledStillOwed { amount } } } }\n    }\n  }\n": types.RunwayClientContractsDocument,
    "\n  mutation OrgCreateSiteInTrial($input: CreateSiteInput!) {\n    createSite(input: $input) { site { id name trialSites { nodes { trial { id } } } } }\n  }\n": types.OrgCreateSiteInTrialDocument,
    "\n  mutation AuditAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }\n": types.AuditAddParticipantDocument,
    "\n  mutation AuditUpdateParticipant($input: UpdateParticipantInput!) { updateParticipant(input: $input) { participant { id } } }\n": types.AuditUpdateParticipantDocument,
    "\n  query AuditParticipantHistory($id: ID!) {\n    participant(id: $id) { auditHistory { action actorName changes { field from to } } }\n  }\n": types.AuditParticipantHistoryDocument,
    "\n  query TrialRoster($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          site { name }\n          enrollments(first: 100) {\n            nodes { subjectId status participant { firstName lastName dateOfBirth } appointments { scheduledAt status } }\n          }\n        }\n      }\n    }\n  }\n": types.TrialRosterDocument,
    "\n  mutation EnEnroll($input: EnrollInput!) {\n    enroll(input: $input) { enrollment { id uid subjectId status trial { id } trialSite { id } participant { id } } }\n  }\n": types.EnEnrollDocument,
    "\n  mutation EnSetStatus($input: SetEnrollmentStatusInput!) { setEnrollmentStatus(input: $input) { enrollment { id status } } }\n": types.EnSetStatusDocument,
    "\n  query EnEnrollments($participantId: ID!) {\n    enrollments(participantId: $participantId) { id subjectId status payoutMethod { type email phone accountLast4 address { street1 } } }\n  }\n": types.EnEnrollmentsDocument,
    "\n  query EnEnrolled($trialId: ID!, $siteId: ID!) {\n    enrolled(trialId: $trialId, siteId: $siteId) {\n      id subjectId participant { id firstName }\n      paymentSchedule { uid name sortOrder repeatable effectiveAt amount { amount currency } }\n    }\n  }\n": types.EnEnrolledDocument,
    "query EnPaymentTypes { paymentTypes { code name description } }": types.EnPaymentTypesDocument,
    "\n  mutation EnSetPaymentType($input: SetPaymentTypeInput!) {\n    setPaymentType(input: $input) {\n      payoutMethod { type email phone accountHolder accountLast4 address { street1 city } }\n      enrollment { id payoutMethod { type accountLast4 } }\n    }\n  }\n": types.EnSetPaymentTypeDocument,
    "\n  query OwnParticipantApp {\n    me {\n      participant {\n        id\n        firstName\n        homeSite { name phone }\n        enrollments {\n          subjectId\n          status\n          trial { id name }\n          trialSite {\n            site { name phone timeZone address { street1 city state postCode } }\n            coordinators { firstName lastName email phone }\n          }\n          payments(first: 20) { totalCount nodes { status amount { amount currency } } }\n        }\n      }\n    }\n    trials(first: 10) { nodes { name } }\n  }\n": types.OwnParticipantAppDocument,
    "\n  query OwnCaregiverApp {\n    me {\n      participant { id }\n      caresFor {\n        id\n        firstName\n        enrollments {\n          subjectId\n          status\n          trial { id name }\n          trialSite {\n            site { name phone timeZone address { street1 city state postCode } }\n            coordinators { firstName lastName email phone }\n          }\n          payments(first: 20) { totalCount nodes { status amount { amount currency } } }\n        }\n      }\n    }\n    trials(first: 10) { nodes { name } }\n  }\n": types.OwnCaregiverAppDocument,
    "query OwnParticipant($id: ID!) { participant(id: $id) { id firstName } }": types.OwnParticipantDocument,
    "query OwnTrialSite($id: ID!) { trialSite(id: $id) { id site { name } } }": types.OwnTrialSiteDocument,
    "query OwnTrial($id: ID!) { trial(id: $id) { name } }": types.OwnTrialDocument,
    "query OwnTrialDetails($id: ID!) { trial(id: $id) { name protocolId } }": types.OwnTrialDetailsDocument,
    "query OwnTrialContract($id: ID!) { trial(id: $id) { name contract { name } } }": types.OwnTrialContractDocument,
    "\n  query OwnTrialSiteEnrollments($id: ID!) { trialSite(id: $id) { enrollments(first: 50) { nodes { subjectId } } } }\n": types.OwnTrialSiteEnrollmentsDocument,
    "query OwnFunding($trialId: ID!) { funding(trialId: $trialId) { amount } }": types.OwnFundingDocument,
    "\n  mutation PtAdd($input: AddParticipantInput!) {\n    addParticipant(input: $input) {\n      participant { id uid firstName lastName email phone dateOfBirth timeZone emergencyContact emergencyPhone\n        address { street1 city postCode } homeSite { id } user { id userType emailVerified } enrollments { id } caregivers { id } }\n    }\n  }\n": types.PtAddDocument,
    "\n  mutation PtUpdate($input: UpdateParticipantInput!) {\n    updateParticipant(input: $input) { participant { id firstName lastName email phone emergencyContact timeZone } }\n  }\n": types.PtUpdateDocument,
    "\n  query PtGet($id: ID!) { participant(id: $id) { id firstName email enrollments { id subjectId } caregivers { id } } }\n": types.PtGetDocument,
    "\n  query PtList($trialId: ID, $siteId: ID, $search: String) {\n    participants(trialId: $trialId, siteId: $siteId, search: $search, first: 50) { edges { node { id firstName lastName } } }\n  }\n": types.PtListDocument,
    "\n  query PtUser($participantId: ID!) { userByParticipant(participantId: $participantId) { id email userType } }\n": types.PtUserDocument,
    "\n  mutation PtChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }\n": types.PtChangePasswordDocument,
    "\n  mutation PtRegisterCaregiver($input: RegisterCaregiverInput!) {\n    registerCaregiver(input: $input) { caregiver { id firstName lastName email relationship participant { id } user { id userType } } }\n  }\n": types.PtRegisterCaregiverDocument,
    "\n  mutation PtUpdateCaregiver($input: UpdateCaregiverInput!) {\n    updateCaregiver(input: $input) { caregiver { id firstName lastName relationship } }\n  }\n": types.PtUpdateCaregiverDocument,
    "\n  query PtCaregivers($participantId: ID!) { caregivers(participantId: $participantId) { id firstName relationship } }\n": types.PtCaregiversDocument,
    "\n  query PtCaregiverUser($caregiverId: ID!) { userByCaregiver(caregiverId: $caregiverId) { id email userType } }\n": types.PtCaregiverUserDocument,
    "query PtRelationships { caregiverRelationships }": types.PtRelationshipsDocument,
    "\n  mutation CoordAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded } }\n": types.CoordAssignRoleDocument,
    "\n  mutation CoordAddParticipant($input: AddParticipantInput!) {\n    addParticipant(input: $input) { participant { id firstName homeSite { name } } }\n  }\n": types.CoordAddParticipantDocument,
    "\n  mutation CoordEnroll($input: EnrollInput!) {\n    enroll(input: $input) { enrollment { id subjectId status trial { name } } }\n  }\n": types.CoordEnrollDocument,
    "\n  mutation CoordPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) { payment { id status amount { amount } } }\n  }\n": types.CoordPayMilestoneDocument,
    "\n  query CoordParticipant($id: ID!) {\n    participant(id: $id) { id firstName enrollments { id trial { name } payments { totalCount } } }\n  }\n": types.CoordParticipantDocument,
    "\n  query CoordParticipants { participants(first: 100) { nodes { id } } }\n": types.CoordParticipantsDocument,
    "query CoordNode($id: ID!) { node(id: $id) { id } }": types.CoordNodeDocument,
    "query CoordTrialSite($id: ID!) { trialSite(id: $id) { id } }": types.CoordTrialSiteDocument,
    "query CoordTrial($id: ID!) { trial(id: $id) { id } }": types.CoordTrialDocument,
    "\n  query CoordEnrolled($trialId: ID!, $siteId: ID!) { enrolled(trialId: $trialId, siteId: $siteId) { id } }\n": types.CoordEnrolledDocument,
    "\n  mutation BulkPayMilestones($input: PayMilestonesInput!) {\n    payMilestones(input: $input) {\n      results {\n        payment { id uid status milestoneName amount { amount } history { toStatus } }\n        error { code message fields }\n      }\n    }\n  }\n": types.BulkPayMilestonesDocument,
    "\n  mutation BulkPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }\n": types.BulkPayMilestoneDocument,
    "\n  query BulkSchedule($trialId: ID!, $siteId: ID!) {\n    paymentSchedule(trialId: $trialId, siteId: $siteId) { id uid name }\n  }\n": types.BulkScheduleDocument,
    "\n  mutation ClaimRefusalsClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { claimed { id } refused { paymentId code reason } }\n  }\n": types.ClaimRefusalsClaimDocument,
    "\n  query ClaimsUnclaimed($participantId: ID!) {\n    unclaimedPayments(participantId: $participantId) { uid status amount { amount currency } }\n  }\n": types.ClaimsUnclaimedDocument,
    "\n  mutation ClaimsClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { message claimed { id uid status } refused { paymentId reason } }\n  }\n": types.ClaimsClaimDocument,
    "\n  mutation MileageVisitPay($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id kind status milestoneName amount { amount } } }\n  }\n": types.MileageVisitPayDocument,
    "\n  query TrialMilestones($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes { enrollments { nodes { milestonePayments { timesPaid payable paid { amount } milestone { name } } } } }\n      }\n    }\n  }\n": types.TrialMilestonesDocument,
    "\n  query TrialPayments($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          enrollments {\n            nodes {\n              subjectId\n              payments(first: 10) { totalCount edges { node { status amount { amount } } } }\n              unclaimed: payments(first: 1, status: UNCLAIMED) { totalCount edges { node { status } } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.TrialPaymentsDocument,
    "\n  mutation PayAddMilestone($input: AddMilestoneInput!) {\n    addMilestone(input: $input) { milestone { id uid name repeatable effectiveAt amount { amount currency } } }\n  }\n": types.PayAddMilestoneDocument,
    "\n  query PaySchedule($trialId: ID!, $siteId: ID!) {\n    paymentSchedule(trialId: $trialId, siteId: $siteId) { uid name amount { amount currency } }\n  }\n": types.PayScheduleDocument,
    "\n  mutation PayPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) {\n      payment { id uid kind status milestoneName createdByName amount { amount currency } history { fromStatus toStatus actorName } }\n    }\n  }\n": types.PayPayMilestoneDocument,
    "\n  mutation PayPayMileage($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id status kind amount { amount } } }\n  }\n": types.PayPayMileageDocument,
    "\n  mutation PayReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id uid status kind category amount { amount } } }\n  }\n": types.PayReimburseDocument,
    "\n  mutation PayApprove($input: ApprovePaymentInput!) {\n    approvePayment(input: $input) { payment { id status history { fromStatus toStatus actorName reason } } }\n  }\n": types.PayApproveDocument,
    "\n  mutation PayReject($input: RejectPaymentInput!) {\n    rejectPayment(input: $input) { payment { id status rejectionReason history { fromStatus toStatus reason } } }\n  }\n": types.PayRejectDocument,
    "query PayCategories($trialId: ID!) { categories(trialId: $trialId) }": types.PayCategoriesDocument,
    "\n  mutation PayAddCategory($input: AddCategoryInput!) { addCategory(input: $input) { categories } }\n": types.PayAddCategoryDocument,
    "\n  query PayPayments($status: PaymentStatus) {\n    payments(status: $status, first: 100) { edges { node { id uid status enrollment { id } } } }\n  }\n": types.PayPaymentsDocument,
    "\n  query PayPending($participantId: ID!) {\n    pendingReimbursements(participantId: $participantId) { id }\n    pendingPayments(participantId: $participantId) { edges { node { id } } }\n  }\n": types.PayPendingDocument,
    "\n  query PayParticipantPayments($participantId: ID!) {\n    participantPayments(participantId: $participantId) { id kind }\n    recentPayments { id }\n  }\n": types.PayParticipantPaymentsDocument,
    "\n  query PayPayable { payableVisits { appointmentId milestoneId milestoneName enrollment { id } amount { amount } } }\n": types.PayPayableDocument,
    "\n  query PayMilestonePayments($id: ID!) {\n    node(id: $id) { ... on Enrollment { milestonePayments { milestone { name } timesPaid payable paid { amount } } } }\n  }\n": types.PayMilestonePaymentsDocument,
    "\n  mutation RecoveryClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }\n": types.RecoveryClaimDocument,
    "\n  mutation PayoutsClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }\n": types.PayoutsClaimDocument,
    "query RatingsRateable { rateableVisits { uid status milestoneName } }": types.RatingsRateableDocument,
    "\n  mutation RatingsRate($input: RateVisitInput!) { rateVisit(input: $input) { rating { uid rating note milestone } } }\n": types.RatingsRateDocument,
    "\n  query RatingsReport($trialId: ID, $participantId: ID, $startDate: Date, $endDate: Date) {\n    ratings(trialId: $trialId, participantId: $participantId, startDate: $startDate, endDate: $endDate) {\n      edges { node { uid enrollmentId milestone rating note completedVisits totalVisits } }\n    }\n  }\n": types.RatingsReportDocument,
    "\n  query TrialDashboard($id: ID!) {\n    trial(id: $id) {\n      paymentTotals { currency count committed { amount { amount } } }\n      trialSites {\n        nodes {\n          paymentTotals { count paid { count amount { amount } } }\n          payments(first: 2, orderBy: AMOUNT_DESC) { totalCount edges { node { uid } } }\n          enrollments {\n            nodes {\n              paymentTotals { count unclaimed { amount { amount } } }\n              payments(first: 2, status: UNCLAIMED) { totalCount edges { node { uid } } }\n              participant { payments(first: 1, orderBy: CREATED_AT_ASC) { totalCount edges { node { uid } } } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.TrialDashboardDocument,
    "\n  query BenchDashboard($id: ID!) {\n    trial(id: $id) {\n      name\n      trialSites(first: 100) {\n        edges {\n          node {\n            site { name }\n            enrollments(first: 100) {\n              edges {\n                node {\n                  subjectId\n                  participant { firstName lastName }\n                  payments(first: 100) { edges { node { amount { amount } status } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.BenchDashboardDocument,
    "\n  query PaymentFieldsBothWays($id: ID!) {\n    trial(id: $id) {\n      trialSites(first: 10) {\n        nodes {\n          enrollments(first: 10) {\n            nodes {\n              payments(first: 10) {\n                nodes {\n                  id uid kind status amount { amount currency }\n                  ... on Payment { category note rejectionReason failureReason createdAt }\n                }\n                edges { node { status } }\n              }\n              withMilestone: payments(first: 10) { nodes { status milestoneName } }\n            }\n          }\n        }\n      }\n    }\n    payments(trialId: $id, first: 100) {\n      nodes { id uid kind status amount { amount currency } category note rejectionReason failureReason createdAt }\n    }\n  }\n": types.PaymentFieldsBothWaysDocument,
    "\n  query ParticipantsWithPayments($trialId: ID!) {\n    participants(trialId: $trialId, first: 100, orderBy: NAME_ASC) {\n      totalCount\n      edges { node { lastName payments(first: 2, kind: MANUAL) { totalCount edges { node { uid } } } } }\n    }\n  }\n": types.ParticipantsWithPaymentsDocument,
    "\n  query TrialSitePayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    trialSite(id: $id) {\n      payments(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        status: $status\n        kind: $kind\n        createdAt: $createdAt\n      ) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { uid } }\n      }\n    }\n  }\n": types.TrialSitePaymentsDocument,
    "\n  query ParticipantPayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    participant(id: $id) {\n      payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { uid } }\n      }\n    }\n  }\n": types.ParticipantPaymentsDocument,
    "\n  query EnrollmentPayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    node(id: $id) {\n      ... on Enrollment {\n        payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { uid } }\n        }\n      }\n    }\n  }\n": types.EnrollmentPaymentsDocument,
    "\n  query RootPayments(\n    $trialId: ID\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    payments(\n      trialId: $trialId\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      status: $status\n      kind: $kind\n      createdAt: $createdAt\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { uid } }\n    }\n  }\n": types.RootPaymentsDocument,
    "\n  fragment SumFields on PaymentTotals {\n    currency\n    count\n    pending { count amount { amount } }\n    unclaimed { count amount { amount } }\n    claimed { count amount { amount } }\n    paid { count amount { amount } }\n    failed { count amount { amount } }\n    rejected { count amount { amount } }\n    committed { count amount { amount } }\n  }\n": types.SumFieldsFragmentDoc,
    "\n  query TrialTotals($id: ID!, $kind: PaymentKind, $createdAt: DateTimeRange) {\n    trial(id: $id) {\n      paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }\n      trialSites {\n        nodes {\n          uid\n          paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }\n          enrollments { nodes { uid paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields } } }\n        }\n      }\n    }\n  }\n": types.TrialTotalsDocument,
    "\n  query TrialSiteTotals($id: ID!) {\n    trialSite(id: $id) { paymentTotals { count paid { amount { amount } } } }\n  }\n": types.TrialSiteTotalsDocument,
    "\n  query TrialOnlyTotals($id: ID!) {\n    trial(id: $id) { paymentTotals { count paid { amount { amount } } } }\n  }\n": types.TrialOnlyTotalsDocument,
    "\n  query EnrollmentTotals($id: ID!) {\n    node(id: $id) { ... on Enrollment { paymentTotals { count committed { amount { amount } } } } }\n  }\n": types.EnrollmentTotalsDocument,
    "\n  query ParticipantsInOrder($trialId: ID, $first: Int, $after: String, $orderBy: ParticipantOrder) {\n    participants(trialId: $trialId, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { uid lastName } }\n    }\n  }\n": types.ParticipantsInOrderDocument,
    "\n  mutation LinksRequestTrialReport($input: RequestTrialPaymentReportInput!) {\n    requestTrialPaymentReport(input: $input) { url expiresAt }\n  }\n": types.LinksRequestTrialReportDocument,
    "\n  mutation LinksRequestFundingReport($input: RequestFundingReportInput!) {\n    requestFundingReport(input: $input) { url expiresAt }\n  }\n": types.LinksRequestFundingReportDocument,
    "\n  mutation ReportsRequestTrialReport($input: RequestTrialPaymentReportInput!) {\n    requestTrialPaymentReport(input: $input) { url expiresAt }\n  }\n": types.ReportsRequestTrialReportDocument,
    "\n  mutation ReportsRequestFundingReport($input: RequestFundingReportInput!) {\n    requestFundingReport(input: $input) { url expiresAt }\n  }\n": types.ReportsRequestFundingReportDocument,
    "query ServerTypename { __typename }": types.ServerTypenameDocument,
    "query ServerPing { ping }": types.ServerPingDocument,
    "query ServerMyEmail { me { email } }": types.ServerMyEmailDocument,
    "query ServerNode($id: ID!) { node(id: $id) { id } }": types.ServerNodeDocument,
    "\n  mutation GraphiqlSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n": types.GraphiqlSendDocument,
    "\n  query LimitsDashboard($id: ID!) {\n    trial(id: $id) {\n      name\n      trialSites(first: 20) {\n        nodes {\n          site { name }\n          enrollments(first: 50) {\n            nodes {\n              subjectId\n              participant { firstName lastName }\n              payments(first: 100) { edges { node { amount { amount } status } } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LimitsDashboardDocument,
    "query LimitsUsersLiteral { users(first: 7) { edges { node { email } } } }": types.LimitsUsersLiteralDocument,
    "\n  query LimitsUsersVariable($first: Int) { users(first: $first) { edges { node { email } } } }\n": types.LimitsUsersVariableDocument,
    "\n  query LimitsUsersFragment($first: Int) { users(first: $first) { ...LimitsUserEdges } }\n  fragment LimitsUserEdges on UserConnection { edges { node { email } } }\n": types.LimitsUsersFragmentDocument,
    "query LimitsPing { ping }": types.LimitsPingDocument,
    "\n  mutation LimitsCreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        name\n        contracts { trials { trialSites(first: 100) { nodes { enrollments(first: 100) { nodes { payments(first: 100) { edges { node { id } } } } } } } } }\n      }\n    }\n  }\n": types.LimitsCreateClientDocument,
    "\n  query ScheduleByIds($trialId: ID!, $siteId: ID!) { paymentSchedule(trialId: $trialId, siteId: $siteId) { name } }\n": types.ScheduleByIdsDocument,
    "\n  mutation MileageRateSet($input: SetMileageRateInput!) {\n    setMileageRate(input: $input) { trial { mileageRate { amount { amount currency } unit } } }\n  }\n": types.MileageRateSetDocument,
    "\n  query MileageRateRead($id: ID!) { node(id: $id) { ... on Trial { mileageRate { amount { amount } unit } } } }\n": types.MileageRateReadDocument,
    "\n  mutation MileageRatePay($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id distance mileageRate { amount { amount } unit } } }\n  }\n": types.MileageRatePayDocument,
    "\n  query MileageRateListed($id: ID!) {\n    participant(id: $id) { payments { nodes { distance mileageRate { amount { amount } unit } } } }\n  }\n": types.MileageRateListedDocument,
    "\n  mutation MileageRateClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { uid } } }\n": types.MileageRateClaimDocument,
    "\n  query MileageRateTaxYear($id: ID!, $year: Int!) {\n    participant(id: $id) { taxYear(year: $year) { reportable { amount } nonReportable { amount } paymentCount } }\n  }\n": types.MileageRateTaxYearDocument,
    "\n  query TaxYearTotals($id: ID!, $year: Int!) {\n    participant(id: $id) {\n      taxYear(year: $year) {\n        taxYear payerName reportable { amount currency } nonReportable { amount currency } paymentCount\n        threshold { amount currency } thresholdStatus taxpayerDetailsOnFile policy\n      }\n    }\n  }\n": types.TaxYearTotalsDocument,
    "\n  query TaxThresholds($year: Int) {\n    taxThresholds(taxYear: $year) { taxYear amount { amount currency } approachingPercent source }\n  }\n": types.TaxThresholdsDocument,
    "\n  mutation TaxSetThreshold($input: SetTaxThresholdInput!) {\n    setTaxThreshold(input: $input) { threshold { taxYear amount { amount currency } approachingPercent } }\n  }\n": types.TaxSetThresholdDocument,
    "\n  mutation TaxSetPolicy($input: SetClientTaxPolicyInput!) { setClientTaxPolicy(input: $input) { policy } }\n": types.TaxSetPolicyDocument,
    "\n  mutation TaxSetDetails($input: SetTaxpayerDetailsInput!) {\n    setTaxpayerDetails(input: $input) {\n      taxpayerDetails { maskedTin tinKind legalName certifiedAt }\n      released { uid status claimHold { heldAt releasedAt } }\n    }\n  }\n": types.TaxSetDetailsDocument,
    "\n  query TaxDetails($id: ID!) { participant(id: $id) { taxpayerDetails { maskedTin tinKind certifiedAt } } }\n": types.TaxDetailsDocument,
    "\n  query TaxDetailsPrivate($id: ID!) {\n    participant(id: $id) { taxpayerDetails { maskedTin legalName address { city } } }\n  }\n": types.TaxDetailsPrivateDocument,
    "\n  mutation TaxClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { claimed { uid } refused { paymentId code } }\n  }\n": types.TaxClaimDocument,
    "\n  query TaxPaymentHold($id: ID!) {\n    node(id: $id) { ... on Payment { status claimHold { heldAt releasedAt } } }\n  }\n": types.TaxPaymentHoldDocument,
    "\n  mutation TaxReport($input: RequestTaxYearReportInput!) { requestTaxYearReport(input: $input) { url } }\n": types.TaxReportDocument,
    "\n  query TaxRosterYears($id: ID!, $year: Int!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          enrollments(first: 100) {\n            nodes { participant { uid taxYear(year: $year) { reportable { amount } paymentCount } } }\n          }\n        }\n      }\n    }\n  }\n": types.TaxRosterYearsDocument,
    "\n  query AccessTrial($id: ID!) { trial(id: $id) { id name trialSites { nodes { id } } } }\n": types.AccessTrialDocument,
    "\n  query AccessTrials($search: String) { trials(search: $search, first: 100) { edges { node { id } } } }\n": types.AccessTrialsDocument,
    "\n  query AccessTrialSites($trialId: ID!) { trialSites(trialId: $trialId) { id } }\n": types.AccessTrialSitesDocument,
    "\n  query AccessTrialSite($id: ID!) { trialSite(id: $id) { id trial { id } } }\n": types.AccessTrialSiteDocument,
    "\n  query AccessContractTrials($id: ID!) { trial(id: $id) { contract { id trials { id } } } }\n": types.AccessContractTrialsDocument,
    "\n  query AccessSiteTrialSites($id: ID!) { trialSite(id: $id) { site { id trialSites { nodes { id } } } } }\n": types.AccessSiteTrialSitesDocument,
    "\n  mutation AccessCreate($input: CreateTrialInput!) { createTrial(input: $input) { trial { id contract { id } } } }\n": types.AccessCreateDocument,
    "\n  mutation AccessEdit($input: EditTrialInput!) { editTrial(input: $input) { trial { id name } } }\n": types.AccessEditDocument,
    "\n  mutation AccessDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }\n": types.AccessDeleteDocument,
    "\n  mutation AccessAddSite($input: AddTrialSiteInput!) { addTrialSite(input: $input) { trialSite { id site { id } } } }\n": types.AccessAddSiteDocument,
    "\n  query BatchingClientTree($id: ID!) {\n    client(id: $id) { contracts { trials { protocolId trialSites { nodes { site { name } } } } } }\n  }\n": types.BatchingClientTreeDocument,
    "\n  mutation TrialSitesAdd($input: AddTrialSiteInput!) {\n    addTrialSite(input: $input) {\n      trialSite {\n        id uid createdAt\n        trial { id name trialSites { nodes { id } } }\n        site { id }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n": types.TrialSitesAddDocument,
    "\n  query TrialSitesList($trialId: ID!) { trialSites(trialId: $trialId) { id uid site { id } trial { id } } }\n": types.TrialSitesListDocument,
    "\n  query TrialSitesOne($id: ID!) { trialSite(id: $id) { id uid trial { id protocolId } site { id } } }\n": types.TrialSitesOneDocument,
    "\n  mutation TrialSitesClose($input: EditTrialInput!) { editTrial(input: $input) { trial { status } } }\n": types.TrialSitesCloseDocument,
    "\n  mutation TrialsCreate($input: CreateTrialInput!) {\n    createTrial(input: $input) {\n      trial {\n        id uid name protocolId status phase irbStatus createdAt\n        contract { id }\n        trialSites { nodes { id } }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n": types.TrialsCreateDocument,
    "\n  mutation TrialsEdit($input: EditTrialInput!) {\n    editTrial(input: $input) {\n      trial { id name protocolId status phase irbStatus auditHistory { action actorName changes { field from to } } }\n    }\n  }\n": types.TrialsEditDocument,
    "\n  mutation TrialsDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }\n": types.TrialsDeleteDocument,
    "\n  query TrialsSearch($search: String, $first: Int, $after: String) {\n    trials(search: $search, first: $first, after: $after) {\n      edges { node { id name protocolId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.TrialsSearchDocument,
    "\n  query TrialsGet($id: ID!) {\n    trial(id: $id) { id uid name protocolId status phase irbStatus contract { id } trialSites { nodes { id site { id } } } }\n  }\n": types.TrialsGetDocument,
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
export function graphql(source: "\n  mutation AccessGrant($input: PermissionsChangeInput!) {\n    grantPermissions(input: $input) { done refused { permission reason } message }\n  }\n"): (typeof documents)["\n  mutation AccessGrant($input: PermissionsChangeInput!) {\n    grantPermissions(input: $input) { done refused { permission reason } message }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessRevoke($input: PermissionsChangeInput!) {\n    revokePermissions(input: $input) { done refused { permission } message }\n  }\n"): (typeof documents)["\n  mutation AccessRevoke($input: PermissionsChangeInput!) {\n    revokePermissions(input: $input) { done refused { permission } message }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessCopy($input: CopyPermissionsInput!) { copyPermissions(input: $input) { copied refused message } }\n"): (typeof documents)["\n  mutation AccessCopy($input: CopyPermissionsInput!) { copyPermissions(input: $input) { copied refused message } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessUserGrants($userId: ID!) { userGrants(userId: $userId) { permission resourceType resourceId } }\n"): (typeof documents)["\n  query AccessUserGrants($userId: ID!) { userGrants(userId: $userId) { permission resourceType resourceId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessTrialAndTrials($id: ID!) { trial(id: $id) { name contract { id } } trials { edges { node { id } } } }\n"): (typeof documents)["\n  query AccessTrialAndTrials($id: ID!) { trial(id: $id) { name contract { id } } trials { edges { node { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessEditTrial($input: EditTrialInput!) { editTrial(input: $input) { trial { name } } }\n"): (typeof documents)["\n  mutation AccessEditTrial($input: EditTrialInput!) { editTrial(input: $input) { trial { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessCatalogue { permissions { name description } roles { name description } }"): (typeof documents)["query AccessCatalogue { permissions { name description } roles { name description } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessRoleTemplate($roleName: String!, $resourceId: ID) {\n    roleTemplate(roleName: $roleName, resourceId: $resourceId) { permissions overridden }\n  }\n"): (typeof documents)["\n  query AccessRoleTemplate($roleName: String!, $resourceId: ID) {\n    roleTemplate(roleName: $roleName, resourceId: $resourceId) { permissions overridden }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded message } }\n"): (typeof documents)["\n  mutation AccessAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded message } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessAddRolePermissions($input: AddRolePermissionsInput!) { addRolePermissions(input: $input) { permissions } }\n"): (typeof documents)["\n  mutation AccessAddRolePermissions($input: AddRolePermissionsInput!) { addRolePermissions(input: $input) { permissions } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessMyRoles { me { roles } }"): (typeof documents)["query AccessMyRoles { me { roles } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessUserReach($userId: ID!) { userSites(userId: $userId) { id } userTrials(userId: $userId) { id } }\n"): (typeof documents)["\n  query AccessUserReach($userId: ID!) { userSites(userId: $userId) { id } userTrials(userId: $userId) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges { cursor node { id uid email firstName lastName createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($first: Int, $after: String, $search: String) {\n    users(first: $first, after: $after, search: $search) {\n      edges { cursor node { id uid email firstName lastName createdAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id uid email emailVerified firstName lastName phone address { street1 street2 city state postCode country } }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      user { id uid email emailVerified firstName lastName phone address { street1 street2 city state postCode country } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateContactPreferences($input: UpdateContactPreferencesInput!) {\n    updateContactPreferences(input: $input) { user { uid contactPreferences { email sms push } } }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateContactPreferences($input: UpdateContactPreferencesInput!) {\n    updateContactPreferences(input: $input) { user { uid contactPreferences { email sms push } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangeUserPassword($input: ChangeUserPasswordInput!) { changeUserPassword(input: $input) { changed } }\n"): (typeof documents)["\n  mutation AdminChangeUserPassword($input: ChangeUserPasswordInput!) { changeUserPassword(input: $input) { changed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminIssueVerificationToken($input: IssueVerificationTokenInput!) {\n    issueVerificationToken(input: $input) { token expiresAt }\n  }\n"): (typeof documents)["\n  mutation AdminIssueVerificationToken($input: IssueVerificationTokenInput!) {\n    issueVerificationToken(input: $input) { token expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminPasswordResetTokens { passwordResetTokens { email token } }"): (typeof documents)["query AdminPasswordResetTokens { passwordResetTokens { email token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminVerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }\n"): (typeof documents)["\n  mutation AdminVerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSwitchUser($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } realUser { email } } }\n  }\n"): (typeof documents)["\n  mutation AdminSwitchUser($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } realUser { email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSwitchUserAs($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } } }\n  }\n"): (typeof documents)["\n  mutation AdminSwitchUserAs($input: SwitchUserInput!) {\n    switchUser(input: $input) { viewer { impersonating isAdmin user { email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSwitchBack { switchBack { viewer { impersonating isAdmin user { email } realUser { email } } } }\n"): (typeof documents)["\n  mutation AdminSwitchBack { switchBack { viewer { impersonating isAdmin user { email } realUser { email } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminMe { me { id uid email emailVerified } }"): (typeof documents)["query AdminMe { me { id uid email emailVerified } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminMyContactPreferences { me { contactPreferences { email sms push } } }"): (typeof documents)["query AdminMyContactPreferences { me { contactPreferences { email sms push } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminImpersonating { viewer { impersonating } }"): (typeof documents)["query AdminImpersonating { viewer { impersonating } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminUserNode($id: ID!) { node(id: $id) { id ... on User { email } } }"): (typeof documents)["query AdminUserNode($id: ID!) { node(id: $id) { id ... on User { email } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersWithDetails($first: Int!, $search: String) {\n    users(first: $first, search: $search) {\n      edges { node { id email roles address { city } contactPreferences { email } } }\n    }\n  }\n"): (typeof documents)["\n  query UsersWithDetails($first: Int!, $search: String) {\n    users(first: $first, search: $search) {\n      edges { node { id email roles address { city } contactPreferences { email } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { changed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }\n"): (typeof documents)["\n  mutation RequestReset($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { reset } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResetTokens { passwordResetTokens { email token expiresAt } }"): (typeof documents)["query ResetTokens { passwordResetTokens { email token expiresAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyEmail { me { email emailVerified } }"): (typeof documents)["query MyEmail { me { email emailVerified } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PasswordsLogin($input: LoginInput!) { login(input: $input) { token } }"): (typeof documents)["mutation PasswordsLogin($input: LoginInput!) { login(input: $input) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id uid email firstName lastName phone emailVerified userType address { street1 street2 city state postCode country } contactPreferences { email sms push } }\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      user { id uid email firstName lastName phone emailVerified userType address { street1 street2 city state postCode country } contactPreferences { email sms push } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegistrationMyRoles { viewer { roles isAdmin userType } }"): (typeof documents)["query RegistrationMyRoles { viewer { roles isAdmin userType } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegistrationUsers { users { edges { node { id } } } }"): (typeof documents)["query RegistrationUsers { users { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegistrationEmailVerified { me { emailVerified } }"): (typeof documents)["query RegistrationEmailVerified { me { emailVerified } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Open { ping passwordRules }"): (typeof documents)["query Open { ping passwordRules }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }"): (typeof documents)["mutation VerifyEmail($input: VerifyEmailInput!) { verifyEmail(input: $input) { verified } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogInToTouch($input: LoginInput!) { login(input: $input) { token } }"): (typeof documents)["mutation LogInToTouch($input: LoginInput!) { login(input: $input) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyEmailWhileTouching { me { email } }"): (typeof documents)["query MyEmailWhileTouching { me { email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LoginInput!) {\n    login(input: $input) { token expiresAt invalidAttempts viewer { isAdmin roles userType user { email } } }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LoginInput!) {\n    login(input: $input) { token expiresAt invalidAttempts viewer { isAdmin roles userType user { email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me { me { email } }"): (typeof documents)["query Me { me { email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Keepalive { keepalive { viewer { idleExpiresAt sessionExpiresAt } } }"): (typeof documents)["mutation Keepalive { keepalive { viewer { idleExpiresAt sessionExpiresAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogOut { logout { loggedOut } }"): (typeof documents)["mutation LogOut { logout { loggedOut } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        id\n        uid\n        enrollmentId\n        participantId\n        enrollment {\n          id\n        }\n        participant {\n          id\n        }\n        scheduledAt\n        localTime\n        timeZone\n        description\n        milestoneName\n        status\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleAppointment($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        id\n        uid\n        enrollmentId\n        participantId\n        enrollment {\n          id\n        }\n        participant {\n          id\n        }\n        scheduledAt\n        localTime\n        timeZone\n        description\n        milestoneName\n        status\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAppointment($input: MarkAppointmentInput!) {\n    markAppointment(input: $input) {\n      appointment {\n        id\n        status\n        statusChangedAt\n        auditHistory {\n          action\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAppointment($input: MarkAppointmentInput!) {\n    markAppointment(input: $input) {\n      appointment {\n        id\n        status\n        statusChangedAt\n        auditHistory {\n          action\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Appointments($participantId: ID!, $past: Boolean) {\n    appointments(participantId: $participantId, past: $past) {\n      id\n      uid\n      localTime\n      scheduledAt\n      description\n      milestoneName\n      status\n    }\n  }\n"): (typeof documents)["\n  query Appointments($participantId: ID!, $past: Boolean) {\n    appointments(participantId: $participantId, past: $past) {\n      id\n      uid\n      localTime\n      scheduledAt\n      description\n      milestoneName\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DemoViewer { viewer { roles userType } }"): (typeof documents)["query DemoViewer { viewer { roles userType } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id status } } }\n"): (typeof documents)["\n  mutation PoolPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolPayMileage($input: PayMileageInput!) { payMileage(input: $input) { payment { id status } } }\n"): (typeof documents)["\n  mutation PoolPayMileage($input: PayMileageInput!) { payMileage(input: $input) { payment { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id status } }\n  }\n"): (typeof documents)["\n  mutation PoolReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolApprove($input: ApprovePaymentInput!) { approvePayment(input: $input) { payment { id status } } }\n"): (typeof documents)["\n  mutation PoolApprove($input: ApprovePaymentInput!) { approvePayment(input: $input) { payment { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { id status } } }\n"): (typeof documents)["\n  mutation PoolClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n"): (typeof documents)["\n  mutation PoolSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolAddFunding($input: AddFundingInput!) { addFunding(input: $input) { contract { id } } }\n"): (typeof documents)["\n  mutation PoolAddFunding($input: AddFundingInput!) { addFunding(input: $input) { contract { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }\n"): (typeof documents)["\n  mutation PoolAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolEnroll($input: EnrollInput!) { enroll(input: $input) { enrollment { id } } }\n"): (typeof documents)["\n  mutation PoolEnroll($input: EnrollInput!) { enroll(input: $input) { enrollment { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolSchedule($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) { appointment { id } }\n  }\n"): (typeof documents)["\n  mutation PoolSchedule($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) { appointment { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PoolAddMilestone($input: AddMilestoneInput!) { addMilestone(input: $input) { milestone { id } } }\n"): (typeof documents)["\n  mutation PoolAddMilestone($input: AddMilestoneInput!) { addMilestone(input: $input) { milestone { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SeveralFieldsCreateClient($input: CreateClientInput!) { createClient(input: $input) { client { id } } }\n"): (typeof documents)["\n  mutation SeveralFieldsCreateClient($input: CreateClientInput!) { createClient(input: $input) { client { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleReminded($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        uid\n        localTime\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleReminded($input: ScheduleAppointmentInput!) {\n    scheduleAppointment(input: $input) {\n      appointment {\n        uid\n        localTime\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveMessageReceived($enrollmentId: ID) {\n    messageReceived(enrollmentId: $enrollmentId) { id body senderName senderIsStaff enrollmentId read }\n  }\n"): (typeof documents)["\n  subscription LiveMessageReceived($enrollmentId: ID) {\n    messageReceived(enrollmentId: $enrollmentId) { id body senderName senderIsStaff enrollmentId read }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n"): (typeof documents)["\n  mutation LiveSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessagingSend($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id uid body sentAt senderName senderIsStaff enrollmentId subjectId trialName read }\n    }\n  }\n"): (typeof documents)["\n  mutation MessagingSend($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      message { id uid body sentAt senderName senderIsStaff enrollmentId subjectId trialName read }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessagingInbox($enrollmentId: ID, $unreadOnly: Boolean, $first: Int, $after: String) {\n    messages(enrollmentId: $enrollmentId, unreadOnly: $unreadOnly, first: $first, after: $after) {\n      edges { node { id body senderName senderIsStaff enrollmentId read } }\n      pageInfo { hasNextPage endCursor }\n    }\n    unreadMessageCount(enrollmentId: $enrollmentId)\n  }\n"): (typeof documents)["\n  query MessagingInbox($enrollmentId: ID, $unreadOnly: Boolean, $first: Int, $after: String) {\n    messages(enrollmentId: $enrollmentId, unreadOnly: $unreadOnly, first: $first, after: $after) {\n      edges { node { id body senderName senderIsStaff enrollmentId read } }\n      pageInfo { hasNextPage endCursor }\n    }\n    unreadMessageCount(enrollmentId: $enrollmentId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessagingUnread { unreadMessageCount }"): (typeof documents)["query MessagingUnread { unreadMessageCount }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessagingMarkRead($input: MarkMessagesReadInput!) {\n    markMessagesRead(input: $input) { messages { id read } unreadMessageCount }\n  }\n"): (typeof documents)["\n  mutation MessagingMarkRead($input: MarkMessagesReadInput!) {\n    markMessagesRead(input: $input) { messages { id read } unreadMessageCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessagingBulkEmail($input: BulkEmailInput!) { bulkEmail(input: $input) { queued skipped } }\n"): (typeof documents)["\n  mutation MessagingBulkEmail($input: BulkEmailInput!) { bulkEmail(input: $input) { queued skipped } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MessagingNode($id: ID!) { node(id: $id) { id ... on Message { body } } }"): (typeof documents)["query MessagingNode($id: ID!) { node(id: $id) { id ... on Message { body } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgCreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        id uid name salesContact taxId contactName contactPhone contactEmail\n        address { street1 street2 city state postCode country }\n        contracts { id }\n        sites { id }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgCreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        id uid name salesContact taxId contactName contactPhone contactEmail\n        address { street1 street2 city state postCode country }\n        contracts { id }\n        sites { id }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgEditClient($input: EditClientInput!) {\n    editClient(input: $input) {\n      client {\n        id name salesContact taxId contactName contactPhone contactEmail\n        address { street1 city state postCode }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgEditClient($input: EditClientInput!) {\n    editClient(input: $input) {\n      client {\n        id name salesContact taxId contactName contactPhone contactEmail\n        address { street1 city state postCode }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgDeleteClient($input: DeleteClientInput!) { deleteClient(input: $input) { deletedClientId } }\n"): (typeof documents)["\n  mutation OrgDeleteClient($input: DeleteClientInput!) { deleteClient(input: $input) { deletedClientId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgClients($search: String, $first: Int, $after: String) {\n    clients(search: $search, first: $first, after: $after) {\n      edges { node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query OrgClients($search: String, $first: Int, $after: String) {\n    clients(search: $search, first: $first, after: $after) {\n      edges { node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgClient($id: ID!) {\n    client(id: $id) { id uid name contracts { id name } sites { id name } }\n  }\n"): (typeof documents)["\n  query OrgClient($id: ID!) {\n    client(id: $id) { id uid name contracts { id name } sites { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgClientNode($id: ID!) { node(id: $id) { id ... on Client { name } } }\n"): (typeof documents)["\n  query OrgClientNode($id: ID!) { node(id: $id) { id ... on Client { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgClientsWithChildren($search: String) {\n    clients(search: $search, first: 50) {\n      edges { node { id contracts { id } sites { id address { city } } auditHistory { action } } }\n    }\n  }\n"): (typeof documents)["\n  query OrgClientsWithChildren($search: String) {\n    clients(search: $search, first: 50) {\n      edges { node { id contracts { id } sites { id address { city } } auditHistory { action } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgCreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      site {\n        id uid name timeZone client { id } address { street1 city state postCode }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgCreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      site {\n        id uid name timeZone client { id } address { street1 city state postCode }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgEditSite($input: EditSiteInput!) {\n    editSite(input: $input) { site { id name timeZone address { city } auditHistory { action } } }\n  }\n"): (typeof documents)["\n  mutation OrgEditSite($input: EditSiteInput!) {\n    editSite(input: $input) { site { id name timeZone address { city } auditHistory { action } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgDeleteSite($input: DeleteSiteInput!) { deleteSite(input: $input) { deletedSiteId } }\n"): (typeof documents)["\n  mutation OrgDeleteSite($input: DeleteSiteInput!) { deleteSite(input: $input) { deletedSiteId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgSites($clientId: ID, $first: Int) {\n    sites(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }\n  }\n"): (typeof documents)["\n  query OrgSites($clientId: ID, $first: Int) {\n    sites(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgSite($id: ID!) { site(id: $id) { id uid name timeZone client { id name } } }\n"): (typeof documents)["\n  query OrgSite($id: ID!) { site(id: $id) { id uid name timeZone client { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgCreateContract($input: CreateContractInput!) {\n    createContract(input: $input) {\n      contract {\n        id uid name clientSignatureDate startDate endDate currency\n        totalValue { amount currency formatted }\n        client { id name }\n        document { filename }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgCreateContract($input: CreateContractInput!) {\n    createContract(input: $input) {\n      contract {\n        id uid name clientSignatureDate startDate endDate currency\n        totalValue { amount currency formatted }\n        client { id name }\n        document { filename }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgEditContract($input: EditContractInput!) {\n    editContract(input: $input) {\n      contract { id name startDate endDate currency totalValue { amount currency } auditHistory { action } }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgEditContract($input: EditContractInput!) {\n    editContract(input: $input) {\n      contract { id name startDate endDate currency totalValue { amount currency } auditHistory { action } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgDeleteContract($input: DeleteContractInput!) { deleteContract(input: $input) { deletedContractId } }\n"): (typeof documents)["\n  mutation OrgDeleteContract($input: DeleteContractInput!) { deleteContract(input: $input) { deletedContractId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgUploadDocument($input: UploadContractDocumentInput!) {\n    uploadContractDocument(input: $input) {\n      document { filename contentType sizeBytes sha256 uploadedAt downloadUrl }\n      contract { id document { filename downloadUrl } }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgUploadDocument($input: UploadContractDocumentInput!) {\n    uploadContractDocument(input: $input) {\n      document { filename contentType sizeBytes sha256 uploadedAt downloadUrl }\n      contract { id document { filename downloadUrl } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgContracts($clientId: ID, $first: Int) {\n    contracts(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }\n  }\n"): (typeof documents)["\n  query OrgContracts($clientId: ID, $first: Int) {\n    contracts(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgContract($id: ID!) {\n    contract(id: $id) {\n      id uid name currency totalValue { amount formatted }\n      client { id name }\n      funding { remaining { amount } }\n      document { filename downloadUrl }\n    }\n  }\n"): (typeof documents)["\n  query OrgContract($id: ID!) {\n    contract(id: $id) {\n      id uid name currency totalValue { amount formatted }\n      client { id name }\n      funding { remaining { amount } }\n      document { filename downloadUrl }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgContractSeen($id: ID!) { contract(id: $id) { name funding { remaining { amount } } document { filename } } }\n"): (typeof documents)["\n  query OrgContractSeen($id: ID!) { contract(id: $id) { name funding { remaining { amount } } document { filename } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertSetThreshold($input: SetLowBalanceThresholdInput!) {\n    setLowBalanceThreshold(input: $input) {\n      contract { id lowBalanceThreshold { amount { amount currency } percentOfDeposits belowSince } }\n    }\n  }\n"): (typeof documents)["\n  mutation AlertSetThreshold($input: SetLowBalanceThresholdInput!) {\n    setLowBalanceThreshold(input: $input) {\n      contract { id lowBalanceThreshold { amount { amount currency } percentOfDeposits belowSince } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertWatch($input: WatchContractFundingInput!) {\n    watchContractFunding(input: $input) { contract { id watchingFunding } }\n  }\n"): (typeof documents)["\n  mutation AlertWatch($input: WatchContractFundingInput!) {\n    watchContractFunding(input: $input) { contract { id watchingFunding } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertContract($id: ID!) {\n    contract(id: $id) {\n      watchingFunding\n      funding { remaining { amount } }\n      lowBalanceThreshold { amount { amount } percentOfDeposits belowSince }\n      fundingAlerts(first: 10) {\n        totalCount\n        edges { node { remaining { amount currency } threshold { amount } notifiedCount createdAt } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertContract($id: ID!) {\n    contract(id: $id) {\n      watchingFunding\n      funding { remaining { amount } }\n      lowBalanceThreshold { amount { amount } percentOfDeposits belowSince }\n      fundingAlerts(first: 10) {\n        totalCount\n        edges { node { remaining { amount currency } threshold { amount } notifiedCount createdAt } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertMine {\n    fundingAlerts(first: 10) { totalCount edges { node { contract { id name } remaining { amount } } } }\n  }\n"): (typeof documents)["\n  query AlertMine {\n    fundingAlerts(first: 10) { totalCount edges { node { contract { id name } remaining { amount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertAddFunding($input: AddFundingInput!) {\n    addFunding(input: $input) { contract { funding { remaining { amount } } } }\n  }\n"): (typeof documents)["\n  mutation AlertAddFunding($input: AddFundingInput!) {\n    addFunding(input: $input) { contract { funding { remaining { amount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertPayMileage($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id status } }\n  }\n"): (typeof documents)["\n  mutation AlertPayMileage($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) { payment { id status } }\n  }\n"): (typeof documents)["\n  mutation AlertPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) { payment { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id status } }\n  }\n"): (typeof documents)["\n  mutation AlertReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertApprove($input: ApprovePaymentInput!) {\n    approvePayment(input: $input) { payment { id status } }\n  }\n"): (typeof documents)["\n  mutation AlertApprove($input: ApprovePaymentInput!) {\n    approvePayment(input: $input) { payment { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgAddFunding($input: AddFundingInput!) {\n    addFunding(input: $input) {\n      deposit { amount { amount currency } note createdAt }\n      contract {\n        id\n        funding {\n          deposited { amount currency formatted }\n          committed { amount }\n          remaining { amount }\n          deposits { amount { amount } note }\n        }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgAddFunding($input: AddFundingInput!) {\n    addFunding(input: $input) {\n      deposit { amount { amount currency } note createdAt }\n      contract {\n        id\n        funding {\n          deposited { amount currency formatted }\n          committed { amount }\n          remaining { amount }\n          deposits { amount { amount } note }\n        }\n        auditHistory { action changes { field from to } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgFunding($contractId: ID, $trialId: ID) {\n    funding(contractId: $contractId, trialId: $trialId) { amount currency formatted }\n  }\n"): (typeof documents)["\n  query OrgFunding($contractId: ID, $trialId: ID) {\n    funding(contractId: $contractId, trialId: $trialId) { amount currency formatted }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgContractFunding($id: ID!) {\n    contract(id: $id) {\n      id\n      funding { deposited { amount } committed { amount } remaining { amount } deposits { amount { amount } } }\n      auditHistory { action }\n    }\n  }\n"): (typeof documents)["\n  query OrgContractFunding($id: ID!) {\n    contract(id: $id) {\n      id\n      funding { deposited { amount } committed { amount } remaining { amount } deposits { amount { amount } } }\n      auditHistory { action }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgContractsFunding($clientId: ID) {\n    contracts(clientId: $clientId, first: 50) {\n      edges { node { id funding { remaining { amount } deposits { amount { amount } } } } }\n    }\n  }\n"): (typeof documents)["\n  query OrgContractsFunding($clientId: ID) {\n    contracts(clientId: $clientId, first: 50) {\n      edges { node { id funding { remaining { amount } deposits { amount { amount } } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunwayContract($id: ID!, $trialId: ID!) {\n    contract(id: $id) {\n      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount currency } currency asOf }\n    }\n    trial(id: $trialId) {\n      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount } currency }\n    }\n  }\n"): (typeof documents)["\n  query RunwayContract($id: ID!, $trialId: ID!) {\n    contract(id: $id) {\n      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount currency } currency asOf }\n    }\n    trial(id: $trialId) {\n      runway { remaining { amount } owedPending { amount } owedUnclaimed { amount } scheduledStillOwed { amount } projected { amount } currency }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunwayTrial($id: ID!) { trial(id: $id) { name runway { projected { amount } } } }\n"): (typeof documents)["\n  query RunwayTrial($id: ID!) { trial(id: $id) { name runway { projected { amount } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunwayClientContracts($clientId: ID!) {\n    contracts(clientId: $clientId, first: 50) {\n      edges { node { name runway { projected { amount } scheduledStillOwed { amount } } } }\n    }\n  }\n"): (typeof documents)["\n  query RunwayClientContracts($clientId: ID!) {\n    contracts(clientId: $clientId, first: 50) {\n      edges { node { name runway { projected { amount } scheduledStillOwed { amount } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgCreateSiteInTrial($input: CreateSiteInput!) {\n    createSite(input: $input) { site { id name trialSites { nodes { trial { id } } } } }\n  }\n"): (typeof documents)["\n  mutation OrgCreateSiteInTrial($input: CreateSiteInput!) {\n    createSite(input: $input) { site { id name trialSites { nodes { trial { id } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }\n"): (typeof documents)["\n  mutation AuditAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditUpdateParticipant($input: UpdateParticipantInput!) { updateParticipant(input: $input) { participant { id } } }\n"): (typeof documents)["\n  mutation AuditUpdateParticipant($input: UpdateParticipantInput!) { updateParticipant(input: $input) { participant { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditParticipantHistory($id: ID!) {\n    participant(id: $id) { auditHistory { action actorName changes { field from to } } }\n  }\n"): (typeof documents)["\n  query AuditParticipantHistory($id: ID!) {\n    participant(id: $id) { auditHistory { action actorName changes { field from to } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialRoster($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          site { name }\n          enrollments(first: 100) {\n            nodes { subjectId status participant { firstName lastName dateOfBirth } appointments { scheduledAt status } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrialRoster($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          site { name }\n          enrollments(first: 100) {\n            nodes { subjectId status participant { firstName lastName dateOfBirth } appointments { scheduledAt status } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnEnroll($input: EnrollInput!) {\n    enroll(input: $input) { enrollment { id uid subjectId status trial { id } trialSite { id } participant { id } } }\n  }\n"): (typeof documents)["\n  mutation EnEnroll($input: EnrollInput!) {\n    enroll(input: $input) { enrollment { id uid subjectId status trial { id } trialSite { id } participant { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnSetStatus($input: SetEnrollmentStatusInput!) { setEnrollmentStatus(input: $input) { enrollment { id status } } }\n"): (typeof documents)["\n  mutation EnSetStatus($input: SetEnrollmentStatusInput!) { setEnrollmentStatus(input: $input) { enrollment { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnEnrollments($participantId: ID!) {\n    enrollments(participantId: $participantId) { id subjectId status payoutMethod { type email phone accountLast4 address { street1 } } }\n  }\n"): (typeof documents)["\n  query EnEnrollments($participantId: ID!) {\n    enrollments(participantId: $participantId) { id subjectId status payoutMethod { type email phone accountLast4 address { street1 } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnEnrolled($trialId: ID!, $siteId: ID!) {\n    enrolled(trialId: $trialId, siteId: $siteId) {\n      id subjectId participant { id firstName }\n      paymentSchedule { uid name sortOrder repeatable effectiveAt amount { amount currency } }\n    }\n  }\n"): (typeof documents)["\n  query EnEnrolled($trialId: ID!, $siteId: ID!) {\n    enrolled(trialId: $trialId, siteId: $siteId) {\n      id subjectId participant { id firstName }\n      paymentSchedule { uid name sortOrder repeatable effectiveAt amount { amount currency } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EnPaymentTypes { paymentTypes { code name description } }"): (typeof documents)["query EnPaymentTypes { paymentTypes { code name description } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnSetPaymentType($input: SetPaymentTypeInput!) {\n    setPaymentType(input: $input) {\n      payoutMethod { type email phone accountHolder accountLast4 address { street1 city } }\n      enrollment { id payoutMethod { type accountLast4 } }\n    }\n  }\n"): (typeof documents)["\n  mutation EnSetPaymentType($input: SetPaymentTypeInput!) {\n    setPaymentType(input: $input) {\n      payoutMethod { type email phone accountHolder accountLast4 address { street1 city } }\n      enrollment { id payoutMethod { type accountLast4 } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnParticipantApp {\n    me {\n      participant {\n        id\n        firstName\n        homeSite { name phone }\n        enrollments {\n          subjectId\n          status\n          trial { id name }\n          trialSite {\n            site { name phone timeZone address { street1 city state postCode } }\n            coordinators { firstName lastName email phone }\n          }\n          payments(first: 20) { totalCount nodes { status amount { amount currency } } }\n        }\n      }\n    }\n    trials(first: 10) { nodes { name } }\n  }\n"): (typeof documents)["\n  query OwnParticipantApp {\n    me {\n      participant {\n        id\n        firstName\n        homeSite { name phone }\n        enrollments {\n          subjectId\n          status\n          trial { id name }\n          trialSite {\n            site { name phone timeZone address { street1 city state postCode } }\n            coordinators { firstName lastName email phone }\n          }\n          payments(first: 20) { totalCount nodes { status amount { amount currency } } }\n        }\n      }\n    }\n    trials(first: 10) { nodes { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnCaregiverApp {\n    me {\n      participant { id }\n      caresFor {\n        id\n        firstName\n        enrollments {\n          subjectId\n          status\n          trial { id name }\n          trialSite {\n            site { name phone timeZone address { street1 city state postCode } }\n            coordinators { firstName lastName email phone }\n          }\n          payments(first: 20) { totalCount nodes { status amount { amount currency } } }\n        }\n      }\n    }\n    trials(first: 10) { nodes { name } }\n  }\n"): (typeof documents)["\n  query OwnCaregiverApp {\n    me {\n      participant { id }\n      caresFor {\n        id\n        firstName\n        enrollments {\n          subjectId\n          status\n          trial { id name }\n          trialSite {\n            site { name phone timeZone address { street1 city state postCode } }\n            coordinators { firstName lastName email phone }\n          }\n          payments(first: 20) { totalCount nodes { status amount { amount currency } } }\n        }\n      }\n    }\n    trials(first: 10) { nodes { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnParticipant($id: ID!) { participant(id: $id) { id firstName } }"): (typeof documents)["query OwnParticipant($id: ID!) { participant(id: $id) { id firstName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnTrialSite($id: ID!) { trialSite(id: $id) { id site { name } } }"): (typeof documents)["query OwnTrialSite($id: ID!) { trialSite(id: $id) { id site { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnTrial($id: ID!) { trial(id: $id) { name } }"): (typeof documents)["query OwnTrial($id: ID!) { trial(id: $id) { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnTrialDetails($id: ID!) { trial(id: $id) { name protocolId } }"): (typeof documents)["query OwnTrialDetails($id: ID!) { trial(id: $id) { name protocolId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnTrialContract($id: ID!) { trial(id: $id) { name contract { name } } }"): (typeof documents)["query OwnTrialContract($id: ID!) { trial(id: $id) { name contract { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnTrialSiteEnrollments($id: ID!) { trialSite(id: $id) { enrollments(first: 50) { nodes { subjectId } } } }\n"): (typeof documents)["\n  query OwnTrialSiteEnrollments($id: ID!) { trialSite(id: $id) { enrollments(first: 50) { nodes { subjectId } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnFunding($trialId: ID!) { funding(trialId: $trialId) { amount } }"): (typeof documents)["query OwnFunding($trialId: ID!) { funding(trialId: $trialId) { amount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PtAdd($input: AddParticipantInput!) {\n    addParticipant(input: $input) {\n      participant { id uid firstName lastName email phone dateOfBirth timeZone emergencyContact emergencyPhone\n        address { street1 city postCode } homeSite { id } user { id userType emailVerified } enrollments { id } caregivers { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation PtAdd($input: AddParticipantInput!) {\n    addParticipant(input: $input) {\n      participant { id uid firstName lastName email phone dateOfBirth timeZone emergencyContact emergencyPhone\n        address { street1 city postCode } homeSite { id } user { id userType emailVerified } enrollments { id } caregivers { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PtUpdate($input: UpdateParticipantInput!) {\n    updateParticipant(input: $input) { participant { id firstName lastName email phone emergencyContact timeZone } }\n  }\n"): (typeof documents)["\n  mutation PtUpdate($input: UpdateParticipantInput!) {\n    updateParticipant(input: $input) { participant { id firstName lastName email phone emergencyContact timeZone } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PtGet($id: ID!) { participant(id: $id) { id firstName email enrollments { id subjectId } caregivers { id } } }\n"): (typeof documents)["\n  query PtGet($id: ID!) { participant(id: $id) { id firstName email enrollments { id subjectId } caregivers { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PtList($trialId: ID, $siteId: ID, $search: String) {\n    participants(trialId: $trialId, siteId: $siteId, search: $search, first: 50) { edges { node { id firstName lastName } } }\n  }\n"): (typeof documents)["\n  query PtList($trialId: ID, $siteId: ID, $search: String) {\n    participants(trialId: $trialId, siteId: $siteId, search: $search, first: 50) { edges { node { id firstName lastName } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PtUser($participantId: ID!) { userByParticipant(participantId: $participantId) { id email userType } }\n"): (typeof documents)["\n  query PtUser($participantId: ID!) { userByParticipant(participantId: $participantId) { id email userType } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PtChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation PtChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PtRegisterCaregiver($input: RegisterCaregiverInput!) {\n    registerCaregiver(input: $input) { caregiver { id firstName lastName email relationship participant { id } user { id userType } } }\n  }\n"): (typeof documents)["\n  mutation PtRegisterCaregiver($input: RegisterCaregiverInput!) {\n    registerCaregiver(input: $input) { caregiver { id firstName lastName email relationship participant { id } user { id userType } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PtUpdateCaregiver($input: UpdateCaregiverInput!) {\n    updateCaregiver(input: $input) { caregiver { id firstName lastName relationship } }\n  }\n"): (typeof documents)["\n  mutation PtUpdateCaregiver($input: UpdateCaregiverInput!) {\n    updateCaregiver(input: $input) { caregiver { id firstName lastName relationship } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PtCaregivers($participantId: ID!) { caregivers(participantId: $participantId) { id firstName relationship } }\n"): (typeof documents)["\n  query PtCaregivers($participantId: ID!) { caregivers(participantId: $participantId) { id firstName relationship } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PtCaregiverUser($caregiverId: ID!) { userByCaregiver(caregiverId: $caregiverId) { id email userType } }\n"): (typeof documents)["\n  query PtCaregiverUser($caregiverId: ID!) { userByCaregiver(caregiverId: $caregiverId) { id email userType } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PtRelationships { caregiverRelationships }"): (typeof documents)["query PtRelationships { caregiverRelationships }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CoordAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded } }\n"): (typeof documents)["\n  mutation CoordAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CoordAddParticipant($input: AddParticipantInput!) {\n    addParticipant(input: $input) { participant { id firstName homeSite { name } } }\n  }\n"): (typeof documents)["\n  mutation CoordAddParticipant($input: AddParticipantInput!) {\n    addParticipant(input: $input) { participant { id firstName homeSite { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CoordEnroll($input: EnrollInput!) {\n    enroll(input: $input) { enrollment { id subjectId status trial { name } } }\n  }\n"): (typeof documents)["\n  mutation CoordEnroll($input: EnrollInput!) {\n    enroll(input: $input) { enrollment { id subjectId status trial { name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CoordPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) { payment { id status amount { amount } } }\n  }\n"): (typeof documents)["\n  mutation CoordPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) { payment { id status amount { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordParticipant($id: ID!) {\n    participant(id: $id) { id firstName enrollments { id trial { name } payments { totalCount } } }\n  }\n"): (typeof documents)["\n  query CoordParticipant($id: ID!) {\n    participant(id: $id) { id firstName enrollments { id trial { name } payments { totalCount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordParticipants { participants(first: 100) { nodes { id } } }\n"): (typeof documents)["\n  query CoordParticipants { participants(first: 100) { nodes { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CoordNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query CoordNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CoordTrialSite($id: ID!) { trialSite(id: $id) { id } }"): (typeof documents)["query CoordTrialSite($id: ID!) { trialSite(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CoordTrial($id: ID!) { trial(id: $id) { id } }"): (typeof documents)["query CoordTrial($id: ID!) { trial(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordEnrolled($trialId: ID!, $siteId: ID!) { enrolled(trialId: $trialId, siteId: $siteId) { id } }\n"): (typeof documents)["\n  query CoordEnrolled($trialId: ID!, $siteId: ID!) { enrolled(trialId: $trialId, siteId: $siteId) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkPayMilestones($input: PayMilestonesInput!) {\n    payMilestones(input: $input) {\n      results {\n        payment { id uid status milestoneName amount { amount } history { toStatus } }\n        error { code message fields }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkPayMilestones($input: PayMilestonesInput!) {\n    payMilestones(input: $input) {\n      results {\n        payment { id uid status milestoneName amount { amount } history { toStatus } }\n        error { code message fields }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }\n"): (typeof documents)["\n  mutation BulkPayMilestone($input: PayMilestoneInput!) { payMilestone(input: $input) { payment { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkSchedule($trialId: ID!, $siteId: ID!) {\n    paymentSchedule(trialId: $trialId, siteId: $siteId) { id uid name }\n  }\n"): (typeof documents)["\n  query BulkSchedule($trialId: ID!, $siteId: ID!) {\n    paymentSchedule(trialId: $trialId, siteId: $siteId) { id uid name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimRefusalsClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { claimed { id } refused { paymentId code reason } }\n  }\n"): (typeof documents)["\n  mutation ClaimRefusalsClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { claimed { id } refused { paymentId code reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClaimsUnclaimed($participantId: ID!) {\n    unclaimedPayments(participantId: $participantId) { uid status amount { amount currency } }\n  }\n"): (typeof documents)["\n  query ClaimsUnclaimed($participantId: ID!) {\n    unclaimedPayments(participantId: $participantId) { uid status amount { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimsClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { message claimed { id uid status } refused { paymentId reason } }\n  }\n"): (typeof documents)["\n  mutation ClaimsClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { message claimed { id uid status } refused { paymentId reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MileageVisitPay($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id kind status milestoneName amount { amount } } }\n  }\n"): (typeof documents)["\n  mutation MileageVisitPay($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id kind status milestoneName amount { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialMilestones($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes { enrollments { nodes { milestonePayments { timesPaid payable paid { amount } milestone { name } } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrialMilestones($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes { enrollments { nodes { milestonePayments { timesPaid payable paid { amount } milestone { name } } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialPayments($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          enrollments {\n            nodes {\n              subjectId\n              payments(first: 10) { totalCount edges { node { status amount { amount } } } }\n              unclaimed: payments(first: 1, status: UNCLAIMED) { totalCount edges { node { status } } }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrialPayments($id: ID!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          enrollments {\n            nodes {\n              subjectId\n              payments(first: 10) { totalCount edges { node { status amount { amount } } } }\n              unclaimed: payments(first: 1, status: UNCLAIMED) { totalCount edges { node { status } } }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayAddMilestone($input: AddMilestoneInput!) {\n    addMilestone(input: $input) { milestone { id uid name repeatable effectiveAt amount { amount currency } } }\n  }\n"): (typeof documents)["\n  mutation PayAddMilestone($input: AddMilestoneInput!) {\n    addMilestone(input: $input) { milestone { id uid name repeatable effectiveAt amount { amount currency } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaySchedule($trialId: ID!, $siteId: ID!) {\n    paymentSchedule(trialId: $trialId, siteId: $siteId) { uid name amount { amount currency } }\n  }\n"): (typeof documents)["\n  query PaySchedule($trialId: ID!, $siteId: ID!) {\n    paymentSchedule(trialId: $trialId, siteId: $siteId) { uid name amount { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) {\n      payment { id uid kind status milestoneName createdByName amount { amount currency } history { fromStatus toStatus actorName } }\n    }\n  }\n"): (typeof documents)["\n  mutation PayPayMilestone($input: PayMilestoneInput!) {\n    payMilestone(input: $input) {\n      payment { id uid kind status milestoneName createdByName amount { amount currency } history { fromStatus toStatus actorName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayPayMileage($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id status kind amount { amount } } }\n  }\n"): (typeof documents)["\n  mutation PayPayMileage($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id status kind amount { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id uid status kind category amount { amount } } }\n  }\n"): (typeof documents)["\n  mutation PayReimburse($input: RequestReimbursementInput!) {\n    requestReimbursement(input: $input) { payment { id uid status kind category amount { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayApprove($input: ApprovePaymentInput!) {\n    approvePayment(input: $input) { payment { id status history { fromStatus toStatus actorName reason } } }\n  }\n"): (typeof documents)["\n  mutation PayApprove($input: ApprovePaymentInput!) {\n    approvePayment(input: $input) { payment { id status history { fromStatus toStatus actorName reason } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayReject($input: RejectPaymentInput!) {\n    rejectPayment(input: $input) { payment { id status rejectionReason history { fromStatus toStatus reason } } }\n  }\n"): (typeof documents)["\n  mutation PayReject($input: RejectPaymentInput!) {\n    rejectPayment(input: $input) { payment { id status rejectionReason history { fromStatus toStatus reason } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PayCategories($trialId: ID!) { categories(trialId: $trialId) }"): (typeof documents)["query PayCategories($trialId: ID!) { categories(trialId: $trialId) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayAddCategory($input: AddCategoryInput!) { addCategory(input: $input) { categories } }\n"): (typeof documents)["\n  mutation PayAddCategory($input: AddCategoryInput!) { addCategory(input: $input) { categories } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayPayments($status: PaymentStatus) {\n    payments(status: $status, first: 100) { edges { node { id uid status enrollment { id } } } }\n  }\n"): (typeof documents)["\n  query PayPayments($status: PaymentStatus) {\n    payments(status: $status, first: 100) { edges { node { id uid status enrollment { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayPending($participantId: ID!) {\n    pendingReimbursements(participantId: $participantId) { id }\n    pendingPayments(participantId: $participantId) { edges { node { id } } }\n  }\n"): (typeof documents)["\n  query PayPending($participantId: ID!) {\n    pendingReimbursements(participantId: $participantId) { id }\n    pendingPayments(participantId: $participantId) { edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayParticipantPayments($participantId: ID!) {\n    participantPayments(participantId: $participantId) { id kind }\n    recentPayments { id }\n  }\n"): (typeof documents)["\n  query PayParticipantPayments($participantId: ID!) {\n    participantPayments(participantId: $participantId) { id kind }\n    recentPayments { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayPayable { payableVisits { appointmentId milestoneId milestoneName enrollment { id } amount { amount } } }\n"): (typeof documents)["\n  query PayPayable { payableVisits { appointmentId milestoneId milestoneName enrollment { id } amount { amount } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayMilestonePayments($id: ID!) {\n    node(id: $id) { ... on Enrollment { milestonePayments { milestone { name } timesPaid payable paid { amount } } } }\n  }\n"): (typeof documents)["\n  query PayMilestonePayments($id: ID!) {\n    node(id: $id) { ... on Enrollment { milestonePayments { milestone { name } timesPaid payable paid { amount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecoveryClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }\n"): (typeof documents)["\n  mutation RecoveryClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayoutsClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }\n"): (typeof documents)["\n  mutation PayoutsClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { message } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RatingsRateable { rateableVisits { uid status milestoneName } }"): (typeof documents)["query RatingsRateable { rateableVisits { uid status milestoneName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RatingsRate($input: RateVisitInput!) { rateVisit(input: $input) { rating { uid rating note milestone } } }\n"): (typeof documents)["\n  mutation RatingsRate($input: RateVisitInput!) { rateVisit(input: $input) { rating { uid rating note milestone } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingsReport($trialId: ID, $participantId: ID, $startDate: Date, $endDate: Date) {\n    ratings(trialId: $trialId, participantId: $participantId, startDate: $startDate, endDate: $endDate) {\n      edges { node { uid enrollmentId milestone rating note completedVisits totalVisits } }\n    }\n  }\n"): (typeof documents)["\n  query RatingsReport($trialId: ID, $participantId: ID, $startDate: Date, $endDate: Date) {\n    ratings(trialId: $trialId, participantId: $participantId, startDate: $startDate, endDate: $endDate) {\n      edges { node { uid enrollmentId milestone rating note completedVisits totalVisits } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialDashboard($id: ID!) {\n    trial(id: $id) {\n      paymentTotals { currency count committed { amount { amount } } }\n      trialSites {\n        nodes {\n          paymentTotals { count paid { count amount { amount } } }\n          payments(first: 2, orderBy: AMOUNT_DESC) { totalCount edges { node { uid } } }\n          enrollments {\n            nodes {\n              paymentTotals { count unclaimed { amount { amount } } }\n              payments(first: 2, status: UNCLAIMED) { totalCount edges { node { uid } } }\n              participant { payments(first: 1, orderBy: CREATED_AT_ASC) { totalCount edges { node { uid } } } }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrialDashboard($id: ID!) {\n    trial(id: $id) {\n      paymentTotals { currency count committed { amount { amount } } }\n      trialSites {\n        nodes {\n          paymentTotals { count paid { count amount { amount } } }\n          payments(first: 2, orderBy: AMOUNT_DESC) { totalCount edges { node { uid } } }\n          enrollments {\n            nodes {\n              paymentTotals { count unclaimed { amount { amount } } }\n              payments(first: 2, status: UNCLAIMED) { totalCount edges { node { uid } } }\n              participant { payments(first: 1, orderBy: CREATED_AT_ASC) { totalCount edges { node { uid } } } }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenchDashboard($id: ID!) {\n    trial(id: $id) {\n      name\n      trialSites(first: 100) {\n        edges {\n          node {\n            site { name }\n            enrollments(first: 100) {\n              edges {\n                node {\n                  subjectId\n                  participant { firstName lastName }\n                  payments(first: 100) { edges { node { amount { amount } status } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BenchDashboard($id: ID!) {\n    trial(id: $id) {\n      name\n      trialSites(first: 100) {\n        edges {\n          node {\n            site { name }\n            enrollments(first: 100) {\n              edges {\n                node {\n                  subjectId\n                  participant { firstName lastName }\n                  payments(first: 100) { edges { node { amount { amount } status } } }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentFieldsBothWays($id: ID!) {\n    trial(id: $id) {\n      trialSites(first: 10) {\n        nodes {\n          enrollments(first: 10) {\n            nodes {\n              payments(first: 10) {\n                nodes {\n                  id uid kind status amount { amount currency }\n                  ... on Payment { category note rejectionReason failureReason createdAt }\n                }\n                edges { node { status } }\n              }\n              withMilestone: payments(first: 10) { nodes { status milestoneName } }\n            }\n          }\n        }\n      }\n    }\n    payments(trialId: $id, first: 100) {\n      nodes { id uid kind status amount { amount currency } category note rejectionReason failureReason createdAt }\n    }\n  }\n"): (typeof documents)["\n  query PaymentFieldsBothWays($id: ID!) {\n    trial(id: $id) {\n      trialSites(first: 10) {\n        nodes {\n          enrollments(first: 10) {\n            nodes {\n              payments(first: 10) {\n                nodes {\n                  id uid kind status amount { amount currency }\n                  ... on Payment { category note rejectionReason failureReason createdAt }\n                }\n                edges { node { status } }\n              }\n              withMilestone: payments(first: 10) { nodes { status milestoneName } }\n            }\n          }\n        }\n      }\n    }\n    payments(trialId: $id, first: 100) {\n      nodes { id uid kind status amount { amount currency } category note rejectionReason failureReason createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ParticipantsWithPayments($trialId: ID!) {\n    participants(trialId: $trialId, first: 100, orderBy: NAME_ASC) {\n      totalCount\n      edges { node { lastName payments(first: 2, kind: MANUAL) { totalCount edges { node { uid } } } } }\n    }\n  }\n"): (typeof documents)["\n  query ParticipantsWithPayments($trialId: ID!) {\n    participants(trialId: $trialId, first: 100, orderBy: NAME_ASC) {\n      totalCount\n      edges { node { lastName payments(first: 2, kind: MANUAL) { totalCount edges { node { uid } } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialSitePayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    trialSite(id: $id) {\n      payments(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        status: $status\n        kind: $kind\n        createdAt: $createdAt\n      ) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { uid } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrialSitePayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    trialSite(id: $id) {\n      payments(\n        first: $first\n        after: $after\n        last: $last\n        before: $before\n        orderBy: $orderBy\n        status: $status\n        kind: $kind\n        createdAt: $createdAt\n      ) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { uid } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ParticipantPayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    participant(id: $id) {\n      payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { uid } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ParticipantPayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    participant(id: $id) {\n      payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node { uid } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnrollmentPayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    node(id: $id) {\n      ... on Enrollment {\n        payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { uid } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EnrollmentPayments(\n    $id: ID!\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    node(id: $id) {\n      ... on Enrollment {\n        payments(first: $first, after: $after, orderBy: $orderBy, status: $status, kind: $kind, createdAt: $createdAt) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { node { uid } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RootPayments(\n    $trialId: ID\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    payments(\n      trialId: $trialId\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      status: $status\n      kind: $kind\n      createdAt: $createdAt\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { uid } }\n    }\n  }\n"): (typeof documents)["\n  query RootPayments(\n    $trialId: ID\n    $first: Int\n    $after: String\n    $orderBy: PaymentOrder\n    $status: PaymentStatus\n    $kind: PaymentKind\n    $createdAt: DateTimeRange\n  ) {\n    payments(\n      trialId: $trialId\n      first: $first\n      after: $after\n      orderBy: $orderBy\n      status: $status\n      kind: $kind\n      createdAt: $createdAt\n    ) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { uid } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SumFields on PaymentTotals {\n    currency\n    count\n    pending { count amount { amount } }\n    unclaimed { count amount { amount } }\n    claimed { count amount { amount } }\n    paid { count amount { amount } }\n    failed { count amount { amount } }\n    rejected { count amount { amount } }\n    committed { count amount { amount } }\n  }\n"): (typeof documents)["\n  fragment SumFields on PaymentTotals {\n    currency\n    count\n    pending { count amount { amount } }\n    unclaimed { count amount { amount } }\n    claimed { count amount { amount } }\n    paid { count amount { amount } }\n    failed { count amount { amount } }\n    rejected { count amount { amount } }\n    committed { count amount { amount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialTotals($id: ID!, $kind: PaymentKind, $createdAt: DateTimeRange) {\n    trial(id: $id) {\n      paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }\n      trialSites {\n        nodes {\n          uid\n          paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }\n          enrollments { nodes { uid paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrialTotals($id: ID!, $kind: PaymentKind, $createdAt: DateTimeRange) {\n    trial(id: $id) {\n      paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }\n      trialSites {\n        nodes {\n          uid\n          paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields }\n          enrollments { nodes { uid paymentTotals(kind: $kind, createdAt: $createdAt) { ...SumFields } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialSiteTotals($id: ID!) {\n    trialSite(id: $id) { paymentTotals { count paid { amount { amount } } } }\n  }\n"): (typeof documents)["\n  query TrialSiteTotals($id: ID!) {\n    trialSite(id: $id) { paymentTotals { count paid { amount { amount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialOnlyTotals($id: ID!) {\n    trial(id: $id) { paymentTotals { count paid { amount { amount } } } }\n  }\n"): (typeof documents)["\n  query TrialOnlyTotals($id: ID!) {\n    trial(id: $id) { paymentTotals { count paid { amount { amount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnrollmentTotals($id: ID!) {\n    node(id: $id) { ... on Enrollment { paymentTotals { count committed { amount { amount } } } } }\n  }\n"): (typeof documents)["\n  query EnrollmentTotals($id: ID!) {\n    node(id: $id) { ... on Enrollment { paymentTotals { count committed { amount { amount } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ParticipantsInOrder($trialId: ID, $first: Int, $after: String, $orderBy: ParticipantOrder) {\n    participants(trialId: $trialId, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { uid lastName } }\n    }\n  }\n"): (typeof documents)["\n  query ParticipantsInOrder($trialId: ID, $first: Int, $after: String, $orderBy: ParticipantOrder) {\n    participants(trialId: $trialId, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { uid lastName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinksRequestTrialReport($input: RequestTrialPaymentReportInput!) {\n    requestTrialPaymentReport(input: $input) { url expiresAt }\n  }\n"): (typeof documents)["\n  mutation LinksRequestTrialReport($input: RequestTrialPaymentReportInput!) {\n    requestTrialPaymentReport(input: $input) { url expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LinksRequestFundingReport($input: RequestFundingReportInput!) {\n    requestFundingReport(input: $input) { url expiresAt }\n  }\n"): (typeof documents)["\n  mutation LinksRequestFundingReport($input: RequestFundingReportInput!) {\n    requestFundingReport(input: $input) { url expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportsRequestTrialReport($input: RequestTrialPaymentReportInput!) {\n    requestTrialPaymentReport(input: $input) { url expiresAt }\n  }\n"): (typeof documents)["\n  mutation ReportsRequestTrialReport($input: RequestTrialPaymentReportInput!) {\n    requestTrialPaymentReport(input: $input) { url expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportsRequestFundingReport($input: RequestFundingReportInput!) {\n    requestFundingReport(input: $input) { url expiresAt }\n  }\n"): (typeof documents)["\n  mutation ReportsRequestFundingReport($input: RequestFundingReportInput!) {\n    requestFundingReport(input: $input) { url expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServerTypename { __typename }"): (typeof documents)["query ServerTypename { __typename }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServerPing { ping }"): (typeof documents)["query ServerPing { ping }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServerMyEmail { me { email } }"): (typeof documents)["query ServerMyEmail { me { email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServerNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query ServerNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GraphiqlSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n"): (typeof documents)["\n  mutation GraphiqlSend($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsDashboard($id: ID!) {\n    trial(id: $id) {\n      name\n      trialSites(first: 20) {\n        nodes {\n          site { name }\n          enrollments(first: 50) {\n            nodes {\n              subjectId\n              participant { firstName lastName }\n              payments(first: 100) { edges { node { amount { amount } status } } }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LimitsDashboard($id: ID!) {\n    trial(id: $id) {\n      name\n      trialSites(first: 20) {\n        nodes {\n          site { name }\n          enrollments(first: 50) {\n            nodes {\n              subjectId\n              participant { firstName lastName }\n              payments(first: 100) { edges { node { amount { amount } status } } }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsUsersLiteral { users(first: 7) { edges { node { email } } } }"): (typeof documents)["query LimitsUsersLiteral { users(first: 7) { edges { node { email } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsUsersVariable($first: Int) { users(first: $first) { edges { node { email } } } }\n"): (typeof documents)["\n  query LimitsUsersVariable($first: Int) { users(first: $first) { edges { node { email } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsUsersFragment($first: Int) { users(first: $first) { ...LimitsUserEdges } }\n  fragment LimitsUserEdges on UserConnection { edges { node { email } } }\n"): (typeof documents)["\n  query LimitsUsersFragment($first: Int) { users(first: $first) { ...LimitsUserEdges } }\n  fragment LimitsUserEdges on UserConnection { edges { node { email } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsPing { ping }"): (typeof documents)["query LimitsPing { ping }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LimitsCreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        name\n        contracts { trials { trialSites(first: 100) { nodes { enrollments(first: 100) { nodes { payments(first: 100) { edges { node { id } } } } } } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LimitsCreateClient($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        name\n        contracts { trials { trialSites(first: 100) { nodes { enrollments(first: 100) { nodes { payments(first: 100) { edges { node { id } } } } } } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleByIds($trialId: ID!, $siteId: ID!) { paymentSchedule(trialId: $trialId, siteId: $siteId) { name } }\n"): (typeof documents)["\n  query ScheduleByIds($trialId: ID!, $siteId: ID!) { paymentSchedule(trialId: $trialId, siteId: $siteId) { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MileageRateSet($input: SetMileageRateInput!) {\n    setMileageRate(input: $input) { trial { mileageRate { amount { amount currency } unit } } }\n  }\n"): (typeof documents)["\n  mutation MileageRateSet($input: SetMileageRateInput!) {\n    setMileageRate(input: $input) { trial { mileageRate { amount { amount currency } unit } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MileageRateRead($id: ID!) { node(id: $id) { ... on Trial { mileageRate { amount { amount } unit } } } }\n"): (typeof documents)["\n  query MileageRateRead($id: ID!) { node(id: $id) { ... on Trial { mileageRate { amount { amount } unit } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MileageRatePay($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id distance mileageRate { amount { amount } unit } } }\n  }\n"): (typeof documents)["\n  mutation MileageRatePay($input: PayMileageInput!) {\n    payMileage(input: $input) { payment { id distance mileageRate { amount { amount } unit } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MileageRateListed($id: ID!) {\n    participant(id: $id) { payments { nodes { distance mileageRate { amount { amount } unit } } } }\n  }\n"): (typeof documents)["\n  query MileageRateListed($id: ID!) {\n    participant(id: $id) { payments { nodes { distance mileageRate { amount { amount } unit } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MileageRateClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { uid } } }\n"): (typeof documents)["\n  mutation MileageRateClaim($input: ClaimPaymentsInput!) { claimPayments(input: $input) { claimed { uid } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MileageRateTaxYear($id: ID!, $year: Int!) {\n    participant(id: $id) { taxYear(year: $year) { reportable { amount } nonReportable { amount } paymentCount } }\n  }\n"): (typeof documents)["\n  query MileageRateTaxYear($id: ID!, $year: Int!) {\n    participant(id: $id) { taxYear(year: $year) { reportable { amount } nonReportable { amount } paymentCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxYearTotals($id: ID!, $year: Int!) {\n    participant(id: $id) {\n      taxYear(year: $year) {\n        taxYear payerName reportable { amount currency } nonReportable { amount currency } paymentCount\n        threshold { amount currency } thresholdStatus taxpayerDetailsOnFile policy\n      }\n    }\n  }\n"): (typeof documents)["\n  query TaxYearTotals($id: ID!, $year: Int!) {\n    participant(id: $id) {\n      taxYear(year: $year) {\n        taxYear payerName reportable { amount currency } nonReportable { amount currency } paymentCount\n        threshold { amount currency } thresholdStatus taxpayerDetailsOnFile policy\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxThresholds($year: Int) {\n    taxThresholds(taxYear: $year) { taxYear amount { amount currency } approachingPercent source }\n  }\n"): (typeof documents)["\n  query TaxThresholds($year: Int) {\n    taxThresholds(taxYear: $year) { taxYear amount { amount currency } approachingPercent source }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TaxSetThreshold($input: SetTaxThresholdInput!) {\n    setTaxThreshold(input: $input) { threshold { taxYear amount { amount currency } approachingPercent } }\n  }\n"): (typeof documents)["\n  mutation TaxSetThreshold($input: SetTaxThresholdInput!) {\n    setTaxThreshold(input: $input) { threshold { taxYear amount { amount currency } approachingPercent } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TaxSetPolicy($input: SetClientTaxPolicyInput!) { setClientTaxPolicy(input: $input) { policy } }\n"): (typeof documents)["\n  mutation TaxSetPolicy($input: SetClientTaxPolicyInput!) { setClientTaxPolicy(input: $input) { policy } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TaxSetDetails($input: SetTaxpayerDetailsInput!) {\n    setTaxpayerDetails(input: $input) {\n      taxpayerDetails { maskedTin tinKind legalName certifiedAt }\n      released { uid status claimHold { heldAt releasedAt } }\n    }\n  }\n"): (typeof documents)["\n  mutation TaxSetDetails($input: SetTaxpayerDetailsInput!) {\n    setTaxpayerDetails(input: $input) {\n      taxpayerDetails { maskedTin tinKind legalName certifiedAt }\n      released { uid status claimHold { heldAt releasedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxDetails($id: ID!) { participant(id: $id) { taxpayerDetails { maskedTin tinKind certifiedAt } } }\n"): (typeof documents)["\n  query TaxDetails($id: ID!) { participant(id: $id) { taxpayerDetails { maskedTin tinKind certifiedAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxDetailsPrivate($id: ID!) {\n    participant(id: $id) { taxpayerDetails { maskedTin legalName address { city } } }\n  }\n"): (typeof documents)["\n  query TaxDetailsPrivate($id: ID!) {\n    participant(id: $id) { taxpayerDetails { maskedTin legalName address { city } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TaxClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { claimed { uid } refused { paymentId code } }\n  }\n"): (typeof documents)["\n  mutation TaxClaim($input: ClaimPaymentsInput!) {\n    claimPayments(input: $input) { claimed { uid } refused { paymentId code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxPaymentHold($id: ID!) {\n    node(id: $id) { ... on Payment { status claimHold { heldAt releasedAt } } }\n  }\n"): (typeof documents)["\n  query TaxPaymentHold($id: ID!) {\n    node(id: $id) { ... on Payment { status claimHold { heldAt releasedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TaxReport($input: RequestTaxYearReportInput!) { requestTaxYearReport(input: $input) { url } }\n"): (typeof documents)["\n  mutation TaxReport($input: RequestTaxYearReportInput!) { requestTaxYearReport(input: $input) { url } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxRosterYears($id: ID!, $year: Int!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          enrollments(first: 100) {\n            nodes { participant { uid taxYear(year: $year) { reportable { amount } paymentCount } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TaxRosterYears($id: ID!, $year: Int!) {\n    trial(id: $id) {\n      trialSites {\n        nodes {\n          enrollments(first: 100) {\n            nodes { participant { uid taxYear(year: $year) { reportable { amount } paymentCount } } }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessTrial($id: ID!) { trial(id: $id) { id name trialSites { nodes { id } } } }\n"): (typeof documents)["\n  query AccessTrial($id: ID!) { trial(id: $id) { id name trialSites { nodes { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessTrials($search: String) { trials(search: $search, first: 100) { edges { node { id } } } }\n"): (typeof documents)["\n  query AccessTrials($search: String) { trials(search: $search, first: 100) { edges { node { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessTrialSites($trialId: ID!) { trialSites(trialId: $trialId) { id } }\n"): (typeof documents)["\n  query AccessTrialSites($trialId: ID!) { trialSites(trialId: $trialId) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessTrialSite($id: ID!) { trialSite(id: $id) { id trial { id } } }\n"): (typeof documents)["\n  query AccessTrialSite($id: ID!) { trialSite(id: $id) { id trial { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessContractTrials($id: ID!) { trial(id: $id) { contract { id trials { id } } } }\n"): (typeof documents)["\n  query AccessContractTrials($id: ID!) { trial(id: $id) { contract { id trials { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessSiteTrialSites($id: ID!) { trialSite(id: $id) { site { id trialSites { nodes { id } } } } }\n"): (typeof documents)["\n  query AccessSiteTrialSites($id: ID!) { trialSite(id: $id) { site { id trialSites { nodes { id } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessCreate($input: CreateTrialInput!) { createTrial(input: $input) { trial { id contract { id } } } }\n"): (typeof documents)["\n  mutation AccessCreate($input: CreateTrialInput!) { createTrial(input: $input) { trial { id contract { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessEdit($input: EditTrialInput!) { editTrial(input: $input) { trial { id name } } }\n"): (typeof documents)["\n  mutation AccessEdit($input: EditTrialInput!) { editTrial(input: $input) { trial { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }\n"): (typeof documents)["\n  mutation AccessDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessAddSite($input: AddTrialSiteInput!) { addTrialSite(input: $input) { trialSite { id site { id } } } }\n"): (typeof documents)["\n  mutation AccessAddSite($input: AddTrialSiteInput!) { addTrialSite(input: $input) { trialSite { id site { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BatchingClientTree($id: ID!) {\n    client(id: $id) { contracts { trials { protocolId trialSites { nodes { site { name } } } } } }\n  }\n"): (typeof documents)["\n  query BatchingClientTree($id: ID!) {\n    client(id: $id) { contracts { trials { protocolId trialSites { nodes { site { name } } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrialSitesAdd($input: AddTrialSiteInput!) {\n    addTrialSite(input: $input) {\n      trialSite {\n        id uid createdAt\n        trial { id name trialSites { nodes { id } } }\n        site { id }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TrialSitesAdd($input: AddTrialSiteInput!) {\n    addTrialSite(input: $input) {\n      trialSite {\n        id uid createdAt\n        trial { id name trialSites { nodes { id } } }\n        site { id }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialSitesList($trialId: ID!) { trialSites(trialId: $trialId) { id uid site { id } trial { id } } }\n"): (typeof documents)["\n  query TrialSitesList($trialId: ID!) { trialSites(trialId: $trialId) { id uid site { id } trial { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialSitesOne($id: ID!) { trialSite(id: $id) { id uid trial { id protocolId } site { id } } }\n"): (typeof documents)["\n  query TrialSitesOne($id: ID!) { trialSite(id: $id) { id uid trial { id protocolId } site { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrialSitesClose($input: EditTrialInput!) { editTrial(input: $input) { trial { status } } }\n"): (typeof documents)["\n  mutation TrialSitesClose($input: EditTrialInput!) { editTrial(input: $input) { trial { status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrialsCreate($input: CreateTrialInput!) {\n    createTrial(input: $input) {\n      trial {\n        id uid name protocolId status phase irbStatus createdAt\n        contract { id }\n        trialSites { nodes { id } }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TrialsCreate($input: CreateTrialInput!) {\n    createTrial(input: $input) {\n      trial {\n        id uid name protocolId status phase irbStatus createdAt\n        contract { id }\n        trialSites { nodes { id } }\n        auditHistory { action actorName changes { field from to } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrialsEdit($input: EditTrialInput!) {\n    editTrial(input: $input) {\n      trial { id name protocolId status phase irbStatus auditHistory { action actorName changes { field from to } } }\n    }\n  }\n"): (typeof documents)["\n  mutation TrialsEdit($input: EditTrialInput!) {\n    editTrial(input: $input) {\n      trial { id name protocolId status phase irbStatus auditHistory { action actorName changes { field from to } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrialsDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }\n"): (typeof documents)["\n  mutation TrialsDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialsSearch($search: String, $first: Int, $after: String) {\n    trials(search: $search, first: $first, after: $after) {\n      edges { node { id name protocolId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query TrialsSearch($search: String, $first: Int, $after: String) {\n    trials(search: $search, first: $first, after: $after) {\n      edges { node { id name protocolId } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialsGet($id: ID!) {\n    trial(id: $id) { id uid name protocolId status phase irbStatus contract { id } trialSites { nodes { id site { id } } } }\n  }\n"): (typeof documents)["\n  query TrialsGet($id: ID!) {\n    trial(id: $id) { id uid name protocolId status phase irbStatus contract { id } trialSites { nodes { id site { id } } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;