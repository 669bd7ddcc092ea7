import { payments } from "../../db/schema/index.js";
import { enrollmentHeldSql, enrollmentsVisibleSql, seenEnrollmentsShow } from "../core/participant-access.js";
import { type ListPlan, planFields, planType } from "../core/read-plans.js";
import { PAYMENT_ORDERS, paymentsVisibleSql } from "./lists.js";
import type { Payment } from "./refs.js";

/* How payments are read when a whole query is answered by one statement (core/read-plans.ts). */

planType("Payment", {
  table: payments,
  visible: (ctx) => paymentsVisibleSql(ctx.access),
  fields: {
    id: { globalId: "Payment" },
    uid: { column: payments.id },
    status: { column: payments.status },
    kind: { column: payments.kind },
    createdAt: { column: payments.createdAt },
    amount: { money: { minor: payments.amountMinor, currency: payments.currency } },
  },
});

/** An enrollment's payments, newest first, as Enrollment.payments reads its first page without filters. */
const paymentsOfEnrollment: ListPlan = {
  table: payments,
  parent: payments.enrollmentId,
  parentOf: (payment: Payment) => payment.enrollmentId,
  ordering: PAYMENT_ORDERS.CREATED_AT_DESC,
  visible: paymentsVisibleSql,
  seenThrough: (ctx) => enrollmentHeldSql(ctx.access, "view_payments"),
  type: "Payment",
};

planFields("Enrollment", {
  payments: {
    list: paymentsOfEnrollment,
    // Enrollment.payments' rule (readsForEnrollment("view_payments")): view_payments on its trial site, or its own;
    // always met when every enrollment the viewer sees is at such a trial site or their own.
    guard: async (ctx) =>
      (await seenEnrollmentsShow(ctx.access, "view_payments"))
        ? undefined
        : enrollmentsVisibleSql(ctx.access, "view_payments"),
  },
});
