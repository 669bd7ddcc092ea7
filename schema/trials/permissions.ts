import { allow } from "graphql-shield";
import {
  and,
  canSee,
  chain,
  holds,
  holdsIfGiven,
  isPrincipal,
  type Permissions,
  readsWith,
  readsWithOn,
  seesArgument,
} from "../core/rules.js";
import { pushes } from "./pushers.js";

const viewTrials = readsWith("view_trials", "trial");
const viewTrialSites = readsWith(["view_trials", "view_sites"], "trialSite");

/** Who may use each trials field. Fields not listed here are closed (the shield's fallback is deny). */
export const trialsPermissions = {
  Query: {
    trials: isPrincipal, // lists only the trials the viewer may see
    trial: seesArgument("Trial", (a) => a.id),
    trialSites: seesArgument("Trial", (a) => a.trialId), // lists only the trial sites the viewer may see
    trialSite: seesArgument("TrialSite", (a) => a.id),
  },
  Mutation: {
    createTrial: holds("create_trial", "Contract", (a) => a.input.contractId),
    editTrial: holds("edit_trial", "Trial", (a) => a.input.trialId),
    deleteTrial: holds("delete_trial", "Trial", (a) => a.input.trialId),
    createSite: chain(
      holds("create_site", "Client", (a) => a.input.clientId),
      holdsIfGiven("add_trial_site", "Trial", (a) => a.input.trialId),
    ),
    addTrialSite: and(
      holds("add_trial_site", "Trial", (a) => a.input.trialId),
      seesArgument("Site", (a) => a.input.siteId),
    ),
    setTrialSiteRecruitmentStatus: pushes(
      "sites:write",
      "add_trial_site",
      "TrialSite",
      (a) => a.input.trialSiteId,
    ),
    addRecruitmentNote: pushes("sites:write", "add_trial_site", "TrialSite", (a) => a.input.trialSiteId),
    uploadIrbDocument: pushes("sites:write", "edit_trial", "Trial", (a) => a.input.trialId),
  },
  // Whoever sees a trial or trial site (participants too, where they take part) reads its identity and place
  // (the "*" rule: id, uid, name, status, parent and child links); the rest needs view_trials (or, on a trial
  // site, view_sites) there (DESIGN §3, docs/field-access.md).
  Trial: {
    "*": canSee("trial"),
    auditHistory: viewTrials,
    createdAt: viewTrials,
    irbDocuments: viewTrials,
    irbStatus: viewTrials,
    phase: viewTrials,
    protocolId: viewTrials,
    runway: readsWithOn<{ id: string; contractId: string }>(
      "view_contract",
      "contract",
      (t) => t.contractId,
      "trial",
    ),
    sandbox: viewTrials,
    updatedAt: viewTrials,
  },
  TrialSite: {
    "*": canSee("trialSite"),
    auditHistory: viewTrialSites,
    coordinators: readsWith(["view_trials", "view_sites"], "trialSite", { participants: true }),
    createdAt: viewTrialSites,
    recruitmentStatus: viewTrialSites,
    recruitmentNotes: viewTrialSites,
  },
  // Reached only through the TrialSite and Trial fields above, guarded there.
  TrialSiteRecruitmentStatus: allow,
  RecruitmentNote: allow,
  IrbDocument: allow,
  ChangeAuthor: allow,
  StaffContact: allow, // reached only through TrialSite.coordinators, guarded above
} satisfies Permissions;
