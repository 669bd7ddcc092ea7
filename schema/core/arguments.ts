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
  /** Any JSON value (a string, number, boolean, null, list or object), as it is: a client reads it without parsing it again. As input (a questionnaire's documents), the field that takes it checks its shape. */
  JSON: { input: unknown; output: unknown; }
};

/** The approved request and the version of the data use agreement its requester read and accepts. */
export type AcceptDataUseAgreementInput = {
  /** The approved request. */
  requestId: Scalars['ID']['input'];
  /** The version of the agreement read (dataUseAgreement.version). */
  version: Scalars['String']['input'];
};

/** The trial and the new category. */
export type AddCategoryInput = {
  /** The category's name, e.g. "Childcare". */
  category: Scalars['String']['input'];
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

/** The contract and the deposit. */
export type AddFundingInput = {
  /** Positive, in the contract's currency. */
  amount: MoneyInput;
  /** The contract's global id. */
  contractId: Scalars['ID']['input'];
  /** e.g. the sponsor's wire reference. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** The trial site, and the milestone with its amount. */
export type AddMilestoneInput = {
  /** In the trial's contract currency. */
  amount: MoneyInput;
  /** From when this amount applies (default now); earlier payments keep theirs. */
  effectiveAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Unique per trial site; the same name again adds a new amount version. */
  name: Scalars['String']['input'];
  /** Paid more than once per enrollment. */
  repeatable?: InputMaybe<Scalars['Boolean']['input']>;
  /** The global id of a site taking part in the trial. */
  siteId: Scalars['ID']['input'];
  /** Its place in the schedule (lower first); when omitted, 0 for a new milestone and unchanged for a new version of one. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

/** The new participant's details. */
export type AddParticipantInput = {
  /** Postal address. */
  address?: InputMaybe<AddressInput>;
  /** Not in the future. */
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  /** Their login; an invitation to set a password is e-mailed here. */
  email: Scalars['String']['input'];
  /** May be e-mailed (default true). */
  emailEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whom to call in an emergency. */
  emergencyContact?: InputMaybe<Scalars['String']['input']>;
  /** The emergency contact's phone number. */
  emergencyPhone?: InputMaybe<Scalars['String']['input']>;
  /** Given name (1-100 characters). */
  firstName: Scalars['String']['input'];
  /** Family name (1-100 characters). */
  lastName: Scalars['String']['input'];
  /** Phone number, e.g. (212) 555-1212. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The participant's home site. */
  siteId: Scalars['ID']['input'];
  /** May be texted (default true). */
  smsEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** IANA time zone; the home site's when omitted. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** The trial the participant is registered for, run at siteId. Staff of that trial site (holding add_participant there) may register them, and then see them, without any grant on the site itself. */
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

/** The trial site and the note. */
export type AddRecruitmentNoteInput = {
  /** The note: 1 to 4,000 characters. */
  text: Scalars['String']['input'];
  /** The trial site's global id. */
  trialSiteId: Scalars['ID']['input'];
};

/** Permissions to add to a role's template on one resource. */
export type AddRolePermissionsInput = {
  /** The permissions to add. */
  permissions: Array<PermissionName>;
  /** The global id of the client, contract, trial, site or trial site whose template changes. */
  resourceId: Scalars['ID']['input'];
  /** The role's name, as `roles` lists it. */
  roleName: Scalars['String']['input'];
};

/** The trial and the site that joins it. */
export type AddTrialSiteInput = {
  /** A site of the trial's client that you may see. */
  siteId: Scalars['ID']['input'];
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

/** A postal address. Text is trimmed; a blank required line is BAD_USER_INPUT naming it. */
export type AddressInput = {
  /** City or town (1-100 characters). */
  city: Scalars['String']['input'];
  /** ISO 3166 two-letter code; US when omitted. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** ZIP or postal code: 3-10 letters, digits, spaces or hyphens. */
  postCode: Scalars['String']['input'];
  /** State, province or region (1-100 characters). */
  state: Scalars['String']['input'];
  /** The first line: number and street (1-200 characters). */
  street1: Scalars['String']['input'];
  /** A second line (suite, apartment): up to 200 characters. */
  street2?: InputMaybe<Scalars['String']['input']>;
};

/** One answer (REST: PUT /rest/v1/candidates/{candidateId}/answers/{key}). */
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
  /** `content:write`: Elevated: write and publish what a trial's pre-screening candidates see: its eligibility logic (questions' criteria, visibleIf), its study messages (UI texts by locale) and result pages (completed, ineligible, leave), and every text's translations into the questionnaire's locales: saveQuestionnaireDraft, publishQuestionnaire, questionnaire. */
  | 'CONTENT_WRITE'
  /** `prescreening:read`: Read pre-screening funnel metrics (aggregates, never a candidate's answers): prescreeningMetrics, and export their trend (requestPrescreeningReport). */
  | 'PRESCREENING_READ'
  /** `referrals:read`: Read timestamped referral logs (no personal data): referralLog, and export them (requestPrescreeningReport). */
  | 'REFERRALS_READ'
  /** `sites:read`: Read sites and their status in each trial. */
  | 'SITES_READ'
  /** `sites:write`: Push site status, recruitment notes and IRB document versions. */
  | 'SITES_WRITE'
  /** `trials:read`: Read trials (protocol id, phase, IRB and trial status) and their site assignments, and download their IRB documents. */
  | 'TRIALS_READ'
  /** `webhooks:manage`: Register, change and remove the credential's own webhook endpoints, and read their deliveries (events still need their read scope). */
  | 'WEBHOOKS_MANAGE';

/** What markAppointment records about a visit. */
export type AppointmentOutcome =
  /** The participant came (only once the visit's time has come). */
  | 'ATTENDED'
  /** The visit is called off. */
  | 'CANCELLED'
  /** The participant did not come (only once the visit's time has come). */
  | 'MISSED';

/** What became of an appointment. */
export type AppointmentStatus =
  /** The participant came (payments read these visits). */
  | 'ATTENDED'
  /** Called off; no reminder is sent. */
  | 'CANCELLED'
  /** The participant did not come. */
  | 'MISSED'
  /** Ahead, or not yet recorded. */
  | 'SCHEDULED';

/** The payment to approve. */
export type ApprovePaymentInput = {
  /** The payment's global id. */
  paymentId: Scalars['ID']['input'];
};

/** Which role to give whom, on which resource. */
export type AssignRoleInput = {
  /** The global id of the client, contract, trial, site or trial site the role applies to. */
  resourceId: Scalars['ID']['input'];
  /** The role's name, as `roles` lists it, e.g. Site Coordinator. */
  roleName: Scalars['String']['input'];
  /** The user who gets the role: one you may see. */
  userId: Scalars['ID']['input'];
};

/** The trial site whose enrolled participants are e-mailed, and the e-mail. */
export type BulkEmailInput = {
  /** Trimmed; 1 to 20000 characters. */
  body: Scalars['String']['input'];
  /** A site taking part in the trial. */
  siteId: Scalars['ID']['input'];
  /** Trimmed; 1 to 200 characters. */
  subject: Scalars['String']['input'];
  /** The trial's global id. */
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

/** How a caregiver is related to the participant they act for. */
export type CaregiverRelationship =
  /** The participant's legal guardian. */
  | 'GUARDIAN'
  /** A nurse caring for the participant. */
  | 'NURSE'
  /** The participant's parent. */
  | 'PARENT';

/** Who made a change: a person or an API client (a sponsor's system). */
export type ChangeAuthorKind =
  /** An API client, with an access token. */
  | 'API_CLIENT'
  /** A person, signed in. */
  | 'PERSON';

/** The new password, and the proof that it is yours to change. */
export type ChangePasswordInput = {
  /** Required when logged in. */
  currentPassword?: InputMaybe<Scalars['String']['input']>;
  /** At least 8 characters with a letter, a digit and a special character (see passwordRules). */
  newPassword: Scalars['String']['input'];
  /** Instead of a session: the token e-mailed to a new account (sets its first password). */
  verificationToken?: InputMaybe<Scalars['String']['input']>;
};

/** Whose password, and the new one. */
export type ChangeUserPasswordInput = {
  /** At least 8 characters with a letter, a digit and a special character (see passwordRules). */
  newPassword: Scalars['String']['input'];
  /** The user's global id; NOT_FOUND if there is none. */
  userId: Scalars['ID']['input'];
};

/** Whose payments to claim, and which. */
export type ClaimPaymentsInput = {
  /** The participant (yourself, or the one you are caregiver of). */
  participantId: Scalars['ID']['input'];
  /** The payments to claim (at most 100); omitted: every unclaimed payment of the participant. */
  paymentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
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

/** How a candidate prefers to be contacted (the values the REST API takes). */
export type ContactMethod =
  /** An e-mail. */
  | 'EMAIL'
  /** A phone call. */
  | 'PHONE_CALL'
  /** A text message. */
  | 'SMS'
  /** A WhatsApp message. */
  | 'WHATSAPP';

/** Whose grants to copy, and to whom. */
export type CopyPermissionsInput = {
  /** The user whose grants are copied. */
  fromUserId: Scalars['ID']['input'];
  /** The user who receives them. */
  toUserId: Scalars['ID']['input'];
};

/** A new candidate (REST: POST /rest/v1/candidates). */
export type CreateCandidateInput = {
  /** Their BCP 47 locale; the questionnaire's fallback when omitted. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** Your own unique id for the candidate (candidateId in the REST API). */
  partnerCandidateId: Scalars['String']['input'];
  /** Attribution of who recruited them (pag-1-poster). */
  referrerToken?: InputMaybe<Scalars['String']['input']>;
  /** The study's public id (DEMO3). */
  studyId: Scalars['String']['input'];
};

/** The new client's details; blank optional text counts as none. */
export type CreateClientInput = {
  /** The client's postal address. */
  address?: InputMaybe<AddressInput>;
  /** The contact's e-mail address. */
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  /** The person to contact (up to 200 characters). */
  contactName?: InputMaybe<Scalars['String']['input']>;
  /** The contact's phone, e.g. (254) 612-2177. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** The client's name (1-200 characters). */
  name: Scalars['String']['input'];
  /** Mural Health's salesperson (up to 200 characters). */
  salesContact?: InputMaybe<Scalars['String']['input']>;
  /** Tax id, e.g. 66-0057137 (2-30 letters, digits, . / -). */
  taxId?: InputMaybe<Scalars['String']['input']>;
};

/** The new contract's details. */
export type CreateContractInput = {
  /** The client the contract is with (its global id). */
  clientId: Scalars['ID']['input'];
  /** When the client signed it. */
  clientSignatureDate?: InputMaybe<Scalars['Date']['input']>;
  /** On or after the start date. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** The contract's name (1-200 characters). */
  name: Scalars['String']['input'];
  /** The first day it covers. */
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** The contract's value; its currency is the contract's (and its funding's). */
  totalValue: MoneyInput;
};

/** The new site's details. */
export type CreateSiteInput = {
  /** The site's postal address. */
  address?: InputMaybe<AddressInput>;
  /** The client the site belongs to (its global id). */
  clientId: Scalars['ID']['input'];
  /** The site's name (1-200 characters). */
  name: Scalars['String']['input'];
  /** The number participants call (E.164 or national digits). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone; America/New_York when omitted. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** A trial the site joins at once (needs add_trial_site on it). */
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

/** The new trial's details. */
export type CreateTrialInput = {
  /** The contract the trial runs under. */
  contractId: Scalars['ID']['input'];
  /** NOT_SUBMITTED by default. */
  irbStatus?: InputMaybe<IrbStatus>;
  /** The trial's name (1-200 characters). */
  name: Scalars['String']['input'];
  /** The trial's phase, if known. */
  phase?: InputMaybe<TrialPhase>;
  /** Unique across all trials. */
  protocolId: Scalars['String']['input'];
  /** A sandbox trial holds demo or test data and is the only kind sandbox API credentials reach; false by default, fixed once created. */
  sandbox?: InputMaybe<Scalars['Boolean']['input']>;
  /** DRAFT (default) or LIVE. */
  status?: InputMaybe<TrialStatus>;
};

/** The endpoint to register: its URL, its events, and whose credentials it is for. */
export type CreateWebhookEndpointInput = {
  /** The credentials it is for: omit it when the credentials themselves call (they register their own); required for people. */
  apiClientId?: InputMaybe<Scalars['ID']['input']>;
  /** Whether it receives events at once (default true). */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The events to receive (at least one). */
  events: Array<WebhookEventType>;
  /** Where to POST deliveries: an https URL of at most 2,048 characters, without user name or password (http on localhost or 127.0.0.1 is accepted outside production). Private, loopback, link-local and other internal addresses are refused, written in the URL (here) or resolved from its host name (at each attempt). */
  url: Scalars['String']['input'];
};

/** A span of time: from an instant (included) up to another (excluded); either end may be left open. */
export type DateTimeRange = {
  /** The first instant in the span. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** The first instant after the span; must be later than `from`. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** The client to delete. */
export type DeleteClientInput = {
  /** The client's global id. */
  clientId: Scalars['ID']['input'];
};

/** The contract to delete. */
export type DeleteContractInput = {
  /** The contract's global id. */
  contractId: Scalars['ID']['input'];
};

/** The site to delete. */
export type DeleteSiteInput = {
  /** The site's global id. */
  siteId: Scalars['ID']['input'];
};

/** The trial to delete. */
export type DeleteTrialInput = {
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

/** The endpoint to remove. */
export type DeleteWebhookEndpointInput = {
  /** The endpoint. */
  endpointId: Scalars['ID']['input'];
};

/** The unit of a mileage rate and of the distances paid at it. */
export type DistanceUnit =
  /** Kilometres. */
  | 'KM'
  /** Statute miles. */
  | 'MILE';

/** The client and the details to change; omitted fields stay as they are. */
export type EditClientInput = {
  /** Omit to keep; null removes it. */
  address?: InputMaybe<AddressInput>;
  /** The client's global id. */
  clientId: Scalars['ID']['input'];
  /** Omit to keep; null or an empty string clears it. */
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  /** Omit to keep; null or an empty string clears it. */
  contactName?: InputMaybe<Scalars['String']['input']>;
  /** Omit to keep; null or an empty string clears it. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** A new name (1-200 characters); omit to keep. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Omit to keep; null or an empty string clears it. */
  salesContact?: InputMaybe<Scalars['String']['input']>;
  /** Omit to keep; null or an empty string clears it. */
  taxId?: InputMaybe<Scalars['String']['input']>;
};

/** The contract and the details to change; omitted fields stay as they are. */
export type EditContractInput = {
  /** null clears it. */
  clientSignatureDate?: InputMaybe<Scalars['Date']['input']>;
  /** The contract's global id. */
  contractId: Scalars['ID']['input'];
  /** null clears it. */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** A new name (1-200 characters); omit to keep. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** null clears it. */
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** A new currency is refused (CONFLICT) once the contract is funded. */
  totalValue?: InputMaybe<MoneyInput>;
};

/** The site and the details to change; omitted fields stay as they are. */
export type EditSiteInput = {
  /** Omit to keep; null removes it. */
  address?: InputMaybe<AddressInput>;
  /** A new name (1-200 characters); omit to keep. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The number participants call (E.164 or national digits); omit to keep, null removes it. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The site's global id. */
  siteId: Scalars['ID']['input'];
  /** IANA time zone, e.g. "America/Chicago"; omit to keep. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** The trial and the details to change; omitted fields stay as they are. */
export type EditTrialInput = {
  /** A new IRB standing; omit to keep. */
  irbStatus?: InputMaybe<IrbStatus>;
  /** A new name (1-200 characters); omit to keep. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** null clears it. */
  phase?: InputMaybe<TrialPhase>;
  /** A new protocol id, unique across trials; omit to keep. */
  protocolId?: InputMaybe<Scalars['String']['input']>;
  /** DRAFT → LIVE ⇄ PAUSED → CLOSED; a closed trial stays closed. */
  status?: InputMaybe<TrialStatus>;
  /** The trial's global id. */
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

/** Who is enrolled, where, under which subject id. */
export type EnrollInput = {
  /** The participant's global id. */
  participantId: Scalars['ID']['input'];
  /** A site taking part in the trial. */
  siteId: Scalars['ID']['input'];
  /** Unique within the trial. */
  subjectId: Scalars['String']['input'];
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

/** Only ENROLLED participants can be paid for new milestones. */
export type EnrollmentStatus =
  /** Finished the trial: owed payments stay, no new milestones. */
  | 'COMPLETED'
  /** Left the trial early: owed payments stay, no new milestones. */
  | 'DROPPED'
  /** Taking part: can be paid for new milestones. */
  | 'ENROLLED';

/** The trial's standing with its Institutional Review Board. */
export type IrbStatus =
  /** Approved by the IRB. */
  | 'APPROVED'
  /** The approval has lapsed and must be renewed. */
  | 'EXPIRED'
  /** Not yet submitted to the IRB. */
  | 'NOT_SUBMITTED'
  /** Rejected by the IRB. */
  | 'REJECTED'
  /** Submitted; awaiting the IRB's decision. */
  | 'SUBMITTED';

/** Which request to issue credentials for, and the credential's name, reach, scopes, expiry and origins. */
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

/** Whose token. */
export type IssueVerificationTokenInput = {
  /** The user's global id. */
  userId: Scalars['ID']['input'];
};

/** A text in one locale. */
export type LocalizedTextInput = {
  /** A BCP 47 tag of one of the questionnaire's locales (en-US, sv-SE, ar). */
  locale: Scalars['String']['input'];
  /** The text in that locale (Markdown where the widget renders it). */
  text: Scalars['String']['input'];
};

/** Credentials. */
export type LoginInput = {
  /** The account's e-mail address (any case). */
  email: Scalars['String']['input'];
  /** The account's password. */
  password: Scalars['String']['input'];
};

/** The appointment and what became of it. */
export type MarkAppointmentInput = {
  /** The appointment's global id. */
  appointmentId: Scalars['ID']['input'];
  /** What became of it. */
  status: AppointmentOutcome;
};

/** The messages to mark read. */
export type MarkMessagesReadInput = {
  /** At most 100; ids of messages you may not see are ignored. */
  messageIds: Array<Scalars['ID']['input']>;
};

/** A mileage rate: an amount per mile or per kilometre. */
export type MileageRateInput = {
  /** Positive decimal string per unit, e.g. "0.70"; at most the currency's minor digits. */
  amount: Scalars['String']['input'];
  /** ISO 4217 code: must be the trial's contract currency. */
  currency: Scalars['String']['input'];
  /** The unit the rate is per. */
  unit: DistanceUnit;
};

/** An amount of money: a decimal string in major units and its currency. */
export type MoneyInput = {
  /** Decimal string, e.g. "250000.00"; at most the currency's minor digits. */
  amount: Scalars['String']['input'];
  /** ISO 4217 code, e.g. USD. */
  currency: Scalars['String']['input'];
};

export type MutationAcceptDataUseAgreementArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: AcceptDataUseAgreementInput;
};

export type MutationAddCategoryArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: AddCategoryInput;
};

export type MutationAddFundingArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: AddFundingInput;
};

export type MutationAddMilestoneArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: AddMilestoneInput;
};

export type MutationAddParticipantArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: AddParticipantInput;
};

export type MutationAddRecruitmentNoteArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: AddRecruitmentNoteInput;
};

export type MutationAddRolePermissionsArgs = {
  /** What to change. */
  input: AddRolePermissionsInput;
};

export type MutationAddTrialSiteArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: AddTrialSiteInput;
};

export type MutationAnswerCandidateQuestionArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: AnswerCandidateQuestionInput;
};

export type MutationApprovePaymentArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: ApprovePaymentInput;
};

export type MutationArguments = {
  acceptDataUseAgreement: MutationAcceptDataUseAgreementArgs;
  addCategory: MutationAddCategoryArgs;
  addFunding: MutationAddFundingArgs;
  addMilestone: MutationAddMilestoneArgs;
  addParticipant: MutationAddParticipantArgs;
  addRecruitmentNote: MutationAddRecruitmentNoteArgs;
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
  createWebhookEndpoint: MutationCreateWebhookEndpointArgs;
  deleteClient: MutationDeleteClientArgs;
  deleteContract: MutationDeleteContractArgs;
  deleteSite: MutationDeleteSiteArgs;
  deleteTrial: MutationDeleteTrialArgs;
  deleteWebhookEndpoint: MutationDeleteWebhookEndpointArgs;
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
  redeliverWebhook: MutationRedeliverWebhookArgs;
  register: MutationRegisterArgs;
  registerCaregiver: MutationRegisterCaregiverArgs;
  rejectPayment: MutationRejectPaymentArgs;
  requestApiAccess: MutationRequestApiAccessArgs;
  requestApiRequestLogExport: MutationRequestApiRequestLogExportArgs;
  requestFundingReport: MutationRequestFundingReportArgs;
  requestPasswordReset: MutationRequestPasswordResetArgs;
  requestPrescreeningReport: MutationRequestPrescreeningReportArgs;
  requestReimbursement: MutationRequestReimbursementArgs;
  requestTaxYearReport: MutationRequestTaxYearReportArgs;
  requestTrialPaymentReport: MutationRequestTrialPaymentReportArgs;
  resetPassword: MutationResetPasswordArgs;
  reviewApiAccessRequest: MutationReviewApiAccessRequestArgs;
  revokeApiClient: MutationRevokeApiClientArgs;
  revokePermissions: MutationRevokePermissionsArgs;
  rotateApiClientSecret: MutationRotateApiClientSecretArgs;
  rotateWebhookSecret: MutationRotateWebhookSecretArgs;
  saveQuestionnaireDraft: MutationSaveQuestionnaireDraftArgs;
  scheduleAppointment: MutationScheduleAppointmentArgs;
  sendMessage: MutationSendMessageArgs;
  setClientTaxPolicy: MutationSetClientTaxPolicyArgs;
  setEnrollmentStatus: MutationSetEnrollmentStatusArgs;
  setLowBalanceThreshold: MutationSetLowBalanceThresholdArgs;
  setMileageRate: MutationSetMileageRateArgs;
  setPaymentType: MutationSetPaymentTypeArgs;
  setRecruitingSite: MutationSetRecruitingSiteArgs;
  setTaxThreshold: MutationSetTaxThresholdArgs;
  setTaxpayerDetails: MutationSetTaxpayerDetailsArgs;
  setTrialSiteRecruitmentStatus: MutationSetTrialSiteRecruitmentStatusArgs;
  submitCandidate: MutationSubmitCandidateArgs;
  switchUser: MutationSwitchUserArgs;
  updateCandidateDetails: MutationUpdateCandidateDetailsArgs;
  updateCaregiver: MutationUpdateCaregiverArgs;
  updateContactPreferences: MutationUpdateContactPreferencesArgs;
  updateParticipant: MutationUpdateParticipantArgs;
  updateUser: MutationUpdateUserArgs;
  updateWebhookEndpoint: MutationUpdateWebhookEndpointArgs;
  uploadContractDocument: MutationUploadContractDocumentArgs;
  uploadIrbDocument: MutationUploadIrbDocumentArgs;
  validateApiAccessRequest: MutationValidateApiAccessRequestArgs;
  verifyEmail: MutationVerifyEmailArgs;
  watchContractFunding: MutationWatchContractFundingArgs;
  withdrawCandidateDataConsent: MutationWithdrawCandidateDataConsentArgs;
};

export type MutationAssignRoleArgs = {
  /** What to change. */
  input: AssignRoleInput;
};

export type MutationBulkEmailArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: BulkEmailInput;
};

export type MutationChangePasswordArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: ChangePasswordInput;
};

export type MutationChangeUserPasswordArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: ChangeUserPasswordInput;
};

export type MutationClaimPaymentsArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: ClaimPaymentsInput;
};

export type MutationCopyPermissionsArgs = {
  /** What to change. */
  input: CopyPermissionsInput;
};

export type MutationCreateCandidateArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: CreateCandidateInput;
};

