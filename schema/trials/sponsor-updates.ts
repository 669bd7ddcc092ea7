import { createHash } from "node:crypto";
import { and, eq, inArray, max } from "drizzle-orm";
import type { Database, Executor } from "../../db/connection.js";
import {
  type AuditChanges,
  apiClients,
  irbDocumentFiles,
  irbDocuments,
  recruitmentNotes,
  trialSiteRecruitment,
  trialSites,
  trials,
  users,
} from "../../db/schema/index.js";
import { type Actor, recordAudit } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import type { Context } from "../core/context.js";
import { notFound, onViolation, PG_FOREIGN_KEY_VIOLATION, parseInput } from "../core/errors.js";
import * as rules from "./inputs.js";
import { lockTrial } from "./trials.js";

/**
 * What sponsors push about their trials (seed 000), by staff or by their API clients: a trial site's recruitment
 * status, recruitment notes on it, and versions of a trial's IRB documents.
 */

/** Who wrote something: a person (the real user, after switch user) or an API client, never both. */
export interface Author {
  userId: string | null;
  apiClientId: string | null;
}

export const authorOf = (ctx: Context): Author => ({
  userId: ctx.machine ? null : (ctx.viewer?.realUserId ?? null),
  apiClientId: ctx.machine?.apiClientId ?? null,
});

/** An API client's change names it in the audit trail, where a person's is its actor. */
const byApiClient = (author: Author): AuditChanges =>
  author.apiClientId ? { apiClient: { from: null, to: author.apiClientId } } : {};

export type RecruitmentStatus = (typeof trialSiteRecruitment.$inferSelect)["status"];
export type RecruitmentState = typeof trialSiteRecruitment.$inferSelect;
export type RecruitmentNote = typeof recruitmentNotes.$inferSelect;
export type IrbDocument = typeof irbDocuments.$inferSelect;

/** The trial site, locked for a change; NOT_FOUND when it is gone. */
async function lockTrialSite(tx: Executor, trialSiteId: string) {
  const [trialSite] = await tx.select().from(trialSites).where(eq(trialSites.id, trialSiteId)).for("update");
  if (!trialSite) throw notFound("Trial site");
  return trialSite;
}

/** Sets a trial site's recruitment status (a trial site never set is not_started), recording who and when. */
export async function setRecruitmentStatus(
  tx: Executor,
  actor: Actor,
  author: Author,
  trialSiteId: string,
  input: unknown,
): Promise<RecruitmentState> {
  const { status } = parseInput(rules.recruitmentStatusChange, input);
  await lockTrialSite(tx, trialSiteId);
  const [before] = await tx
    .select()
    .from(trialSiteRecruitment)
    .where(eq(trialSiteRecruitment.trialSiteId, trialSiteId));
  if (before?.status === status) return before;
  const values = {
    status,
    changedByUserId: author.userId,
    changedByApiClientId: author.apiClientId,
    changedAt: new Date(),
  };
  const [state] = await tx
    .insert(trialSiteRecruitment)
    .values({ trialSiteId, ...values })
    .onConflictDoUpdate({ target: trialSiteRecruitment.trialSiteId, set: values })
    .returning();
  await recordAudit(tx, actor, {
    action: "set_recruitment_status",
    resourceType: "trialSite",
    resourceId: trialSiteId,
    changes: {
      recruitmentStatus: { from: before?.status ?? "not_started", to: status },
      ...byApiClient(author),
    },
  });
  return state!;
}

/** Appends a note to a trial site's recruitment notes. */
export async function addRecruitmentNote(
  tx: Executor,
  actor: Actor,
  author: Author,
  trialSiteId: string,
  input: unknown,
): Promise<RecruitmentNote> {
  const { text } = parseInput(rules.recruitmentNote, input);
  await lockTrialSite(tx, trialSiteId);
  const [note] = await tx
    .insert(recruitmentNotes)
    .values({ trialSiteId, text, authorUserId: author.userId, authorApiClientId: author.apiClientId })
    .returning();
  await recordAudit(tx, actor, {
    action: "add_recruitment_note",
    resourceType: "trialSite",
    resourceId: trialSiteId,
    changes: { recruitmentNote: { from: null, to: note!.id }, ...byApiClient(author) },
  });
  return note!;
}

/**
 * Stores a new version of a trial's IRB documents (a PDF): numbered one more than the trial's last, the earlier
 * ones kept. With `irbStatus`, the trial's IRB status changes with it. The trial is locked, so two uploads at
 * once get consecutive numbers.
 */
