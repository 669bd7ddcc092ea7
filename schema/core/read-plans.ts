import { type Query, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLBoolean,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromAST,
} from "graphql";
import { buildStatement, sendBuilt } from "../../db/compiled.js";
import type { Context } from "./context.js";
import { decodeGlobalId } from "./ids.js";
import { minorDigits } from "./money.js";
import { type Children, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination.js";
import { ruleKindOf } from "./shield.js";

/*
 * Read plans: a query made only of fields that are plain reads of the database (a trial's dashboard: its trial
 * sites, their enrollments, participants and payments) is answered by ONE SQL statement that builds the whole
 * answer as JSON, the way PostGraphile compiles queries, instead of resolving tens of thousands of fields one by
 * one in Node. It is an optimisation only: every answer must equal what the resolvers give. So a plan is made
 * only when every field asked has a plan here, and is given up (the resolvers then answer) whenever anything
 * might differ:
 *
 * - lists keep the rows the viewer may see by the SQL form of their type's object rule, the same condition the
 *   resolvers' loaders use (they mark those rows decided with `shownBy`);
 * - a single object (a trial site's site, an enrollment's participant) the viewer may not see would be an error:
 *   the statement marks it and the plan is given up;
 * - a field with a rule of its own (not its type's object rule) is planned only with the SQL form of that rule
 *   (`guard`), and a refusal is marked the same way; a closed field is never planned;
 * - API clients (machine principals) never get plans: their fence and scopes stay with the resolvers.
 */

/** How a type's rows are read, and what each field of it is in SQL. */
export interface TypePlan {
  /** The table its rows come from, named as itself in the statement (so column references bind to it). */
  table: PgTable & { id: PgColumn };
  /** Joins after the table (a participant's user, for their name). */
  join?: SQL;
  /** The SQL form of the type's object rule for this viewer, as its lists use it; undefined: every row. */
  visible: (ctx: Context) => Promise<SQL | undefined>;
  fields: Record<string, FieldPlan>;
}

/** The SQL form of a field's own rule for this viewer (undefined: it always passes), if it has one. */
type Guard = (ctx: Context) => Promise<SQL | undefined>;

export type FieldPlan = (
  | { column: PgColumn }
  | { globalId: string }
  | {
      object: string;
      id: SQL | PgColumn;
      /**
       * A condition on the parent row that alone shows the object visible (it implies the object type's `visible`),
       * checked first: cheap where the full condition reads other tables (a participant through their enrollment).
       * The parent row is one the viewer sees (every row a plan reads passed its type's `visible`); `true` when
       * that alone shows the object, and nothing is checked.
       */
      seenThrough?: SeenThrough;
    }
  | { money: { minor: PgColumn; currency: PgColumn } }
  | { list: ListPlan }
) & { guard?: Guard };

/**
 * A connection under each parent row, read as its resolver reads its first page: the same Children (table, the
 * column naming the parent, default order, the rows the viewer may see) and the type of its rows.
 */
// biome-ignore lint/suspicious/noExplicitAny: a plan holds lists of every row type
export type ListPlan = Children<any> & {
  type: string;
  /** A condition on the parent row that alone shows every row of the list visible, checked first (as seenThrough). */
  seenThrough?: SeenThrough;
};

type SeenThrough = (ctx: Context) => Promise<SQL | true | undefined>;

/**
 * A root field: one object by its global id argument, or a connection of every row the viewer may see (its
 * resolver's visibility and order; `parent` is not used).
 */
type RootPlan = { type: string; idArgument: string } | { list: Omit<ListPlan, "parent" | "parentOf"> };

const types = new Map<string, TypePlan>();
const roots = new Map<string, RootPlan>();
const addedFields = new Map<string, Record<string, FieldPlan>>();

/** Registers how a type is read (each area, for its own types). */
export function planType(name: string, plan: TypePlan) {
  types.set(name, plan);
}

/** Registers planned fields an area adds to another area's type (as builder.objectField adds the fields). */
export function planFields(type: string, fields: Record<string, FieldPlan>) {
  addedFields.set(type, { ...addedFields.get(type), ...fields });
}

/**
 * Registers a root query field that reads one object of a planned type by id, or lists them. Its rule must ask no
 * more than a signed-in viewer who may see the object (isPrincipal, seesArgument): the plan checks just that.
 */
export function planRoot(field: string, plan: RootPlan) {
  roots.set(field, plan);
}

/**
 * Checks every registered plan against the schema, at start-up: each planned field exists with the type its plan
 * builds, and a column is planned only for a field that exposes that very column (t.expose), so a resolver that
 * comes to compute its value can never be bypassed by a stale plan. Throws on the first mismatch.
 */
export function checkReadPlans(schema: GraphQLSchema) {
  const fail = (where: string, why: string) => {
    throw new Error(`Read plan for ${where}: ${why}`);
  };
  const named = (field: GraphQLField<unknown, unknown>) => getNamedType(field.type).name;
  const nodeType = (field: GraphQLField<unknown, unknown>) => {
    const connection = getNamedType(field.type);
    const edges = isObjectType(connection) ? connection.getFields().edges : undefined;
    const edge = edges && getNamedType(edges.type);
    return edge && isObjectType(edge) ? edge.getFields().node && named(edge.getFields().node!) : undefined;
  };
  for (const [typeName, plan] of types) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) fail(typeName, "no such object type");
    const fields = { ...plan.fields, ...addedFields.get(typeName) };
    for (const [name, fieldPlan] of Object.entries(fields)) {
      const where = `${typeName}.${name}`;
      const field = (type as GraphQLObjectType).getFields()[name];
      if (!field) fail(where, "no such field");
      const f = field as GraphQLField<unknown, unknown>;
      if ("column" in fieldPlan && f.extensions?.pothosExposedField !== fieldPlan.column.name)
        fail(where, `the field does not expose the column ${fieldPlan.column.name}`);
      if ("globalId" in fieldPlan && (name !== "id" || fieldPlan.globalId !== typeName))
        fail(where, "not its id");
      if ("money" in fieldPlan && named(f) !== "Money") fail(where, "not Money");
      if ("object" in fieldPlan && named(f) !== fieldPlan.object) fail(where, `not a ${fieldPlan.object}`);
      if ("list" in fieldPlan && nodeType(f) !== fieldPlan.list.type)
        fail(where, `not a ${fieldPlan.list.type} connection`);
    }
  }
  for (const [name, root] of roots) {
    const field = schema.getQueryType()?.getFields()[name];
    const type = "list" in root ? root.list.type : root.type;
    if (!field || ("list" in root ? nodeType(field) : named(field)) !== type)
      fail(`Query.${name}`, `not a ${type}`);
  }
}