export type MutationCreateClientArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: CreateClientInput;
};

export type MutationCreateContractArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: CreateContractInput;
};

export type MutationCreateSiteArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: CreateSiteInput;
};

export type MutationCreateTrialArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: CreateTrialInput;
};

export type MutationCreateWebhookEndpointArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: CreateWebhookEndpointInput;
};

export type MutationDeleteClientArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: DeleteClientInput;
};

export type MutationDeleteContractArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: DeleteContractInput;
};

export type MutationDeleteSiteArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: DeleteSiteInput;
};

export type MutationDeleteTrialArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: DeleteTrialInput;
};

export type MutationDeleteWebhookEndpointArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: DeleteWebhookEndpointInput;
};

export type MutationEditClientArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: EditClientInput;
};

export type MutationEditContractArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: EditContractInput;
};

export type MutationEditSiteArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: EditSiteInput;
};

export type MutationEditTrialArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: EditTrialInput;
};

export type MutationEnrollArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: EnrollInput;
};

export type MutationEnrollCandidateArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: EnrollCandidateInput;
};

export type MutationGrantPermissionsArgs = {
  /** What to change. */
  input: PermissionsChangeInput;
};

export type MutationIssueApiCredentialsArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: IssueApiCredentialsInput;
};

export type MutationIssueVerificationTokenArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: IssueVerificationTokenInput;
};

export type MutationLoginArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: LoginInput;
};

export type MutationMarkAppointmentArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: MarkAppointmentInput;
};

export type MutationMarkMessagesReadArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: MarkMessagesReadInput;
};

export type MutationPayMileageArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: PayMileageInput;
};

export type MutationPayMilestoneArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: PayMilestoneInput;
};

export type MutationPayMilestonesArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: PayMilestonesInput;
};

export type MutationPublishQuestionnaireArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: PublishQuestionnaireInput;
};

export type MutationRateVisitArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RateVisitInput;
};

export type MutationRedeliverWebhookArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RedeliverWebhookInput;
};

export type MutationRegisterArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RegisterInput;
};

export type MutationRegisterCaregiverArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RegisterCaregiverInput;
};

export type MutationRejectPaymentArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RejectPaymentInput;
};

export type MutationRequestApiAccessArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RequestApiAccessInput;
};

export type MutationRequestApiRequestLogExportArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RequestApiRequestLogExportInput;
};

export type MutationRequestFundingReportArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RequestFundingReportInput;
};

export type MutationRequestPasswordResetArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RequestPasswordResetInput;
};

export type MutationRequestPrescreeningReportArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RequestPrescreeningReportInput;
};

