import DataLoader from "dataloader";
import { irbDocuments, recruitmentNotes } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { byCreation, type Children, childrenPage } from "../core/pagination.js";
import { perRequest } from "../core/request-cache.js";
import { TrialRef, TrialSiteRef } from "./refs.js";
import {
  authorNames,
  type IrbDocument,
  irbDocumentPath,
  type RecruitmentNote,
  type RecruitmentStatus,
  recruitmentStates,
} from "./sponsor-updates.js";
import { IrbStatusEnum } from "./types.js";

export const RecruitmentStatusEnum = builder.enumType("RecruitmentStatus", {
  description:
    "Where a site stands in recruiting for a trial, as its sponsor or site staff report it. Any status may follow any other.",
  values: {
    NOT_STARTED: { value: "not_started", description: "Not recruiting yet (every trial site starts here)." },
    RECRUITING: {
      value: "recruiting",
      description: "Recruiting: taking referrals and screening candidates.",
    },
    PAUSED: { value: "paused", description: "Recruiting is on hold for now." },
    CLOSED_TO_ENROLLMENT: {
      value: "closed_to_enrollment",
      description: "No new participants; those enrolled go on with their visits.",
    },
    COMPLETED: { value: "completed", description: "The site's part in the trial is over." },
  } as const,
});

const ChangeAuthorKindEnum = builder.enumType("ChangeAuthorKind", {
  description: "Who made a change: a person or an API client (a sponsor's system).",
  values: {
    PERSON: { value: "person", description: "A person, signed in." },
    API_CLIENT: { value: "apiClient", description: "An API client, with an access token." },
  } as const,
});

interface ChangeAuthor {
  kind: "person" | "apiClient";
  id: string | null;
}

const authorOfRow = (userId: string | null, apiClientId: string | null): ChangeAuthor =>
  apiClientId ? { kind: "apiClient", id: apiClientId } : { kind: "person", id: userId };

/** Authors' names, batched per request: one statement per kind for every author a request shows. */
const authorNameLoader = perRequest(
  (access) => new DataLoader<string, string | null>((keys) => authorNames(access.db, keys)),
);

const ChangeAuthorRef = builder.objectRef<ChangeAuthor>("ChangeAuthor").implement({
  description: "Who made a change: a person or an API client.",
  fields: (t) => ({
    kind: t.field({
      type: ChangeAuthorKindEnum,
      description: "A person or an API client.",
      resolve: (a) => a.kind,
    }),
    name: t.string({
      nullable: true,
      description:
        "The API client's name, or the person's full name. A person's name is shown to people only (null to API clients), and null once their account is gone.",
      resolve: (a, _args, ctx: Context) => {
        if (!a.id || (a.kind === "person" && ctx.machine)) return null;
        return authorNameLoader(ctx.access).load(`${a.kind === "person" ? "user" : "apiClient"}:${a.id}`);
      },
    }),
  }),
});

interface Recruitment {
  status: RecruitmentStatus;
  changedAt: Date | null;
  changedBy: ChangeAuthor | null;
}

const TrialSiteRecruitmentRef = builder.objectRef<Recruitment>("TrialSiteRecruitmentStatus").implement({
  description: "A trial site's recruitment status, and who set it when.",
  fields: (t) => ({
    status: t.field({ type: RecruitmentStatusEnum, description: "The status.", resolve: (r) => r.status }),
    changedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When it was last set; null while never set (NOT_STARTED).",
      resolve: (r) => r.changedAt,
    }),
    changedBy: t.field({
      type: ChangeAuthorRef,
      nullable: true,
      description: "Who last set it; null while never set.",
      resolve: (r) => r.changedBy,
    }),
  }),
});

const RecruitmentNoteRef = builder.objectRef<RecruitmentNote>("RecruitmentNote").implement({
  description: "A note on a trial site's recruitment. Notes are never changed once written.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The note's identifier." }),
    text: t.exposeString("text", { description: "What the note says (at most 4,000 characters)." }),
    author: t.field({
      type: ChangeAuthorRef,
      description: "Who wrote it.",
      resolve: (n) => authorOfRow(n.authorUserId, n.authorApiClientId),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was written." }),
  }),
});

