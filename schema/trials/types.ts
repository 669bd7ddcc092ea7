import { and, asc, desc, inArray, type SQL } from "drizzle-orm";
import { trialSites, trials } from "../../db/schema/index.js";
import { addAuditHistory } from "../audit/types.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { byCreation, type Children, childrenPage } from "../core/pagination.js";
import { ContractRef, SiteRef } from "../organizations/refs.js";
import { type Trial, TrialRef, type TrialSite, TrialSiteRef } from "./refs.js";

export const TrialStatusEnum = builder.enumType("TrialStatus", {
  description: "Where a trial is in its life: draft → live ⇄ paused → closed.",
  values: {
    DRAFT: { value: "draft", description: "Being set up; no one can be enrolled yet." },
    LIVE: { value: "live" },
    PAUSED: { value: "paused" },
    CLOSED: { value: "closed", description: "Finished; it cannot be reopened." },
  } as const,
});

export const TrialPhaseEnum = builder.enumType("TrialPhase", {
  values: {
    EARLY_PHASE_1: { value: "early_phase_1" },
    PHASE_1: { value: "phase_1" },
    PHASE_1_2: { value: "phase_1_2" },
    PHASE_2: { value: "phase_2" },
    PHASE_2_3: { value: "phase_2_3" },
    PHASE_3: { value: "phase_3" },
    PHASE_4: { value: "phase_4" },
    NOT_APPLICABLE: { value: "not_applicable" },
  } as const,
});

export const IrbStatusEnum = builder.enumType("IrbStatus", {
  description: "The trial's standing with its Institutional Review Board.",
  values: {
    NOT_SUBMITTED: { value: "not_submitted" },
    SUBMITTED: { value: "submitted" },
    APPROVED: { value: "approved" },
    REJECTED: { value: "rejected" },
    EXPIRED: { value: "expired" },
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
const TrialSiteConnection = builder.connectionObject({
  type: TrialSiteRef,
  name: "TrialSiteConnection",
  description: "A page of trial sites, oldest first, with the number in the whole list.",
});

/** A trial's trial sites and a site's, as connections: those the viewer may see, oldest first. */
const trialSitesOf = (parent: typeof trialSites.trialId | typeof trialSites.siteId): Children<TrialSite> => ({
  table: trialSites,
  parent,
  parentOf: (row) => (parent === trialSites.trialId ? row.trialId : row.siteId),
  ordering: { name: "CREATED_AT_ASC", direction: "asc", keys: byCreation(trialSites) },
  visible: (access) => access.visibleSql("trialSite"),
});
const trialSitesOfTrial = trialSitesOf(trialSites.trialId);
const trialSitesOfSite = trialSitesOf(trialSites.siteId);

TrialRef.implement({
  description: "A clinical trial run under a client's contract.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    name: t.exposeString("name"),
    protocolId: t.exposeString("protocolId", { description: "The protocol identifier; unique." }),
    status: t.expose("status", { type: TrialStatusEnum }),
    phase: t.expose("phase", { type: TrialPhaseEnum, nullable: true }),
    irbStatus: t.expose("irbStatus", { type: IrbStatusEnum }),
    sandbox: t.exposeBoolean("sandbox", {
      description:
        "Whether this is a sandbox trial (demo or test data): the only trials sandbox API credentials reach.",
    }),
    contract: t.field({ type: ContractRef, resolve: (trial) => trial.contractId }),
    trialSites: t.connection(
      {
        type: TrialSiteRef,
        description:
          "The sites taking part (those you may see), oldest first. First pages of many trials load together.",
        resolve: (trial, args, ctx) => childrenPage(ctx.access, trialSitesOfTrial, trial.id, args),
      },
      TrialSiteConnection,
    ),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

TrialSiteRef.implement({
  description: "A site taking part in a trial: where participants are enrolled and paid.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The raw identifier, as the spec's uids." }),
    trial: t.field({ type: TrialRef, resolve: (trialSite) => trialSite.trialId }),
    site: t.field({ type: SiteRef, resolve: (trialSite) => trialSite.siteId }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
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
      description:
        "The trials this site takes part in, as trial sites (those you may see), oldest first. First pages of many sites load together.",
      resolve: (site, args, ctx) => childrenPage(ctx.access, trialSitesOfSite, site.id, args),
    },
    TrialSiteConnection,
  ),
);
