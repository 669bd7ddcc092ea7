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
    /** Free-form documents (seed 002's questionnaire config); the prescreening area defines the scalar. */
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
    cursorType: "String",
    encodeGlobalID: encodeGlobalId,
    // Pothos does not say which argument it decodes; the message quotes the id itself.
    decodeGlobalID: (globalID) => decodeGlobalId(globalID, "id"),
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

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
