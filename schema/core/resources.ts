import { inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../../db/connection.js";
import { isAnyOf } from "../../db/rows.js";
import { ancestryVersion, clients, contracts, sites, trialSites, trials } from "../../db/schema/index.js";

/**
 * The organisation hierarchy permissions are granted on: Client → Contract → Trial → TrialSite ← Site, where a
 * site belongs to a client. A grant on a resource covers it and everything below it.
 */
export const RESOURCE_TYPES = ["client", "contract", "trial", "site", "trialSite"] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface ResourceKey {
  type: ResourceType;
  id: string;
}

/** A resource and everything above it, by type. A trial site has two lines of ancestors (trial's and site's). */
export type Ancestry = Record<ResourceType, string[]>;

/** The GraphQL type name of each resource, for global ids. */
export const RESOURCE_TYPENAMES = {
  Client: "client",
  Contract: "contract",
  Trial: "trial",
  Site: "site",
  TrialSite: "trialSite",
} as const satisfies Record<string, ResourceType>;
export type ResourceTypename = keyof typeof RESOURCE_TYPENAMES;
/** Where an id may name any resource: a client, contract, trial, site or trial site. */
export const ANY_RESOURCE = Object.keys(RESOURCE_TYPENAMES) as ResourceTypename[];

/** Each resource type's GraphQL type name, as people read it in messages. */
export const RESOURCE_NAMES: Record<ResourceType, string> = {
  client: "Client",
  contract: "Contract",
  trial: "Trial",
  site: "Site",
  trialSite: "TrialSite",
};

/** The grant (and role) column holding each resource type. */
export const GRANT_COLUMN = {
  client: "clientId",
  contract: "contractId",
  trial: "trialId",
  site: "siteId",
  trialSite: "trialSiteId",
} as const satisfies Record<ResourceType, string>;

const ancestry = (parts: Partial<Ancestry>): Ancestry => ({
  client: [],
  contract: [],
  trial: [],
  site: [],
  trialSite: [],
  ...parts,
});

/** Loads the ancestry of many resources of one type in one statement. */
export async function loadAncestry(db: Database, type: ResourceType, ids: readonly string[]) {
  const result = new Map<string, Ancestry>();
  const list = [...ids];
  switch (type) {
    case "client": {
      const rows = await db.select({ id: clients.id }).from(clients).where(inArray(clients.id, list));
      for (const r of rows) result.set(r.id, ancestry({ client: [r.id] }));
      break;
    }
    case "contract": {
      const rows = await db
        .select({ id: contracts.id, clientId: contracts.clientId })
        .from(contracts)
        .where(inArray(contracts.id, list));
      for (const r of rows) result.set(r.id, ancestry({ contract: [r.id], client: [r.clientId] }));
      break;
    }
    case "trial": {
      const rows = await db.execute<{ id: string; contract_id: string; client_id: string }>(sql`
        SELECT t.id, t.contract_id, c.client_id FROM ${trials} t JOIN ${contracts} c ON c.id = t.contract_id
        WHERE ${inArray(sql`t.id`, list)}`);
      for (const r of rows)
        result.set(r.id, ancestry({ trial: [r.id], contract: [r.contract_id], client: [r.client_id] }));
      break;
    }
    case "site": {
      const rows = await db
        .select({ id: sites.id, clientId: sites.clientId })
        .from(sites)
        .where(inArray(sites.id, list));
      for (const r of rows) result.set(r.id, ancestry({ site: [r.id], client: [r.clientId] }));
      break;
    }
    case "trialSite": {
      const rows = await db.execute<{
        id: string;
        trial_id: string;
        site_id: string;
        contract_id: string;
        trial_client_id: string;
        site_client_id: string;
      }>(sql`
        SELECT ts.id, ts.trial_id, ts.site_id, t.contract_id, c.client_id AS trial_client_id, s.client_id AS site_client_id
        FROM ${trialSites} ts
        JOIN ${trials} t ON t.id = ts.trial_id
        JOIN ${contracts} c ON c.id = t.contract_id
        JOIN ${sites} s ON s.id = ts.site_id
        WHERE ${inArray(sql`ts.id`, list)}`);
      for (const r of rows) result.set(r.id, trialSiteAncestry(r));
      break;
    }
  }
  return result;
}

/**
 * A trial site's ancestry from a row that joined it to its trial, contract and site (as loadAncestry does), for a
 * statement that reads it along with something else.
 */
export const trialSiteAncestry = (r: {
  id: string;
  trial_id: string;
  site_id: string;
  contract_id: string;
  trial_client_id: string;
  site_client_id: string;
}): Ancestry =>
  ancestry({
    trialSite: [r.id],
    trial: [r.trial_id],
    site: [r.site_id],
    contract: [r.contract_id],
    client: [...new Set([r.trial_client_id, r.site_client_id])],
  });

/** Ids of resources granted directly, by type: the ids a grant set names. */
export type GrantedIds = Record<ResourceType, string[]>;

// One array parameter, not a parameter per id (grants repeat ids: a permission per grant): a statement that
// names the viewer's grants several times (a dashboard's read plan) stays small to build and to parse.
const anyOf = (column: SQL | PgColumn, ids: string[]) => isAnyOf(column, [...new Set(ids)]);

/**
 * The arms whose grants are not empty, ORed; false when none is. An arm for no grant would be `false` or a subquery
 * reading nothing, which PostgreSQL still plans and keeps each row from being found by its index.
 */
function anyArm(arms: [ids: string[], arm: (ids: string[]) => SQL][]): SQL {
  const present = arms.filter(([ids]) => ids.length).map(([ids, arm]) => arm(ids));
  return present.length ? sql`(${sql.join(present, sql` OR `)})` : sql`false`;
}

/**
 * SQL that is true for rows of `type` (the row's id and parent columns given) covered by grants on `granted`:
 * granted directly or through an ancestor. Lists use it to return only what the viewer may see.
 */
export function coveredSql(type: ResourceType, granted: GrantedIds): SQL {
  switch (type) {
    case "client":
      return anyArm([[granted.client, (ids) => anyOf(clients.id, ids)]]);
    case "contract":
      return anyArm([
        [granted.contract, (ids) => anyOf(contracts.id, ids)],
        [granted.client, (ids) => anyOf(contracts.clientId, ids)],
      ]);
    case "trial":
      return anyArm([
        [granted.trial, (ids) => anyOf(trials.id, ids)],
        [granted.contract, (ids) => anyOf(trials.contractId, ids)],
        [
          granted.client,
          (ids) =>
            sql`${trials.contractId} IN (SELECT id FROM ${contracts} WHERE ${anyOf(sql`client_id`, ids)})`,
        ],
      ]);
    case "site":
      return anyArm([
        [granted.site, (ids) => anyOf(sites.id, ids)],
        [granted.client, (ids) => anyOf(sites.clientId, ids)],
      ]);
    case "trialSite":
      return anyArm([
        [granted.trialSite, (ids) => anyOf(trialSites.id, ids)],
        [granted.trial, (ids) => anyOf(trialSites.trialId, ids)],
        [granted.site, (ids) => anyOf(trialSites.siteId, ids)],
        [
          granted.contract,
          (ids) =>
            sql`${trialSites.trialId} IN (SELECT id FROM ${trials} WHERE ${anyOf(sql`contract_id`, ids)})`,
        ],
        [
          granted.client,
          (ids) => sql`${trialSites.trialId} IN (SELECT t.id FROM ${trials} t
            JOIN ${contracts} c ON c.id = t.contract_id WHERE ${anyOf(sql`c.client_id`, ids)})`,
        ],
        [
          granted.client,
          (ids) => sql`${trialSites.siteId} IN (SELECT id FROM ${sites} WHERE ${anyOf(sql`client_id`, ids)})`,
        ],
      ]);
  }
}

export const TABLE_ID = {
  client: clients.id,
  contract: contracts.id,
  trial: trials.id,
  site: sites.id,
  trialSite: trialSites.id,
} as const;

/** One row of grantedAncestrySql: a resource and the ids above it. */
type AncestryRow = {
  type: ResourceType;
  id: string;
  trial_id: string | null;
  site_id: string | null;
  contract_id: string | null;
  trial_client_id: string | null;
  site_client_id: string | null;
};

/** The ancestry of every resource `granted` names and of every trial site those grants cover (AncestryRow). */
function grantedAncestrySql(granted: GrantedIds): SQL {
  const parts: SQL[] = [
    sql`SELECT 'trialSite' AS type, ${trialSites.id} AS id, ${trialSites.trialId} AS trial_id, ${trialSites.siteId} AS site_id,
        t.contract_id, c.client_id AS trial_client_id, s.client_id AS site_client_id
      FROM ${trialSites} JOIN ${trials} t ON t.id = ${trialSites.trialId} JOIN ${contracts} c ON c.id = t.contract_id
        JOIN ${sites} s ON s.id = ${trialSites.siteId}
      WHERE ${coveredSql("trialSite", granted)}`,
  ];
  if (granted.trial.length)
    parts.push(sql`SELECT 'trial', t.id, t.id, NULL, t.contract_id, c.client_id, NULL
      FROM ${trials} t JOIN ${contracts} c ON c.id = t.contract_id WHERE ${anyOf(sql`t.id`, granted.trial)}`);
  if (granted.contract.length)
    parts.push(sql`SELECT 'contract', id, NULL, NULL, id, client_id, NULL FROM ${contracts}
      WHERE ${anyOf(sql`id`, granted.contract)}`);
  if (granted.site.length)
    parts.push(
      sql`SELECT 'site', id, NULL, id, NULL, NULL, client_id FROM ${sites} WHERE ${anyOf(sql`id`, granted.site)}`,
    );
  if (granted.client.length)
    parts.push(
      sql`SELECT 'client', id, NULL, NULL, NULL, id, NULL FROM ${clients} WHERE ${anyOf(sql`id`, granted.client)}`,
    );
  return sql.join(parts, sql` UNION ALL `);
}

/**
 * The ancestry of every resource `granted` names and of every trial site those grants cover, in one statement:
 * what a viewer's grants let them see upward (Access.upward). Resources that no longer exist are left out.
 * `unchanged` is SQL true while a statement would read the same (for a statement built on it and sent again): while
 * the count of changes to what lies above grants (ancestry_version, counted by triggers at each change's commit) is
 * the one read here, in the same statement as the ancestry.
 */
export async function loadGrantedAncestry(db: Database, granted: GrantedIds) {
  const read = await db.execute<Partial<AncestryRow> & { version: number }>(sql`
    SELECT v.version, a.* FROM ${ancestryVersion} v LEFT JOIN (${grantedAncestrySql(granted)}) a ON true`);
  const version = Number(read[0]?.version ?? -1);
  const rows = read.filter(
    (r): r is AncestryRow & { version: number } => r.type !== null && r.type !== undefined,
  );
  const unchanged = () => sql`(SELECT ${ancestryVersion.version} FROM ${ancestryVersion}) = ${version}`;
  const present = (...ids: (string | null)[]) => ids.filter((id): id is string => id !== null);
  const resources = rows.map((r) => ({
    key: { type: r.type, id: r.id } satisfies ResourceKey,
    ancestry:
      r.type === "trialSite"
        ? trialSiteAncestry(r as Parameters<typeof trialSiteAncestry>[0])
        : ancestry({
            trial: present(r.trial_id),
            site: present(r.site_id),
            contract: present(r.contract_id),
            client: present(r.trial_client_id ?? r.site_client_id),
          }),
  }));
  return { resources, unchanged };
}
