export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant, as an ISO 8601 string with a time zone (UTC on output). */
  DateTime: { input: Date; output: Date; }
  /** A JSON value, as written in seed 002's documents (a questionnaire's UI config, a localized questionnaire, answers). */
  JSON: { input: unknown; output: unknown; }
};

export type AcceptDataUseAgreementInput = {
  /** The approved request. */
  requestId: Scalars['ID']['input'];
  /** The version of the agreement read (dataUseAgreement.version). */
  version: Scalars['String']['input'];
};

export type AddCategoryInput = {
  category: Scalars['String']['input'];
  trialId: Scalars['ID']['input'];
};

export type AddFundingInput = {
  /** Positive, in the contract's currency. */
  amount: MoneyInput;
  contractId: Scalars['ID']['input'];
  /** e.g. the sponsor's wire reference. */
  note?: InputMaybe<Scalars['String']['input']>;
};

export type AddMilestoneInput = {
  /** In the trial's contract currency. */
  amount: MoneyInput;
  /** From when this amount applies (default now); earlier payments keep theirs. */
  effectiveAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Unique per trial site; the same name again adds a new amount version. */
  name: Scalars['String']['input'];
  /** Paid more than once per enrollment. */
  repeatable?: InputMaybe<Scalars['Boolean']['input']>;
  siteId: Scalars['ID']['input'];
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  trialId: Scalars['ID']['input'];
};

export type AddParticipantInput = {
  address?: InputMaybe<AddressInput>;
  /** Not in the future. */
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  /** Their login; an invitation to set a password is e-mailed here. */
  email: Scalars['String']['input'];
  /** May be e-mailed (default true). */
  emailEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  emergencyContact?: InputMaybe<Scalars['String']['input']>;
  emergencyPhone?: InputMaybe<Scalars['String']['input']>;
  firstName: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The participant's home site. */
  siteId: Scalars['ID']['input'];
  /** May be texted (default true). */
  smsEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** IANA time zone; the home site's when omitted. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type AddRolePermissionsInput = {
  permissions: Array<PermissionName>;
  resourceId: Scalars['ID']['input'];
  roleName: Scalars['String']['input'];
};

export type AddTrialSiteInput = {
  /** A site of the trial's client that you may see. */
  siteId: Scalars['ID']['input'];
  trialId: Scalars['ID']['input'];
};

export type AddressInput = {
  city: Scalars['String']['input'];
  /** ISO 3166 two-letter code; US when omitted. */
  country?: InputMaybe<Scalars['String']['input']>;
  postCode: Scalars['String']['input'];
  state: Scalars['String']['input'];
  street1: Scalars['String']['input'];
  street2?: InputMaybe<Scalars['String']['input']>;
};

/** One answer (seed 002: PUT /rest/v1/candidates/{candidateId}/answers/{key}). */
export type AnswerCandidateQuestionInput = {
  /** The answer; radio button and checkbox answers as stringified JSON of the selected items: {"sinemet": true}. */
  answer: Scalars['String']['input'];
  /** The question's key. */
  key: Scalars['String']['input'];
  /** Your id of the candidate. */
  partnerCandidateId: Scalars['String']['input'];
};

/** Where an API access request is in its workflow. */
export type ApiAccessRequestStatus =
  /** The data use agreement is accepted: sandbox credentials may be issued. */
  | 'AGREEMENT_ACCEPTED'
  /** Approved: the client must accept the data use agreement. */
  | 'APPROVED'
  /** Validated: production credentials may be issued. */
  | 'PRODUCTION'
  /** Rejected by a Mural admin (see reviewReason). Final. */
  | 'REJECTED'
  /** Waiting for a Mural admin's review. */
  | 'REQUESTED'
  /** Sandbox credentials issued; waiting for validation. */
  | 'SANDBOX';

/** Where credentials work. */
export type ApiEnvironment =
  /** The client's real trials, within the credential's reach. */
  | 'PRODUCTION'
  /** Only trials marked sandbox (demo and test data). */
  | 'SANDBOX';

/** How an API client's request ended. */
export type ApiRequestResult =
  /** Refused or failed: errors and no data. */
  | 'ERROR'
  /** Answered without errors. */
  | 'OK'
  /** Answered with data and errors (e.g. a field FORBIDDEN). */
  | 'PARTIAL';

/** What an API client's token may do (OAuth scope strings such as trials:read, in the token). */
export type ApiScope =
  /** `candidates:write`: Pre-screening partners: submit candidates' pre-screening answers and referrals. */
  | 'CANDIDATES_WRITE'
  /** `content:write`: Elevated: change eligibility logic, study messages and multilingual content of the client's trials. */
  | 'CONTENT_WRITE'
  /** `prescreening:read`: Read pre-screening funnel metrics (aggregates, never a candidate's answers). */
  | 'PRESCREENING_READ'
  /** `referrals:read`: Read timestamped referral logs (no personal data). */
  | 'REFERRALS_READ'
  /** `sites:read`: Read sites and their status in each trial. */
  | 'SITES_READ'
  /** `sites:write`: Push site status, recruitment notes and IRB document versions. */
  | 'SITES_WRITE'
  /** `trials:read`: Read trials (protocol id, phase, IRB and trial status) and their site assignments. */
  | 'TRIALS_READ';

export type AppointmentOutcome =
  | 'ATTENDED'
  | 'CANCELLED'
  | 'MISSED';

/** What became of an appointment. */
export type AppointmentStatus =
  /** The participant came (payments read these visits). */
  | 'ATTENDED'
  | 'CANCELLED'
  | 'MISSED'
  /** Ahead, or not yet recorded. */
  | 'SCHEDULED';

export type ApprovePaymentInput = {
  paymentId: Scalars['ID']['input'];
};

