import type { Executor } from "../../db/connection.js";
import { candidateEvents } from "../../db/schema/index.js";

/** The steps of the pre-screening funnel, each an event with its time (never with PII). */
export type FunnelStep =
  | "started"
  | "answered"
  | "eligibility"
  | "details"
  | "consents"
  | "submitted"
  | "referred"
  | "enrolled"
  | "consent_withdrawn";

/** Records funnel events of one candidate, in the transaction of the step that caused them. */
export async function recordFunnel(
  tx: Executor,
  candidate: { id: string; trialId: string },
  ...steps: (readonly [FunnelStep, Record<string, unknown>])[]
) {
  if (!steps.length) return;
  await tx.insert(candidateEvents).values(
    steps.map(([kind, detail]) => ({
      candidateId: candidate.id,
      trialId: candidate.trialId,
      kind,
      detail,
    })),
  );
}
