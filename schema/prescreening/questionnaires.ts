import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/connection.js";
import { questionnaires, questionnaireVersions, recruitingSites, trialSites } from "../../db/schema/index.js";
import { type Actor, createdChanges, recordAudit } from "../core/audit.js";
import {
  conflict,
  DomainError,
  notFound,
  onViolation,
  PG_UNIQUE_VIOLATION,
  parseInput,
} from "../core/errors.js";
import { lockTrial } from "../trials/trials.js";
import { checkQuestionnaire, type QuestionnaireContent } from "./content.js";

export type Questionnaire = typeof questionnaires.$inferSelect;
export type QuestionnaireVersion = typeof questionnaireVersions.$inferSelect;
export type RecruitingSite = typeof recruitingSites.$inferSelect;

const studyId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, _ or -");

/** A version's stored document, as checked when it was saved. */
export const contentOf = (version: QuestionnaireVersion) => version.content as QuestionnaireContent;

/**
 * Saves a trial's questionnaire as its draft: the first save creates the questionnaire under its public study
 * id; later saves replace the draft, or start a new one (numbered after the last) when the last was published.
 * A published version never changes. The whole document is checked (conditions parsed, keys known) first.
 */
export async function saveQuestionnaireDraft(
  tx: Executor,
  actor: Actor,
  input: { trialId: string; studyId: string; content: unknown },
): Promise<QuestionnaireVersion> {
  const study = parseInput(studyId, input.studyId);
  const content = checkQuestionnaire(input.content);
  await lockTrial(tx, input.trialId, "share");
  const [existing] = await tx
    .select()
    .from(questionnaires)
    .where(eq(questionnaires.trialId, input.trialId))
    .for("update");
  const questionnaire =
    existing ??
    (await onViolation(
      async () =>
        (
          await tx.insert(questionnaires).values({ trialId: input.trialId, studyId: study }).returning()
        )[0]!,
      {
        code: PG_UNIQUE_VIOLATION,
        constraint: "questionnaires_study_id_unique",
        error: () =>
          new DomainError("CONFLICT", `The study id "${study}" is already used by another trial.`, {
            fields: [{ field: "studyId", message: "is already used" }],
          }),
      },
    ));
  if (questionnaire.studyId !== study) {
    throw conflict(
      `This trial's questionnaire has the study id "${questionnaire.studyId}"; it cannot change.`,
    );
  }
  const [last] = await tx
    .select()
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.questionnaireId, questionnaire.id))
    .orderBy(desc(questionnaireVersions.number))
    .limit(1);
  const [version] =
    last?.status === "draft"
      ? await tx
          .update(questionnaireVersions)
          .set({ content })
          .where(eq(questionnaireVersions.id, last.id))
          .returning()
      : await tx
          .insert(questionnaireVersions)
          .values({ questionnaireId: questionnaire.id, number: (last?.number ?? 0) + 1, content })
          .returning();
  await recordAudit(tx, actor, {
    action: "save_questionnaire_draft",
    resourceType: "questionnaireVersion",
    resourceId: version!.id,
    changes: createdChanges({ trialId: input.trialId, studyId: study, number: version!.number }),
  });
  return version!;
}

/** Publishes a trial's draft: it becomes the version new candidates start on, frozen. CONFLICT with no draft. */
export async function publishQuestionnaire(
  tx: Executor,
  actor: Actor,
  trialId: string,
): Promise<QuestionnaireVersion> {
  const [draft] = await tx
    .select({ id: questionnaireVersions.id })
    .from(questionnaireVersions)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
    .where(and(eq(questionnaires.trialId, trialId), eq(questionnaireVersions.status, "draft")))
    .for("update");
  if (!draft) throw conflict("This trial's questionnaire has no draft to publish: save one first.");
  const [version] = await tx
    .update(questionnaireVersions)
    .set({ status: "published", publishedAt: sql`now()`, publishedBy: actor.userId })
    .where(eq(questionnaireVersions.id, draft.id))
    .returning();
  await recordAudit(tx, actor, {
    action: "publish_questionnaire",
    resourceType: "questionnaireVersion",
    resourceId: version!.id,
    changes: { status: { from: "draft", to: "published" } },
  });
  return version!;
}

const recruiting = z.object({
  recruiting: z.boolean(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as US or SE")
    .nullish()
    .transform((v) => v ?? null),
  postalCodePrefix: z
    .string()
    .trim()
    .max(20)
    .nullish()
    .transform((v) => v || null),
});

/** Sets whether a trial site recruits candidates, and the country and postal-code prefix it recruits in. */
export async function setRecruitingSite(
  tx: Executor,
  actor: Actor,
  trialSiteId: string,
  input: z.input<typeof recruiting>,
): Promise<RecruitingSite> {
  const values = parseInput(recruiting, input);
  const [trialSite] = await tx
    .select({ id: trialSites.id })
    .from(trialSites)
    .where(eq(trialSites.id, trialSiteId));
  if (!trialSite) throw notFound("Trial site");
  const [row] = await tx
    .insert(recruitingSites)
    .values({ trialSiteId, ...values })
    .onConflictDoUpdate({ target: recruitingSites.trialSiteId, set: values })
    .returning();
  await recordAudit(tx, actor, {
    action: "set_recruiting_site",
    resourceType: "trialSite",
    resourceId: trialSiteId,
    changes: createdChanges(values),
  });
  return row!;
}

/** A questionnaire by its public study id, with its trial; null when there is none. */
export async function questionnaireByStudy(db: Executor, study: string): Promise<Questionnaire | null> {
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.studyId, study));
  return row ?? null;
}

/** The newest published version of a questionnaire, or null when none is published yet. */
export async function publishedVersion(
  db: Executor,
  questionnaireId: string,
): Promise<QuestionnaireVersion | null> {
  const [row] = await db
    .select()
    .from(questionnaireVersions)
    .where(
      and(
        eq(questionnaireVersions.questionnaireId, questionnaireId),
        eq(questionnaireVersions.status, "published"),
      ),
    )
    .orderBy(desc(questionnaireVersions.number))
    .limit(1);
  return row ?? null;
}
