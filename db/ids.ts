import KSUID from "ksuid";

/** Time-sortable 27-character identifiers, the same shape as the spec's uids. */
export function newId(): string {
  return KSUID.randomSync().string;
}
