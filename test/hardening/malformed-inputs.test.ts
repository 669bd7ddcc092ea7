import { randomBytes } from "node:crypto";
import {
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { buildPothosSchema } from "../../schema/index.js";
import { databaseDigest } from "../support/db.js";
import { globalId } from "../support/organizations.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { freshAdmin, oneOfEverything } from "./fuzz-fixtures.js";

/*
 * Every mutation of the schema, every field of its input (at any depth), gets each kind of wrong value its type
 * can get — wrong types, NUL, 100 KB strings, lone surrogates and other unicode edge cases, empty strings,
 * negative and huge numbers, impossible dates, ids of nothing, of another type or not ids at all, missing fields
 * — inside an otherwise valid input naming real objects, sent by an admin, so the checks behind GraphQL's own
 * are reached. No answer may be a server error, HTML or an error without a code, and refused requests must write
 * nothing. The values are drawn from a seeded generator: FUZZ_SEED=<n> replays a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
/** Inputs with two fields wrong at once, per mutation, on top of one per field and kind. */
const PAIRS_PER_MUTATION = 6;
const CONCURRENCY = 6;

/** mulberry32: small and seeded, enough to spread the cases. */
function randomness(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    int: (below: number) => Math.floor(next() * below),
  };
}
type Random = ReturnType<typeof randomness>;

const LONG = "x".repeat(100 * 1024);
const TEXT_KINDS: Record<string, readonly string[]> = {
  nul: ["\u0000", "a\u0000b", `${"y".repeat(300)}\u0000`],
  surrogate: ["\ud800", "x\udfff", "\ude00\ud83d"],
  long: [LONG, "\u{1F600}".repeat(50_000), `${"a ".repeat(60_000)}`],
  empty: ["", "   ", "\n\r\t", "\u200b"],
  unicode: [
    "\u200f\u202eevil\u202c",
    "\u200d\u200d\u200d",
    "\u{1F469}\u200D\u{1F469}\u200D\u{1F467}",
    "\ufeff",
    "e\u0301",
    "\uff26\uff55\uff4c\uff4c",
    "\u2028\u2029",
    "\u0007\u001b[31m",
  ],
  injection: [
    "'; DROP TABLE users; --",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "%s%n%x",
    "{{7*7}}",
    "\\",
    "null",
    "NaN",
  ],
};
const NUMBER_KINDS: Record<string, readonly number[]> = {
  negative: [-1, -2_147_483_648],
  huge: [2_147_483_647, 2_147_483_648, 1e308, Number.MAX_SAFE_INTEGER],
  fractional: [-0.5, 1.5, 1e-9],
};
const WRONG_TYPES: readonly unknown[] = [123, -1.5, true, {}, [], ["x"], { a: 1 }, "1"];
const BAD_AMOUNTS = [
  "-1",
  "0",
  "-0.00",
  "1e3",
  "1.005",
  "99999999999999999999999",
  "922337203685477.58",
  "NaN",
  "Infinity",
  "0x10",
  " 12 ",
  "12,50",
  "\u0661\u0662",
  "1_000",
];
const BAD_TIMES = [
  "2020-02-30",
  "not a date",
  "9999-99-99",
  "0000-01-01",
  "+275760-09-13T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "2020-01-01T00:00:00",
  "1970-01-01T00:00:00Z",
  "99999-01-01T00:00:00Z",
];

let server: TestServer;
let everything: Awaited<ReturnType<typeof oneOfEverything>>;
const schema = buildPothosSchema();
beforeAll(async () => {
  server = await startTestServer();
  everything = await oneOfEverything(server);
});
afterAll(() => server.close());

/**
 * The type an ID field names: `trialId` a Trial, `paymentIds` Payments, `fromUserId` a User; `milestoneId` a
 * milestone, which the schema shows as a PaymentScheduleLine.
 */
function idTypeOf(field: string): string {
  if (field === "resourceId") return "Trial";
  if (field === "milestoneId") return "PaymentScheduleLine";
  const base = field.replace(/Ids?$/, "").replace(/^(from|to)(?=[A-Z])/, "");
  return base.charAt(0).toUpperCase() + base.slice(1);
}

interface Target {
  mutation: string;
  /** The admin sending it, whose password a password change must quote. */
  adminPassword: string;
}

