import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isIntrospectionType,
  isObjectType,
} from "graphql";
import { allow, deny, type IRules } from "graphql-shield";

/** Any graphql-shield rule, as run here (the package does not export the type). */
interface Rule {
  resolve(parent: unknown, args: unknown, ctx: object, info: unknown, options: object): Promise<unknown>;
}
type Resolver = GraphQLFieldResolver<unknown, object>;
type Decision = true | Error;

interface Options {
  /** The rule of every field no rule names (deny: closed by default). */
  fallbackRule: Rule;
  /** The answer when a rule says no without an error of its own. */
  fallbackError: () => Error;
  /** What API clients (machine principals) may never use, whatever their rules say. */
  machines?: MachineGate;
}

/**
 * The fence around machine principals, outside every rule: the fields of `closedTypes` (people's personal,
 * payout and health data) and every mutation and subscription not marked open (openToMachines) answer `refusal`
 * to them. Within the fence the rules decide; a rule refusing a machine for want of a user (UNAUTHENTICATED) is
 * answered `refusal` too, since the client did authenticate.
 */
export interface MachineGate {
  isMachine: (ctx: object) => boolean;
  closedTypes: ReadonlySet<string>;
  refusal: (type: string, field: string) => Error;
}

/** Root mutation and subscription rules an API client may pass (each decides by its scopes). */
const openRules = new WeakSet<object>();

/** Marks a mutation's or subscription's rule as one API clients may pass; the rule still decides. */
export function openToMachines<R extends object>(rule: R): R {
  openRules.add(rule);
  return rule;
}

/** A graphql-shield rule (as opposed to a map of field rules). */
export const isRule = (value: unknown): value is Rule =>
  typeof value === "object" && value !== null && "resolve" in value;

/**
 * Applies a graphql-shield rule tree to `schema`, in place, with graphql-shield's meaning (a rule per field, the
 * type's rule or "*" for the fields it does not name, `fallbackRule` for the rest; a rule's Error is the field's
 * answer, `false` answers `fallbackError`) but not its cost. graphql-shield wraps every field, plain scalars and
 * `allow` included, in a chain of async functions, so a 1,000-row dashboard pays tens of thousands of promises:
 *
 * - an `allow` field keeps its own resolver (a scalar stays synchronous);
 * - a type's rule is an **object rule**: it decides about the object, once per object and request, whatever
 *   field is read first; its other fields then resolve synchronously. An object rule must not depend on the field
 *   (it is given the first field's `info`);
 * - a field returning objects under an object rule (directly, in a list or as a connection's nodes) decides them
 *   all as soon as it has them, so their fields never wait one by one;
 * - any other field rule runs for its field, as graphql-shield runs it.
 */
export function applyRules(schema: GraphQLSchema, tree: IRules, options: Options): GraphQLSchema {
  const rules = tree as Record<string, Rule | Record<string, Rule>>;
  const objectRule = (type: GraphQLNamedType): Rule | undefined => {
    const set = rules[type.name];
    const rule = isRule(set) ? set : set?.["*"];
    return rule === allow || rule === deny ? undefined : rule;
  };
  const subscription = schema.getSubscriptionType();
  const writes = [schema.getMutationType(), subscription];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const set = rules[type.name];
    const typeRule = isRule(set) ? set : set?.["*"];
    for (const field of Object.values(type.getFields())) {
      const rule = (isRule(set) ? set : set?.[field.name]) ?? typeRule ?? options.fallbackRule;
      // A subscription's field answers with a stream, not objects: each event's objects are decided as read.
      const decidesReturned = type === subscription ? undefined : returnedObjects(field, objectRule);
      if (decidesReturned) wrap(field, (resolve) => deciding(resolve, decidesReturned, options));
      ruleKinds.set(
        field,
        rule === deny ? "deny" : rule === allow ? "allow" : rule === typeRule ? "object" : "field",
      );
      if (rule === deny) wrap(field, () => () => options.fallbackError());
      else if (rule === typeRule) wrap(field, (resolve) => guardedByObject(resolve, rule, options));
      else if (rule !== allow) wrap(field, (resolve) => guardedByField(resolve, rule, options));
      const gate = options.machines;
      const fenced = gate?.closedTypes.has(type.name) || (writes.includes(type) && !openRules.has(rule));
      if (gate && fenced) wrap(field, (resolve) => fencedFromMachines(resolve, gate, type.name, field.name));
    }
  }
  return schema;
}