export async function uploadIrbDocument(
  tx: Executor,
  actor: Actor,
  author: Author,
  trialId: string,
  input: unknown,
): Promise<IrbDocument> {
  const file = parseInput(rules.irbDocument, input);
  const trial = await lockTrial(tx, trialId);
  const [last] = await tx
    .select({ version: max(irbDocuments.version) })
    .from(irbDocuments)
    .where(eq(irbDocuments.trialId, trialId));
  const version = (last?.version ?? 0) + 1;
  const [document] = await onViolation(
    () =>
      tx
        .insert(irbDocuments)
        .values({
          trialId,
          version,
          filename: file.filename,
          contentType: "application/pdf",
          sizeBytes: file.data.length,
          sha256: createHash("sha256").update(file.data).digest("hex"),
          irbStatus: file.irbStatus ?? null,
          uploadedByUserId: author.userId,
          uploadedByApiClientId: author.apiClientId,
        })
        .returning(),
    { code: PG_FOREIGN_KEY_VIOLATION, error: () => notFound("Trial") },
  );
  await tx.insert(irbDocumentFiles).values({ documentId: document!.id, data: file.data });
  const statusChanged = file.irbStatus != null && file.irbStatus !== trial.irbStatus;
  if (statusChanged) {
    await tx
      .update(trials)
      .set({ irbStatus: file.irbStatus!, updatedAt: new Date() })
      .where(eq(trials.id, trialId));
  }
  await recordAudit(tx, actor, {
    action: "upload_irb_document",
    resourceType: "trial",
    resourceId: trialId,
    changes: {
      irbDocument: {
        from: null,
        to: { id: document!.id, version, filename: file.filename, sha256: document!.sha256 },
      },
      ...(statusChanged ? { irbStatus: { from: trial.irbStatus, to: file.irbStatus ?? null } } : {}),
      ...byApiClient(author),
    },
  });
  return document!;
}

/** The recruitment state of each trial site set at least once, in one statement. */
export function recruitmentStates(db: Executor, trialSiteIds: readonly string[]) {
  return db
    .select()
    .from(trialSiteRecruitment)
    .where(inArray(trialSiteRecruitment.trialSiteId, [...trialSiteIds]));
}

/** The display names of authors, keyed "user:<id>" / "apiClient:<id>", in at most two statements. */
export async function authorNames(db: Executor, keys: readonly string[]): Promise<(string | null)[]> {
  const ids = (kind: string) =>
    keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
  const [people, machines] = await Promise.all([
    ids("user").length
      ? db
          .select({ id: users.id, first: users.firstName, last: users.lastName })
          .from(users)
          .where(inArray(users.id, ids("user")))
      : [],
    ids("apiClient").length
      ? db
          .select({ id: apiClients.id, name: apiClients.name })
          .from(apiClients)
          .where(inArray(apiClients.id, ids("apiClient")))
      : [],
  ]);
  const names = new Map<string, string>([
    ...people.map((p) => [`user:${p.id}`, `${p.first} ${p.last}`] as const),
    ...machines.map((m) => [`apiClient:${m.id}`, m.name] as const),
  ]);
  return keys.map((key) => names.get(key) ?? null);
}

/** Where an IRB document version is downloaded (server/app.ts serves it with downloadIrbDocument). */
export const irbDocumentPath = (documentId: string) => `/files/irb-documents/${documentId}`;

/**
 * An IRB document version with its bytes, for a viewer holding view_trials on its trial; null otherwise (or when
 * there is no such document), so a refused download tells nothing.
 */
export async function downloadIrbDocument(db: Database, access: Access, documentId: string) {
  if (!/^[A-Za-z0-9]{1,64}$/.test(documentId)) return null;
  const [info] = await db
    .select({ trialId: irbDocuments.trialId })
    .from(irbDocuments)
    .where(eq(irbDocuments.id, documentId));
  if (!info || !(await access.holds("view_trials", { type: "trial", id: info.trialId }))) return null;
  const [document] = await db
    .select({
      filename: irbDocuments.filename,
      contentType: irbDocuments.contentType,
      sha256: irbDocuments.sha256,
      data: irbDocumentFiles.data,
    })
    .from(irbDocuments)
    .innerJoin(irbDocumentFiles, eq(irbDocumentFiles.documentId, irbDocuments.id))
    .where(and(eq(irbDocuments.id, documentId), eq(irbDocuments.trialId, info.trialId)));
  return document ?? null;
}

/** The trial of a trial site, or null when there is none. */
export async function trialOfTrialSite(db: Executor, trialSiteId: string): Promise<string | null> {
  const [row] = await db
    .select({ trialId: trialSites.trialId })
    .from(trialSites)
    .where(eq(trialSites.id, trialSiteId));
  return row?.trialId ?? null;
}
