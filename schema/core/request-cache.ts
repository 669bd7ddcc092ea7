import type { Access } from "./authorization.js";

/**
 * A cache kept for one request's access decisions, declared once as a typed constant:
 * `const reachOf = perRequest((access) => new DataLoader<string, Reach | null>(…))`, then
 * `reachOf(access).load(id)`. Each declaration is its own cache, so no name can be mistyped into a second one and
 * the value's type is the factory's.
 *
 * It hangs on the Access rather than the Context because an Access is the request's viewer: it is made afresh
 * when the viewer changes (login, switch user) and for each event of a subscription, so facts about the viewer
 * (what they read, whom they reach) never outlive it, and the participant access rules, which see only the
 * Access, can use it.
 */
export function perRequest<T extends object>(create: (access: Access) => T): (access: Access) => T {
  // Weakly held: the value lives exactly as long as its Access.
  const made = new WeakMap<Access, T>();
  return (access) => {
    let value = made.get(access);
    if (!value) {
      value = create(access);
      made.set(access, value);
    }
    return value;
  };
}
