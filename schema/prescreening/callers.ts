import type { Context } from "../core/context.js";
import { unauthenticated } from "../core/errors.js";

/**
 * Who runs a candidate operation: the owner its candidates are filed under (their candidate ids are theirs alone)
 * and the trials it may pre-screen for. Staff holding manage_prescreening on a trial may run them (for testing a
 * questionnaire); partners do so through their API credentials.
 */
export interface CandidateCaller {
  owner: string;
  mayUseTrial: (trialId: string) => Promise<boolean>;
}

/** The caller of a candidate operation; UNAUTHENTICATED without one. */
export function candidateCaller(ctx: Context): CandidateCaller {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  return {
    owner: `user:${viewer.userId}`,
    mayUseTrial: (trialId) => ctx.access.holds("manage_prescreening", { type: "trial", id: trialId }),
  };
}
