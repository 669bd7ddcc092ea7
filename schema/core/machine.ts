import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/connection.js";
import { apiClientTrials, contracts, sites, trialSites, trials } from "../../db/schema/index.js";
import type { Permission } from "./permissions-list.js";

/**
 * The scopes an API client may hold. A token carries some of them; what it may do is its scopes intersected with
 * the resources its client reaches (machineMay).
 */
export const SCOPES = {
  "trials:read":
    "Read trials (protocol id, phase, IRB and trial status) and their site assignments, and download their IRB documents.",
  "sites:read": "Read sites and their status in each trial.",
  "sites:write": "Push site status, recruitment notes and IRB document versions.",
  "prescreening:read":
    "Read pre-screening funnel metrics (aggregates, never a candidate's answers): prescreeningMetrics, and export their trend (requestPrescreeningReport).",
  "referrals:read":
    "Read timestamped referral logs (no personal data): referralLog, and export them (requestPrescreeningReport).",
  "content:write":
    "Elevated: write and publish what a trial's pre-screening candidates see: its eligibility logic (questions' criteria, visibleIf), its study messages (UI texts by locale) and result pages (completed, ineligible, leave), and every text's translations into the questionnaire's locales: saveQuestionnaireDraft, publishQuestionnaire, questionnaire.",
  "candidates:write": "Pre-screening partners: submit candidates' pre-screening answers and referrals.",
  "webhooks:manage":
    "Register, change and remove the credential's own webhook endpoints, and read their deliveries (events still need their read scope).",
} as const;
export type Scope = keyof typeof SCOPES;
export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];
export const isScope = (value: string): value is Scope => Object.hasOwn(SCOPES, value);
/** The scopes that only read: the demo credential holds these. */
export const READ_SCOPES = SCOPE_NAMES.filter((scope) => scope.endsWith(":read"));

/**
 * What a scope lends to the rules users go through (readsWith, canSee, lists): read permissions that show no
 * participant's personal data, payout details or health data. A scope with no entry opens only the fields whose
 * rule asks machineMay for it.
 */
const SCOPE_PERMISSIONS: Partial<Record<Scope, readonly Permission[]>> = {
  "trials:read": ["view_trials"],
  "sites:read": ["view_sites"],
};

/** A machine principal: an API client calling with one of its access tokens. Made afresh for each request. */
export interface Machine {
  /** The api_clients row. */
  apiClientId: string;
  /** The OAuth client_id. */
  clientIdentifier: string;
  /** The client (sponsor or CRO organisation) it belongs to. */
  clientId: string;
  /** The token's scopes that its client still holds. */
  scopes: Scope[];
  environment: "sandbox" | "production";
  reach: "client" | "contract" | "trials";
  contractId: string | null;
  /** The access token's id (jti). */
  tokenId: string;
}

/** The trials a machine reaches, and the sites (of its own client) taking part in them. */
export interface Reach {
  trialIds: Set<string>;
  siteIds: Set<string>;
}

/** An API client's settings as SQL: its own values, or the columns of an api_clients row. */
export interface ReachOf {
  clientId: SQL;
  environment: SQL;
  reach: SQL;
  contractId: SQL;
  apiClientId: SQL;
}

/**
 * The reach rule as an SQL condition, written once: the trial `t` (with its contract `c`) is of the API client's
 * client, a sandbox trial unless the credentials are production ones, and within its reach (its client, its
 * contract, or the trials listed for it).
 */
export const reaches = (of: ReachOf, t: SQL, c: SQL): SQL => sql`${c}.client_id = ${of.clientId}
      AND (${of.environment} = 'production' OR ${t}.sandbox)
      AND CASE ${of.reach}
        WHEN 'client' THEN true
        WHEN 'contract' THEN ${t}.contract_id = ${of.contractId}
        ELSE ${t}.id IN (SELECT trial_id FROM ${apiClientTrials} WHERE api_client_id = ${of.apiClientId})
      END`;

