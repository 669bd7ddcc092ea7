import {
  buildClientSchema,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  type IntrospectionQuery,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSED_TO_MACHINES, SCOPE_NAMES } from "../../schema/core/machine.js";
import { accessToken, insertApiClient, nothingWrittenButTheLog } from "../support/apiclients.js";
import { globalId } from "../support/ids.js";
import { createOrganization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { startTestServer, type TestServer } from "../support/server.js";

/** Field names that would carry a person's data, payout details or health data wherever they appear. */
const PERSONAL =
  /email|phone|birth|firstName|lastName|address|street|postCode|account|routing|card|ssn|taxId|subjectId|diagnos|health|payout/i;

/** How deep below a root field the walk follows objects. */
const DEPTH = 4;
/** Paths tried to each type (the first ones found, breadth first). */
const PATHS_PER_TYPE = 3;

/** A step from the root to an object: a field (its key in the answer) or a fragment on a type. */
interface Step {
  open: string;
  key: string | null;
}

describe("no field with personal, payout or health data answers an API client, whatever its scopes", () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const org = await createOrganization(server);
    const enrolled = await createEnrolledParticipant(server, org);
    const caregiver = await createCaregiver(server, enrolled.participant.id);
    Object.assign(ids, {
      Client: globalId("Client", org.client.id),
      Contract: globalId("Contract", org.contract.id),
      Trial: globalId("Trial", org.trial.id),
      Site: globalId("Site", org.sites[0]!.id),
      TrialSite: globalId("TrialSite", org.trialSites[0]!.id),
      Participant: globalId("Participant", enrolled.participant.id),
      Enrollment: globalId("Enrollment", enrolled.enrollment.id),
      Caregiver: globalId("Caregiver", caregiver.caregiver.id),
      User: globalId("User", enrolled.user.id),
    });
    const created = await insertApiClient(server, org.client.id, { scopes: [...SCOPE_NAMES] });
    token = await accessToken(server.url, created.apiClient.clientIdentifier, created.secret);
    const introspection = await server.request<IntrospectionQuery>(getIntrospectionQuery(), {}, token);
    schema = buildClientSchema(introspection.data!);
  });
  afterAll(() => server?.close());

  /** The id an argument takes: `id` of the field's own type, `siteId` of a Site, …; undefined when none fits. */
  function argumentValue(field: GraphQLField<unknown, unknown>, name: string): unknown {
    if (name === "first") return 3;
    if (name === "ids") return Object.values(ids);
    const typename = name === "id" ? getNamedType(field.type).name : name.replace(/Id$/, "");
    return ids[typename.charAt(0).toUpperCase() + typename.slice(1)];
  }

  const unwalkable: string[] = [];

  /** `name(args)` for a field, or null when a required argument cannot be supplied. */
  function call(owner: string, field: GraphQLField<unknown, unknown>, typename?: string): string | null {
    const given: string[] = [];
    for (const arg of field.args) {
      const value = arg.name === "id" && typename ? ids[typename] : argumentValue(field, arg.name);
      if (value === undefined) {
        if (isNonNullType(arg.type) && arg.defaultValue === undefined) {
          unwalkable.push(`${owner}.${field.name}`);
          return null;
        }
        continue;
      }
      given.push(`${arg.name}: ${JSON.stringify(value)}`);
    }
    return given.length ? `${field.name}(${given.join(", ")})` : field.name;
  }

  const document = (path: Step[], inner: string) =>
    `{ ${path.map((step) => `${step.open} {`).join(" ")} ${inner} ${"}".repeat(path.length)} }`;

  /** The object at the end of a path in an answer (the first of a list), or null. */
  function at(data: unknown, path: Step[]): Record<string, unknown> | null {
    let value: unknown = data;
    for (const step of path) {
      if (step.key === null) continue;
      value = (value as Record<string, unknown> | null)?.[step.key];
      if (Array.isArray(value)) value = value.find((item) => item !== null);
      if (value == null) return null;
    }
    return value as Record<string, unknown>;
  }

  /**
   * Asks every field reachable from the root queries (ids arguments from `ids`), with nothing written: the fields
   * that answered, and every answer's data.
   */
  async function walk() {
    const found = new Set<string>();
    const answers: string[] = [];
    const paths = new Map<string, Step[][]>();
    const queue: { type: GraphQLNamedType; path: Step[] }[] = [];
    const reach = (type: GraphQLNamedType, path: Step[]) => {
      const known = paths.get(type.name) ?? [];
      if (known.length >= PATHS_PER_TYPE || path.length > DEPTH) return;
      paths.set(type.name, [...known, path]);
      queue.push({ type, path });
    };
    /** Steps into a field's objects: through a fragment for each type an abstract field may hold. */
    const follow = (owner: string, field: GraphQLField<unknown, unknown>, path: Step[]) => {
      const named = getNamedType(field.type);
      if (isAbstractType(named)) {
        for (const type of schema.getPossibleTypes(named)) {
          const head = call(owner, field, type.name);
          if (head)
            reach(type, [
              ...path,
              { open: head, key: field.name },
              { open: `... on ${type.name}`, key: null },
            ]);
        }
      } else if (isObjectType(named)) {
        const head = call(owner, field);
        if (head) reach(named, [...path, { open: head, key: field.name }]);
      }
    };
    const ask = async (text: string) => {
      const result = await server.request(text, {}, token);
      expect(result.status, `${text}: ${JSON.stringify(result.errors?.[0])}`).toBe(200);
      for (const error of result.errors ?? [])
        expect(["FORBIDDEN", "NOT_FOUND"], `${text}: ${error.message}`).toContain(error.extensions?.code);
      answers.push(JSON.stringify(result.data));
      return result.data;
    };
    await nothingWrittenButTheLog(server, async () => {
      for (const field of Object.values(schema.getQueryType()!.getFields())) {
        if (isLeafType(getNamedType(field.type))) {
          const head = call("Query", field);
          if (head && (await ask(`{ ${head} }`))?.[field.name] != null) found.add(`Query.${field.name}`);
        } else follow("Query", field, []);
      }
      while (queue.length) {
        const { type, path } = queue.shift()!;
        if (!isObjectType(type) || !at(await ask(document(path, "__typename")), path)) continue;
        for (const field of Object.values(type.getFields())) {
          const head = call(type.name, field);
          if (!head) continue;
          const leaf = isLeafType(getNamedType(field.type));
          const object = at(await ask(document(path, leaf ? head : `${head} { __typename }`)), path);
          if (object?.[field.name] == null) continue;
          found.add(`${type.name}.${field.name}`);
          if (!leaf) follow(type.name, field, path);
        }
      }
    });
    return { found, answers };
  }

  it("walks every field reachable from the root queries and finds none answering, with nothing written", async () => {
    const { found } = await walk();
    const closed = [...found].filter((f) => CLOSED_TO_MACHINES.has(f.split(".")[0]!));
    expect(closed).toEqual([]);
    expect([...found].filter((f) => PERSONAL.test(f.split(".")[1]!))).toEqual([]);
    // The walk is not empty: what the scopes open does answer.
    expect([...found]).toEqual(expect.arrayContaining(["Trial.protocolId", "Site.name", "TrialSite.site"]));
  }, 120_000);

  it("walks every field with another client's ids and finds nothing of that client, with nothing written", async () => {
    const other = await createOrganization(server);
    const enrolled = await createEnrolledParticipant(server, other);
    const caregiver = await createCaregiver(server, enrolled.participant.id);
    const raw = {
      Client: other.client.id,
      Contract: other.contract.id,
      Trial: other.trial.id,
      Site: other.sites[0]!.id,
      TrialSite: other.trialSites[0]!.id,
      Participant: enrolled.participant.id,
      Enrollment: enrolled.enrollment.id,
      Caregiver: caregiver.caregiver.id,
      User: enrolled.user.id,
    };
    for (const [typename, id] of Object.entries(raw)) ids[typename] = globalId(typename, id);
    const { answers } = await walk();
    const seen = answers.join("\n");
    for (const id of [
      ...Object.values(raw),
      other.sites[1]!.id,
      other.trialSites[1]!.id,
      ...Object.values(ids),
    ])
      expect(seen).not.toContain(id);
    expect(answers.length).toBeGreaterThan(20);
  }, 120_000);
});