export const IrbDocumentRef = builder.objectRef<IrbDocument>("IrbDocument").implement({
  description: "One version of a trial's IRB documents (a PDF). Versions are never changed or replaced.",
  fields: (t) => ({
    uid: t.exposeString("id", { description: "The version's identifier." }),
    version: t.exposeInt("version", {
      description: "Its number: 1 for the trial's first upload, then 2, 3, …",
    }),
    filename: t.exposeString("filename", { description: "The file's name as uploaded, e.g. approval.pdf." }),
    contentType: t.exposeString("contentType", { description: "Its media type: application/pdf." }),
    sizeBytes: t.exposeInt("sizeBytes", { description: "Its size in bytes." }),
    sha256: t.exposeString("sha256", { description: "Hex SHA-256 of the file, to check a download." }),
    irbStatus: t.field({
      type: IrbStatusEnum,
      nullable: true,
      description: "The trial's IRB status set with this upload, if one was.",
      resolve: (d) => d.irbStatus,
    }),
    uploadedBy: t.field({
      type: ChangeAuthorRef,
      description: "Who uploaded it.",
      resolve: (d) => authorOfRow(d.uploadedByUserId, d.uploadedByApiClientId),
    }),
    uploadedAt: t.expose("createdAt", { type: "DateTime", description: "When it was uploaded." }),
    downloadUrl: t.string({
      description:
        "Where to download it (relative to the API's origin), with `Authorization: Bearer` and your session or an API client's access token; needs view_trials on the trial (API clients: trials:read on a trial they reach).",
      resolve: (d) => irbDocumentPath(d.id),
    }),
  }),
});

/** Each trial site's recruitment state, batched per request (one statement for a page of trial sites). */
const recruitmentLoader = perRequest(
  (access) =>
    new DataLoader<string, Recruitment>(async (ids) => {
      const states = new Map((await recruitmentStates(access.db, ids)).map((s) => [s.trialSiteId, s]));
      return ids.map((id) => {
        const state = states.get(id);
        return state
          ? {
              status: state.status,
              changedAt: state.changedAt,
              changedBy: authorOfRow(state.changedByUserId, state.changedByApiClientId),
            }
          : { status: "not_started", changedAt: null, changedBy: null };
      });
    }),
);

/** A trial site's notes, newest first; whoever may read the field sees them all. */
const notesOfTrialSite: Children<RecruitmentNote> = {
  table: recruitmentNotes,
  parent: recruitmentNotes.trialSiteId,
  parentOf: (row) => row.trialSiteId,
  ordering: { name: "CREATED_AT_DESC", direction: "desc", keys: byCreation(recruitmentNotes) },
  visible: async () => undefined,
};

/** A trial's IRB document versions, newest version first. */
const irbDocumentsOfTrial: Children<IrbDocument> = {
  table: irbDocuments,
  parent: irbDocuments.trialId,
  parentOf: (row) => row.trialId,
  ordering: {
    name: "VERSION_DESC",
    direction: "desc",
    keys: [
      { sql: irbDocuments.version, type: "integer", of: (row) => String(row.version) },
      { sql: irbDocuments.id, type: "id", of: (row) => row.id },
    ],
  },
  visible: async () => undefined,
};

builder.objectFields(TrialSiteRef, (t) => ({
  recruitmentStatus: t.field({
    type: TrialSiteRecruitmentRef,
    description:
      "Its recruitment status, and who set it when. Needs view_trials or view_sites here (API clients: trials:read or sites:read).",
    resolve: (trialSite, _args, ctx) => recruitmentLoader(ctx.access).load(trialSite.id),
  }),
  recruitmentNotes: t.connection(
    {
      type: RecruitmentNoteRef,
      description:
        "Notes on its recruitment, newest first. Needs view_trials or view_sites here (API clients: trials:read or sites:read).",
      resolve: (trialSite, args, ctx) => childrenPage(ctx.access, notesOfTrialSite, trialSite.id, args),
    },
    { name: "RecruitmentNoteConnection", description: "A page of recruitment notes, newest first." },
    { name: "RecruitmentNoteEdge", description: "A recruitment note in a page, with its cursor." },
  ),
}));

builder.objectField(TrialRef, "irbDocuments", (t) =>
  t.connection(
    {
      type: IrbDocumentRef,
      description:
        "Every version of its IRB documents, newest version first. Needs view_trials on the trial (API clients: trials:read).",
      resolve: (trial, args, ctx) => childrenPage(ctx.access, irbDocumentsOfTrial, trial.id, args),
    },
    { name: "IrbDocumentConnection", description: "A page of IRB document versions, newest version first." },
    { name: "IrbDocumentEdge", description: "An IRB document version in a page, with its cursor." },
  ),
);

export { ChangeAuthorRef, RecruitmentNoteRef, TrialSiteRecruitmentRef };
