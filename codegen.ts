import type { CodegenConfig } from "@graphql-codegen/cli";
import { generate } from "@graphql-codegen/cli";
import { printSchema } from "graphql";
import { buildPothosSchema } from "./schema/index.js";

/**
 * `npm run codegen`: prints the Pothos schema to schema.graphql (committed; a test fails when it is stale) and
 * writes typed documents for the operations the tests write with `graphql(...)` into test/graphql/.
 */
export const config: CodegenConfig = {
  schema: printSchema(buildPothosSchema()),
  documents: ["test/**/*.test.ts"],
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    "schema.graphql": { plugins: ["schema-ast"] },
    "test/graphql/": {
      preset: "client",
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: "string", Date: "string" } },
      presetConfig: { fragmentMasking: false },
    },
  },
};

await generate(config, true);