export type AssignRoleInput = {
  resourceId: Scalars['ID']['input'];
  roleName: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type BulkEmailInput = {
  /** Trimmed; 1 to 20000 characters. */
  body: Scalars['String']['input'];
  /** A site taking part in the trial. */
  siteId: Scalars['ID']['input'];
  /** Trimmed; 1 to 200 characters. */
  subject: Scalars['String']['input'];
  trialId: Scalars['ID']['input'];
};

/** The consents given with the details. */
export type CandidateConsentsInput = {
  /** Consent to process personal data; must be true when pii is given. */
  dataConsent: Scalars['Boolean']['input'];
  /** Consent to be contacted about future studies. */
  leadConsent?: InputMaybe<Scalars['Boolean']['input']>;
  /** Consent to lookalike modelling. */
  lookalikeConsent?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A candidate's personal details (stored only with data consent). */
export type CandidatePiiInput = {
  /** E-mail address. */
  email: Scalars['String']['input'];
  /** First name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Last name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Full name. */
  name: Scalars['String']['input'];
  /** Phone number (+15551234567). */
  phoneNumber: Scalars['String']['input'];
  /** Postal code, matched to sites' postal-code prefixes. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone (Europe/Stockholm). */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** A candidate's preferences. */
export type CandidatePreferencesInput = {
  /** When to call (8-20). */
  contactHours?: InputMaybe<Scalars['String']['input']>;
  /** How to contact them. */
  contactMethod?: InputMaybe<ContactMethod>;
  /** The preferred site: one of candidateEligibility's eligibleSites. */
  site?: InputMaybe<Scalars['String']['input']>;
};

/** Where a candidate is: answering, or submitted (as a dropout or completed). */
export type CandidateStatus =
  /** Submitted as completed; locked, and referred when eligible. */
  | 'COMPLETED'
  /** Submitted as having left the questionnaire; locked. */
  | 'DROPOUT'
  /** Still answering; answers and details may change. */
  | 'IN_PROGRESS';

/** How a candidate leaves the questionnaire. */
export type CandidateSubmissionStatus =
  /** They completed it; referred when eligible with data consent. */
  | 'COMPLETED'
  /** They left without completing it. */
  | 'DROPOUT';

export type CaregiverRelationship =
  | 'GUARDIAN'
  | 'NURSE'
  | 'PARENT';

export type ChangePasswordInput = {
  /** Required when logged in. */
  currentPassword?: InputMaybe<Scalars['String']['input']>;
  newPassword: Scalars['String']['input'];
  /** Instead of a session: the token e-mailed to a new account (sets its first password). */
  verificationToken?: InputMaybe<Scalars['String']['input']>;
};

export type ChangeUserPasswordInput = {
  newPassword: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type ClaimPaymentsInput = {
  participantId: Scalars['ID']['input'];
  /** The payments to claim (at most 100); omitted: every unclaimed payment of the participant. */
  paymentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A consent asked with the contact details. */
export type ConsentQuestionInput = {
  /** Its full text, per locale. */
  description?: InputMaybe<Array<LocalizedTextInput>>;
  /** Stable key (data_consent). */
  key: Scalars['String']['input'];
  /** The consent's statement, per locale. */
  text: Array<LocalizedTextInput>;
  /** Which consent it is. */
  type: ConsentType;
};

/** The consents a candidate gives with their details. */
export type ConsentType =
  /** Processing of personal data: required for PII and referral. */
  | 'DATACONSENT'
  /** Being contacted about future studies. */
  | 'LEADCONSENT'
  /** Use in lookalike modelling. */
  | 'LOOKALIKECONSENT';

/** How a candidate prefers to be contacted (the seed's enum). */
export type ContactMethod =
  /** An e-mail. */
  | 'EMAIL'
  /** A phone call. */
  | 'PHONE_CALL'
  /** A text message. */
  | 'SMS'
  /** A WhatsApp message. */
  | 'WHATSAPP';

export type CopyPermissionsInput = {
  fromUserId: Scalars['ID']['input'];
  toUserId: Scalars['ID']['input'];
};

/** A new candidate (seed 002: POST /rest/v1/candidates). */
export type CreateCandidateInput = {
  /** Their BCP 47 locale; the questionnaire's fallback when omitted. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** Your own unique id for the candidate (the seed's candidateId). */
  partnerCandidateId: Scalars['String']['input'];
  /** Attribution of who recruited them (pag-1-poster). */
  referrerToken?: InputMaybe<Scalars['String']['input']>;
  /** The study's public id (DEMO3). */
  studyId: Scalars['String']['input'];
};

export type CreateClientInput = {
  address?: InputMaybe<AddressInput>;
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  contactName?: InputMaybe<Scalars['String']['input']>;
  /** e.g. (254) 612-2177 */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  salesContact?: InputMaybe<Scalars['String']['input']>;
  taxId?: InputMaybe<Scalars['String']['input']>;
};

export type CreateContractInput = {
  clientId: Scalars['ID']['input'];
  clientSignatureDate?: InputMaybe<Scalars['Date']['input']>;
  /** On or after the start date. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  name: Scalars['String']['input'];
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** The contract's value; its currency is the contract's (and its funding's). */
  totalValue: MoneyInput;
};

export type CreateSiteInput = {
  address?: InputMaybe<AddressInput>;
  clientId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  /** IANA time zone; America/New_York when omitted. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** A trial the site joins at once (needs add_trial_site on it). */
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateTrialInput = {
  /** The contract the trial runs under. */
  contractId: Scalars['ID']['input'];
  /** NOT_SUBMITTED by default. */
  irbStatus?: InputMaybe<IrbStatus>;
  name: Scalars['String']['input'];
  phase?: InputMaybe<TrialPhase>;
  /** Unique across all trials. */
  protocolId: Scalars['String']['input'];
  /** A sandbox trial holds demo or test data and is the only kind sandbox API credentials reach; false by default, fixed once created. */
  sandbox?: InputMaybe<Scalars['Boolean']['input']>;
  /** DRAFT (default) or LIVE. */
  status?: InputMaybe<TrialStatus>;
};

/** A span of time: from an instant (included) up to another (excluded); either end may be left open. */
export type DateTimeRange = {
  /** The first instant in the span. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** The first instant after the span; must be later than `from`. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type DeleteClientInput = {
  clientId: Scalars['ID']['input'];
};

export type DeleteContractInput = {
  contractId: Scalars['ID']['input'];
};

export type DeleteSiteInput = {
  siteId: Scalars['ID']['input'];
};

export type DeleteTrialInput = {
  trialId: Scalars['ID']['input'];
};

export type EditClientInput = {
  /** Omit to keep; null removes it. */
  address?: InputMaybe<AddressInput>;
  clientId: Scalars['ID']['input'];
  /** Omit to keep; null or an empty string clears it. */
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  /** Omit to keep; null or an empty string clears it. */
  contactName?: InputMaybe<Scalars['String']['input']>;
  /** Omit to keep; null or an empty string clears it. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Omit to keep; null or an empty string clears it. */
  salesContact?: InputMaybe<Scalars['String']['input']>;
  /** Omit to keep; null or an empty string clears it. */
  taxId?: InputMaybe<Scalars['String']['input']>;
};

export type EditContractInput = {
  /** null clears it. */
  clientSignatureDate?: InputMaybe<Scalars['Date']['input']>;
  contractId: Scalars['ID']['input'];
  /** null clears it. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** null clears it. */
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** A new currency is refused (CONFLICT) once the contract is funded. */
  totalValue?: InputMaybe<MoneyInput>;
};

export type EditSiteInput = {
  /** Omit to keep; null removes it. */
  address?: InputMaybe<AddressInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  siteId: Scalars['ID']['input'];
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type EditTrialInput = {
  irbStatus?: InputMaybe<IrbStatus>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** null clears it. */
  phase?: InputMaybe<TrialPhase>;
  protocolId?: InputMaybe<Scalars['String']['input']>;
  /** DRAFT → LIVE ⇄ PAUSED → CLOSED; a closed trial stays closed. */
  status?: InputMaybe<TrialStatus>;
  trialId: Scalars['ID']['input'];
};

/** What a question's answer must be for the candidate to be eligible; a hidden question's criteria do not apply. */
export type EligibilityCriteriaInput = {
  /** Largest number allowed (for a date of birth: the age in years). */
  max?: InputMaybe<Scalars['Float']['input']>;
  /** Smallest number allowed (for a date of birth: the age in years). */
  min?: InputMaybe<Scalars['Float']['input']>;
  /** No selected item may be one of these keys. */
  noneOf?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The answer (any selected item) must be one of these keys (yes/no: "true"/"false"). */
  oneOf?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A referred candidate to enroll. */
export type EnrollCandidateInput = {
  /** The candidate, referred to your trial site. */
  candidateId: Scalars['ID']['input'];
  /** The subject id in the trial. */
  subjectId: Scalars['String']['input'];
};

export type EnrollInput = {
  participantId: Scalars['ID']['input'];
  /** A site taking part in the trial. */
  siteId: Scalars['ID']['input'];
  /** Unique within the trial. */
  subjectId: Scalars['String']['input'];
  trialId: Scalars['ID']['input'];
};

/** Only ENROLLED participants can be paid for new milestones. */
export type EnrollmentStatus =
  | 'COMPLETED'
  | 'DROPPED'
  | 'ENROLLED';

/** The trial's standing with its Institutional Review Board. */
export type IrbStatus =
  | 'APPROVED'
  | 'EXPIRED'
  | 'NOT_SUBMITTED'
  | 'REJECTED'
  | 'SUBMITTED';

export type IssueApiCredentialsInput = {
  /** Browser origins (https://host[:port]) the tokens may be used from. */
  allowedOrigins?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Limit them to this contract of the client. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** SANDBOX once the agreement is accepted; PRODUCTION once the request is validated. */
  environment: ApiEnvironment;
  /** When they stop working: at most one year from now. */
  expiresAt: Scalars['DateTime']['input'];
  /** What the credentials are for (your integration's name). */
  name: Scalars['String']['input'];
  /** The request the credentials are issued under. */
  requestId: Scalars['ID']['input'];
  /** Fewer scopes than the request's (default: all of them). */
  scopes?: InputMaybe<Array<ApiScope>>;
  /** Limit them to these trials of the client. */
  trialIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type IssueVerificationTokenInput = {
  userId: Scalars['ID']['input'];
};

/** A text in one locale. */
export type LocalizedTextInput = {
  /** A BCP 47 tag of one of the questionnaire's locales (en-US, sv-SE, ar). */
  locale: Scalars['String']['input'];
  /** The text in that locale (Markdown where the widget renders it). */
  text: Scalars['String']['input'];
};

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type MarkAppointmentInput = {
  appointmentId: Scalars['ID']['input'];
  status: AppointmentOutcome;
};

export type MarkMessagesReadInput = {
  /** At most 100; ids of messages you may not see are ignored. */
  messageIds: Array<Scalars['ID']['input']>;
};

/** An amount of money: a decimal string in major units and its currency. */
export type MoneyInput = {
  /** Decimal string, e.g. "250000.00"; at most the currency's minor digits. */
  amount: Scalars['String']['input'];
  /** ISO 4217 code, e.g. USD. */
  currency: Scalars['String']['input'];
};

export type MutationAcceptDataUseAgreementArgs = {
  input: AcceptDataUseAgreementInput;
};

export type MutationAddCategoryArgs = {
  input: AddCategoryInput;
};

export type MutationAddFundingArgs = {
  input: AddFundingInput;
};

export type MutationAddMilestoneArgs = {
  input: AddMilestoneInput;
};

export type MutationAddParticipantArgs = {
  input: AddParticipantInput;
};

export type MutationAddRolePermissionsArgs = {
  input: AddRolePermissionsInput;
};

export type MutationAddTrialSiteArgs = {
  input: AddTrialSiteInput;
};

export type MutationAnswerCandidateQuestionArgs = {
  input: AnswerCandidateQuestionInput;
};

export type MutationApprovePaymentArgs = {
  input: ApprovePaymentInput;
};

export type MutationArguments = {
  acceptDataUseAgreement: MutationAcceptDataUseAgreementArgs;
  addCategory: MutationAddCategoryArgs;
  addFunding: MutationAddFundingArgs;
  addMilestone: MutationAddMilestoneArgs;
  addParticipant: MutationAddParticipantArgs;
  addRolePermissions: MutationAddRolePermissionsArgs;
  addTrialSite: MutationAddTrialSiteArgs;
  answerCandidateQuestion: MutationAnswerCandidateQuestionArgs;
  approvePayment: MutationApprovePaymentArgs;
  assignRole: MutationAssignRoleArgs;
  bulkEmail: MutationBulkEmailArgs;
  changePassword: MutationChangePasswordArgs;
  changeUserPassword: MutationChangeUserPasswordArgs;
  claimPayments: MutationClaimPaymentsArgs;
  copyPermissions: MutationCopyPermissionsArgs;
  createCandidate: MutationCreateCandidateArgs;
  createClient: MutationCreateClientArgs;
  createContract: MutationCreateContractArgs;
  createSite: MutationCreateSiteArgs;
  createTrial: MutationCreateTrialArgs;
  deleteClient: MutationDeleteClientArgs;
  deleteContract: MutationDeleteContractArgs;
  deleteSite: MutationDeleteSiteArgs;
  deleteTrial: MutationDeleteTrialArgs;
  editClient: MutationEditClientArgs;
  editContract: MutationEditContractArgs;
  editSite: MutationEditSiteArgs;
  editTrial: MutationEditTrialArgs;
  enroll: MutationEnrollArgs;
  enrollCandidate: MutationEnrollCandidateArgs;
  grantPermissions: MutationGrantPermissionsArgs;
  issueApiCredentials: MutationIssueApiCredentialsArgs;
  issueVerificationToken: MutationIssueVerificationTokenArgs;
  login: MutationLoginArgs;
  markAppointment: MutationMarkAppointmentArgs;
  markMessagesRead: MutationMarkMessagesReadArgs;
  payMileage: MutationPayMileageArgs;
  payMilestone: MutationPayMilestoneArgs;
  payMilestones: MutationPayMilestonesArgs;
  publishQuestionnaire: MutationPublishQuestionnaireArgs;
  rateVisit: MutationRateVisitArgs;
  register: MutationRegisterArgs;
  registerCaregiver: MutationRegisterCaregiverArgs;
  rejectPayment: MutationRejectPaymentArgs;
  requestApiAccess: MutationRequestApiAccessArgs;
  requestFundingReport: MutationRequestFundingReportArgs;
  requestPasswordReset: MutationRequestPasswordResetArgs;
  requestReimbursement: MutationRequestReimbursementArgs;
  requestTrialPaymentReport: MutationRequestTrialPaymentReportArgs;
  resetPassword: MutationResetPasswordArgs;
  reviewApiAccessRequest: MutationReviewApiAccessRequestArgs;
  revokeApiClient: MutationRevokeApiClientArgs;
  revokePermissions: MutationRevokePermissionsArgs;
  rotateApiClientSecret: MutationRotateApiClientSecretArgs;
  saveQuestionnaireDraft: MutationSaveQuestionnaireDraftArgs;
  scheduleAppointment: MutationScheduleAppointmentArgs;
  sendMessage: MutationSendMessageArgs;
  setEnrollmentStatus: MutationSetEnrollmentStatusArgs;
  setPaymentType: MutationSetPaymentTypeArgs;
  setRecruitingSite: MutationSetRecruitingSiteArgs;
  submitCandidate: MutationSubmitCandidateArgs;
  switchUser: MutationSwitchUserArgs;
  updateCandidateDetails: MutationUpdateCandidateDetailsArgs;
  updateCaregiver: MutationUpdateCaregiverArgs;
  updateContactPreferences: MutationUpdateContactPreferencesArgs;
  updateParticipant: MutationUpdateParticipantArgs;
  updateUser: MutationUpdateUserArgs;
  uploadContractDocument: MutationUploadContractDocumentArgs;
  validateApiAccessRequest: MutationValidateApiAccessRequestArgs;
  verifyEmail: MutationVerifyEmailArgs;
  withdrawCandidateDataConsent: MutationWithdrawCandidateDataConsentArgs;
};

export type MutationAssignRoleArgs = {
  input: AssignRoleInput;
};

export type MutationBulkEmailArgs = {
  input: BulkEmailInput;
};

export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};

export type MutationChangeUserPasswordArgs = {
  input: ChangeUserPasswordInput;
};

export type MutationClaimPaymentsArgs = {
  input: ClaimPaymentsInput;
};

export type MutationCopyPermissionsArgs = {
  input: CopyPermissionsInput;
};

export type MutationCreateCandidateArgs = {
  input: CreateCandidateInput;
};

export type MutationCreateClientArgs = {
  input: CreateClientInput;
};

export type MutationCreateContractArgs = {
  input: CreateContractInput;
};

export type MutationCreateSiteArgs = {
  input: CreateSiteInput;
};

export type MutationCreateTrialArgs = {
  input: CreateTrialInput;
};

export type MutationDeleteClientArgs = {
  input: DeleteClientInput;
};

export type MutationDeleteContractArgs = {
  input: DeleteContractInput;
};

export type MutationDeleteSiteArgs = {
  input: DeleteSiteInput;
};

export type MutationDeleteTrialArgs = {
  input: DeleteTrialInput;
};

export type MutationEditClientArgs = {
  input: EditClientInput;
};

export type MutationEditContractArgs = {
  input: EditContractInput;
};

export type MutationEditSiteArgs = {
  input: EditSiteInput;
};

export type MutationEditTrialArgs = {
  input: EditTrialInput;
};

export type MutationEnrollArgs = {
  input: EnrollInput;
};

export type MutationEnrollCandidateArgs = {
  input: EnrollCandidateInput;
};

export type MutationGrantPermissionsArgs = {
  input: PermissionsChangeInput;
};

export type MutationIssueApiCredentialsArgs = {
  input: IssueApiCredentialsInput;
};

export type MutationIssueVerificationTokenArgs = {
  input: IssueVerificationTokenInput;
};

export type MutationLoginArgs = {
  input: LoginInput;
};

export type MutationMarkAppointmentArgs = {
  input: MarkAppointmentInput;
};

export type MutationMarkMessagesReadArgs = {
  input: MarkMessagesReadInput;
};

export type MutationPayMileageArgs = {
  input: PayMileageInput;
};

export type MutationPayMilestoneArgs = {
  input: PayMilestoneInput;
};

export type MutationPayMilestonesArgs = {
  input: PayMilestonesInput;
};

export type MutationPublishQuestionnaireArgs = {
  input: PublishQuestionnaireInput;
};

export type MutationRateVisitArgs = {
  input: RateVisitInput;
};

export type MutationRegisterArgs = {
  input: RegisterInput;
};

export type MutationRegisterCaregiverArgs = {
  input: RegisterCaregiverInput;
};

export type MutationRejectPaymentArgs = {
  input: RejectPaymentInput;
};

export type MutationRequestApiAccessArgs = {
  input: RequestApiAccessInput;
};

export type MutationRequestFundingReportArgs = {
  input: RequestFundingReportInput;
};

export type MutationRequestPasswordResetArgs = {
  input: RequestPasswordResetInput;
};

export type MutationRequestReimbursementArgs = {
  input: RequestReimbursementInput;
};

export type MutationRequestTrialPaymentReportArgs = {
  input: RequestTrialPaymentReportInput;
};

export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};

export type MutationReviewApiAccessRequestArgs = {
  input: ReviewApiAccessRequestInput;
};

export type MutationRevokeApiClientArgs = {
  input: RevokeApiClientInput;
};

export type MutationRevokePermissionsArgs = {
  input: PermissionsChangeInput;
};

export type MutationRotateApiClientSecretArgs = {
  input: RotateApiClientSecretInput;
};

export type MutationSaveQuestionnaireDraftArgs = {
  input: SaveQuestionnaireDraftInput;
};

export type MutationScheduleAppointmentArgs = {
  input: ScheduleAppointmentInput;
};

export type MutationSendMessageArgs = {
  input: SendMessageInput;
};

export type MutationSetEnrollmentStatusArgs = {
  input: SetEnrollmentStatusInput;
};

export type MutationSetPaymentTypeArgs = {
  input: SetPaymentTypeInput;
};

export type MutationSetRecruitingSiteArgs = {
  input: SetRecruitingSiteInput;
};

export type MutationSubmitCandidateArgs = {
  input: SubmitCandidateInput;
};

export type MutationSwitchUserArgs = {
  input: SwitchUserInput;
};

export type MutationUpdateCandidateDetailsArgs = {
  input: UpdateCandidateDetailsInput;
};

export type MutationUpdateCaregiverArgs = {
  input: UpdateCaregiverInput;
};

export type MutationUpdateContactPreferencesArgs = {
  input: UpdateContactPreferencesInput;
};

export type MutationUpdateParticipantArgs = {
  input: UpdateParticipantInput;
};

export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};

export type MutationUploadContractDocumentArgs = {
  input: UploadContractDocumentInput;
};

export type MutationValidateApiAccessRequestArgs = {
  input: ValidateApiAccessRequestInput;
};

export type MutationVerifyEmailArgs = {
  input: VerifyEmailInput;
};

export type MutationWithdrawCandidateDataConsentArgs = {
  input: WithdrawCandidateDataConsentInput;
};

/** How a list of participants is sorted. */
export type ParticipantOrder =
  /** First registered first. */
  | 'CREATED_AT_ASC'
  /** Newest registered first. */
  | 'CREATED_AT_DESC'
  /** By last name, then first name, A to Z, ignoring case. */
  | 'NAME_ASC'
  /** By last name, then first name, Z to A, ignoring case. */
  | 'NAME_DESC';

export type PayMileageInput = {
  amount: MoneyInput;
  enrollmentId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

/** A milestone payment to make: which milestone, for which enrollment, and for which visit. */
export type PayMilestoneInput = {
  /** The attended visit this pays, if any: an Appointment's id, of this enrollment. */
  appointmentId?: InputMaybe<Scalars['ID']['input']>;
  /** The enrollment to pay (an Enrollment's id). */
  enrollmentId: Scalars['ID']['input'];
  /** The milestone to pay: the id of a PaymentScheduleLine of the enrollment's trial site (Enrollment.paymentSchedule, paymentSchedule, PayableVisit.milestoneId). */
  milestoneId: Scalars['ID']['input'];
  /** Shown with the payment; at most 2,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Milestone payments to make at once. */
export type PayMilestonesInput = {
  /** The payments to make, 1 to 500 (more is BAD_USER_INPUT). */
  items: Array<PayMilestoneInput>;
};

/** A receipt: a PDF, JPEG or PNG file of at most 5 MiB, base64-encoded. */
export type PaymentAttachmentInput = {
  /** The file's bytes, base64. */
  dataBase64: Scalars['String']['input'];
  filename?: InputMaybe<Scalars['String']['input']>;
};

export type PaymentKind =
  | 'MANUAL'
  /** Travel, entered by staff. */
  | 'MILEAGE'
  /** A visit of the payment schedule. */
  | 'MILESTONE'
  /** Expenses with receipts; approved before it is owed. */
  | 'REIMBURSEMENT';

/** How a list of payments is sorted. */
export type PaymentOrder =
  /** Smallest amount first. */
  | 'AMOUNT_ASC'
  /** Largest amount first (amounts in different currencies compare by their count of minor units). */
  | 'AMOUNT_DESC'
  /** Oldest first. */
  | 'CREATED_AT_ASC'
  /** Newest first. */
  | 'CREATED_AT_DESC';

export type PaymentStatus =
  | 'CLAIMED'
  | 'FAILED'
  | 'PAID'
  /** Awaiting approval; commits no funding yet. */
  | 'PENDING'
  /** Refused, with a reason; never owed. */
  | 'REJECTED'
  /** Owed, funding committed; not yet claimed. */
  | 'UNCLAIMED';

export type PaymentTypeCode =
  | 'BANK_ACCOUNT'
  | 'CHECK'
  | 'DEBIT_CARD'
  | 'PAYPAL'
  | 'VENMO';

/** A permission, granted to a user on a resource (and everything below it). */
export type PermissionName =
  | 'ADD_FUNDING'
  | 'ADD_MILESTONE'
  | 'ADD_PARTICIPANT'
  | 'ADD_TRIAL_SITE'
  | 'APPROVE_PAYMENTS'
  | 'APPROVE_TRAVEL'
  | 'ASSIGN_ROLE'
  | 'BULK_EMAIL'
  | 'CREATE_APPOINTMENT'
  | 'CREATE_SITE'
  | 'CREATE_TRIAL'
  | 'DELETE_SITE'
  | 'DELETE_TRIAL'
  | 'EDIT_CONTRACT'
  | 'EDIT_TRIAL'
  | 'ENROLL'
  | 'GET_DOCUMENT'
  | 'GRANT'
  | 'MANAGE_API_CLIENTS'
  | 'MANAGE_PRESCREENING'
  | 'MANUAL_PAYMENT'
  | 'MESSAGING'
  | 'MILESTONE_PAYMENT'
  | 'SET_ENROLLMENT_STATUS'
  | 'SET_PAYMENT_TYPE'
  | 'TRAVEL_PAYMENT'
  | 'UPDATE_PARTICIPANT'
  | 'UPLOAD_DOCUMENT'
  | 'VIEW_CANDIDATES'
  | 'VIEW_CLIENTS'
  | 'VIEW_CONTRACT'
  | 'VIEW_ENROLLMENTS'
  | 'VIEW_PARTICIPANTS'
  | 'VIEW_PAYMENTS'
  | 'VIEW_PAYMENT_SCHEDULE'
  | 'VIEW_REPORTS'
  | 'VIEW_SITES'
  | 'VIEW_TRIALS';

export type PermissionsChangeInput = {
  permissions: Array<PermissionName>;
  /** A client, contract, trial, site or trial site. */
  resourceId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

/** The trial whose draft to publish. */
export type PublishQuestionnaireInput = {
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

export type QueryApiAccessRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only this client's. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Only at this step. */
  status?: InputMaybe<ApiAccessRequestStatus>;
};

export type QueryApiClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only this client's. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryApiRequestLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  /** Only these credentials'. */
  apiClientId?: InputMaybe<Scalars['ID']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only this client's (you need manage_api_clients on it). */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  /** Only requests received at or after this. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Only operations of this name. */
  operationName?: InputMaybe<Scalars['String']['input']>;
  /** Only requests that ended so. */
  result?: InputMaybe<ApiRequestResult>;
  /** Only requests received before this. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type QueryAppointmentArgs = {
  id: Scalars['ID']['input'];
};

export type QueryAppointmentsArgs = {
  /** The participant's id. */
  participantId: Scalars['ID']['input'];
  past?: InputMaybe<Scalars['Boolean']['input']>;
};

export type QueryArguments = {
  apiAccessRequests: QueryApiAccessRequestsArgs;
  apiClients: QueryApiClientsArgs;
  apiRequestLog: QueryApiRequestLogArgs;
  appointment: QueryAppointmentArgs;
  appointments: QueryAppointmentsArgs;
  candidateEligibility: QueryCandidateEligibilityArgs;
  caregivers: QueryCaregiversArgs;
  categories: QueryCategoriesArgs;
  client: QueryClientArgs;
  clients: QueryClientsArgs;
  contract: QueryContractArgs;
  contracts: QueryContractsArgs;
  enrolled: QueryEnrolledArgs;
  enrollments: QueryEnrollmentsArgs;
  funding: QueryFundingArgs;
  messages: QueryMessagesArgs;
  node: QueryNodeArgs;
  nodes: QueryNodesArgs;
  participant: QueryParticipantArgs;
  participantPayments: QueryParticipantPaymentsArgs;
  participants: QueryParticipantsArgs;
  paymentSchedule: QueryPaymentScheduleArgs;
  payments: QueryPaymentsArgs;
  pendingPayments: QueryPendingPaymentsArgs;
  pendingReimbursements: QueryPendingReimbursementsArgs;
  questionnaire: QueryQuestionnaireArgs;
  ratings: QueryRatingsArgs;
  roleTemplate: QueryRoleTemplateArgs;
  site: QuerySiteArgs;
  sites: QuerySitesArgs;
  studyQuestionnaire: QueryStudyQuestionnaireArgs;
  trial: QueryTrialArgs;
  trialSite: QueryTrialSiteArgs;
  trialSites: QueryTrialSitesArgs;
  trials: QueryTrialsArgs;
  unclaimedPayments: QueryUnclaimedPaymentsArgs;
  unreadMessageCount: QueryUnreadMessageCountArgs;
  userByCaregiver: QueryUserByCaregiverArgs;
  userByParticipant: QueryUserByParticipantArgs;
  userGrants: QueryUserGrantsArgs;
  userSites: QueryUserSitesArgs;
  userTrials: QueryUserTrialsArgs;
  users: QueryUsersArgs;
};

export type QueryCandidateEligibilityArgs = {
  /** Your id of the candidate. */
  partnerCandidateId: Scalars['String']['input'];
};

export type QueryCaregiversArgs = {
  participantId: Scalars['ID']['input'];
};

export type QueryCategoriesArgs = {
  trialId: Scalars['ID']['input'];
};

export type QueryClientArgs = {
  id: Scalars['ID']['input'];
};

export type QueryClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type QueryContractArgs = {
  id: Scalars['ID']['input'];
};

export type QueryContractsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  clientId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryEnrolledArgs = {
  siteId: Scalars['ID']['input'];
  trialId: Scalars['ID']['input'];
};

export type QueryEnrollmentsArgs = {
  participantId: Scalars['ID']['input'];
};

export type QueryFundingArgs = {
  contractId?: InputMaybe<Scalars['ID']['input']>;
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  enrollmentId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};

export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};

export type QueryParticipantArgs = {
  id: Scalars['ID']['input'];
};

export type QueryParticipantPaymentsArgs = {
  participantId: Scalars['ID']['input'];
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryParticipantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  /** The order of the list; a cursor works only with the order it was given in. */
  orderBy?: InputMaybe<ParticipantOrder>;
  search?: InputMaybe<Scalars['String']['input']>;
  siteId?: InputMaybe<Scalars['ID']['input']>;
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryPaymentScheduleArgs = {
  siteId: Scalars['ID']['input'];
  trialId: Scalars['ID']['input'];
};

export type QueryPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only payments made in this span of time. */
  createdAt?: InputMaybe<DateTimeRange>;
  first?: InputMaybe<Scalars['Int']['input']>;
  /** Only payments of this kind. */
  kind?: InputMaybe<PaymentKind>;
  last?: InputMaybe<Scalars['Int']['input']>;
  /** The order of the list; a cursor works only with the order it was given in. */
  orderBy?: InputMaybe<PaymentOrder>;
  siteId?: InputMaybe<Scalars['ID']['input']>;
  /** Only payments in this status. */
  status?: InputMaybe<PaymentStatus>;
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryPendingPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only payments made in this span of time. */
  createdAt?: InputMaybe<DateTimeRange>;
  first?: InputMaybe<Scalars['Int']['input']>;
  /** Only payments of this kind. */
  kind?: InputMaybe<PaymentKind>;
  last?: InputMaybe<Scalars['Int']['input']>;
  /** The order of the list; a cursor works only with the order it was given in. */
  orderBy?: InputMaybe<PaymentOrder>;
  participantId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryPendingReimbursementsArgs = {
  participantId: Scalars['ID']['input'];
};

export type QueryQuestionnaireArgs = {
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

export type QueryRatingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  endDate?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  participantId?: InputMaybe<Scalars['ID']['input']>;
  startDate?: InputMaybe<Scalars['Date']['input']>;
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryRoleTemplateArgs = {
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  roleName: Scalars['String']['input'];
};

export type QuerySiteArgs = {
  id: Scalars['ID']['input'];
};

export type QuerySitesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  clientId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryStudyQuestionnaireArgs = {
  /** A BCP 47 tag; the nearest locale, else the fallback, is used. */
  locale: Scalars['String']['input'];
  /** The study's public id (DEMO3). */
  studyId: Scalars['String']['input'];
};

export type QueryTrialArgs = {
  id: Scalars['ID']['input'];
};

export type QueryTrialSiteArgs = {
  id: Scalars['ID']['input'];
};

export type QueryTrialSitesArgs = {
  trialId: Scalars['ID']['input'];
};

export type QueryTrialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

export type QueryUnclaimedPaymentsArgs = {
  participantId: Scalars['ID']['input'];
};

export type QueryUnreadMessageCountArgs = {
  enrollmentId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryUserByCaregiverArgs = {
  caregiverId: Scalars['ID']['input'];
};

export type QueryUserByParticipantArgs = {
  participantId: Scalars['ID']['input'];
};

export type QueryUserGrantsArgs = {
  userId: Scalars['ID']['input'];
};

export type QueryUserSitesArgs = {
  userId: Scalars['ID']['input'];
};

export type QueryUserTrialsArgs = {
  userId: Scalars['ID']['input'];
};

export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** One question of a questionnaire, in order. */
export type QuestionInput = {
  /** Eligibility criteria on its answer. */
  criteria?: InputMaybe<EligibilityCriteriaInput>;
  /** For DATEOFBIRTH: yyyy, yyyy-MM or yyyy-MM-dd. */
  dateFormat?: InputMaybe<Scalars['String']['input']>;
  /** Help text, per locale. */
  description?: InputMaybe<Array<LocalizedTextInput>>;
  /** Its choices (radio button, checkbox, scale). */
  items?: InputMaybe<Array<QuestionItemInput>>;
  /** Stable key: answers are sent to it and conditions read it (answer.<key>). */
  key: Scalars['String']['input'];
  /** The question, per locale. */
  text: Array<LocalizedTextInput>;
  /** How it is answered. */
  type: QuestionType;
  /** When it is shown, in the seed's syntax: answer.<key> == 'true', && || ! ( ), < <= > >= != , x in ['a','b'], age(answer.dob) >= 18. Checked when saved. */
  visibleIf?: InputMaybe<Scalars['String']['input']>;
};

/** One choice of a radio button, checkbox or scale question. */
export type QuestionItemInput = {
  /** Stable key of the choice, sent back in answers. */
  key: Scalars['String']['input'];
  /** The label shown, per locale. */
  label: Array<LocalizedTextInput>;
  /** Longest text an inline text may take, if any. */
  maxLength?: InputMaybe<Scalars['Int']['input']>;
  /** A checkbox item that must be selected alone ("None of these"). */
  unique?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How a question is answered (seed 002's types). */
export type QuestionType =
  /** Any of its items; a unique item ("None of these") stands alone. */
  | 'CHECKBOX'
  /** A date of birth in the question's dateFormat (yyyy, yyyy-MM or yyyy-MM-dd). */
  | 'DATEOFBIRTH'
  /** A number. */
  | 'NUMBER'
  /** Exactly one of its items. */
  | 'RADIOBUTTON'
  /** A whole number between its two items' keys (1 and 5). */
  | 'SCALE'
  /** Free text, at most 2000 characters. */
  | 'TEXT'
  /** Yes or No; stored and compared as "true" or "false". */
  | 'YESNO';

/** A locale a questionnaire is written in. */
export type QuestionnaireLocaleInput = {
  /** Its text direction. */
  direction: TextDirection;
  /** BCP 47 tag (en-US, sv-SE, ar). */
  tag: Scalars['String']['input'];
};

/** Whether a questionnaire version is still being edited or frozen for candidates. */
export type QuestionnaireVersionStatus =
  /** Being edited; candidates never see it. */
  | 'DRAFT'
  /** Frozen; new candidates start on the newest published version. */
  | 'PUBLISHED';

export type RateVisitInput = {
  note?: InputMaybe<Scalars['String']['input']>;
  /** The claimed or paid milestone payment of the visit. */
  paymentId: Scalars['ID']['input'];
  /** 1 (worst) to 10 (best). */
  rating: Scalars['Int']['input'];
};

export type RegisterCaregiverInput = {
  address?: InputMaybe<AddressInput>;
  /** Their login; an invitation to set a password is e-mailed here. */
  email: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
  participantId: Scalars['ID']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  /** parent, guardian or nurse (see caregiverRelationships). */
  relationship: Scalars['String']['input'];
};

export type RegisterInput = {
  address?: InputMaybe<AddressInput>;
  email: Scalars['String']['input'];
  firstName: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
  password: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type RejectPaymentInput = {
  paymentId: Scalars['ID']['input'];
  /** Shown to the participant. */
  reason: Scalars['String']['input'];
};

export type ReportFormat =
  /** Comma-separated values; amounts as exact decimal strings. */
  | 'CSV'
  /** An Excel workbook; amounts as numbers in the currency's format. */
  | 'XLSX';

export type RequestApiAccessInput = {
  /** The client asking for API access. */
  clientId: Scalars['ID']['input'];
  /** The scopes asked for. */
  scopes: Array<ApiScope>;
  /** What the API will be used for (up to 4,000 characters). */
  useCase: Scalars['String']['input'];
};

export type RequestFundingReportInput = {
  contractId: Scalars['ID']['input'];
  format: ReportFormat;
};

export type RequestPasswordResetInput = {
  email: Scalars['String']['input'];
};

export type RequestReimbursementInput = {
  amount: MoneyInput;
  attachments?: InputMaybe<Array<PaymentAttachmentInput>>;
  /** One of the trial's categories. */
  category: Scalars['String']['input'];
  enrollmentId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};

export type RequestTrialPaymentReportInput = {
  format: ReportFormat;
  trialId: Scalars['ID']['input'];
};

export type ResetPasswordInput = {
  email: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};

export type ResourceType =
  | 'CLIENT'
  | 'CONTRACT'
  | 'SITE'
  | 'TRIAL'
  | 'TRIAL_SITE';

export type ReviewApiAccessRequestInput = {
  /** True to approve, false to reject. */
  approve: Scalars['Boolean']['input'];
  /** Why (shown to the client). */
  reason: Scalars['String']['input'];
  /** The request, at REQUESTED. */
  requestId: Scalars['ID']['input'];
};

export type RevokeApiClientInput = {
  /** The API client. */
  apiClientId: Scalars['ID']['input'];
};

export type RotateApiClientSecretInput = {
  /** The API client. */
  apiClientId: Scalars['ID']['input'];
};

/** A trial's questionnaire, as its draft. */
export type SaveQuestionnaireDraftInput = {
  /** The seed's UI config (colours, messages, contactForm, steps, customPages), given back as is. */
  config?: InputMaybe<Scalars['JSON']['input']>;
  /** The consents asked with the details. */
  consentQuestions?: InputMaybe<Array<ConsentQuestionInput>>;
  /** The locale used when a candidate's is missing; one of locales. */
  fallbackLocale: Scalars['String']['input'];
  /** The locales it is written in, with their text direction. */
  locales: Array<QuestionnaireLocaleInput>;
  /** UI messages by locale: { "en-US": { "ClinicForm.SelectClinic": "…" } }. */
  messages?: InputMaybe<Scalars['JSON']['input']>;
  /** The study's public name, per locale. */
  publicStudyName: Array<LocalizedTextInput>;
  /** Its questions, in order. */
  questions: Array<QuestionInput>;
  /** The public study id partners use (DEMO3); fixed by the first save. */
  studyId: Scalars['String']['input'];
  /** The trial it pre-screens for. */
  trialId: Scalars['ID']['input'];
};

export type ScheduleAppointmentInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** The enrollment the visit is for. */
  enrollmentId?: InputMaybe<Scalars['ID']['input']>;
  /** The name of a milestone on the schedule of the enrollment's trial site. */
  milestone?: InputMaybe<Scalars['String']['input']>;
  /** Instead of enrollmentId, when the participant has exactly one enrollment. */
  participantId?: InputMaybe<Scalars['ID']['input']>;
  /** When: a local date-time in the participant's time zone, YYYY-MM-DDTHH:MM:SS ("2022-12-05T22:01:00"), or an ISO instant with a zone. Must be in the future. */
  time: Scalars['String']['input'];
};

export type SendMessageInput = {
  /** Trimmed; 1 to 5000 characters. */
  body: Scalars['String']['input'];
  /** The enrollment whose conversation this message joins. */
  enrollmentId: Scalars['ID']['input'];
};

export type SetEnrollmentStatusInput = {
  enrollmentId: Scalars['ID']['input'];
  status: EnrollmentStatus;
};

export type SetPaymentTypeInput = {
  /** BANK_ACCOUNT, DEBIT_CARD. */
  accountHolder?: InputMaybe<Scalars['String']['input']>;
  /** BANK_ACCOUNT: 4–17 digits; stored encrypted. */
  accountNumber?: InputMaybe<Scalars['String']['input']>;
  /** CHECK: where to mail it; the participant's address when omitted. */
  address?: InputMaybe<AddressInput>;
  /** DEBIT_CARD: stored encrypted. */
  cardNumber?: InputMaybe<Scalars['String']['input']>;
  /** PAYPAL: the PayPal account's e-mail. */
  email?: InputMaybe<Scalars['String']['input']>;
  enrollmentId: Scalars['ID']['input'];
  paymentType: PaymentTypeCode;
  /** VENMO: the Venmo account's phone. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** BANK_ACCOUNT: 9-digit ABA routing number. */
  routingNumber?: InputMaybe<Scalars['String']['input']>;
};

/** Whether and where a trial site recruits. */
export type SetRecruitingSiteInput = {
  /** ISO 3166-1 alpha-2 country it recruits in; null: any. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Postal-code prefix it recruits in; null: any. */
  postalCodePrefix?: InputMaybe<Scalars['String']['input']>;
  /** Whether candidates may be referred to it. */
  recruiting: Scalars['Boolean']['input'];
  /** The trial site. */
  trialSiteId: Scalars['ID']['input'];
};

/** A submission (seed 002: POST /rest/v1/candidates/{candidateId}/submit). */
export type SubmitCandidateInput = {
  /** Your id of the candidate. */
  partnerCandidateId: Scalars['String']['input'];
  /** DROPOUT or COMPLETED. */
  status: CandidateSubmissionStatus;
};

export type SubscriptionArguments = {
  messageReceived: SubscriptionMessageReceivedArgs;
};

export type SubscriptionMessageReceivedArgs = {
  enrollmentId?: InputMaybe<Scalars['ID']['input']>;
};

export type SwitchUserInput = {
  userId: Scalars['ID']['input'];
};

/** Which way a locale's text runs. */
export type TextDirection =
  /** Left to right (en-US, sv-SE). */
  | 'LTR'
  /** Right to left (ar, he). */
  | 'RTL';

export type TrialPhase =
  | 'EARLY_PHASE_1'
  | 'NOT_APPLICABLE'
  | 'PHASE_1'
  | 'PHASE_1_2'
  | 'PHASE_2'
  | 'PHASE_2_3'
  | 'PHASE_3'
  | 'PHASE_4';

/** Where a trial is in its life: draft → live ⇄ paused → closed. */
export type TrialStatus =
  /** Finished; it cannot be reopened. */
  | 'CLOSED'
  /** Being set up; no one can be enrolled yet. */
  | 'DRAFT'
  | 'LIVE'
  | 'PAUSED';

/** The whole details record (seed 002: PUT /rest/v1/candidates/{candidateId}/details). */
export type UpdateCandidateDetailsInput = {
  /** The consents. */
  consents: CandidateConsentsInput;
  /** Your id of the candidate. */
  partnerCandidateId: Scalars['String']['input'];
  /** Personal details; need dataConsent. */
  pii?: InputMaybe<CandidatePiiInput>;
  /** Preferences. */
  preferences?: InputMaybe<CandidatePreferencesInput>;
};

export type UpdateCaregiverInput = {
  address?: InputMaybe<AddressInput>;
  caregiverId: Scalars['ID']['input'];
  /** A new address must be verified again. */
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Staff only. */
  relationship?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateContactPreferencesInput = {
  email?: InputMaybe<Scalars['Boolean']['input']>;
  push?: InputMaybe<Scalars['Boolean']['input']>;
  sms?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whose account; yourself when omitted (admins: anyone). */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type UpdateParticipantInput = {
  /** null removes it. */
  address?: InputMaybe<AddressInput>;
  /** null clears it. */
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  /** A new address must be verified again. */
  email?: InputMaybe<Scalars['String']['input']>;
  emergencyContact?: InputMaybe<Scalars['String']['input']>;
  emergencyPhone?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  participantId: Scalars['ID']['input'];
  /** null clears it. */
  phone?: InputMaybe<Scalars['String']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateUserInput = {
  address?: InputMaybe<AddressInput>;
  email?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Whose account; yourself when omitted (admins: anyone). */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type UploadContractDocumentInput = {
  contractId: Scalars['ID']['input'];
  /** The PDF's bytes in base64, at most 10485760 bytes. */
  data: Scalars['String']['input'];
  /** e.g. "contract.pdf" */
  filename: Scalars['String']['input'];
};

export type UserType =
  | 'CAREGIVER'
  | 'PARTICIPANT'
  /** Mural, sponsor, CRO or site staff */
  | 'STAFF';

export type ValidateApiAccessRequestInput = {
  /** The request, at SANDBOX. */
  requestId: Scalars['ID']['input'];
};

export type VerifyEmailInput = {
  token: Scalars['String']['input'];
};

/** The candidate withdrawing data consent. */
export type WithdrawCandidateDataConsentInput = {
  /** Your id of the candidate. */
  partnerCandidateId: Scalars['String']['input'];
};
