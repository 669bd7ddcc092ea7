import DataLoader from "dataloader";
import { eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/connection.js";
import { isAnyOf } from "../../db/rows.js";
import { grants } from "../../db/schema/index.js";
import { forbidden, notFound, unauthenticated } from "./errors.js";
import type { Permission } from "./permissions-list.js";
import {
  type Ancestry,
  coveredSql,
  GRANT_COLUMN,
  type GrantedIds,
  loadAncestry,
  loadGrantedAncestry,
  RESOURCE_TYPES,
  type ResourceKey,
  type ResourceType,
  TABLE_ID,
} from "./resources.js";

/**
 * Whom decisions are made for: a user (whom an admin acts as, after switch user), whether they are an admin, and
 * their grants when the statement that found them read those too (the session's: one statement fewer a request).
 */
export interface Principal {
  userId: string;
  isAdmin: boolean;
  grants?: readonly GrantRow[];
}

/** The columns of a grant that decisions read: its permission and the resource it is on. */
export const GRANT_ROW = {
  permissionName: grants.permissionName,
  clientId: grants.clientId,
  contractId: grants.contractId,
  trialId: grants.trialId,
  siteId: grants.siteId,
  trialSiteId: grants.trialSiteId,
};

export type GrantRow = Pick<
  typeof grants.$inferSelect,
  "permissionName" | (typeof GRANT_COLUMN)[ResourceType]
>;

/** A JSON array of the grants of the user `userId` names, each as a GrantRow: for a statement that reads them along with something else. */
export const grantsJsonSql = (userId: SQL) => sql`(SELECT coalesce(json_agg(json_build_object(
    'permissionName', g.permission_name, 'clientId', g.client_id, 'contractId', g.contract_id,
    'trialId', g.trial_id, 'siteId', g.site_id, 'trialSiteId', g.trial_site_id) ORDER BY g.id), '[]'::json)
  FROM ${grants} g WHERE g.user_id = ${userId})`;

const emptyIds = (): GrantedIds => ({ client: [], contract: [], trial: [], site: [], trialSite: [] });

/** The resources `held` grants name, by type (system-wide grants name none). */
function grantedIds(held: readonly GrantRow[]): GrantedIds {
  const ids = emptyIds();
  for (const grant of held) {
    const on = grantResource(grant);
    if (on) ids[on.type].push(on.id);
  }
  return ids;
}

/** The resource a grant names, or null when it is system-wide. */
export function grantResource(grant: GrantRow): ResourceKey | null {
  for (const type of RESOURCE_TYPES) {
    const id = grant[GRANT_COLUMN[type]];
    if (id) return { type, id };
  }
  return null;
}

/**
 * Every access decision of one request, batched and cached: what the viewer holds on a resource (a grant on it,
 * on an ancestor, or system-wide) and what they may see (that, or any grant below it, so people can navigate to
 * what they work on). One statement loads the viewer's grants; ancestry is loaded per resource type in batches.
 * Other facts of the request are cached on it with perRequest (request-cache.ts).
 */
export class Access {
  private grantsLoaded?: Promise<readonly GrantRow[]>;
  /** Set once this request changed grants: those the viewer came with are then out of date. */
  private grantsChanged = false;
  /**
   * What upward read: the ids, the trial sites its grants cover with their ancestry, and SQL true while it is
   * unchanged (none when the viewer holds no grant).
   */
  private upwardLoaded?: Promise<{
    ids: GrantedIds;
    trialSites: { id: string; ancestry: Ancestry }[];
    unchanged?: () => SQL;
  }>;
  private readonly ancestryLoaders = new Map<ResourceType, DataLoader<string, Ancestry | null>>();
  /** holds' answers, by permission and resource: a list asks the same of each row's trial site. */
  private readonly held = new Map<string, Promise<boolean>>();

  /**
   * For a machine principal (an API client), `viewer` is null and `machineGrants` gives the grants its scopes lend
   * on what it reaches (machine.ts): every decision below then reads them as it reads a user's.
   */
  constructor(
    readonly db: Database,
    private readonly viewer: Principal | null,
    private readonly machineGrants?: () => Promise<GrantRow[]>,
  ) {}

  /** Decisions for another user (e.g. which sites their grants reach), as that user would get them. */
  static forUser(db: Database, user: Principal) {
    return new Access(db, user);
  }

  /** Forget cached grants (after this request changed them). */
  reset() {
    this.grantsChanged = true;
    this.grantsLoaded = undefined;
    this.upwardLoaded = undefined;
    this.held.clear();
  }

  get isAdmin() {
    return this.viewer?.isAdmin ?? false;
  }

  /** The user the decisions are for (whom an admin acts as, after switch user); null when anonymous. */
  get userId(): string | null {
    return this.viewer?.userId ?? null;
  }

  /** Whether decisions are for someone: a logged-in user or an API client. */
  private get hasPrincipal() {
    return this.viewer !== null || this.machineGrants !== undefined;
  }

  private grants(): Promise<readonly GrantRow[]> {
    if (this.machineGrants) {
      this.grantsLoaded ??= this.machineGrants();
      return this.grantsLoaded;
    }
    const viewer = this.viewer;
    if (!viewer) return Promise.resolve([]);
    if (viewer.grants && !this.grantsChanged) {
      this.grantsLoaded ??= Promise.resolve(viewer.grants);
      return this.grantsLoaded;
    }
    // execute(): a drizzle query is a lazy thenable that runs again on every await; the promise runs it once.
    this.grantsLoaded ??= this.db
      .select(GRANT_ROW)
      .from(grants)
      .where(eq(grants.userId, viewer.userId))
      .execute();
    return this.grantsLoaded;
  }

  private ancestryLoader(type: ResourceType): DataLoader<string, Ancestry | null> {
    let loader = this.ancestryLoaders.get(type);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await loadAncestry(this.db, type, ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      this.ancestryLoaders.set(type, loader);
    }
    return loader;
  }

  ancestry(key: ResourceKey): Promise<Ancestry | null> {
    return this.ancestryLoader(key.type).load(key.id);
  }

  /** Keeps a resource's ancestry read by a statement that read it along with something else: decisions reuse it. */
  knowAncestry(key: ResourceKey, ancestry: Ancestry) {
    this.ancestryLoader(key.type).prime(key.id, ancestry);
  }

  /** Whether the viewer holds `permission` (any permission when null) on the resource or above it. */
  holds(permission: Permission | null, key: ResourceKey): Promise<boolean> {
    const asked = `${permission ?? "*"} ${key.type} ${key.id}`;
    const known = this.held.get(asked);
    if (known) return known;
    const answer = this.decideHolds(permission, key);
    this.held.set(asked, answer);
    return answer;
  }

  private async decideHolds(permission: Permission | null, key: ResourceKey): Promise<boolean> {
    if (this.isAdmin) return (await this.ancestry(key)) !== null;
    const [held, ancestry] = await Promise.all([this.grants(), this.ancestry(key)]);
    if (!ancestry) return false;
    return held.some((grant) => {
      if (permission && grant.permissionName !== permission) return false;
      const on = grantResource(grant);
      return on === null || ancestry[on.type].includes(on.id);
    });
  }

  /**
   * Ids of every resource at or above something the viewer was granted. A trial site has two lines of ancestors
   * (its trial's and its site's): everything above a trial site that a grant covers counts as granted below, so a
   * site's staff see the trials at their site and a trial's staff the sites running it. One statement reads those
   * ancestries (loadGrantedAncestry); decisions on the same resources later reuse them.
   */
  private async upward(): Promise<GrantedIds> {
    return (await this.upwardRead()).ids;
  }

  private upwardRead() {
    this.upwardLoaded ??= (async () => {
      const ids = emptyIds();
      const granted = grantedIds(await this.grants());
      if (RESOURCE_TYPES.every((type) => granted[type].length === 0)) return { ids, trialSites: [] };
      const { resources, unchanged } = await loadGrantedAncestry(this.db, granted);
      for (const { key, ancestry } of resources) {
        this.knowAncestry(key, ancestry);
        for (const type of RESOURCE_TYPES) ids[type].push(...ancestry[type]);
      }
      const trialSites = resources.flatMap(({ key, ancestry }) =>
        key.type === "trialSite" ? [{ id: key.id, ancestry }] : [],
      );
      return { ids, trialSites, unchanged };
    })();
    return this.upwardLoaded;
  }

  /**
   * SQL true while what lies above the viewer's grants is as this request read it (upward); undefined when this
   * request has not read it, or the viewer holds no grant. With their grants it is all a condition of their access
   * (visibleSql, holdsSql) is made of: a statement built on them checks both before it is sent again
   * (schema/core/read-plans.ts).
   */
  async aboveGrantsUnchangedSql(): Promise<SQL | undefined> {
    return (await this.upwardLoaded)?.unchanged?.();
  }

  /** Whether the viewer may see the resource at all (it exists, and they hold anything on, above or below it). */
  async sees(key: ResourceKey): Promise<boolean> {
    if (await this.holds(null, key)) return true;
    return (await this.upward())[key.type].includes(key.id);
  }

  /**
   * Throws unless the viewer holds `permission` on the resource: NOT_FOUND when it does not exist or they may
   * not even see it (so ids of others' resources reveal nothing), FORBIDDEN when they see it but may not act.
   */
  async require(permission: Permission, key: ResourceKey, what: string): Promise<void> {
    if (!this.hasPrincipal) throw unauthenticated();
    if (await this.holds(permission, key)) return;
    if (!(await this.sees(key))) throw notFound(what);
    throw forbidden(`You need the ${permission} permission on this ${what.toLowerCase()}.`);
  }

  /** Throws NOT_FOUND unless the viewer may see the resource. */
  async requireVisible(key: ResourceKey, what: string): Promise<void> {
    if (!this.hasPrincipal) throw unauthenticated();
    if (!(await this.sees(key))) throw notFound(what);
  }

  /**
   * A WHERE condition keeping the rows of `type` on which the viewer holds `permission` (through a grant on the
   * row or above it); undefined when they hold it everywhere.
   */
  async holdsSql(type: ResourceType, permission: Permission): Promise<SQL | undefined> {
    if (this.isAdmin) return undefined;
    const held = (await this.grants()).filter((g) => g.permissionName === permission);
    if (held.some((g) => grantResource(g) === null)) return undefined;
    return coveredSql(type, grantedIds(held));
  }

  /**
   * The ids of the trial sites on which the viewer holds `permission` (holdsSql's trial sites), from what lies above
   * their grants as read with them (upward); undefined when they hold it everywhere. For a condition on rows below
   * trial sites, which then reads those rows by their trial site's index instead of joining every row to its trial
   * site (the enrollments staff see, and those of the participants and payments they see: enrollmentsVisibleSql,
   * participantsVisibleSql, paymentsVisibleSql).
   */
  async trialSitesHeld(permission: Permission): Promise<string[] | undefined> {
    if (this.isAdmin) return undefined;
    const held = (await this.grants()).filter((g) => g.permissionName === permission);
    const on = held.map(grantResource);
    if (on.some((resource) => resource === null)) return undefined;
    const heldOn = new Set(on.map((resource) => `${resource!.type} ${resource!.id}`));
    const { trialSites } = await this.upwardRead();
    return trialSites
      .filter(({ ancestry }) =>
        RESOURCE_TYPES.some((type) => ancestry[type].some((id) => heldOn.has(`${type} ${id}`))),
      )
      .map(({ id }) => id);
  }

  /**
   * A WHERE condition keeping the rows of `type` the viewer may see, for lists; undefined for admins. Rows are
   * kept when a grant covers them or when they stand above something granted.
   */
  async visibleSql(type: ResourceType): Promise<SQL | undefined> {
    if (this.isAdmin) return undefined;
    const held = await this.grants();
    if (held.some((g) => grantResource(g) === null)) return undefined;
    const granted = grantedIds(held);
    const upward = (await this.upward())[type];
    const id = TABLE_ID[type];
    const covered = coveredSql(type, granted);
    return upward.length ? sql`(${covered} OR ${isAnyOf(id, [...new Set(upward)])})` : covered;
  }
}