/** A valid value for a field (optional fields half the time), so that only the fields made wrong are wrong. */
function validValue(type: GraphQLInputType, field: string, target: Target, random: Random): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, field, target, random);
  if (isListType(type)) return [validValue(type.ofType, field, target, random)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const inner of Object.values(type.getFields())) {
      if (isNonNullType(inner.type) || random.chance(0.5))
        value[inner.name] = validValue(inner.type, inner.name, target, random);
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  const tag = randomBytes(4).toString("hex");
  switch (type.name) {
    case "ID": {
      const typename = idTypeOf(field);
      const pending = ["approvePayment", "rejectPayment"].includes(target.mutation);
      return globalId(typename, pending ? everything.pendingPaymentId : everything.ids[typename]!);
    }
    case "Int":
      return field === "rating" ? 7 : 1;
    case "Float":
      return 1.5;
    case "Boolean":
      return true;
    case "Date":
      return field === "dateOfBirth" ? "1980-01-01" : "2024-01-01";
    case "DateTime":
      return "2024-01-01T00:00:00Z";
  }
  const pdf = Buffer.from("%PDF-1.4\n").toString("base64");
  const texts: Record<string, string> = {
    email: `fuzz-${tag}@example.com`,
    contactEmail: `fuzz-${tag}@example.com`,
    phone: "(212) 555-1212",
    contactPhone: "(212) 555-1212",
    emergencyPhone: "(212) 555-1212",
    password: "Fuzz-pass-1!",
    newPassword: "Fuzz-pass-2!",
    currentPassword: target.adminPassword,
    postCode: "62701",
    country: "US",
    timeZone: "America/Chicago",
    currency: "USD",
    amount: "12.50",
    category: "Parking",
    taxId: "66-0057137",
    relationship: "parent",
    subjectId: `S-${tag}`,
    protocolId: `P-${tag}`,
    milestone: everything.milestoneName,
    time: "2030-01-01T10:00:00",
    roleName: "Site Coordinator",
    data: pdf,
    dataBase64: pdf,
    filename: "receipt.pdf",
    routingNumber: "011000015",
    accountNumber: "123456789",
    cardNumber: "4111111111111111",
  };
  return texts[field] ?? `Fuzz ${tag}`;
}

type WrongValue = (random: Random) => unknown;

/** Global ids of nothing, of another type, with a raw id no object has, and strings that are no id at all. */
function wrongIds(field: string): Record<string, WrongValue> {
  const typename = idTypeOf(field);
  const others = Object.keys(everything.ids).filter((t) => t !== typename);
  return {
    "id of nothing": () => globalId(typename, newId()),
    "id of another type": (random) => {
      const other = random.pick(others);
      return globalId(other, everything.ids[other]!);
    },
    "malformed raw id": (random) =>
      globalId(
        random.pick([typename, "Nope"]),
        random.pick(["\u0000", "a\ud800", "x".repeat(10_000), "' OR 1=1 --"]),
      ),
    "not an id": (random) =>
      random.pick([
        randomBytes(1 + random.int(40)).toString("base64url"),
        everything.ids[typename] ?? "raw",
        "%%%",
        LONG,
      ]),
  };
}

/** Each kind of wrong value a field of this type can get, by name. */
function wrongValues(type: GraphQLInputType, field: string): Record<string, WrongValue> {
  // "1" is a fine string: text fields get only values of other types.
  const textual = ["String", "ID"].includes(getNamedType(type).name);
  const wrongTypes = textual ? WRONG_TYPES.filter((value) => typeof value !== "string") : WRONG_TYPES;
  const any: Record<string, WrongValue> = {
    "wrong type": (random) => random.pick(wrongTypes),
    // Leaving out or nulling an optional field is valid ("none"); a required one must refuse both.
    ...(isNonNullType(type)
      ? { missing: () => undefined, null: () => null }
      : { "left out": () => undefined }),
  };
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner))
    return {
      ...any,
      "empty list": () => [],
      "list of null": () => [null],
      "1000 items": () => Array.from({ length: 1000 }, () => randomBytes(8).toString("hex")),
    };
  const named = getNamedType(type);
  if (isInputObjectType(named))
    return { ...any, "empty object": () => ({}), "unknown field": () => ({ nope: 1 }) };
  if (isEnumType(named))
    return {
      ...any,
      "unknown value": (random) => random.pick(["NOPE", named.getValues()[0]!.name.toLowerCase(), ""]),
    };
  const pickFrom = (values: readonly unknown[]) => (random: Random) => random.pick(values);
  switch (named.name) {
    case "ID":
      return { ...any, ...wrongIds(field) };
    case "Int":
    case "Float":
      return {
        ...any,
        ...Object.fromEntries(Object.entries(NUMBER_KINDS).map(([kind, v]) => [kind, pickFrom(v)])),
      };
    case "Boolean":
      return { ...any, "truthy text": pickFrom(["true", 1, 0]) };
    case "Date":
    case "DateTime":
      return { ...any, "impossible time": pickFrom(BAD_TIMES) };
  }
  const text = Object.fromEntries(Object.entries(TEXT_KINDS).map(([kind, v]) => [kind, pickFrom(v)]));
  if (field === "amount") return { ...any, ...text, "bad amount": pickFrom(BAD_AMOUNTS) };
  if (/^time$|Date$|At$/.test(field)) return { ...any, ...text, "impossible time": pickFrom(BAD_TIMES) };
  return { ...any, ...text };
}