/** Marks an object the viewer may not see, or a field refused: the plan is given up. */
const REFUSED = "__mural_read_plan_refused__";
const refused = sql.raw(`to_json('${REFUSED}'::text)`);

/** Why a plan is given up while it is made (the resolvers answer instead). */
class NoPlan extends Error {}

/** One operation's facts a plan needs: variables, fragments, the viewer. */
interface Planning {
  schema: GraphQLSchema;
  ctx: Context;
  variables: Record<string, unknown>;
  fragments: Record<string, FragmentDefinitionNode>;
  /** Tables on the path from the root: a table read twice on a path could bind a column to the wrong level. */
  path: PgTable[];
}

/** readByPlan's answer when the viewer it was planned for no longer holds: nothing was read. */
export const VIEWER_CHANGED = Symbol("the viewer changed");

/** How a planned statement is checked and kept (readByPlan). */
export interface PlanOptions {
  /**
   * The condition the statement checks first, made only when the statement is built: that the viewer it was
   * planned for (one remembered from an earlier request) still holds. When it fails, the answer is VIEWER_CHANGED.
   */
  viewerStill?: () => SQL;
  /**
   * Names the query, its variables and the viewer as `viewerStill` checks them: the statement is kept under it and
   * sent again as it is for the same key. Every condition of a viewer's access (the types' `visible`, the fields'
   * `guard`) is made of their grants (which `viewerStill` checks) and what lies above them (which the statement
   * checks too: Access.aboveGrantsUnchangedSql), and must read nothing else.
   */
  reuse?: string;
}

