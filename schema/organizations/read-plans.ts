import { sites } from "../../db/schema/index.js";
import { planType } from "../core/read-plans.js";

/* How sites are read when a whole query is answered by one statement (core/read-plans.ts). */

planType("Site", {
  table: sites,
  visible: (ctx) => ctx.access.visibleSql("site"),
  fields: {
    id: { globalId: "Site" },
    uid: { column: sites.id },
    name: { column: sites.name },
  },
});