/** One statement: the trials of the machine's client within its reach (sandbox ones only, for sandbox credentials). */
export async function loadReach(db: Database, machine: Machine): Promise<Reach> {
  const rows = await db.execute<{ trial_id: string; site_id: string | null }>(sql`
    SELECT t.id AS trial_id, s.id AS site_id
    FROM ${trials} t
    JOIN ${contracts} c ON c.id = t.contract_id
    LEFT JOIN ${trialSites} ts ON ts.trial_id = t.id
    LEFT JOIN ${sites} s ON s.id = ts.site_id AND s.client_id = c.client_id
    WHERE ${reaches(
      {
        clientId: sql`${machine.clientId}`,
        environment: sql`${machine.environment}`,
        reach: sql`${machine.reach}`,
        contractId: sql`${machine.contractId}`,
        apiClientId: sql`${machine.apiClientId}`,
      },
      sql`t`,
      sql`c`,
    )}`);
  const reach: Reach = { trialIds: new Set(), siteIds: new Set() };
  for (const row of rows) {
    reach.trialIds.add(row.trial_id);
    if (row.site_id) reach.siteIds.add(row.site_id);
  }
  return reach;
}

/** A grant as Access reads it: a permission on one resource. */
export interface GrantLike {
  permissionName: string;
  clientId: string | null;
  contractId: string | null;
  trialId: string | null;
  siteId: string | null;
  trialSiteId: string | null;
}

const grantOn = (permissionName: string, on: Partial<GrantLike>): GrantLike => ({
  permissionName,
  clientId: null,
  contractId: null,
  trialId: null,
  siteId: null,
  trialSiteId: null,
  ...on,
});

/**
 * The grants a machine acts with, for Access: each read permission its scopes lend, on what it reaches. Production
 * credentials of a whole client (or contract) hold them there; others on each trial reached and its sites.
 */
export function machineGrants(machine: Machine, reach: Reach): GrantLike[] {
  const permissions = machine.scopes.flatMap((scope) => SCOPE_PERMISSIONS[scope] ?? []);
  const whole = machine.environment === "production" && machine.reach !== "trials";
  return permissions.flatMap((permission) => {
    if (whole && machine.reach === "client") return [grantOn(permission, { clientId: machine.clientId })];
    const top = whole
      ? [grantOn(permission, { contractId: machine.contractId })]
      : [...reach.trialIds].map((trialId) => grantOn(permission, { trialId }));
    return [...top, ...[...reach.siteIds].map((siteId) => grantOn(permission, { siteId }))];
  });
}

/** The request's machine principal with its reach, loaded once per request. */
export interface MachineContext {
  machine: Machine | null;
  machineReach?: () => Promise<Reach>;
}

/**
 * Whether the request's machine principal may act with `scope` on the trial: it holds the scope, and the trial is
 * within its reach (its client, its contract or listed trials; sandbox trials only for sandbox credentials). False
 * for people: areas use it beside their rules for users (`ctx.machine ? machineMay(ctx, "prescreening:read", id) : …`).
 */
export async function machineMay(ctx: MachineContext, scope: Scope, trialId: string): Promise<boolean> {
  if (!ctx.machine?.scopes.includes(scope) || !ctx.machineReach) return false;
  return (await ctx.machineReach()).trialIds.has(trialId);
}

/** Whether the request's machine principal holds `scope` (for fields not about one trial). */
export const machineHolds = (ctx: MachineContext, scope: Scope): boolean =>
  ctx.machine?.scopes.includes(scope) ?? false;

/**
 * Types never readable by a machine principal, whatever its scopes: they hold participants' personal data, payout
 * details or health data, staff accounts, or API credentials and their log. The shield closes every field of them
 * to machines.
 */
export const CLOSED_TO_MACHINES: ReadonlySet<string> = new Set([
  "ApiAccessRequest",
  "ApiClient",
  "ApiRequest",
  "Address",
  "Appointment",
  "AuditEntry",
  "Caregiver",
  "ClaimHold",
  "ContactPreferences",
  "Enrollment",
  "EnrollmentMilestone",
  "Grant",
  "Message",
  "Participant",
  "PayableVisit",
  "Payment",
  "PaymentEvent",
  "PayoutMethod",
  "TaxpayerDetails",
  "TaxYearTotal",
  "User",
  "Viewer",
  "VisitRating",
]);