/*
 * Statements kept for reuse, built (text and parameters): building a statement from its parts cost more of a small
 * query's time than PostgreSQL's answering it. Least recently used go first.
 */
const KEPT_STATEMENTS = 1000;
const kept = new Map<string, Query>();

/**
 * The answer of the statement kept under `reuse` (readByPlan), as readByPlan gives it; undefined when none is kept
 * or it failed, for the read to be planned again.
 */
export async function readKept(
  db: Context["db"],
  reuse: string,
): Promise<string | null | typeof VIEWER_CHANGED | undefined> {
  const known = kept.get(reuse);
  if (!known) return undefined;
  // Map keeps insertion order: re-inserting marks it the most recently used.
  kept.delete(reuse);
  kept.set(reuse, known);
  const answer = await sendBuilt<{ answer: string | null }>(db, known).then(
    answerOf,
    (): undefined => undefined,
  );
  // Its check failed: it is built anew for the viewer found now (unless another request has done so already).
  // It failed (the database failing): planned again, which meets the failure where it belongs.
  if ((answer === VIEWER_CHANGED || answer === undefined) && kept.get(reuse) === known) kept.delete(reuse);
  return answer;
}

/**
 * The answer's `data` to a query operation, as JSON text built by one statement, or null when it has no plan (the
 * resolvers answer then). `variables` are the coerced values.
 */
export async function readByPlan(
  ctx: Context,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  { viewerStill, reuse }: PlanOptions = {},
): Promise<string | null | typeof VIEWER_CHANGED> {
  if (operation.operation !== "query" || ctx.machine || !ctx.viewer) return null;
  const query = schema.getQueryType();
  if (!query) return null;
  const known = reuse === undefined ? undefined : await readKept(ctx.db, reuse);
  if (known !== undefined) return known;
  const planning: Planning = { schema, ctx, variables, fragments, path: [] };
  let statement: SQL;
  try {
    const entries: SQL[] = [];
    for (const [key, nodes] of collectFields(planning, query, operation.selectionSet)) {
      entries.push(sql.raw(`'${key}'`), await rootValue(planning, query, nodes));
    }
    const answer = sql`json_build_object(${sql.join(entries, sql`, `)})::text`;
    // What lies above the grants, as planning read it, is checked with the viewer: the conditions were made of it.
    const above = viewerStill && (await ctx.access.aboveGrantsUnchangedSql());
    statement = viewerStill
      ? sql`SELECT CASE WHEN ${viewerStill()} ${above ? sql`AND ${above}` : sql``} THEN ${answer} END AS answer`
      : sql`SELECT ${answer} AS answer`;
  } catch (error) {
    // A mistake in the planner itself is not hidden behind the resolvers.
    if (error instanceof TypeError || error instanceof ReferenceError) throw error;
    // No plan, or the viewer's access could not be read (the database failing): the resolvers answer, and meet
    // the same failure where it belongs, as that field's error.
    return null;
  }
  const built = buildStatement(statement);
  if (reuse !== undefined) {
    kept.set(reuse, built);
    if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
  }
  return answerOf(await sendBuilt<{ answer: string | null }>(ctx.db, built));
}

/** The planned statement's answer: the document, VIEWER_CHANGED when its check failed, null when it was refused. */
function answerOf([row]: { answer: string | null }[]): string | null | typeof VIEWER_CHANGED {
  if (!row) return null;
  if (row.answer === null) return VIEWER_CHANGED;
  return row.answer.includes(`"${REFUSED}"`) ? null : row.answer;
}

