import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { roleAssignments, trialSites, trials, users } from "../../db/schema/index.js";
import { addAuditHistory } from "../audit/types.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { byCreation, type Children, childrenPage } from "../core/pagination.js";
import { ContractRef, SiteRef } from "../organizations/refs.js";
import { runwaysOf } from "../organizations/runway.js";
import { orMissing, RunwayRef } from "../organizations/types.js";
import { type Trial, TrialRef, type TrialSite, TrialSiteRef } from "./refs.js";

export const TrialStatusEnum = builder.enumType("TrialStatus", {
  description: "Where a trial is in its life: draft → live ⇄ paused → closed.",
  values: {
    DRAFT: { value: "draft", description: "Being set up; no one can be enrolled yet." },
    LIVE: { value: "live", description: "Running: participants can be enrolled and paid." },
    PAUSED: { value: "paused", description: "On hold for now; it can go live again or close." },
    CLOSED: { value: "closed", description: "Finished; it cannot be reopened." },
  } as const,
});

export const TrialPhaseEnum = builder.enumType("TrialPhase", {
  description: "A trial's phase, as ClinicalTrials.gov names them.",
  values: {
    EARLY_PHASE_1: {
      value: "early_phase_1",
      description: "Early Phase 1 (formerly Phase 0): exploratory, a few people.",
    },
    PHASE_1: { value: "phase_1", description: "Phase 1: safety and dosage, in a small group." },
    PHASE_1_2: { value: "phase_1_2", description: "A combined Phase 1/Phase 2 trial." },
    PHASE_2: { value: "phase_2", description: "Phase 2: efficacy and side effects." },
    PHASE_2_3: { value: "phase_2_3", description: "A combined Phase 2/Phase 3 trial." },
    PHASE_3: {
      value: "phase_3",
      description: "Phase 3: efficacy against standard treatment, in large groups.",
    },
    PHASE_4: { value: "phase_4", description: "Phase 4: after approval, long-term effects." },
    NOT_APPLICABLE: { value: "not_applicable", description: "No phase: e.g. a device or behavioural study." },
  } as const,
});

export const IrbStatusEnum = builder.enumType("IrbStatus", {
  description: "The trial's standing with its Institutional Review Board.",
  values: {
    NOT_SUBMITTED: { value: "not_submitted", description: "Not yet submitted to the IRB." },
    SUBMITTED: { value: "submitted", description: "Submitted; awaiting the IRB's decision." },
    APPROVED: { value: "approved", description: "Approved by the IRB." },
    REJECTED: { value: "rejected", description: "Rejected by the IRB." },
    EXPIRED: { value: "expired", description: "The approval has lapsed and must be renewed." },
  } as const,
});

/** Groups rows by a key, in the order of `keys` (empty lists for keys without rows). */
function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const grouped = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((key) => grouped.get(key) ?? []);
}

/** The trial sites the viewer may see among those matching `where`, oldest first: one statement. */
export async function visibleTrialSites(ctx: Context, where: SQL) {
  return ctx.db
    .select()
    .from(trialSites)
    .where(and(where, await ctx.access.visibleSql("trialSite")))
    .orderBy(asc(trialSites.createdAt), asc(trialSites.id));
}

/** The one connection type of trial sites, wherever they are paged. */
const TrialSiteConnection = builder.connectionObject(
  {
    type: TrialSiteRef,
    name: "TrialSiteConnection",
    description: "A page of trial sites, oldest first, with the number in the whole list.",
  },
  { name: "TrialSiteEdge", description: "A trial site in a page of trial sites, with its cursor." },
);

/** A trial's trial sites and a site's, as connections: those the viewer may see, oldest first. */
const trialSitesOf = (
  parent: typeof trialSites.trialId | typeof trialSites.siteId,
): Children<TrialSite> & { type: string } => ({
  table: trialSites,
  parent,
  parentOf: (row) => (parent === trialSites.trialId ? row.trialId : row.siteId),
  ordering: { name: "CREATED_AT_ASC", direction: "asc", keys: byCreation(trialSites) },
  visible: (access) => access.visibleSql("trialSite"),
  type: "TrialSite",
});
export const trialSitesOfTrial = trialSitesOf(trialSites.trialId);
const trialSitesOfSite = trialSitesOf(trialSites.siteId);

