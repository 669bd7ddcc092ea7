import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import RelayPlugin from "@pothos/plugin-relay";
import { GraphQLError, Kind } from "graphql";
import type { Context } from "./context.js";
import { badInput } from "./errors.js";
import { decodeGlobalId } from "./global-ids.js";

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: string; Output: string };
  };
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    encodeGlobalID: (typename, id) => Buffer.from(`${typename}:${id}`).toString("base64url"),
    // A malformed id is the caller's mistake, reported as such rather than as a server error.
    decodeGlobalID: (globalID) => {
      const decoded = decodeGlobalId(globalID);
      if (!decoded) throw badInput([{ field: "id", message: `"${globalID}" is not a Mural Link id.` }]);
      return decoded;
    },
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