async function rootValue(planning: Planning, query: GraphQLObjectType, nodes: FieldNode[]): Promise<SQL> {
  const node = nodes[0]!;
  const name = node.name.value;
  if (name === "__typename") return sql.raw(`to_json('${query.name}'::text)`);
  const root = roots.get(name);
  const field = query.getFields()[name];
  if (!root || !field || ruleKindOf(field) === "deny") throw new NoPlan();
  const args = argumentsOf(planning, field, node);
  if ("list" in root) return listJson(planning, root.list, field, args, nodes);
  if (Object.keys(args).some((arg) => arg !== root.idArgument)) throw new NoPlan();
  let id: string;
  try {
    id = decodeGlobalId(args[root.idArgument], root.idArgument, root.type).id;
  } catch {
    throw new NoPlan(); // the resolvers give the error
  }
  const plan = typePlan(root.type);
  // The root field's rule is the object's visibility (seesArgument): not visible is refused.
  return sql`coalesce((SELECT ${await objectJson(planning, root.type, nodes)} FROM ${plan.table} ${plan.join ?? sql``}
    WHERE ${plan.table.id} = ${id} AND ${(await plan.visible(planning.ctx)) ?? sql`true`}), ${refused})`;
}

const typePlan = (name: string) => {
  const plan = types.get(name);
  if (!plan) throw new NoPlan();
  return plan;
};

/** `json_build_object(...)` of the fields asked of one row of `typeName`, the table being in scope. */
async function objectJson(planning: Planning, typeName: string, nodes: FieldNode[]): Promise<SQL> {
  const type = planning.schema.getType(typeName);
  const plan = typePlan(typeName);
  if (!isObjectType(type) || planning.path.includes(plan.table)) throw new NoPlan();
  planning.path.push(plan.table);
  const entries: SQL[] = [];
  for (const [key, fieldNodes] of collectFields(planning, type, mergedSelection(nodes))) {
    entries.push(sql.raw(`'${key}'`), await fieldValue(planning, type, plan, fieldNodes));
  }
  planning.path.pop();
  return sql`json_build_object(${sql.join(entries, sql`, `)})`;
}

async function fieldValue(
  planning: Planning,
  type: GraphQLObjectType,
  plan: TypePlan,
  nodes: FieldNode[],
): Promise<SQL> {
  const name = nodes[0]!.name.value;
  if (name === "__typename") return sql.raw(`to_json('${type.name}'::text)`);
  const field = type.getFields()[name];
  const fieldPlan = plan.fields[name] ?? addedFields.get(type.name)?.[name];
  const kind = field && ruleKindOf(field);
  // A field with a rule of its own is planned only with that rule's SQL form.
  if (!field || !fieldPlan || kind === "deny" || (kind === "field" && !fieldPlan.guard)) throw new NoPlan();
  const args = argumentsOf(planning, field, nodes[0]!);
  let value: SQL;
  if ("list" in fieldPlan) value = await listJson(planning, fieldPlan.list, field, args, nodes);
  else {
    if (Object.keys(args).length > 0) throw new NoPlan();
    value = await valueJson(planning, fieldPlan, field, nodes);
  }
  if (!fieldPlan.guard) return value;
  const guard = await fieldPlan.guard(planning.ctx);
  return guard ? sql`CASE WHEN ${guard} THEN ${value} ELSE ${refused} END` : value;
}