/**
 * How each field is guarded: closed, open, by its type's object rule, or by a rule of its own. Read plans
 * (read-plans.ts) go by it: they decide objects in SQL, so a field with a rule of its own needs that rule's SQL form.
 */
export type RuleKind = "deny" | "allow" | "object" | "field";
const ruleKinds = new WeakMap<object, RuleKind>();
export const ruleKindOf = (field: GraphQLField<unknown, unknown>): RuleKind => ruleKinds.get(field) ?? "deny";

/**
 * Replaces the resolver graphql-shield's middleware would wrap: the field's own resolve, else its subscribe, else
 * the default resolver.
 */
function wrap(field: GraphQLField<unknown, object>, by: (resolve: Resolver) => Resolver) {
  if (field.resolve && field.resolve !== defaultFieldResolver) field.resolve = by(field.resolve);
  else if (field.subscribe) field.subscribe = by(field.subscribe);
  else field.resolve = by(defaultFieldResolver);
}

/** Per request (keyed by the request's Access): the objects of each type its SQL already decided visible. */
const shownBySql = new WeakMap<object, Map<string, WeakSet<object>>>();

/**
 * Records that `rows` were loaded by a statement whose WHERE is the SQL form of `type`'s object rule for this
 * viewer (a list's visibility), so the rule is decided for them: their fields resolve at once, without running
 * the rule again per object. Call it only where that SQL and the rule say the same.
 */
export function shownBy<T extends object>(access: object, type: string, rows: T[]): T[] {
  let byType = shownBySql.get(access);
  if (!byType) {
    byType = new Map();
    shownBySql.set(access, byType);
  }
  let shown = byType.get(type);
  if (!shown) {
    shown = new WeakSet();
    byType.set(type, shown);
  }
  for (const row of rows) shown.add(row);
  return rows;
}

const isShownBySql = (ctx: object, type: string, object: object) => {
  const access = (ctx as { access?: object }).access;
  return access !== undefined && shownBySql.get(access)?.get(type)?.has(object) === true;
};

/** A request's decisions: per object rule, the objects decided (or being decided). */
const decisionsOf = new WeakMap<object, Map<Rule, WeakMap<object, Decision | Promise<Decision>>>>();

function decisions(ctx: object, rule: Rule): WeakMap<object, Decision | Promise<Decision>> {
  const byRule = decisionsOf.get(ctx) ?? new Map();
  if (byRule.size === 0) decisionsOf.set(ctx, byRule);
  const decided = byRule.get(rule) ?? new WeakMap();
  if (!byRule.has(rule)) byRule.set(rule, decided);
  return decided;
}

/** Outside the field's rule: an API client is refused; anyone else goes on to the rule. */
function fencedFromMachines(resolve: Resolver, gate: MachineGate, type: string, field: string): Resolver {
  return (parent, args, ctx, info) =>
    gate.isMachine(ctx) ? gate.refusal(type, field) : resolve(parent, args, ctx, info);
}

/** Runs a rule as graphql-shield does: true goes on; false is the fallback error; an Error is the answer. */
async function run(
  rule: Rule,
  parent: unknown,
  args: Record<string, unknown>,
  ctx: object,
  info: Parameters<Resolver>[3],
  options: Options,
): Promise<Decision> {
  const answer = await rule.resolve(parent, args, ctx, info, { allowExternalErrors: true });
  if (answer === true) return true;
  const gate = options.machines;
  if (
    gate?.isMachine(ctx) &&
    (answer as { extensions?: { code?: unknown } })?.extensions?.code === "UNAUTHENTICATED"
  )
    return gate.refusal(info.parentType.name, info.fieldName);
  return answer instanceof Error ? answer : options.fallbackError();
}

