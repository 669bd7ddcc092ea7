import KSUID from "ksuid";

/** The shape of every id newId makes (27 base62 characters), as a regular expression's source. */
export const ID_PATTERN = "[0-9A-Za-z]{27}";

/** Time-sortable 27-character identifiers, the same shape as the spec's uids. */
export function newId(): string {
  return KSUID.randomSync().string;
}