async function valueJson(
  planning: Planning,
  plan: FieldPlan,
  field: GraphQLField<unknown, unknown>,
  nodes: FieldNode[],
): Promise<SQL> {
  if ("column" in plan) return scalarJson(plan.column, field.type);
  if ("globalId" in plan)
    return sql`to_json(${globalIdSql(plan.globalId, sql`${typePlan(plan.globalId).table.id}`)})`;
  if ("money" in plan) return moneyJson(planning, plan.money, nodes);
  if ("object" in plan) {
    const child = typePlan(plan.object);
    const condition = await seenFirst(planning, await child.visible(planning.ctx), plan.seenThrough);
    const object = sql`(SELECT ${await objectJson(planning, plan.object, nodes)} FROM ${child.table} ${child.join ?? sql``}
      WHERE ${child.table.id} = ${plan.id} AND ${condition})`;
    // Not visible: the resolvers answer NOT_FOUND, so the plan is given up.
    const missing = isNonNullType(field.type)
      ? refused
      : sql`CASE WHEN ${plan.id} IS NULL THEN NULL ELSE ${refused} END`;
    return sql`coalesce(${object}, ${missing})`;
  }
  throw new NoPlan();
}

/**
 * A row's visibility with a cheaper condition on its parent row, which implies it, checked first: PostgreSQL
 * evaluates OR's arms in the order written, so the cheap one spares the other for most rows.
 */
async function seenFirst(
  planning: Planning,
  visible: SQL | undefined,
  seenThrough: SeenThrough | undefined,
): Promise<SQL> {
  if (!visible) return sql`true`;
  const first = await seenThrough?.(planning.ctx);
  if (first === true) return sql`true`;
  return first ? sql`(${first} OR ${visible})` : visible;
}

/** A column as the GraphQL type serialises it: enums by their names, instants as toISOString writes them. */
function scalarJson(column: PgColumn, type: GraphQLType): SQL {
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const cases = named.getValues().map((v) => sql`WHEN ${String(v.value)} THEN ${v.name}`);
    return sql`to_json(CASE ${column}::text ${sql.join(cases, sql` `)} END)`;
  }
  if (named.name === "DateTime") return sql`to_json(${isoInstant(column)})`;
  if (["String", "Int", "Boolean"].includes(named.name)) return sql`to_json(${column})`;
  throw new NoPlan();
}

/** encodeGlobalId in SQL: "Type:id" in unpadded base64url. */
const globalIdSql = (typename: string, id: SQL) => base64url(sql`${`${typename}:`} || ${id}`);

/** Buffer's base64url of a text: no padding, no line breaks. */
const base64url = (text: SQL) =>
  sql`rtrim(translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'+/\n', '-_'), '=')`;

/** An instant as Date.toISOString writes it. */
const isoInstant = (column: SQL | PgColumn) =>
  sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Digits after the point per currency, for Money.amount as toDecimal writes it. */
let digitsByCurrency: string | undefined;
const currencyDigits = () => {
  digitsByCurrency ??= JSON.stringify(
    Object.fromEntries(Intl.supportedValuesOf("currency").map((code) => [code, minorDigits(code)])),
  );
  return digitsByCurrency;
};

function moneyJson(
  planning: Planning,
  money: { minor: PgColumn; currency: PgColumn },
  nodes: FieldNode[],
): SQL {
  const type = planning.schema.getType("Money");
  if (!isObjectType(type)) throw new NoPlan();
  const digits = sql`(${currencyDigits()}::jsonb ->> ${money.currency})::int`;
  const entries: SQL[] = [];
  for (const [key, [node]] of collectFields(planning, type, mergedSelection(nodes))) {
    const name = node!.name.value;
    const value =
      name === "amount"
        ? sql`to_json(round(${money.minor}::numeric / (10::numeric ^ ${digits}), ${digits})::text)`
        : name === "currency"
          ? sql`to_json(${money.currency})`
          : name === "__typename"
            ? sql.raw(`to_json('Money'::text)`)
            : undefined;
    if (!value) throw new NoPlan();
    entries.push(sql.raw(`'${key}'`), value);
  }
  return sql`json_build_object(${sql.join(entries, sql`, `)})`;
}

