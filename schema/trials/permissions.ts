import { and, chain } from "graphql-shield";
import { canSee, holds, holdsIfGiven, isAuthenticated, seesArgument } from "../core/rules.js";

/** Who may use each trials field. Fields not listed here are closed (the shield's fallback is deny). */
export const trialsPermissions = {
  Query: {
    trials: isAuthenticated, // lists only the trials the viewer may see
    trial: seesArgument("Trial", "id"),
    trialSites: seesArgument("Trial", "trialId"), // lists only the trial sites the viewer may see
    trialSite: seesArgument("TrialSite", "id"),
  },
  Mutation: {
    createTrial: holds("create_trial", "Contract", "input.contractId"),
    editTrial: holds("edit_trial", "Trial", "input.trialId"),
    deleteTrial: holds("delete_trial", "Trial", "input.trialId"),
    createSite: chain(
      holds("create_site", "Client", "input.clientId"),
      holdsIfGiven("add_trial_site", "Trial", "input.trialId"),
    ),
    addTrialSite: and(
      holds("add_trial_site", "Trial", "input.trialId"),
      seesArgument("Site", "input.siteId"),
    ),
  },
  Trial: canSee("trial"),
  TrialSite: canSee("trialSite"),
};
