import { builder } from "../core/builder.js";
import { taxThresholdList } from "./settings.js";
import { TaxThresholdRef } from "./types.js";

builder.queryFields((t) => ({
  taxThresholds: t.field({
    type: [TaxThresholdRef],
    description: "The configured income reporting thresholds, newest tax year first (at most 500).",
    args: {
      taxYear: t.arg.int({ required: false, description: "Only this tax year's." }),
    },
    resolve: (_root, args, ctx) => taxThresholdList(ctx.db, args.taxYear),
  }),
}));