/** A connection (edges { node }, nodes, totalCount) of the parent row's children, first `first` of them. */
async function listJson(
  planning: Planning,
  list: Omit<ListPlan, "parent" | "parentOf"> & { parent?: PgColumn },
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  nodes: FieldNode[],
): Promise<SQL> {
  if (Object.keys(args).some((arg) => arg !== "first")) throw new NoPlan();
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (typeof first !== "number" || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
    throw new NoPlan();
  const connection = getNamedType(field.type);
  if (!isObjectType(connection)) throw new NoPlan();
  const child = typePlan(list.type);
  if (child.table !== list.table) throw new NoPlan();
  const visible = await list.visible(planning.ctx.access);
  const direction = sql.raw(list.ordering.direction);
  const order = sql.join(
    list.ordering.keys.map((key) => sql`${key.sql} ${direction}`),
    sql`, `,
  );
  // A nested list is under the row being built (the last table on the path); a root list has none.
  const parent = planning.path.at(-1) as (PgTable & { id: PgColumn }) | undefined;
  if ((parent === undefined) !== (list.parent === undefined)) throw new NoPlan();
  const condition = await seenFirst(planning, visible, parent && list.seenThrough);
  const ofParent = parent ? sql`${list.parent} = ${parent.id} AND ${condition}` : condition;
  // With pageInfo the page reads one row more (as keysetPage does): there is a next page when it comes back.
  const selected = collectFields(planning, connection, mergedSelection(nodes));
  const paged = [...selected.values()].some(([node]) => node!.name.value === "pageInfo");
  const inPage = paged ? sql` FILTER (WHERE read_plan_row <= ${first})` : sql``;
  const cursor = cursorSql(list.ordering);
  const entries: SQL[] = [];
  let aggregates = paged;
  for (const [key, [node, ...more]] of selected) {
    const name = node!.name.value;
    const all = [node!, ...more];
    aggregates ||= name === "nodes" || name === "edges";
    let value: SQL;
    if (name === "totalCount") value = sql`(SELECT count(*)::int FROM ${child.table} WHERE ${ofParent})`;
    else if (name === "__typename") value = sql.raw(`to_json('${connection.name}'::text)`);
    else if (name === "nodes") {
      value = sql`coalesce(json_agg(${await objectJson(planning, list.type, all)} ORDER BY ${order})${inPage}, '[]'::json)`;
    } else if (name === "edges") {
      const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
      const edgeEntries: SQL[] = [];
      for (const [edgeKey, edgeNodes] of collectFields(planning, edge, mergedSelection(all))) {
        const edgeField = edgeNodes[0]!.name.value;
        const edgeValue =
          edgeField === "node"
            ? await objectJson(planning, list.type, edgeNodes)
            : edgeField === "cursor"
              ? sql`to_json(${cursor()})`
              : edgeField === "__typename"
                ? sql.raw(`to_json('${edge.name}'::text)`)
                : undefined;
        if (!edgeValue) throw new NoPlan();
        edgeEntries.push(sql.raw(`'${edgeKey}'`), edgeValue);
      }
      value = sql`coalesce(json_agg(json_build_object(${sql.join(edgeEntries, sql`, `)}) ORDER BY ${order})${inPage}, '[]'::json)`;
    } else if (name === "pageInfo") value = pageInfoJson(planning, all, first, cursor);
    else throw new NoPlan();
    entries.push(sql.raw(`'${key}'`), value);
  }
  const object = sql`json_build_object(${sql.join(entries, sql`, `)})`;
  // Without edges, nodes or pageInfo there is nothing to aggregate: read no page (it would make one answer per row).
  if (!aggregates) return sql`(SELECT ${object})`;
  const numbered = paged ? sql`, row_number() OVER (ORDER BY ${order}) AS read_plan_row` : sql``;
  return sql`(SELECT ${object}
    FROM (SELECT ${child.table}.*${numbered} FROM ${child.table} WHERE ${ofParent} ORDER BY ${order}
      LIMIT ${paged ? first + 1 : first}) AS ${child.table}
    ${child.join ?? sql``})`;
}

/**
 * A first page's PageInfo, as keysetPage answers it: a next page when the extra row came back, never a previous
 * one (no `after`), and the first and last rows' cursors ("" on an empty page, the cursor given, which is none).
 */
function pageInfoJson(planning: Planning, nodes: FieldNode[], first: number, cursor: () => SQL): SQL {
  const type = planning.schema.getType("PageInfo");
  if (!isObjectType(type)) throw new NoPlan();
  const cursors = sql`(array_agg(${cursor()} ORDER BY read_plan_row) FILTER (WHERE read_plan_row <= ${first}))`;
  const entries: SQL[] = [];
  for (const [key, [node]] of collectFields(planning, type, mergedSelection(nodes))) {
    const name = node!.name.value;
    const value =
      name === "hasNextPage"
        ? sql`to_json(count(*) > ${first})`
        : name === "hasPreviousPage"
          ? sql`to_json(false)`
          : name === "startCursor"
            ? sql`to_json(coalesce(${cursors}[1], ''))`
            : name === "endCursor"
              ? sql`to_json(coalesce(${cursors}[array_length(${cursors}, 1)], ''))`
              : name === "__typename"
                ? sql.raw(`to_json('PageInfo'::text)`)
                : undefined;
    if (!value) throw new NoPlan();
    entries.push(sql.raw(`'${key}'`), value);
  }
  return sql`json_build_object(${sql.join(entries, sql`, `)})`;
}

/**
 * A row's cursor as pagination.ts writes it: the order's name and the row's key values, as a JSON array in
 * unpadded base64url. Text keys (names) would need JSON escaping: orders on them are left to the resolvers.
 */
function cursorSql(ordering: ListPlan["ordering"]): () => SQL {
  return () => {
    const values = ordering.keys.map((key) => {
      if (key.type === "text") throw new NoPlan();
      return key.type === "timestamp" ? isoInstant(sql`${key.sql}`) : sql`${key.sql}::text`;
    });
    const json = sql`${`["${ordering.name}","`} || ${sql.join(values, sql` || '","' || `)} || '"]'`;
    return base64url(json);
  };
}

/** The fields of a selection on `type`, by response key, in order; fragments flattened, @skip/@include applied. */
function collectFields(
  planning: Planning,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(planning, selection.directives ?? [])) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition?.name.value;
        if (on && on !== type.name) throw new NoPlan();
        visit(selection.selectionSet);
      } else {
        const fragment = planning.fragments[selection.name.value];
        if (!fragment || fragment.typeCondition.name.value !== type.name) throw new NoPlan();
        visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return fields;
}