/** Every field path of an input type with its type (a list's items at index 0). */
function fieldPaths(
  type: GraphQLInputType,
  prefix: string[] = [],
): { path: string[]; type: GraphQLInputType }[] {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields()).flatMap((field) => {
    const path = [...prefix, field.name];
    const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
    return [{ path, type: field.type }, ...fieldPaths(field.type, isListType(inner) ? [...path, "0"] : path)];
  });
}

/** The type at a path of an input type. */
function typeAt(inputType: GraphQLInputType, path: string[]): GraphQLInputType {
  let type = inputType;
  for (const key of path) {
    const named = getNamedType(type);
    type = isInputObjectType(named) && key !== "0" ? named.getFields()[key]!.type : named;
  }
  return type;
}

interface Variant {
  what: string;
  variables: Record<string, unknown>;
  /** Odd but valid text, left-out optional fields: mostly accepted. */
  oddButValid: boolean;
  /** Values no field may take: NUL, a lone surrogate, 100 KB of text, nothing where required, an id of nothing. */
  mustBeRefused: boolean;
}
const ODD_BUT_VALID = new Set(["empty", "unicode", "injection", "left out"]);
const NEVER_VALID = new Set(["nul", "surrogate", "long", "missing", "null", "id of nothing"]);

/** Fields a mutation neither keeps nor checks, by design. */
const IGNORED: Record<string, RegExp> = {
  // It answers alike whatever the address, so that it tells no one which accounts exist.
  requestPasswordReset: /^email$/,
  // Only the details of the chosen payment type (the valid input's BANK_ACCOUNT) are read.
  setPaymentType: /^(address|email|phone|cardNumber)\b/,
};

const shown = (value: unknown) => {
  if (value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
};

/** Valid inputs with one field made wrong, for every field and kind of wrong value, and some with two. */
function variantsOf(inputType: GraphQLInputType, target: Target, random: Random): Variant[] {
  const changes = fieldPaths(inputType).flatMap(({ path, type }) =>
    Object.entries(wrongValues(type, path[path.length - 1]!)).map(([kind, wrong]) => ({ path, kind, wrong })),
  );
  // Two fields, neither inside the other.
  const apart = (a: string[], b: string[]) => !a.every((key, i) => b[i] === undefined || b[i] === key);
  const pairs = Array.from({ length: PAIRS_PER_MUTATION }, () => {
    const first = random.pick(changes);
    const others = changes.filter(({ path }) => apart(path, first.path));
    return others.length ? [first, random.pick(others)] : [first];
  });
  return [...changes.map((change) => [change]), ...pairs].map((chosen) => {
    const input = validValue(inputType, "input", target, random) as Record<string, unknown>;
    const what = chosen.map(({ path, kind, wrong }) => {
      const value = wrong(random);
      let parent: Record<string, unknown> = input;
      for (const [depth, key] of path.slice(0, -1).entries()) {
        // A parent the valid input left out (an optional address) is filled in first.
        if (parent[key] === null || typeof parent[key] !== "object") {
          const above = path.slice(0, depth + 1);
          parent[key] = validValue(typeAt(inputType, above), key, target, random);
        }
        parent = parent[key] as Record<string, unknown>;
      }
      const last = path[path.length - 1]!;
      if (value === undefined) delete parent[last];
      else parent[last] = value;
      return `${path.join(".")} ${kind} ${shown(value)}`;
    });
    return {
      what: what.join(" and "),
      variables: { input },
      oddButValid: chosen.every(({ kind }) => ODD_BUT_VALID.has(kind)),
      mustBeRefused: chosen.some(
        ({ path, kind }) => NEVER_VALID.has(kind) && !IGNORED[target.mutation]?.test(path.join(".")),
      ),
    };
  });
}

interface Answer {
  refused: boolean;
  /** Refusals that write by design: a failed log-in is counted against the account, and locks it. */
  counted: boolean;
  problems: string[];
}
const COUNTED_REFUSALS = new Set(["INVALID_CREDENTIALS", "ACCOUNT_LOCKED"]);

/** The refusals a batch answers item by item in its payload (ItemError: `error { code message }`). */
function itemErrors(data: unknown): { message: unknown; code: unknown }[] {
  if (Array.isArray(data)) return data.flatMap(itemErrors);
  if (!data || typeof data !== "object") return [];
  return Object.entries(data).flatMap(([key, value]) =>
    key === "error" && value ? [value as { message: unknown; code: unknown }] : itemErrors(value),
  );
}

/** Mutations answering each item of a batch on its own: what their answer is read for (see itemErrors). */
const ITEM_ANSWERS: Record<string, string> = { payMilestones: "{ results { error { code message } } }" };

async function send(document: string, variables: Record<string, unknown>, token: string): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await response.text();
  const problems: string[] = [];
  const type = response.headers.get("content-type") ?? "";
  if (!/^application\/(graphql-response\+)?json/.test(type))
    problems.push(`answered ${type}: ${text.slice(0, 80)}`);
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  let body: { data?: unknown; errors?: { message: string; extensions?: { code?: unknown } }[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    problems.push("answered something that is not JSON");
  }
  const errors = [
    ...(body.errors ?? []).map((error) => ({ message: error.message, code: error.extensions?.code })),
    ...itemErrors(body.data),
  ];
  const codes = errors.map((error) => error.code);
  for (const { message, code } of errors) {
    if (typeof code !== "string") problems.push(`an error without a code: ${message}`);
    else if (code === "INTERNAL_SERVER_ERROR") problems.push("INTERNAL_SERVER_ERROR");
  }
  return {
    refused: codes.length > 0,
    counted: codes.some((code) => COUNTED_REFUSALS.has(code as string)),
    problems,
  };
}

async function inPool<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);