export type MutationRequestReimbursementArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RequestReimbursementInput;
};

export type MutationRequestTaxYearReportArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RequestTaxYearReportInput;
};

export type MutationRequestTrialPaymentReportArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RequestTrialPaymentReportInput;
};

export type MutationResetPasswordArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: ResetPasswordInput;
};

export type MutationReviewApiAccessRequestArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: ReviewApiAccessRequestInput;
};

export type MutationRevokeApiClientArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RevokeApiClientInput;
};

export type MutationRevokePermissionsArgs = {
  /** What to change. */
  input: PermissionsChangeInput;
};

export type MutationRotateApiClientSecretArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RotateApiClientSecretInput;
};

export type MutationRotateWebhookSecretArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: RotateWebhookSecretInput;
};

export type MutationSaveQuestionnaireDraftArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SaveQuestionnaireDraftInput;
};

export type MutationScheduleAppointmentArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: ScheduleAppointmentInput;
};

export type MutationSendMessageArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SendMessageInput;
};

export type MutationSetClientTaxPolicyArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SetClientTaxPolicyInput;
};

export type MutationSetEnrollmentStatusArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SetEnrollmentStatusInput;
};

export type MutationSetLowBalanceThresholdArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SetLowBalanceThresholdInput;
};

export type MutationSetMileageRateArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SetMileageRateInput;
};

export type MutationSetPaymentTypeArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SetPaymentTypeInput;
};

export type MutationSetRecruitingSiteArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SetRecruitingSiteInput;
};

export type MutationSetTaxThresholdArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SetTaxThresholdInput;
};

export type MutationSetTaxpayerDetailsArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SetTaxpayerDetailsInput;
};

export type MutationSetTrialSiteRecruitmentStatusArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SetTrialSiteRecruitmentStatusInput;
};

export type MutationSubmitCandidateArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SubmitCandidateInput;
};

export type MutationSwitchUserArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: SwitchUserInput;
};

export type MutationUpdateCandidateDetailsArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: UpdateCandidateDetailsInput;
};

export type MutationUpdateCaregiverArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: UpdateCaregiverInput;
};

export type MutationUpdateContactPreferencesArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: UpdateContactPreferencesInput;
};

export type MutationUpdateParticipantArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: UpdateParticipantInput;
};

export type MutationUpdateUserArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: UpdateUserInput;
};

export type MutationUpdateWebhookEndpointArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: UpdateWebhookEndpointInput;
};

export type MutationUploadContractDocumentArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: UploadContractDocumentInput;
};

export type MutationUploadIrbDocumentArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: UploadIrbDocumentInput;
};

export type MutationValidateApiAccessRequestArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: ValidateApiAccessRequestInput;
};

export type MutationVerifyEmailArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: VerifyEmailInput;
};

export type MutationWatchContractFundingArgs = {
  /** What the mutation takes; every field is described on its input type. */
  input: WatchContractFundingInput;
};

