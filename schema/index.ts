import { type GraphQLSchema, isObjectType, lexicographicSortSchema } from "graphql";
import { applyMiddleware } from "graphql-middleware";
import { allow, deny, type IRules } from "graphql-shield";
import { builder } from "./core/builder.js";
import { forbidden } from "./core/errors.js";
import { idempotentMutations } from "./core/idempotency.js";
import "./accounts/types.js";
import "./accounts/queries.js";
import "./accounts/mutations.js";
import "./access/types.js";
import "./access/queries.js";
import "./access/mutations.js";
import { accessPermissions } from "./access/permissions.js";
import { accountsPermissions } from "./accounts/permissions.js";
import { apiaccessPermissions } from "./apiaccess/index.js";
import { appointmentsPermissions } from "./appointments/index.js";
import { CLOSED_TO_MACHINES } from "./core/machine.js";
import { checkReadPlans } from "./core/read-plans.js";
import { isPrincipal } from "./core/rules.js";
import { applyRules, isRule } from "./core/shield.js";
import { messagingPermissions } from "./messaging/index.js";
import { organizationsPermissions } from "./organizations/index.js";
import { participantsPermissions } from "./participants/index.js";
import { paymentsPermissions } from "./payments/index.js";
import { prescreeningPermissions } from "./prescreening/index.js";
import { ratingsPermissions } from "./ratings/index.js";
import { reportsPermissions } from "./reports/index.js";
import { taxPermissions } from "./tax/index.js";
import { trialsPermissions } from "./trials/index.js";

/** The Pothos schema as written, without the permission layer (codegen prints this one). */
export function buildPothosSchema(): GraphQLSchema {
  return lexicographicSortSchema(builder.toSchema());
}

/** node(id:) and nodes(ids:) need a session or an access token; each object's own rule then decides what may be read. */
const nodePermissions = { Query: { node: isPrincipal, nodes: isPrincipal } };

const areaPermissions = [
  nodePermissions,
  accountsPermissions,
  accessPermissions,
  organizationsPermissions,
  trialsPermissions,
  participantsPermissions,
  appointmentsPermissions,
  messagingPermissions,
  paymentsPermissions,
  ratingsPermissions,
  reportsPermissions,
  taxPermissions,
  apiaccessPermissions,
  prescreeningPermissions,
];

/**
 * Types that only carry other objects (connections, edges, page info, mutation payloads) hold no data of their
 * own: the field that returned them and the objects inside them are guarded instead.
 */
function structuralRules(schema: GraphQLSchema): IRules {
  const rules: Record<string, typeof allow> = { PageInfo: allow };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && /(Connection|Edge|Payload)$/.test(type.name)) rules[type.name] = allow;
  }
  return rules;
}

/**
 * Merges the areas' rule maps. A type-wide rule and field rules for the same type (say, one area guards Contract
 * and another adds Contract.trials) combine: the type-wide rule becomes the default ("*") for its other fields.
 * Two rules for the same field are a mistake and stop the server from starting.
 */
function mergeRules(...sets: IRules[]): IRules {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const set of sets) {
    for (const [type, rules] of Object.entries(set)) {
      const fields = (isRule(rules) ? { "*": rules } : rules) as Record<string, unknown>;
      merged[type] ??= {};
      for (const [field, rule] of Object.entries(fields)) {
        if (merged[type][field]) throw new Error(`Two permission rules for ${type}.${field}.`);
        merged[type][field] = rule;
      }
    }
  }
  return merged as IRules;
}

/** The mutations that move money: each honours an Idempotency-Key (core/idempotency.ts), one per request. */
export const MONEY_MUTATIONS = [
  "addFunding",
  "approvePayment",
  "claimPayments",
  "payMileage",
  "payMilestone",
  "payMilestones",
  "rejectPayment",
  "requestReimbursement",
];

/**
 * The executable schema: Pothos types under graphql-shield, closed wherever no rule says otherwise; money
 * mutations, once allowed, run under their Idempotency-Key.
 */
export function buildSchema(): GraphQLSchema {
  const pothos = buildPothosSchema();
  // The rules go outermost: a refused mutation claims no Idempotency-Key.
  const schema = applyMiddleware(pothos, idempotentMutations(MONEY_MUTATIONS));
  const guarded = applyRules(schema, mergeRules(structuralRules(schema), ...areaPermissions), {
    fallbackRule: deny,
    fallbackError: () => forbidden("This field is closed."),
    machines: {
      isMachine: (ctx) => (ctx as { machine?: unknown }).machine != null,
      closedTypes: CLOSED_TO_MACHINES,
      refusal: (type, field) => forbidden(`API clients cannot use ${type}.${field}.`),
    },
  });
  checkReadPlans(guarded);
  return guarded;
}