interface Run {
  mutation: string;
  document: string;
  token: string;
  defects: Set<string>;
  requests: number;
  /** The database as the last round left it. */
  digest: Record<string, string>;
}

/**
 * Sends the inputs and records what is wrong with the answers. A round whose answers were all refusals must leave
 * the database as the round before left it; after a round with accepted answers the refused inputs are sent
 * again, until a round accepts none.
 */
async function sendAll(run: Run, variants: Variant[]) {
  let pending = variants;
  for (let round = 1; pending.length > 0; round++) {
    const answers = await inPool(pending, (variant) => send(run.document, variant.variables, run.token));
    run.requests += pending.length;
    for (const [i, answer] of answers.entries()) {
      const problems = [
        ...answer.problems,
        ...(pending[i]!.mustBeRefused && !answer.refused ? ["accepted"] : []),
      ];
      for (const problem of problems) run.defects.add(`${run.mutation}(${pending[i]!.what}): ${problem}`);
    }
    const refused = pending.filter((_, i) => answers[i]!.refused && !answers[i]!.counted);
    const after = await databaseDigest(server);
    if (refused.length === pending.length) {
      const changed = changedTables(run.digest, after);
      if (changed.length)
        run.defects.add(`${run.mutation}: ${refused.length} refused inputs wrote to ${changed.join(", ")}`);
      pending = [];
    } else if (round === 4) {
      run.defects.add(`${run.mutation}: accepted a refused input again after ${round} rounds`);
      pending = [];
    } else {
      pending = refused;
    }
    run.digest = after;
  }
}

it("answers every malformed mutation input with a coded error, never a server error, and writes nothing when it refuses", async () => {
  const defects = new Set<string>();
  let requests = 0;
  for (const [index, mutation] of Object.values(schema.getMutationType()!.getFields()).entries()) {
    const random = randomness(SEED + index);
    // A fresh admin each: a mutation on its own viewer (a new password, a new e-mail) spoils no other's session.
    const admin = await freshAdmin(server);
    const input = mutation.args.find((arg) => arg.name === "input");
    const selection =
      ITEM_ANSWERS[mutation.name] ?? (isObjectType(getNamedType(mutation.type)) ? "{ __typename }" : "");
    // A mutation that takes no input gets one anyway: GraphQL must refuse the unknown argument.
    const document = `mutation($input: ${input?.type ?? "String"}) { ${mutation.name}(input: $input) ${selection} }`;
    const variants = input
      ? variantsOf(input.type, { mutation: mutation.name, adminPassword: admin.password }, random)
      : [
          {
            what: "an input it does not take",
            variables: { input: "x" },
            oddButValid: false,
            mustBeRefused: true,
          },
        ];

    // Sent in groups from the surely refused to the mostly accepted: a group with an accepted answer has its
    // refusals sent again (sendAll), so the fewer groups mix the two, the fewer requests.
    const groups = [
      variants.filter((v) => v.mustBeRefused),
      variants.filter((v) => !v.mustBeRefused && !v.oddButValid),
      variants.filter((v) => !v.mustBeRefused && v.oddButValid),
    ];
    const digest = await databaseDigest(server);
    const run: Run = { mutation: mutation.name, document, token: admin.token, defects, requests: 0, digest };
    for (const group of groups) await sendAll(run, group);
    requests += run.requests;
  }
  expect(requests).toBeGreaterThan(2000);
  expect([...defects], `FUZZ_SEED=${SEED}`).toEqual([]);
}, 300_000);