TrialRef.implement({
  description: "A clinical trial run under a client's contract.",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    name: t.exposeString("name", {
      description:
        "The trial's name; anyone who may see the trial (participants too, in their own trials) reads it.",
    }),
    protocolId: t.exposeString("protocolId", {
      description: "The protocol identifier, unique across all trials. Needs view_trials on the trial.",
    }),
    status: t.expose("status", { type: TrialStatusEnum, description: "Where the trial is in its life." }),
    phase: t.expose("phase", {
      type: TrialPhaseEnum,
      nullable: true,
      description: "The trial's phase, if set. Needs view_trials on the trial.",
    }),
    irbStatus: t.expose("irbStatus", {
      type: IrbStatusEnum,
      description: "Its standing with its IRB. Needs view_trials on the trial.",
    }),
    sandbox: t.exposeBoolean("sandbox", {
      description:
        "Whether this is a sandbox trial (demo or test data): the only trials sandbox API credentials reach.",
    }),
    contract: t.field({
      type: ContractRef,
      description: "The contract the trial runs under (and is paid from).",
      resolve: (trial) => trial.contractId,
    }),
    runway: t.loadable({
      type: RunwayRef,
      description:
        "What the trial's contract's remaining funding covers of what this trial owes and its schedules will still owe (its other trials' debts are not counted: see Contract.runway). Needs view_contract on the trial's contract.",
      load: (trialIds: string[], ctx) => runwaysOf(ctx.db, "trial", trialIds).then(orMissing),
      resolve: (trial) => trial.id,
    }),
    trialSites: t.connection(
      {
        type: TrialSiteRef,
        description: "The sites taking part (those you may see), oldest first.",
        resolve: (trial, args, ctx) => childrenPage(ctx.access, trialSitesOfTrial, trial.id, args),
      },
      TrialSiteConnection,
    ),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When the trial was created. Needs view_trials on the trial.",
    }),
    updatedAt: t.expose("updatedAt", {
      type: "DateTime",
      description: "When its details last changed. Needs view_trials on the trial.",
    }),
  }),
});

/** How to reach a member of a trial site's staff: what a participant needs, nothing of their account. */
interface StaffContact {
  trialSiteId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
}

const StaffContactRef = builder.objectRef<StaffContact>("StaffContact").implement({
  description: "How to reach a member of a trial site's staff (a coordinator): their name, e-mail and phone.",
  fields: (t) => ({
    firstName: t.exposeString("firstName", { description: "Their first name." }),
    lastName: t.exposeString("lastName", { description: "Their last name." }),
    email: t.exposeString("email", { description: "Their work e-mail address." }),
    phone: t.exposeString("phone", { nullable: true, description: "Their phone number, if they gave one." }),
  }),
});

/** The Site Coordinator role, whose holders on a trial site (or its site) are its participants' contacts. */
const COORDINATOR_ROLE = "Site Coordinator";

TrialSiteRef.implement({
  description: "A site taking part in a trial: where participants are enrolled and paid.",
  fields: (t) => ({
    uid: t.exposeString("id", {
      description: "The raw identifier, for display and support only: inputs take `id`, never this.",
    }),
    trial: t.field({ type: TrialRef, description: "The trial.", resolve: (trialSite) => trialSite.trialId }),
    site: t.field({ type: SiteRef, description: "The site.", resolve: (trialSite) => trialSite.siteId }),
    coordinators: t.loadableList({
      type: StaffContactRef,
      description:
        "Whom its participants contact: the staff assigned the Site Coordinator role on this trial site or on its site, longest-serving first. Read by staff with view_trials or view_sites here and by the participants enrolled here (and their caregivers).",
      load: async (trialSiteIds: string[], ctx) => {
        const rows = await ctx.db
          .selectDistinctOn([trialSites.id, roleAssignments.userId], {
            trialSiteId: trialSites.id,
            firstName: users.firstName,
            lastName: users.lastName,
            email: users.email,
            phone: users.phone,
            assignedAt: roleAssignments.createdAt,
          })
          .from(trialSites)
          .innerJoin(
            roleAssignments,
            and(
              eq(roleAssignments.roleName, COORDINATOR_ROLE),
              or(
                eq(roleAssignments.trialSiteId, trialSites.id),
                eq(roleAssignments.siteId, trialSites.siteId),
              ),
            ),
          )
          .innerJoin(users, eq(users.id, roleAssignments.userId))
          .where(inArray(trialSites.id, trialSiteIds))
          .orderBy(trialSites.id, roleAssignments.userId, asc(roleAssignments.createdAt));
        rows.sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime());
        return groupBy(trialSiteIds, rows, (r) => r.trialSiteId);
      },
      resolve: (trialSite) => trialSite.id,
    }),
    createdAt: t.expose("createdAt", {
      type: "DateTime",
      description: "When the site joined the trial. Needs view_trials or view_sites there.",
    }),
  }),
});

addAuditHistory(TrialRef);
addAuditHistory(TrialSiteRef);

builder.objectField(ContractRef, "trials", (t) =>
  t.loadableList({
    type: TrialRef,
    description: "The contract's trials (those you may see), newest first.",
    load: async (contractIds: string[], ctx) => {
      const rows: Trial[] = await ctx.db
        .select()
        .from(trials)
        .where(and(inArray(trials.contractId, contractIds), await ctx.access.visibleSql("trial")))
        .orderBy(desc(trials.createdAt), desc(trials.id));
      return groupBy(contractIds, rows, (r) => r.contractId);
    },
    resolve: (contract) => contract.id,
  }),
);

builder.objectField(SiteRef, "trialSites", (t) =>
  t.connection(
    {
      type: TrialSiteRef,
      description: "The trials this site takes part in, as trial sites (those you may see), oldest first.",
      resolve: (site, args, ctx) => childrenPage(ctx.access, trialSitesOfSite, site.id, args),
    },
    TrialSiteConnection,
  ),
);
