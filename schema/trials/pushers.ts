import type { Context } from "../core/context.js";
import { forbidden, notFound } from "../core/errors.js";
import { machineHolds, machineMay, type Scope } from "../core/machine.js";
import type { Permission } from "../core/permissions-list.js";
import { type Argument, forArgument } from "../core/rules.js";
import { openToMachines } from "../core/shield.js";
import { trialOfTrialSite } from "./sponsor-updates.js";

const RESOURCE = { Trial: "trial", TrialSite: "trialSite" } as const;

/**
 * A rule for what sponsors push about a trial or trial site (the global id `argument` reads): staff holding
 * `permission` there; an API client holding `scope` (else FORBIDDEN) on a trial within its reach (else NOT_FOUND,
 * as for anything it does not reach). Open to API clients, which the shield otherwise keeps from mutations.
 */
export const pushes = <Args>(
  scope: Scope,
  permission: Permission,
  typename: keyof typeof RESOURCE,
  argument: Argument<Args>,
) =>
  openToMachines(
    forArgument(typename, argument, async (ctx: Context, { id }) => {
      if (!ctx.machine) return ctx.access.require(permission, { type: RESOURCE[typename], id }, typename);
      if (!machineHolds(ctx, scope))
        throw forbidden(`This needs the ${scope} scope, which your access token does not hold.`);
      const trialId = typename === "Trial" ? id : await trialOfTrialSite(ctx.db, id);
      if (!trialId || !(await machineMay(ctx, scope, trialId)))
        throw notFound(typename === "Trial" ? "Trial" : "Trial site");
    }),
  );
