import { inArray, sql } from "drizzle-orm";
import { roleAssignments } from "../../db/schema/index.js";
import { UserRef } from "../accounts/types.js";
import { builder } from "../core/builder.js";

builder.objectField(UserRef, "roles", (t) =>
  t.loadableList({
    type: "String",
    description: "The names of the roles the user holds on any resource.",
    load: async (userIds: string[], ctx) => {
      const rows = await ctx.db
        .select({
          userId: roleAssignments.userId,
          roles: sql<
            string[]
          >`array_agg(DISTINCT ${roleAssignments.roleName} ORDER BY ${roleAssignments.roleName})`,
        })
        .from(roleAssignments)
        .where(inArray(roleAssignments.userId, userIds))
        .groupBy(roleAssignments.userId);
      const byUser = new Map(rows.map((r) => [r.userId, r.roles]));
      return userIds.map((id) => byUser.get(id) ?? []);
    },
    resolve: (user) => user.id,
  }),
);
