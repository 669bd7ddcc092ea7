import { ID_PATTERN } from "../../db/ids.js";

const GLOBAL_ID = new RegExp(`^([A-Za-z]+):(${ID_PATTERN})$`);

/**
 * The type name and raw id inside a global id (base64url of "Type:id"), or null when it is not one of ours. The
 * raw id must have the shape of our ids, so a NUL, a 100 KB string or any other id of nothing never reaches the
 * database.
 */
export function decodeGlobalId(globalId: unknown): { typename: string; id: string } | null {
  if (typeof globalId !== "string") return null;
  const match = GLOBAL_ID.exec(Buffer.from(globalId, "base64url").toString());
  return match ? { typename: match[1]!, id: match[2]! } : null;
}
