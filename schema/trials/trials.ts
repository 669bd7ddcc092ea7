import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { contracts, enrollments, irbStatus, trialPhase, trialStatus, trials } from "../../db/schema/index.js";
import { type Actor, changesBetween, createdChanges, recordAudit } from "../core/audit.js";
import {
  badInput,
  DomainError,
  notFound,
  onViolation,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  parseInput,
} from "../core/errors.js";
import { encodeGlobalId } from "../core/ids.js";
import { emitWebhookEvent } from "../core/webhooks.js";
import type { Trial } from "./refs.js";

export type TrialStatus = (typeof trialStatus.enumValues)[number];
export type TrialPhase = (typeof trialPhase.enumValues)[number];
export type IrbStatus = (typeof irbStatus.enumValues)[number];

/** The status changes a trial may make: draft → live ⇄ paused → closed, and nothing out of closed. */
export const STATUS_TRANSITIONS: Record<TrialStatus, readonly TrialStatus[]> = {
  draft: ["live"],
  live: ["paused", "closed"],
  paused: ["live", "closed"],
  closed: [],
};

/** A new trial starts in draft, or live when it is ready at once. */
const INITIAL_STATUSES: readonly TrialStatus[] = ["draft", "live"];

const name = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");
const protocolId = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

const newTrial = z.object({
  contractId: z.string().min(1),
  name,
  protocolId,
  status: z
    .enum(trialStatus.enumValues)
    .nullish()
    .refine((s) => !s || INITIAL_STATUSES.includes(s), "a new trial starts as DRAFT or LIVE"),
  phase: z.enum(trialPhase.enumValues).nullish(),
  irbStatus: z.enum(irbStatus.enumValues).nullish(),
  sandbox: z.boolean().nullish(),
});

const trialPatch = z.object({
  name: name.optional(),
  protocolId: protocolId.optional(),
  status: z.enum(trialStatus.enumValues).optional(),
  phase: z.enum(trialPhase.enumValues).nullable().optional(),
  irbStatus: z.enum(irbStatus.enumValues).optional(),
});

export type NewTrial = z.input<typeof newTrial>;
export type TrialPatch = z.input<typeof trialPatch>;

const protocolTaken = (protocol: string) =>
  new DomainError("CONFLICT", `Another trial already has the protocol id "${protocol}".`, {
    fields: [{ field: "protocolId", message: "is already used by another trial" }],
  });

/** Runs `work`, turning a duplicate protocol id (unique key) into CONFLICT. */
const guardProtocolUnique = <T>(protocol: string | undefined, work: () => Promise<T>) =>
  onViolation(work, {
    code: PG_UNIQUE_VIOLATION,
    constraint: "trials_protocolId_unique",
    error: () => protocolTaken(protocol ?? ""),
  });

/**
 * The trial's row, locked for the rest of the transaction: "update" to change it, "share" to keep it from being
 * changed or deleted while something is added under it. NOT_FOUND when it is gone.
 */
export async function lockTrial(
  tx: Executor,
  trialId: string,
  strength: "update" | "share" = "update",
): Promise<Trial> {
  const [trial] = await tx.select().from(trials).where(eq(trials.id, trialId)).for(strength);
  if (!trial) throw notFound("Trial");
  return trial;
}

/** The audited fields of a trial. */
const audited = (trial: Trial) => ({
  contractId: trial.contractId,
  name: trial.name,
  protocolId: trial.protocolId,
  status: trial.status,
  phase: trial.phase,
  irbStatus: trial.irbStatus,
});

/** Creates a trial under a contract (the spec's create_trial). Protocol ids are unique: CONFLICT otherwise. */
export async function createTrial(tx: Executor, actor: Actor, input: NewTrial): Promise<Trial> {
  const values = parseInput(newTrial, input);
  const [contract] = await tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.id, values.contractId))
    .for("share");
  if (!contract) throw notFound("Contract");
  return guardProtocolUnique(values.protocolId, async () => {
    const [trial] = await tx
      .insert(trials)
      .values({
        contractId: contract.id,
        name: values.name,
        protocolId: values.protocolId,
        status: values.status ?? "draft",
        phase: values.phase ?? null,
        irbStatus: values.irbStatus ?? "not_submitted",
        sandbox: values.sandbox ?? false,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: "create_trial",
      resourceType: "trial",
      resourceId: trial!.id,
      changes: createdChanges(audited(trial!)),
    });
    return trial!;
  });
}

/**
 * Changes a trial's details (the spec's edit_trial). Status moves only along STATUS_TRANSITIONS; a closed trial
 * stays closed.
 */
export async function editTrial(
  tx: Executor,
  actor: Actor,
  trialId: string,
  patch: TrialPatch,
): Promise<Trial> {
  const values = parseInput(trialPatch, patch);
  const before = await lockTrial(tx, trialId);
  if (values.status && values.status !== before.status) {
    if (!STATUS_TRANSITIONS[before.status].includes(values.status)) {
      const allowed = STATUS_TRANSITIONS[before.status].map((s) => s.toUpperCase()).join(" or ");
      throw badInput([
        {
          field: "status",
          message: `a ${before.status.toUpperCase()} trial cannot become ${values.status.toUpperCase()}${
            allowed ? ` (only ${allowed})` : " (a closed trial stays closed)"
          }.`,
        },
      ]);
    }
  }
  const changes = changesBetween(audited(before), values);
  if (Object.keys(changes).length === 0) return before;
  return guardProtocolUnique(values.protocolId, async () => {
    const [trial] = await tx.update(trials).set(values).where(eq(trials.id, trialId)).returning();
    await recordAudit(tx, actor, {
      action: "edit_trial",
      resourceType: "trial",
      resourceId: trialId,
      changes,
    });
    if (values.status && values.status !== before.status)
      await emitWebhookEvent(tx, {
        type: "trial.status_changed",
        trialId,
        data: {
          trialId: encodeGlobalId("Trial", trialId),
          from: before.status.toUpperCase(),
          to: values.status.toUpperCase(),
          changedAt: new Date().toISOString(),
        },
      });
    return trial!;
  });
}

const stillEnrolled = () =>
  new DomainError(
    "CONFLICT",
    "This trial has enrolled participants, so it cannot be deleted. Close it instead (status CLOSED).",
  );

/**
 * Deletes a trial and its trial sites (the spec's delete_trial), only while no one was ever enrolled in it. An
 * enrollment made concurrently is caught by the enrollments' restricting foreign key.
 */
export async function deleteTrial(tx: Executor, actor: Actor, trialId: string): Promise<Trial> {
  const trial = await lockTrial(tx, trialId);
  const [enrolled] = await tx
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(eq(enrollments.trialId, trialId))
    .limit(1);
  if (enrolled) throw stillEnrolled();
  await onViolation(() => tx.delete(trials).where(eq(trials.id, trialId)), {
    code: PG_FOREIGN_KEY_VIOLATION,
    error: stillEnrolled,
  });
  await recordAudit(tx, actor, {
    action: "delete_trial",
    resourceType: "trial",
    resourceId: trialId,
    changes: Object.fromEntries(Object.entries(audited(trial)).map(([k, from]) => [k, { from, to: null }])),
  });
  return trial;
}
