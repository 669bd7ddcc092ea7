import { defineConfig } from "drizzle-kit";

// `npm run db:generate` diffs db/schema against the committed migrations and writes the next one.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
