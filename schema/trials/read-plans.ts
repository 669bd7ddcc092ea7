import { trialSites, trials } from "../../db/schema/index.js";
import { byCreation } from "../core/pagination.js";
import { trialsVisibleSql } from "../core/participant-access.js";
import { planRoot, planType } from "../core/read-plans.js";
import { trialSitesOfTrial } from "./types.js";

/* How trials and trial sites are read when a whole query is answered by one statement (core/read-plans.ts). */

planType("Trial", {
  table: trials,
  visible: (ctx) => trialsVisibleSql(ctx.access),
  fields: {
    id: { globalId: "Trial" },
    uid: { column: trials.id },
    name: { column: trials.name },
    status: { column: trials.status },
    trialSites: { list: trialSitesOfTrial },
  },
});
planRoot("trial", { type: "Trial", idArgument: "id" });

planType("TrialSite", {
  table: trialSites,
  visible: (ctx) => ctx.access.visibleSql("trialSite"),
  fields: {
    id: { globalId: "TrialSite" },
    uid: { column: trialSites.id },
    site: { object: "Site", id: trialSites.siteId },
    trial: { object: "Trial", id: trialSites.trialId },
  },
});

planRoot("trials", {
  list: {
    type: "Trial",
    table: trials,
    ordering: { name: "CREATED_AT_DESC", direction: "desc", keys: byCreation(trials) },
    visible: trialsVisibleSql,
  },
});
