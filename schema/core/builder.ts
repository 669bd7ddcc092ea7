import SchemaBuilder, {
  BasePlugin,
  createInputValueMapper,
  mapInputFields,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import RelayPlugin from "@pothos/plugin-relay";
import { GraphQLError, Kind } from "graphql";
import type { Context } from "./context.js";
import { decodeGlobalId, encodeGlobalId } from "./ids.js";

/** A global-id argument (or input field) that names objects of some types only. */
interface TypedGlobalId {
  field: string;
  typenames: string[];
}

/**
 * Checks every global id an argument or input field takes (`t.globalID({ for })`) against the types it accepts,
 * before the relay plugin decodes it: another type's id answers BAD_USER_INPUT naming the field, where the relay
 * plugin would throw an error that reaches the client as INTERNAL_SERVER_ERROR.
 */
class TypedGlobalIdsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private readonly mappingCache = new Map();

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>) {
    const mappings = mapInputFields<Types, TypedGlobalId>(
      fieldConfig.args,
      this.buildCache,
      (input) => {
        const accepted = input.extensions?.relayGlobalIDFor as { typename: string }[] | null | undefined;
        return accepted ? { field: input.name, typenames: accepted.map((a) => a.typename) } : null;
      },
      this.mappingCache,
    );
    if (!mappings) return fieldConfig;
    const check = createInputValueMapper(mappings, (globalId, { value }) => {
      decodeGlobalId(globalId, value!.field, value!.typenames);
      return globalId;
    });
    // First: the relay plugin's own mapper, which decodes the ids, runs after it.
    return { ...fieldConfig, argMappers: [(args: object) => check(args), ...fieldConfig.argMappers] };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      typedGlobalIds: TypedGlobalIdsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("typedGlobalIds", TypedGlobalIdsPlugin);

export const builder = new SchemaBuilder<{
  Context: Context;
  // Every connection carries the size of its whole list, counted on demand (core/pagination.ts, totalCount).
  Connection: { totalCount: () => Promise<number> };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: string; Output: string };
    /** Any JSON value: audit values out, questionnaire documents (pre-screening) in and out. */
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: ["typedGlobalIds", RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  relay: {
    clientMutationId: "omit",
    // Every connection also lists its page's objects without edges, for clients that need no cursors per row.
    nodesOnConnection: { description: "The page's objects, in the list's order (edges without cursors)." },
    nodeTypeOptions: {
      description:
        "An object with a global id: any of them can be fetched again with `node(id:)`, which answers it only to a viewer who may see it.",
    },
    idFieldOptions: {
      description:
        "The object's global id: opaque, stable, unique across every type; pass it to `node(id:)` or to any input naming this object.",
    },
    nodeQueryOptions: {
      description:
        "The object with this global id, of whatever type. Needs a session; null when nothing has this id; an object you may not see answers NOT_FOUND (and null).",
      args: { id: { description: "A global id, as any object's `id` field gives it." } },
    },
    nodesQueryOptions: {
      description:
        "The objects with these global ids, in the order given. Needs a session; an id that names nothing is null in its place, and so is an object you may not see (with a NOT_FOUND error at its path).",
      args: { ids: { description: "Global ids, as objects' `id` fields give them (of any types)." } },
    },
    pageInfoTypeOptions: {
      description:
        "Where a page sits in its list: whether there are more items either side, and the cursors to get them.",
    },
    hasNextPageFieldOptions: {
      description: "Whether items follow this page (ask again with `after: endCursor`).",
    },
    hasPreviousPageFieldOptions: {
      description: "Whether items precede this page (ask again with `before: startCursor`).",
    },
    startCursorFieldOptions: {
      description: "The cursor of the page's first item (the cursor given when the page is empty).",
    },
    endCursorFieldOptions: {
      description: "The cursor of the page's last item (the cursor given when the page is empty).",
    },
    pageInfoFieldOptions: {
      description: "Where this page sits in the list, for asking for the next or previous one.",
    },
    edgesFieldOptions: { description: "The page's items, each with its cursor, in the list's order." },
    cursorFieldOptions: {
      description:
        "An opaque position in the list, valid for this list in this order only: pass it as `after` or `before` to page from here.",
    },
    nodeFieldOptions: { description: "The item itself." },
    firstArgOptions: {
      description:
        "How many items to return from the start (or from after `after`): 0 to 100; 20 when neither first nor last is given.",
    },
    lastArgOptions: {
      description: "How many items to return from the end (or from before `before`): 0 to 100.",
    },
    afterArgOptions: {
      description:
        "A cursor this list gave out (an edge's cursor or pageInfo's endCursor): the page starts after it.",
    },
    beforeArgOptions: {
      description:
        "A cursor this list gave out (an edge's cursor or pageInfo's startCursor): the page ends before it.",
    },
    mutationInputArgOptions: {
      description: "What the mutation takes; every field is described on its input type.",
    },
    cursorType: "String",
    encodeGlobalID: encodeGlobalId,
    // Pothos does not say which argument it decodes; the message quotes the id itself.
    decodeGlobalID: (globalID) => decodeGlobalId(globalID, "id"),
  },
});

builder.queryType({
  description:
    "Everything that can be read. Lists hold only what the viewer may see; a single object the viewer may not see answers NOT_FOUND, as one that does not exist; a field the viewer may not read answers FORBIDDEN at its path (null beside the error when it is nullable).",
});
builder.mutationType({
  description:
    "Everything that can be changed. Each mutation takes one `input` and answers a payload; an expected failure answers an error with a stable `extensions.code` (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT, …) and changes nothing. Every change is audited.",
});
builder.subscriptionType({
  description:
    "Live updates over graphql-ws (the same endpoint, WebSocket): each field sends an event as it happens.",
});

/** JavaScript dates reach the years 0 and ±275760; PostgreSQL refuses the year 0, so inputs keep to 1–9999. */
const storableYear = (date: Date) => date.getUTCFullYear() >= 1 && date.getUTCFullYear() <= 9999;

builder.scalarType("DateTime", {
  description: "An instant, as an ISO 8601 string with a time zone (UTC on output).",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime()) || !storableYear(date))
      throw new GraphQLError("DateTime must be an ISO 8601 string in the years 0001 to 9999.");
    return date;
  },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date: Date.parse rolls "2022-02-30" over to March, so the round trip must match. */
const isCalendarDate = (value: string) =>
  DATE.test(value) &&
  !Number.isNaN(Date.parse(value)) &&
  storableYear(new Date(value)) &&
  new Date(value).toISOString().slice(0, 10) === value;
builder.scalarType("Date", {
  description: "A calendar date, YYYY-MM-DD.",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== "string" || !isCalendarDate(value)) {
      throw new GraphQLError("Date must be a YYYY-MM-DD string.");
    }
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !isCalendarDate(ast.value))
      throw new GraphQLError("Date must be a YYYY-MM-DD string.");
    return ast.value;
  },
});

builder.scalarType("JSON", {
  description:
    "Any JSON value (a string, number, boolean, null, list or object), as it is: a client reads it without parsing it again. As input (a questionnaire's documents), the field that takes it checks its shape.",
  serialize: (value) => value,
  parseValue: (value) => value,
});
