import { eq } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { sites, trialSites } from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import { DomainError, notFound, onViolation, PG_UNIQUE_VIOLATION } from "../core/errors.js";
import type { TrialSite } from "./refs.js";
import { lockTrial } from "./trials.js";

/**
 * Adds a site to a trial (the spec's add_trial_site). A site may run trials for several clients and sponsors at
 * once, so it need not belong to the trial's client. A closed trial takes no new sites; a site joins a trial
 * once (CONFLICT otherwise).
 */
export async function addTrialSite(
  tx: Executor,
  actor: Actor,
  input: { trialId: string; siteId: string },
): Promise<TrialSite> {
  // The trial row is locked so it cannot be closed or deleted while the site joins it.
  const trial = await lockTrial(tx, input.trialId, "share");
  const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, input.siteId)).for("share");
  if (!site) throw notFound("Site");
  if (trial.status === "closed") {
    throw new DomainError("CONFLICT", "The trial is closed, so no site can join it.");
  }
  const [trialSite] = await onViolation(
    () => tx.insert(trialSites).values({ trialId: trial.id, siteId: site.id }).returning(),
    {
      code: PG_UNIQUE_VIOLATION,
      constraint: "trial_sites_trial_site_key",
      error: () => new DomainError("CONFLICT", "This site already takes part in the trial."),
    },
  );
  await recordAudit(tx, actor, {
    action: "add_trial_site",
    resourceType: "trialSite",
    resourceId: trialSite!.id,
    changes: { trialId: { from: null, to: trial.id }, siteId: { from: null, to: site.id } },
  });
  return trialSite!;
}
