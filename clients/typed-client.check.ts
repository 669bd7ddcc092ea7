/**
 * Type-checked by `npm run typecheck`, never run: what an app's code gets from clients/typed. If codegen stopped
 * typing the answers (an `any`), an `@ts-expect-error` below would have no error to expect and the check fails.
 */
import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import { persistedRequest } from "./persisted.js";
import {
  ParticipantClaimPaymentsDocument,
  type ParticipantMyPaymentsDocument,
  type PaymentStatus,
} from "./typed/graphql.js";

type MyPayments = ResultOf<typeof ParticipantMyPaymentsDocument>;

/** A payments screen's rows, read from the typed answer. */
export const paymentRows = (data: MyPayments) =>
  data.payments.nodes.map((payment) => ({
    key: payment.id,
    label: `${payment.milestoneName ?? payment.kind}: ${payment.amount.formatted}`,
    claimable: payment.status === "UNCLAIMED",
  }));

/** Never called: each line must fail to type-check, or `npm run typecheck` fails on its unused directive. */
export function misuses(data: MyPayments) {
  // @ts-expect-error an amount is a decimal string, never a number
  const amount: number = data.payments.nodes[0]!.amount.amount;
  // @ts-expect-error a status is one of the schema's PaymentStatus values
  const status: PaymentStatus = "PAYED";
  // @ts-expect-error claimPayments names the participant
  const variables: VariablesOf<typeof ParticipantClaimPaymentsDocument> = { input: {} };
  return [amount, status, variables];
}

export const claimAll = (participantId: string) =>
  persistedRequest(ParticipantClaimPaymentsDocument, { input: { participantId } });
