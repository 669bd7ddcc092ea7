import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.js";
import { milestones, milestoneVersions } from "../../db/schema/index.js";
import { builder } from "../core/builder.js";
import { MoneyRef } from "../core/money.js";
import { EnrollmentRef } from "./refs.js";

/** One line of a trial site's payment schedule, with the amount version in effect now. */
export interface PaymentScheduleLine {
  milestoneId: string;
  trialSiteId: string;
  name: string;
  sortOrder: number;
  repeatable: boolean;
  amountMinor: bigint;
  currency: string;
  effectiveAt: Date;
}

export const PaymentScheduleLineRef = builder
  .objectRef<PaymentScheduleLine>("PaymentScheduleLine")
  .implement({
    description:
      "A milestone of the enrollment's trial site (IRB-approved payment schedule) with the amount in effect now.",
    fields: (t) => ({
      id: t.globalID({
        description: "The milestone's id, which payMilestone takes as milestoneId.",
        resolve: (line) => ({ type: "PaymentScheduleLine", id: line.milestoneId }),
      }),
      uid: t.exposeString("milestoneId", {
        description:
          "The milestone's raw identifier, for display and support only: inputs take `id`, never this.",
      }),
      name: t.exposeString("name", { description: 'The milestone\'s name, e.g. "Week 1 visit".' }),
      sortOrder: t.exposeInt("sortOrder", { description: "Its place in the schedule (lower first)." }),
      repeatable: t.exposeBoolean("repeatable", { description: "Paid more than once per enrollment." }),
      amount: t.field({
        type: MoneyRef,
        description: "What the milestone pays now, in the contract's currency.",
        resolve: (line) => ({ amountMinor: line.amountMinor, currency: line.currency }),
      }),
      effectiveAt: t.expose("effectiveAt", {
        type: "DateTime",
        description: "Since when this amount applies (the latest version in effect now).",
      }),
    }),
  });

/**
 * The payment schedules of trial sites, in one statement: each milestone with its latest version whose
 * effective_at is not in the future. Milestones with no version in effect yet are left out.
 */
export async function scheduleOf(
  db: Executor,
  trialSiteIds: readonly string[],
): Promise<PaymentScheduleLine[][]> {
  const rows = (await db.execute(sql`
    SELECT m.id AS milestone_id, m.trial_site_id, m.name, m.sort_order, m.repeatable,
      v.amount_minor::text AS amount_minor, v.currency, v.effective_at
    FROM ${milestones} m
    JOIN LATERAL (
      SELECT mv.amount_minor, mv.currency, mv.effective_at FROM ${milestoneVersions} mv
      WHERE mv.milestone_id = m.id AND mv.effective_at <= now()
      ORDER BY mv.effective_at DESC LIMIT 1
    ) v ON true
    WHERE ${inArray(sql`m.trial_site_id`, [...trialSiteIds])}
    ORDER BY m.sort_order, m.name, m.id`)) as {
    milestone_id: string;
    trial_site_id: string;
    name: string;
    sort_order: number;
    repeatable: boolean;
    amount_minor: string;
    currency: string;
    effective_at: string | Date;
  }[];
  const grouped = new Map<string, PaymentScheduleLine[]>(trialSiteIds.map((id) => [id, []]));
  for (const r of rows) {
    grouped.get(r.trial_site_id)?.push({
      milestoneId: r.milestone_id,
      trialSiteId: r.trial_site_id,
      name: r.name,
      sortOrder: Number(r.sort_order),
      repeatable: r.repeatable,
      amountMinor: BigInt(r.amount_minor),
      currency: r.currency.trim(),
      effectiveAt: new Date(r.effective_at),
    });
  }
  return trialSiteIds.map((id) => grouped.get(id) ?? []);
}

builder.objectField(EnrollmentRef, "paymentSchedule", (t) =>
  t.loadableList({
    type: PaymentScheduleLineRef,
    description:
      "The payment schedule of the enrollment's trial site, in order, each with the amount in effect now.",
    load: (trialSiteIds: string[], ctx) => scheduleOf(ctx.db, trialSiteIds),
    resolve: (enrollment) => enrollment.trialSiteId,
  }),
);
