import { builder } from "../core/builder.js";
import { inTransaction } from "../core/transaction.js";
import { MAX_DOCUMENT_BYTES } from "../organizations/inputs.js";
import { TrialRef, TrialSiteRef } from "./refs.js";
import { IrbDocumentRef, RecruitmentNoteRef, RecruitmentStatusEnum } from "./sponsor-types.js";
import { addRecruitmentNote, authorOf, setRecruitmentStatus, uploadIrbDocument } from "./sponsor-updates.js";
import { IrbStatusEnum } from "./types.js";

builder.relayMutationField(
  "setTrialSiteRecruitmentStatus",
  {
    description: "The trial site and its new recruitment status.",
    inputFields: (t) => ({
      trialSiteId: t.globalID({ for: TrialSiteRef, description: "The trial site's global id." }),
      status: t.field({ type: RecruitmentStatusEnum, description: "The new status." }),
    }),
  },
  {
    description:
      "Sets a trial site's recruitment status, recording who and when (and in the audit trail). Needs add_trial_site on the trial site (or its trial); an API client needs the sites:write scope and the trial within its reach.",
    resolve: async (_root, { input }, ctx) => {
      await inTransaction(ctx, (tx, actor) =>
        setRecruitmentStatus(tx, actor, authorOf(ctx), input.trialSiteId.id, { status: input.status }),
      );
      return { trialSiteId: input.trialSiteId.id };
    },
  },
  {
    description: "The trial site with its status.",
    outputFields: (t) => ({
      trialSite: t.field({
        type: TrialSiteRef,
        description: "The trial site.",
        resolve: (p) => p.trialSiteId,
      }),
    }),
  },
);

builder.relayMutationField(
  "addRecruitmentNote",
  {
    description: "The trial site and the note.",
    inputFields: (t) => ({
      trialSiteId: t.globalID({ for: TrialSiteRef, description: "The trial site's global id." }),
      text: t.string({ description: "The note: 1 to 4,000 characters." }),
    }),
  },
  {
    description:
      "Adds a note to a trial site's recruitment notes (notes are never changed or removed). Needs add_trial_site on the trial site (or its trial); an API client needs the sites:write scope and the trial within its reach.",
    resolve: async (_root, { input }, ctx) => {
      const note = await inTransaction(ctx, (tx, actor) =>
        addRecruitmentNote(tx, actor, authorOf(ctx), input.trialSiteId.id, { text: input.text }),
      );
      return { note, trialSiteId: input.trialSiteId.id };
    },
  },
  {
    description: "The note written.",
    outputFields: (t) => ({
      note: t.field({ type: RecruitmentNoteRef, description: "The note.", resolve: (p) => p.note }),
      trialSite: t.field({
        type: TrialSiteRef,
        description: "The trial site.",
        resolve: (p) => p.trialSiteId,
      }),
    }),
  },
);

builder.relayMutationField(
  "uploadIrbDocument",
  {
    description: "The trial, the PDF, and optionally the trial's new IRB status.",
    inputFields: (t) => ({
      trialId: t.globalID({ for: TrialRef, description: "The trial's global id." }),
      filename: t.string({ description: 'e.g. "irb-approval.pdf" (no slashes, at most 255 characters).' }),
      data: t.string({ description: `The PDF's bytes in base64, at most ${MAX_DOCUMENT_BYTES} bytes.` }),
      irbStatus: t.field({
        type: IrbStatusEnum,
        required: false,
        description:
          "The trial's IRB status from now on (e.g. APPROVED with an approval letter); unchanged if omitted.",
      }),
    }),
  },
  {
    description:
      "Stores a new version of the trial's IRB documents, numbered one more than its last; earlier versions are kept (Trial.irbDocuments). A file that is not a PDF, or too large, is BAD_USER_INPUT. Needs edit_trial on the trial; an API client needs the sites:write scope and the trial within its reach.",
    resolve: async (_root, { input: { trialId, ...input } }, ctx) => {
      const document = await inTransaction(ctx, (tx, actor) =>
        uploadIrbDocument(tx, actor, authorOf(ctx), trialId.id, input),
      );
      return { document, trialId: trialId.id };
    },
  },
  {
    description: "The version stored.",
    outputFields: (t) => ({
      document: t.field({
        type: IrbDocumentRef,
        description: "The new version.",
        resolve: (p) => p.document,
      }),
      trial: t.field({
        type: TrialRef,
        description: "The trial, with its IRB status as it now is.",
        resolve: (p) => p.trialId,
      }),
    }),
  },
);