/** The object's decision under its object rule: made once, shared by every field that asks. */
function decide(
  rule: Rule,
  type: string,
  object: object,
  ctx: object,
  info: Parameters<Resolver>[3],
  options: Options,
): Decision | Promise<Decision> {
  if (isShownBySql(ctx, type, object)) return true;
  const decided = decisions(ctx, rule);
  let decision = decided.get(object);
  if (decision === undefined) {
    const pending = run(rule, object, {}, ctx, info, options);
    decided.set(object, pending);
    // Once made, the decision is read synchronously; a failure stays with the fields that await it.
    pending.then(
      (made) => decided.set(object, made),
      () => undefined,
    );
    decision = pending;
  }
  return decision;
}

function guardedByObject(resolve: Resolver, rule: Rule, options: Options): Resolver {
  return (parent, args, ctx, info) => {
    const decision = decide(rule, info.parentType.name, parent as object, ctx, info, options);
    if (decision === true) return resolve(parent, args, ctx, info);
    if (decision instanceof Error) return decision;
    return decision.then((made) => (made === true ? resolve(parent, args, ctx, info) : made));
  };
}

function guardedByField(resolve: Resolver, rule: Rule, options: Options): Resolver {
  return async (parent, args, ctx, info) => {
    const decision = await run(rule, parent, args, ctx, info, options);
    return decision === true ? resolve(parent, args, ctx, info) : decision;
  };
}

/** Where a field's answer holds objects under an object rule: the objects themselves, or a connection's nodes. */
interface Returned {
  rule: Rule;
  type: string;
  viaEdges: boolean;
}

function returnedObjects(
  field: GraphQLField<unknown, object>,
  objectRule: (type: GraphQLNamedType) => Rule | undefined,
): Returned | undefined {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return undefined;
  const rule = objectRule(type);
  if (rule) return { rule, type: type.name, viaEdges: false };
  const edges = type.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  const nodeType = node && getNamedType(node.type);
  const nodeRule = nodeType && objectRule(nodeType);
  return nodeRule ? { rule: nodeRule, type: nodeType.name, viaEdges: true } : undefined;
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as Promise<unknown> | null)?.then === "function";

/** The objects a field answered: itself or its list's items, or its edges' nodes. */
function objectsIn(value: unknown, viaEdges: boolean): object[] {
  const found: object[] = [];
  if (!viaEdges) addObjects(value, found);
  else {
    const edges = (value as { edges?: unknown } | null)?.edges;
    if (Array.isArray(edges))
      for (const edge of edges) addObjects((edge as { node?: unknown } | null)?.node, found);
  }
  return found;
}

function addObjects(item: unknown, found: object[]) {
  if (Array.isArray(item)) for (const each of item) addObjects(each, found);
  else if (item !== null && typeof item === "object" && !(item instanceof Error) && !isPromise(item))
    found.push(item);
}

/** Decides, all at once, the objects a field returns; the field answers when they are decided. */
function deciding(resolve: Resolver, { rule, type, viaEdges }: Returned, options: Options): Resolver {
  const decideAll = (value: unknown, ctx: object, info: Parameters<Resolver>[3]) => {
    const pending: Promise<Decision>[] = [];
    for (const object of objectsIn(value, viaEdges)) {
      const decision = decide(rule, type, object, ctx, info, options);
      if (isPromise(decision)) pending.push(decision);
    }
    return pending.length === 0 ? value : Promise.all(pending).then(() => value);
  };
  return (parent, args, ctx, info) => {
    const value = resolve(parent, args, ctx, info);
    return isPromise(value) ? value.then((made) => decideAll(made, ctx, info)) : decideAll(value, ctx, info);
  };
}
