import { and, eq, or, sql } from "drizzle-orm";
import { trialSites, trials } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { pageOfRows } from "../core/pagination.js";
import { trialsVisibleSql } from "../core/participant-access.js";
import { TrialRef, TrialSiteRef } from "./refs.js";
import { visibleTrialSites } from "./types.js";

/** An ILIKE pattern matching `search` anywhere, its wildcards taken literally; null for a blank search. */
function containing(search: string | null | undefined): string | null {
  const term = search?.trim();
  return term ? `%${term.replace(/[\\%_]/g, "\\$&")}%` : null;
}

builder.queryFields((t) => ({
  trials: t.connection(
    {
      type: TrialRef,
      description:
        "The trials you may see, newest first: for staff those their grants reach (on the trial, or above or below it), for a participant or caregiver those the participant is enrolled in.",
      args: {
        search: t.arg.string({
          required: false,
          description: "Text to find in the trial's name or protocol id, ignoring case.",
        }),
      },
      resolve: async (_root, args, ctx) => {
        const pattern = containing(args.search);
        const matches = pattern
          ? or(sql`${trials.name} ILIKE ${pattern}`, sql`${trials.protocolId} ILIKE ${pattern}`)
          : undefined;
        return pageOfRows(ctx.db, trials, and(await trialsVisibleSql(ctx.access), matches), args);
      },
    },
    { name: "TrialConnection", description: "A page of trials, with the number in the whole list." },
    { name: "TrialEdge", description: "A trial in a page of trials, with its cursor." },
  ),
  trial: t.field({
    type: TrialRef,
    description: "One trial; NOT_FOUND unless you may see it.",
    args: { id: t.arg.globalID({ for: TrialRef, description: "The trial's global id." }) },
    resolve: (_root, args) => args.id.id,
  }),
  trialSites: t.field({
    type: [TrialSiteRef],
    description:
      "The sites taking part in a trial that you may see, oldest first (Trial.trialSites pages them).",
    args: {
      trialId: t.arg.globalID({
        for: TrialRef,
        description: "The trial's global id; NOT_FOUND unless you may see it.",
      }),
    },
    resolve: (_root, args, ctx) => visibleTrialSites(ctx, eq(trialSites.trialId, args.trialId.id)),
  }),
  trialSite: t.field({
    type: TrialSiteRef,
    description: "One trial site; NOT_FOUND unless you may see it.",
    args: { id: t.arg.globalID({ for: TrialSiteRef, description: "The trial site's global id." }) },
    resolve: (_root, args) => args.id.id,
  }),
}));