export type MutationWithdrawCandidateDataConsentArgs = {
  /** What the mutation takes; every field is described on its input type. */
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

/** Travel to pay: for which enrollment, to which visit, and how much. */
export type PayMileageInput = {
  /** Positive, in the trial's contract currency. */
  amount: MoneyInput;
  /** The visit travelled to: an Appointment's id, of this enrollment. */
  appointmentId?: InputMaybe<Scalars['ID']['input']>;
  /** The distance travelled, in the unit of the trial's mileageRate: a decimal above 0 and at most 10,000, with at most 2 decimals, e.g. "12.5". Up to distance × rate the payment is a reimbursement, not reportable income; without a distance (or a rate) all of it is reportable. */
  distance?: InputMaybe<Scalars['String']['input']>;
  /** The enrollment to pay (an Enrollment's id). */
  enrollmentId: Scalars['ID']['input'];
  /** The milestone visit travelled to: the id of a PaymentScheduleLine of the enrollment's trial site, as payMilestone takes it. Omitted with an appointmentId, the appointment's milestone. */
  milestoneId?: InputMaybe<Scalars['ID']['input']>;
  /** Shown with the payment, e.g. the trip; at most 2,000 characters. */
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
  /** The file's name, e.g. "receipt.pdf". */
  filename?: InputMaybe<Scalars['String']['input']>;
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

/** A way a participant can be paid; setPaymentType says which details each needs. */
export type PaymentTypeCode =
  /** Transfer to a bank account (account holder and number). */
  | 'BANK_ACCOUNT'
  /** A paper check mailed to a postal address. */
  | 'CHECK'
  /** Onto a debit card (cardholder and card number). */
  | 'DEBIT_CARD'
  /** To a PayPal account, by its e-mail address. */
  | 'PAYPAL'
  /** To a Venmo account, by its phone number. */
  | 'VENMO';

/** A permission, granted to a user on a resource (a client, contract, trial, site or trial site) and covering everything below it. */
export type PermissionName =
  /** Deposit funding into a contract (addFunding). */
  | 'ADD_FUNDING'
  /** Add or re-price milestones of a payment schedule (addMilestone). */
  | 'ADD_MILESTONE'
  /** Register participants and their caregivers, and edit caregivers (addParticipant, registerCaregiver). */
  | 'ADD_PARTICIPANT'
  /** Add a site to a trial (addTrialSite). */
  | 'ADD_TRIAL_SITE'
  /** Approve or reject pending payments such as reimbursements (approvePayment, rejectPayment). */
  | 'APPROVE_PAYMENTS'
  /** Approve or reject pending travel payments (reserved: no operation asks for it yet). */
  | 'APPROVE_TRAVEL'
  /** Assign roles to users on a resource (assignRole). */
  | 'ASSIGN_ROLE'
  /** E-mail everyone enrolled in a trial at a site (bulkEmail). */
  | 'BULK_EMAIL'
  /** Schedule participants' appointments and mark how they went. */
  | 'CREATE_APPOINTMENT'
  /** Create sites under a client (createSite). */
  | 'CREATE_SITE'
  /** Create trials under a contract (createTrial). */
  | 'CREATE_TRIAL'
  /** Delete sites that are in no trial (deleteSite). */
  | 'DELETE_SITE'
  /** Delete trials without enrollments (deleteTrial). */
  | 'DELETE_TRIAL'
  /** Edit contracts and upload their documents (editContract, uploadContractDocument). */
  | 'EDIT_CONTRACT'
  /** Edit trials (editTrial), their expense categories and mileage rate (setMileageRate). */
  | 'EDIT_TRIAL'
  /** Enroll participants in a trial at a site (enroll). */
  | 'ENROLL'
  /** Download stored documents (reserved: no operation asks for it yet). */
  | 'GET_DOCUMENT'
  /** Grant and revoke, on a resource, the permissions you hold there (grantPermissions, revokePermissions). */
  | 'GRANT'
  /** Ask for API access for the client, accept its data use agreement, and manage its API clients and request log (requestApiAccess, issueApiCredentials, rotateApiClientSecret, revokeApiClient, apiRequestLog). */
  | 'MANAGE_API_CLIENTS'
  /** Edit a trial's pre-screening questionnaire, publish its versions and choose its recruiting trial sites (saveQuestionnaireDraft, publishQuestionnaire, setRecruitingSite); read its funnel metrics and referral log and export them (prescreeningMetrics, referralLog, requestPrescreeningReport). */
  | 'MANAGE_PRESCREENING'
  /** Make manual payments and reimbursements (requestReimbursement). */
  | 'MANUAL_PAYMENT'
  /** Message participants and read their messages (sendMessage, messages). */
  | 'MESSAGING'
  /** Pay milestones of the payment schedule (payMilestone, payMilestones). */
  | 'MILESTONE_PAYMENT'
  /** Change an enrollment's status: enrolled, dropped, completed (setEnrollmentStatus). */
  | 'SET_ENROLLMENT_STATUS'
  /** Set how a participant is paid (setPaymentType). */
  | 'SET_PAYMENT_TYPE'
  /** Make mileage (travel) payments (payMileage). */
  | 'TRAVEL_PAYMENT'
  /** Update participants' details (updateParticipant). */
  | 'UPDATE_PARTICIPANT'
  /** Upload documents (reserved: contract documents need edit_contract). */
  | 'UPLOAD_DOCUMENT'
  /** See the candidates referred to a trial site and enroll them (TrialSite.referredCandidates, enrollCandidate). */
  | 'VIEW_CANDIDATES'
  /** Read clients' details beyond their name (tax id, contacts, address). */
  | 'VIEW_CLIENTS'
  /** Read contracts' details, documents and funding. */
  | 'VIEW_CONTRACT'
  /** Read enrollments and their status. */
  | 'VIEW_ENROLLMENTS'
  /** Read participants' personal details. */
  | 'VIEW_PARTICIPANTS'
  /** Read payments, their history and totals. */
  | 'VIEW_PAYMENTS'
  /** Read payment schedules (milestones and their amounts). */
  | 'VIEW_PAYMENT_SCHEDULE'
  /** Run reports (requestFundingReport, requestTrialPaymentReport) and read visit ratings. */
  | 'VIEW_REPORTS'
  /** Read sites' details beyond their name. */
  | 'VIEW_SITES'
  /** Read trials' details beyond their name. */
  | 'VIEW_TRIALS';

/** Whose permissions change, on which resource, and which. */
export type PermissionsChangeInput = {
  /** The permissions to grant (or revoke). */
  permissions: Array<PermissionName>;
  /** The global id of a client, contract, trial, site or trial site: the grant covers all below it. */
  resourceId: Scalars['ID']['input'];
  /** The user whose grants change: one you may see. */
  userId: Scalars['ID']['input'];
};

/** How finely candidates are grouped by where they are. */
export type PrescreeningRegionLevel =
  /** By country (the region of the candidate's locale). */
  | 'COUNTRY'
  /** By country and the first three characters of the postal code given with the candidate's details. */
  | 'POSTAL_PREFIX';

/** A pre-screening export of a trial. */
export type PrescreeningReport =
  /** The funnel by the day candidates started (UTC): starts, completions, eligible, referred, … */
  | 'DAILY_TREND'
  /** Every referral, newest first: time, site, partner, referrer token, status (no personal data). */
  | 'REFERRAL_LOG'
  /** The funnel by the ISO week (from Monday, UTC) candidates started. */
  | 'WEEKLY_TREND';

/** The length of a trend's periods (UTC). */
export type PrescreeningTrendInterval =
  /** Calendar days, UTC. */
  | 'DAY'
  /** ISO weeks, Monday to Sunday, UTC. */
  | 'WEEK';

/** The trial whose draft to publish. */
export type PublishQuestionnaireInput = {
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

export type QueryApiAccessRequestsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only this client's. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Only at this step. */
  status?: InputMaybe<ApiAccessRequestStatus>;
};

export type QueryApiClientsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only this client's. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryApiRequestLogArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** Only these credentials'. */
  apiClientId?: InputMaybe<Scalars['ID']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only this client's (you need manage_api_clients on it). */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** Only requests received at or after this. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Only operations of this name. */
  operationName?: InputMaybe<Scalars['String']['input']>;
  /** Only requests that ended so. */
  result?: InputMaybe<ApiRequestResult>;
  /** Only requests received before this. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type QueryAppointmentArgs = {
  /** The appointment's global id. */
  id: Scalars['ID']['input'];
};

export type QueryAppointmentsArgs = {
  /** The participant's id. */
  participantId: Scalars['ID']['input'];
  /** true: past visits, latest first; false (default): upcoming ones, soonest first. */
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
  fundingAlerts: QueryFundingAlertsArgs;
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
  prescreeningMetrics: QueryPrescreeningMetricsArgs;
  questionnaire: QueryQuestionnaireArgs;
  ratings: QueryRatingsArgs;
  referralLog: QueryReferralLogArgs;
  roleTemplate: QueryRoleTemplateArgs;
  site: QuerySiteArgs;
  sites: QuerySitesArgs;
  studyQuestionnaire: QueryStudyQuestionnaireArgs;
  taxThresholds: QueryTaxThresholdsArgs;
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
  webhookEndpoints: QueryWebhookEndpointsArgs;
};

export type QueryCandidateEligibilityArgs = {
  /** Your id of the candidate. */
  partnerCandidateId: Scalars['String']['input'];
};

export type QueryCaregiversArgs = {
  /** The participant's global id. */
  participantId: Scalars['ID']['input'];
};

export type QueryCategoriesArgs = {
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

export type QueryClientArgs = {
  /** The client's global id. */
  id: Scalars['ID']['input'];
};

export type QueryClientsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Text to find in the client's name, ignoring case. */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type QueryContractArgs = {
  /** The contract's global id. */
  id: Scalars['ID']['input'];
};

export type QueryContractsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only this client's contracts (its global id); NOT_FOUND unless you may see it. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryEnrolledArgs = {
  /** The global id of a site taking part in the trial. */
  siteId: Scalars['ID']['input'];
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

export type QueryEnrollmentsArgs = {
  /** The participant's global id. */
  participantId: Scalars['ID']['input'];
};

export type QueryFundingAlertsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryFundingArgs = {
  /** The contract's global id. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** The global id of a trial under the contract. */
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryMessagesArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only this enrollment's conversation (an Enrollment's global id). */
  enrollmentId?: InputMaybe<Scalars['ID']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** true: only messages you have not read. */
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type QueryNodeArgs = {
  /** A global id, as any object's `id` field gives it. */
  id: Scalars['ID']['input'];
};

export type QueryNodesArgs = {
  /** Global ids, as objects' `id` fields give them (of any types). */
  ids: Array<Scalars['ID']['input']>;
};

export type QueryParticipantArgs = {
  /** The participant's global id. */
  id: Scalars['ID']['input'];
};

export type QueryParticipantPaymentsArgs = {
  /** The participant's global id. */
  participantId: Scalars['ID']['input'];
  /** Only payments in this trial (its global id). */
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryParticipantsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** The order of the list; a cursor works only with the order it was given in. */
  orderBy?: InputMaybe<ParticipantOrder>;
  /** Text to find in the first or last name, ignoring case. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only participants registered at this site or enrolled there (its global id). */
  siteId?: InputMaybe<Scalars['ID']['input']>;
  /** Only participants enrolled in this trial (its global id). */
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryPaymentScheduleArgs = {
  /** The global id of a site taking part in the trial. */
  siteId: Scalars['ID']['input'];
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

export type QueryPaymentsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only payments made in this span of time. */
  createdAt?: InputMaybe<DateTimeRange>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** Only payments of this kind. */
  kind?: InputMaybe<PaymentKind>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** The order of the list; a cursor works only with the order it was given in. */
  orderBy?: InputMaybe<PaymentOrder>;
  /** Only payments at this site, in any trial (its global id). */
  siteId?: InputMaybe<Scalars['ID']['input']>;
  /** Only payments in this status. */
  status?: InputMaybe<PaymentStatus>;
  /** Only payments in this trial (its global id). */
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryPendingPaymentsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only payments made in this span of time. */
  createdAt?: InputMaybe<DateTimeRange>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** Only payments of this kind. */
  kind?: InputMaybe<PaymentKind>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** The order of the list; a cursor works only with the order it was given in. */
  orderBy?: InputMaybe<PaymentOrder>;
  /** Only this participant's payments (their global id). */
  participantId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryPendingReimbursementsArgs = {
  /** The participant's global id. */
  participantId: Scalars['ID']['input'];
};

export type QueryPrescreeningMetricsArgs = {
  /** Only candidates of this ISO 3166-1 alpha-2 country (the region of their locale). */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Count candidates who started at or after this instant; omitted: from the first. The window widens to the whole start groups it touches (see PrescreeningMetrics). */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only candidates who started with this referrer token. */
  referrer?: InputMaybe<Scalars['String']['input']>;
  /** Count candidates who started before this instant; omitted: up to now. The window widens to the whole start groups it touches (see PrescreeningMetrics). */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** The trial. */
  trialId: Scalars['ID']['input'];
  /** Only candidates answering this version (number) of the trial's questionnaire. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryQuestionnaireArgs = {
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

export type QueryRatingsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only ratings given on or before this day (UTC). */
  endDate?: InputMaybe<Scalars['Date']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Only this participant's ratings (their global id). */
  participantId?: InputMaybe<Scalars['ID']['input']>;
  /** Only ratings given on or after this day (UTC). */
  startDate?: InputMaybe<Scalars['Date']['input']>;
  /** Only ratings in this trial (its global id). */
  trialId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryReferralLogArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** Referrals at or after this instant; omitted: from the first. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Referrals before this instant; omitted: up to now. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /** The trial. */
  trialId: Scalars['ID']['input'];
};

export type QueryRoleTemplateArgs = {
  /** Admins only: the global id of a client, contract, trial, site or trial site; omit for the default. */
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  /** The role's name, as `roles` lists it. */
  roleName: Scalars['String']['input'];
};

export type QuerySiteArgs = {
  /** The site's global id. */
  id: Scalars['ID']['input'];
};

export type QuerySitesArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** Only this client's sites (its global id); NOT_FOUND unless you may see it. */
  clientId?: InputMaybe<Scalars['ID']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryStudyQuestionnaireArgs = {
  /** A BCP 47 tag; the nearest locale, else the fallback, is used. */
  locale: Scalars['String']['input'];
  /** The study's public id (DEMO3). */
  studyId: Scalars['String']['input'];
};

export type QueryTaxThresholdsArgs = {
  /** Only this tax year's. */
  taxYear?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryTrialArgs = {
  /** The trial's global id. */
  id: Scalars['ID']['input'];
};

export type QueryTrialSiteArgs = {
  /** The trial site's global id. */
  id: Scalars['ID']['input'];
};

export type QueryTrialSitesArgs = {
  /** The trial's global id; NOT_FOUND unless you may see it. */
  trialId: Scalars['ID']['input'];
};

export type QueryTrialsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Text to find in the trial's name or protocol id, ignoring case. */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type QueryUnclaimedPaymentsArgs = {
  /** The participant's global id. */
  participantId: Scalars['ID']['input'];
};

export type QueryUnreadMessageCountArgs = {
  /** Only this enrollment's conversation (an Enrollment's global id). */
  enrollmentId?: InputMaybe<Scalars['ID']['input']>;
};

export type QueryUserByCaregiverArgs = {
  /** The caregiver's global id. */
  caregiverId: Scalars['ID']['input'];
};

export type QueryUserByParticipantArgs = {
  /** The participant's global id. */
  participantId: Scalars['ID']['input'];
};

export type QueryUserGrantsArgs = {
  /** The user's global id: your own, or (admins) anyone's; another's answers FORBIDDEN. */
  userId: Scalars['ID']['input'];
};

export type QueryUserSitesArgs = {
  /** The user's global id: your own, or (admins) anyone's; another's answers FORBIDDEN. */
  userId: Scalars['ID']['input'];
};

export type QueryUserTrialsArgs = {
  /** The user's global id: your own, or (admins) anyone's; another's answers FORBIDDEN. */
  userId: Scalars['ID']['input'];
};

export type QueryUsersArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
  /** Text to find in the user's full name or e-mail address, ignoring case; omit for all. */
  search?: InputMaybe<Scalars['String']['input']>;
};

export type QueryWebhookEndpointsArgs = {
  /** A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it. */
  after?: InputMaybe<Scalars['String']['input']>;
  /** Only the endpoints of these credentials. */
  apiClientId?: InputMaybe<Scalars['ID']['input']>;
  /** A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it. */
  before?: InputMaybe<Scalars['String']['input']>;
  /** How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given. */
  first?: InputMaybe<Scalars['Int']['input']>;
  /** How many items to return from the end (or from before `before`): 0 to 100. */
  last?: InputMaybe<Scalars['Int']['input']>;
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
  /** When it is shown, in this syntax: answer.<key> == 'true', && || ! ( ), < <= > >= != , x in ['a','b'], age(answer.dob) >= 18. Checked when saved. */
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

/** How a question is answered. */
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

/** The visit (by its payment), the rating and an optional note. */
export type RateVisitInput = {
  /** A comment on the visit; at most 2,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The claimed or paid milestone payment of the visit. */
  paymentId: Scalars['ID']['input'];
  /** 1 (worst) to 10 (best). */
  rating: Scalars['Int']['input'];
};

/** Where a site stands in recruiting for a trial, as its sponsor or site staff report it. Any status may follow any other. */
export type RecruitmentStatus =
  /** No new participants; those enrolled go on with their visits. */
  | 'CLOSED_TO_ENROLLMENT'
  /** The site's part in the trial is over. */
  | 'COMPLETED'
  /** Not recruiting yet (every trial site starts here). */
  | 'NOT_STARTED'
  /** Recruiting is on hold for now. */
  | 'PAUSED'
  /** Recruiting: taking referrals and screening candidates. */
  | 'RECRUITING';

/** The delivery to send again. */
export type RedeliverWebhookInput = {
  /** The delivery: FAILED, CANCELLED, or DELIVERED (a replay). */
  deliveryId: Scalars['ID']['input'];
};

/** What became of a referral. */
export type ReferralStatus =
  /** The candidate withdrew their data consent before being enrolled. */
  | 'CONSENT_WITHDRAWN'
  /** Enrolled at the trial site from the referral. */
  | 'ENROLLED'
  /** Referred to the trial site, not yet enrolled. */
  | 'REFERRED';

/** The new caregiver's details and whom they act for. */
export type RegisterCaregiverInput = {
  /** Postal address. */
  address?: InputMaybe<AddressInput>;
  /** Their login; an invitation to set a password is e-mailed here. */
  email: Scalars['String']['input'];
  /** Given name (1-100 characters). */
  firstName: Scalars['String']['input'];
  /** Family name (1-100 characters). */
  lastName: Scalars['String']['input'];
  /** The participant they act for. */
  participantId: Scalars['ID']['input'];
  /** Phone number, e.g. (212) 555-1212. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** parent, guardian or nurse (see caregiverRelationships). */
  relationship: Scalars['String']['input'];
};

/** A new account's details. */
export type RegisterInput = {
  /** Postal address. */
  address?: InputMaybe<AddressInput>;
  /** The e-mail address to log in with; CONFLICT if an account has it. */
  email: Scalars['String']['input'];
  /** Given name (1-100 characters). */
  firstName: Scalars['String']['input'];
  /** Family name (1-100 characters). */
  lastName: Scalars['String']['input'];
  /** At least 8 characters with a letter, a digit and a special character (see passwordRules). */
  password: Scalars['String']['input'];
  /** Phone number, e.g. (212) 555-1212 or +44 20 7946 0958. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** The payment to reject and why. */
export type RejectPaymentInput = {
  /** The payment's global id. */
  paymentId: Scalars['ID']['input'];
  /** Shown to the participant. */
  reason: Scalars['String']['input'];
};

/** The file format of a downloaded report. */
export type ReportFormat =
  /** Comma-separated values; amounts as exact decimal strings. */
  | 'CSV'
  /** An Excel workbook; amounts as numbers in the currency's format. */
  | 'XLSX';

/** What the client asks API access for: its use case and the scopes it needs. */
export type RequestApiAccessInput = {
  /** The client asking for API access. */
  clientId: Scalars['ID']['input'];
  /** The scopes asked for. */
  scopes: Array<ApiScope>;
  /** What the API will be used for (up to 4,000 characters). */
  useCase: Scalars['String']['input'];
};

/** Whose log, filtered as apiRequestLog filters it, and in which format. */
export type RequestApiRequestLogExportInput = {
  /** Only these credentials' requests (an API client of that client). */
  apiClientId?: InputMaybe<Scalars['ID']['input']>;
  /** The client whose API requests to export. */
  clientId: Scalars['ID']['input'];
  /** CSV (the default) or XLSX. */
  format?: InputMaybe<ReportFormat>;
  /** Only requests received at or after this. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only operations of this name. */
  operationName?: InputMaybe<Scalars['String']['input']>;
  /** Only requests that ended so. */
  result?: InputMaybe<ApiRequestResult>;
  /** Only requests received before this. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** What to report on, and in which format. */
export type RequestFundingReportInput = {
  /** The contract's global id. */
  contractId: Scalars['ID']['input'];
  /** CSV or XLSX. */
  format: ReportFormat;
};

/** Whose password to reset. */
export type RequestPasswordResetInput = {
  /** The account's e-mail address. */
  email: Scalars['String']['input'];
};

/** Which pre-screening export of which trial, and in which format. */
export type RequestPrescreeningReportInput = {
  /** CSV or XLSX. */
  format: ReportFormat;
  /** REFERRAL_LOG, DAILY_TREND or WEEKLY_TREND. */
  report: PrescreeningReport;
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

/** The enrollment, the expense and its receipts. */
export type RequestReimbursementInput = {
  /** Positive, in the trial's contract currency. */
  amount: MoneyInput;
  /** Receipts. */
  attachments?: InputMaybe<Array<PaymentAttachmentInput>>;
  /** One of the trial's categories (see `categories`). */
  category: Scalars['String']['input'];
  /** The enrollment the expense was for (its global id). */
  enrollmentId: Scalars['ID']['input'];
  /** What the expense was; at most 2,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** The payer, the tax year, and the format. */
export type RequestTaxYearReportInput = {
  /** The client (payer)'s global id. */
  clientId: Scalars['ID']['input'];
  /** CSV or XLSX. */
  format: ReportFormat;
  /** The tax year (a UTC calendar year, 2000-2200). */
  taxYear: Scalars['Int']['input'];
};

/** What to report on, and in which format. */
export type RequestTrialPaymentReportInput = {
  /** CSV or XLSX. */
  format: ReportFormat;
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

/** The e-mailed reset token and the new password. */
export type ResetPasswordInput = {
  /** The account's e-mail address. */
  email: Scalars['String']['input'];
  /** At least 8 characters with a letter, a digit and a special character (see passwordRules). */
  newPassword: Scalars['String']['input'];
  /** The token from the reset e-mail. */
  token: Scalars['String']['input'];
};

/** The kind of resource a permission is granted on. */
export type ResourceType =
  /** A client (sponsor or CRO): covers its contracts, trials and sites. */
  | 'CLIENT'
  /** A contract: covers its trials and their trial sites. */
  | 'CONTRACT'
  /** A site (clinic): covers its trial sites, in every trial. */
  | 'SITE'
  /** A trial: covers its trial sites and their enrollments. */
  | 'TRIAL'
  /** One site in one trial: covers that trial's work at that site only. */
  | 'TRIAL_SITE';

/** A Mural admin's decision on an access request, with the reason shown to the client. */
export type ReviewApiAccessRequestInput = {
  /** True to approve, false to reject. */
  approve: Scalars['Boolean']['input'];
  /** Why (shown to the client). */
  reason: Scalars['String']['input'];
  /** The request, at REQUESTED. */
  requestId: Scalars['ID']['input'];
};

/** The credential to revoke, at once and for every process. */
export type RevokeApiClientInput = {
  /** The API client. */
  apiClientId: Scalars['ID']['input'];
};

/** The credential whose secret to replace, and how long the old secret keeps working. */
export type RotateApiClientSecretInput = {
  /** The API client. */
  apiClientId: Scalars['ID']['input'];
};

/** The endpoint whose signing secret to replace. */
export type RotateWebhookSecretInput = {
  /** The endpoint. */
  endpointId: Scalars['ID']['input'];
};

/** A trial's questionnaire, as its draft. */
export type SaveQuestionnaireDraftInput = {
  /** The UI config (colours, messages, contactForm, steps, customPages: the completed, ineligible and leave result pages), given back as is, its texts in the fallback locale. */
  config?: InputMaybe<Scalars['JSON']['input']>;
  /** Translations of config, by locale: the parts that differ in that locale, laid on config key by key (objects merged, texts and lists replaced): { "sv-SE": { "customPages": { "ineligible": { "title": "Tack …" } } } }. A locale missing here gets the fallback locale's, then config. Every locale must be one of locales (BAD_USER_INPUT otherwise). */
  configByLocale?: InputMaybe<Scalars['JSON']['input']>;
  /** The consents asked with the details. */
  consentQuestions?: InputMaybe<Array<ConsentQuestionInput>>;
  /** The locale used when a candidate's is missing; one of locales. */
  fallbackLocale: Scalars['String']['input'];
  /** The locales it is written in, with their text direction. */
  locales: Array<QuestionnaireLocaleInput>;
  /** Study messages (UI texts) by locale: { "en-US": { "ClinicForm.SelectClinic": "…" }, "sv-SE": { … } }. A message missing in a locale is served in the fallback locale. Every locale must be one of locales; ids are 1 to 128 letters, digits, _, - or . and texts are strings (BAD_USER_INPUT otherwise). */
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

/** Whose visit (an enrollment, or a participant with one enrollment), when, and for what. */
export type ScheduleAppointmentInput = {
  /** What the visit is for; shown to the participant. */
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

/** The conversation and the message. */
export type SendMessageInput = {
  /** Trimmed; 1 to 5000 characters. */
  body: Scalars['String']['input'];
  /** The enrollment whose conversation this message joins. */
  enrollmentId: Scalars['ID']['input'];
};

/** The payer and its policy. */
export type SetClientTaxPolicyInput = {
  /** The client's global id. */
  clientId: Scalars['ID']['input'];
  /** WARN or HOLD_CLAIMS. */
  policy: TaxPolicy;
};

/** The enrollment and its new status. */
export type SetEnrollmentStatusInput = {
  /** The enrollment's global id. */
  enrollmentId: Scalars['ID']['input'];
  /** The new status. */
  status: EnrollmentStatus;
};

/** The contract and its new low-balance threshold: an amount, a percentage, or neither to clear it. */
export type SetLowBalanceThresholdInput = {
  /** Alert when remaining funding falls below this amount (positive, in the contract's currency). */
  amount?: InputMaybe<MoneyInput>;
  /** The contract's global id. */
  contractId: Scalars['ID']['input'];
  /** Alert when remaining funding falls below this percentage of everything deposited, e.g. "12.5" (above 0, below 100, at most two decimals). Not together with amount. */
  percentOfDeposits?: InputMaybe<Scalars['String']['input']>;
};

/** The trial and its new mileage rate. */
export type SetMileageRateInput = {
  /** The rate, in the trial's contract currency; null (or omitted) removes it. */
  rate?: InputMaybe<MileageRateInput>;
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

/** The enrollment, the way it is paid, and that way's details (others must be omitted). */
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
  /** The enrollment's global id. */
  enrollmentId: Scalars['ID']['input'];
  /** The way to be paid. */
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

/** The tax year, currency and threshold. */
export type SetTaxThresholdInput = {
  /** The threshold, positive, in its currency. */
  amount: MoneyInput;
  /** From this percentage (1-100) a participant is flagged as approaching; kept (or 80) when omitted. */
  approachingPercent?: InputMaybe<Scalars['Int']['input']>;
  /** Where the figure comes from (the law or notice), 1-500 characters. */
  source: Scalars['String']['input'];
  /** The calendar year (2000-2200). */
  taxYear: Scalars['Int']['input'];
};

/** Whose details, and the details with their certification. */
export type SetTaxpayerDetailsInput = {
  /** The taxpayer's postal address. */
  address: AddressInput;
  /** Must be true: under penalties of perjury, the TIN is correct and the taxpayer is a US person (W-9 certification). Its time is recorded. */
  certified: Scalars['Boolean']['input'];
  /** The legal name the TIN belongs to (1-200 characters). */
  legalName: Scalars['String']['input'];
  /** The participant (yourself, or the one you are caregiver of). */
  participantId: Scalars['ID']['input'];
  /** The TIN: 9 digits, dashes and spaces ignored. Stored encrypted; never shown again except masked. */
  tin: Scalars['String']['input'];
  /** SSN, ITIN or EIN. */
  tinKind: TinKind;
};

/** The trial site and its new recruitment status. */
export type SetTrialSiteRecruitmentStatusInput = {
  /** The new status. */
  status: RecruitmentStatus;
  /** The trial site's global id. */
  trialSiteId: Scalars['ID']['input'];
};

/** A submission (REST: POST /rest/v1/candidates/{candidateId}/submit). */
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
  /** Only this enrollment's conversation (an Enrollment's global id); NOT_FOUND or FORBIDDEN unless you are party to it. */
  enrollmentId?: InputMaybe<Scalars['ID']['input']>;
};

/** Whom to act as. */
export type SwitchUserInput = {
  /** The user's global id (not yourself). */
  userId: Scalars['ID']['input'];
};

/** What a payer (client) does when a participant's reportable income from it reaches the tax year's reporting threshold and no taxpayer details (TIN) are on file. */
export type TaxPolicy =
  /** Hold new claims of reportable payments (refused with HELD_FOR_TAXPAYER_DETAILS, shown as held) until the details are given; giving them releases the held claims. */
  | 'HOLD_CLAIMS'
  /** Flag it (thresholdStatus REACHED, no details on file) and keep paying. */
  | 'WARN';

/** Where a participant's reportable income from a payer stands against the tax year's threshold. */
export type TaxThresholdStatus =
  /** At or above the threshold's approaching percentage, below the threshold. */
  | 'APPROACHING'
  /** Below the approaching fraction of the threshold. */
  | 'BELOW'
  /** No threshold is configured for the year and currency. */
  | 'NO_THRESHOLD'
  /** At or above the threshold: the payer reports this income. */
  | 'REACHED';

/** Which way a locale's text runs. */
export type TextDirection =
  /** Left to right (en-US, sv-SE). */
  | 'LTR'
  /** Right to left (ar, he). */
  | 'RTL';

/** The kind of US taxpayer identification number. */
export type TinKind =
  /** Employer Identification Number. */
  | 'EIN'
  /** Individual Taxpayer Identification Number (starts with 9). */
  | 'ITIN'
  /** Social Security Number. */
  | 'SSN';

/** A trial's phase, as ClinicalTrials.gov names them. */
export type TrialPhase =
  /** Early Phase 1 (formerly Phase 0): exploratory, a few people. */
  | 'EARLY_PHASE_1'
  /** No phase: e.g. a device or behavioural study. */
  | 'NOT_APPLICABLE'
  /** Phase 1: safety and dosage, in a small group. */
  | 'PHASE_1'
  /** A combined Phase 1/Phase 2 trial. */
  | 'PHASE_1_2'
  /** Phase 2: efficacy and side effects. */
  | 'PHASE_2'
  /** A combined Phase 2/Phase 3 trial. */
  | 'PHASE_2_3'
  /** Phase 3: efficacy against standard treatment, in large groups. */
  | 'PHASE_3'
  /** Phase 4: after approval, long-term effects. */
  | 'PHASE_4';

/** Where a trial is in its life: draft → live ⇄ paused → closed. */
export type TrialStatus =
  /** Finished; it cannot be reopened. */
  | 'CLOSED'
  /** Being set up; no one can be enrolled yet. */
  | 'DRAFT'
  /** Running: participants can be enrolled and paid. */
  | 'LIVE'
  /** On hold for now; it can go live again or close. */
  | 'PAUSED';

/** The whole details record (REST: PUT /rest/v1/candidates/{candidateId}/details). */
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

/** The caregiver and the details to change; omitted fields stay as they are. */
export type UpdateCaregiverInput = {
  /** Postal address; null removes it. */
  address?: InputMaybe<AddressInput>;
  /** The caregiver's global id. */
  caregiverId: Scalars['ID']['input'];
  /** A new address must be verified again. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Given name (1-100 characters). */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Family name (1-100 characters). */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Phone number; null clears it. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** parent, guardian or nurse; staff only. */
  relationship?: InputMaybe<Scalars['String']['input']>;
};

/** Channels to turn on or off; omitted ones stay as they are. */
export type UpdateContactPreferencesInput = {
  /** Notifications by e-mail. */
  email?: InputMaybe<Scalars['Boolean']['input']>;
  /** Push notifications. */
  push?: InputMaybe<Scalars['Boolean']['input']>;
  /** Notifications by SMS. */
  sms?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whose account; yourself when omitted (admins: anyone). */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** The participant and the details to change; omitted fields stay as they are. */
export type UpdateParticipantInput = {
  /** null removes it. */
  address?: InputMaybe<AddressInput>;
  /** null clears it. */
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  /** A new address must be verified again. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Whom to call in an emergency; null clears it. */
  emergencyContact?: InputMaybe<Scalars['String']['input']>;
  /** Their phone number; null clears it. */
  emergencyPhone?: InputMaybe<Scalars['String']['input']>;
  /** Given name (1-100 characters); staff only. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Family name (1-100 characters); staff only. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** The participant's global id. */
  participantId: Scalars['ID']['input'];
  /** null clears it. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone, e.g. "America/Denver". */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** Profile fields to change; omitted ones stay as they are. */
export type UpdateUserInput = {
  /** Postal address; null removes it, omit to keep. */
  address?: InputMaybe<AddressInput>;
  /** A new e-mail address (unverified until verifyEmail); CONFLICT if another account has it. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Given name (1-100 characters); omit to keep. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Family name (1-100 characters); omit to keep. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Phone number; null removes it, omit to keep. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Whose account; yourself when omitted (admins: anyone). */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** The endpoint and what to change (fields left out stay as they are). */
export type UpdateWebhookEndpointInput = {
  /** False stops deliveries at once, pending ones included; true resumes with new events. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** The endpoint. */
  endpointId: Scalars['ID']['input'];
  /** The events to receive from now on (at least one). */
  events?: InputMaybe<Array<WebhookEventType>>;
  /** A new URL: https, at most 2,048 characters, without user name or password (http on localhost or 127.0.0.1 outside production), at a public address. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** The contract and its signed PDF. */
export type UploadContractDocumentInput = {
  /** The contract's global id. */
  contractId: Scalars['ID']['input'];
  /** The PDF's bytes in base64, at most 10485760 bytes. */
  data: Scalars['String']['input'];
  /** e.g. "contract.pdf" */
  filename: Scalars['String']['input'];
};

/** The trial, the PDF, and optionally the trial's new IRB status. */
export type UploadIrbDocumentInput = {
  /** The PDF's bytes in base64, at most 10485760 bytes. */
  data: Scalars['String']['input'];
  /** e.g. "irb-approval.pdf" (no slashes, at most 255 characters). */
  filename: Scalars['String']['input'];
  /** The trial's IRB status from now on (e.g. APPROVED with an approval letter); unchanged if omitted. */
  irbStatus?: InputMaybe<IrbStatus>;
  /** The trial's global id. */
  trialId: Scalars['ID']['input'];
};

/** What kind of person an account belongs to; it decides what the account can ever see. */
export type UserType =
  /** A parent, guardian or nurse acting for a participant: sees only that participant's records. */
  | 'CAREGIVER'
  /** A participant in a trial: sees only their own records, trials and sites. */
  | 'PARTICIPANT'
  /** Mural, sponsor, CRO or site staff: sees what their grants allow. */
  | 'STAFF';

/** The sandbox request a Mural admin has validated, so production credentials may be issued. */
export type ValidateApiAccessRequestInput = {
  /** The request, at SANDBOX. */
  requestId: Scalars['ID']['input'];
};

/** The token e-mailed to the address. */
export type VerifyEmailInput = {
  /** The token from the verification e-mail. */
  token: Scalars['String']['input'];
};

/** The contract, and whether you want its low-balance alerts. */
export type WatchContractFundingInput = {
  /** The contract's global id. */
  contractId: Scalars['ID']['input'];
  /** true to receive its low-balance alerts, false to stop. */
  watching: Scalars['Boolean']['input'];
};

/** Where a webhook delivery stands. */
export type WebhookDeliveryStatus =
  /** Not sent: the endpoint was disabled, or its credentials revoked or expired, before it went. */
  | 'CANCELLED'
  /** An attempt was answered with a 2xx. It is never sent again, unless redeliverWebhook replays it. */
  | 'DELIVERED'
  /** Every attempt failed (WEBHOOK_RETRY_SECONDS ran out), or a redelivery's one attempt did. Nothing more is sent unless redeliverWebhook asks. */
  | 'FAILED'
  /** Not yet answered with a 2xx: the next attempt is at nextAttemptAt. */
  | 'PENDING';

/** An event an API client may receive at its webhook endpoints (the `type` of a delivery's body, e.g. payment.paid). */
export type WebhookEventType =
  /** `candidate.referred`: A pre-screened candidate was referred to a trial site (ids and time; never their answers). Needs the referrals:read scope. */
  | 'CANDIDATE_REFERRED'
  /** `participant.enrolled`: A participant was enrolled in a trial at a site (the enrollment's id, never who). Needs the trials:read scope. */
  | 'PARTICIPANT_ENROLLED'
  /** `payment.paid`: A payment was paid out to its participant: its id, enrollment, amount and currency. Needs the trials:read scope. */
  | 'PAYMENT_PAID'
  /** `trial.status_changed`: A trial's status changed (DRAFT, LIVE, PAUSED, CLOSED): from and to. Needs the trials:read scope. */
  | 'TRIAL_STATUS_CHANGED';

/** The candidate withdrawing data consent. */
export type WithdrawCandidateDataConsentInput = {
  /** Your id of the candidate. */
  partnerCandidateId: Scalars['String']['input'];
};