/** The selections of every node of one response key, as one set (GraphQL merges them). */
const mergedSelection = (nodes: FieldNode[]): SelectionSetNode => ({
  kind: Kind.SELECTION_SET,
  selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []),
});

/** Whether @skip/@include let a selection in; any other directive is left to the resolvers. */
function included(planning: Planning, directives: readonly DirectiveNode[]) {
  for (const directive of directives) {
    const name = directive.name.value;
    if (name !== "skip" && name !== "include") throw new NoPlan();
    const condition = directive.arguments?.find((a) => a.name.value === "if");
    const value = condition && valueFromAST(condition.value, GraphQLBoolean, planning.variables);
    if (typeof value !== "boolean") throw new NoPlan();
    if ((name === "skip") === value) return false;
  }
  return true;
}

/** The arguments given in the query (literals or variables), coerced; those left out are absent. */
function argumentsOf(planning: Planning, field: GraphQLField<unknown, unknown>, node: FieldNode) {
  const args: Record<string, unknown> = {};
  for (const arg of node.arguments ?? []) {
    const definition = field.args.find((a) => a.name === arg.name.value);
    if (!definition) throw new NoPlan();
    const value = valueFromAST(arg.value, definition.type, planning.variables);
    if (value === undefined) throw new NoPlan();
    if (value !== null) args[arg.name.value] = value;
  }
  return args;
}
