import type { Context } from "../core/context.js";
import { unauthenticated } from "../core/errors.js";
import { machineMay } from "../core/machine.js";

/**
 * Who runs a candidate operation: the owner its candidates are filed under (their candidate ids are theirs alone,
 * and no one else reaches them) and the trials it may pre-screen for. A partner is an API client holding the
 * candidates:write scope, on the trials it reaches; staff holding manage_prescreening on a trial may run them
 * too (to try a questionnaire out).
 */
export interface CandidateCaller {
  owner: string;
  mayUseTrial: (trialId: string) => Promise<boolean>;
}

/** The owner a candidate created by this request's principal is filed under. */
export function ownerOf(ctx: Context): string | null {
  if (ctx.machine) return `apiClient:${ctx.machine.apiClientId}`;
  return ctx.viewer ? `user:${ctx.viewer.userId}` : null;
}

/** The caller of a candidate operation; UNAUTHENTICATED without one. */
export function candidateCaller(ctx: Context): CandidateCaller {
  const owner = ownerOf(ctx);
  if (!owner) throw unauthenticated();
  return {
    owner,
    mayUseTrial: ctx.machine
      ? (trialId) => machineMay(ctx, "candidates:write", trialId)
      : (trialId) => ctx.access.holds("manage_prescreening", { type: "trial", id: trialId }),
  };
}
