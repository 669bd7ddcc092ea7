import type { CodegenConfig } from "@graphql-codegen/cli";
import { generate } from "@graphql-codegen/cli";
import { Kind, parse, print, printSchema } from "graphql";
import { buildPothosSchema } from "./schema/index.js";

const schema = printSchema(buildPothosSchema());

const upperFirst = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}`;

/**
 * The root fields' arguments as input types, so that the typescript plugin with onlyOperationTypes (which drops
 * object types, and with them their argument types) writes just what permission rules read: one type per field,
 * named as the plugin names argument types (`MutationCreateTrialArgs`), and one per root type listing them by
 * field (`MutationArguments`), by which rule maps type their rules.
 */
function rootArgumentsAsInputs(): string {
  const roots = new Set(["Query", "Mutation", "Subscription"]);
  const inputs: string[] = [];
  for (const root of parse(schema).definitions) {
    if (root.kind !== Kind.OBJECT_TYPE_DEFINITION || !roots.has(root.name.value)) continue;
    const byField: string[] = [];
    for (const field of root.fields ?? []) {
      if (!field.arguments?.length) continue;
      const name = `${root.name.value}${upperFirst(field.name.value)}Args`;
      inputs.push(`input ${name} {\n${field.arguments.map(print).join("\n")}\n}`);
      byField.push(`${field.name.value}: ${name}!`);
    }
    inputs.push(`input ${root.name.value}Arguments {\n${byField.join("\n")}\n}`);
  }
  return inputs.join("\n\n");
}

/**
 * `npm run codegen`: prints the Pothos schema to schema.graphql (committed; a test fails when it is stale), writes
 * the types of the root fields' arguments, as resolvers and rules receive them, to schema/core/arguments.ts
 * (types only, for permission rules), typed documents for the operations the tests write with `graphql(...)`
 * into test/graphql/, and the mobile apps' typed client into clients/typed/: their operations (the .graphql files under operations/,
 * checked against the schema here) as typed documents, each carrying its SHA-256, and persisted-documents.json
 * (hash → document), the trusted documents the server loads (server/trusted-documents.ts).
 */
export const config: CodegenConfig = {
  schema,
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    "schema.graphql": { plugins: ["schema-ast"] },
    "schema/core/arguments.ts": {
      schema: rootArgumentsAsInputs(),
      documents: [],
      plugins: ["typescript"],
      config: {
        onlyOperationTypes: true,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { ID: "string", DateTime: "Date", Date: "string" },
      },
    },
    "test/graphql/": {
      documents: ["test/**/*.test.ts"],
      preset: "client",
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", JSON: "unknown" },
      },
      presetConfig: { fragmentMasking: false },
    },
    "clients/typed/": {
      documents: ["operations/**/*.graphql"],
      preset: "client",
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", JSON: "unknown" },
      },
      // Each document gets `__meta__.hash` (what the app sends) and persisted-documents.json maps hash → text.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: "sha256" } },
    },
  },
};

await generate(config, true);
