import { inArray } from "drizzle-orm";
import { trialSites, trials } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";

export type Trial = typeof trials.$inferSelect;
export type TrialSite = typeof trialSites.$inferSelect;

/** Trials and trial sites, loadable by id in batches; their fields are added in ./types.ts. */
export const TrialRef = builder.loadableNodeRef<Trial>("Trial", {
  id: { resolve: (trial) => trial.id },
  load: (ids: string[], ctx) => ctx.db.select().from(trials).where(inArray(trials.id, ids)),
  sort: (trial) => trial.id,
});

export const TrialSiteRef = builder.loadableNodeRef<TrialSite>("TrialSite", {
  id: { resolve: (trialSite) => trialSite.id },
  load: (ids: string[], ctx) => ctx.db.select().from(trialSites).where(inArray(trialSites.id, ids)),
  sort: (trialSite) => trialSite.id,
});
