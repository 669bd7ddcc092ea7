import { ID_PATTERN } from "../../db/ids.js";
import { badInput } from "./errors.js";
import { ANY_RESOURCE, RESOURCE_TYPENAMES, type ResourceKey, type ResourceTypename } from "./resources.js";

/** A global id: "Typename:id" in base64url, so node(id:) finds any object and ids of different types differ. */
export const encodeGlobalId = (typename: string, id: string | number | bigint) =>
  Buffer.from(`${typename}:${id}`).toString("base64url");

export interface DecodedId<T extends string = string> {
  typename: T;
  id: string;
}

/** "Type:id" with an id of our shape, so a NUL, a 100 KB string or any other id of nothing never reaches the database. */
const GLOBAL_ID = new RegExp(`^([A-Za-z]+):(${ID_PATTERN})$`);
const OR = new Intl.ListFormat("en", { type: "disjunction" });

/**
 * Decodes the global id given as `field`; with `typenames`, it must name an object of one of them. A malformed
 * id, or another type's, is the caller's mistake: BAD_USER_INPUT naming the field.
 */
export function decodeGlobalId<T extends string = string>(
  globalId: unknown,
  field: string,
  typenames?: T | readonly T[],
): DecodedId<T> {
  const expected = typeof typenames === "string" ? [typenames] : typenames;
  const decoded = typeof globalId === "string" ? Buffer.from(globalId, "base64url").toString() : "";
  const [, typename, id] = GLOBAL_ID.exec(decoded) ?? [];
  if (!typename || !id || (expected && !expected.includes(typename as T))) {
    const what = expected ? `the id of a ${OR.format(expected)}` : "a Mural Link id";
    throw badInput([{ field, message: `"${String(globalId)}" is not ${what}.` }]);
  }
  return { typename: typename as T, id };
}

/** Decodes the global id of a resource: one of `typenames`, by default any. */
export function decodeResourceId(
  globalId: unknown,
  field: string,
  typenames: ResourceTypename | readonly ResourceTypename[] = ANY_RESOURCE,
): ResourceKey {
  const { typename, id } = decodeGlobalId(globalId, field, typenames);
  return { type: RESOURCE_TYPENAMES[typename], id };
}
