/**
 * The import rule of the layout (README "Layout"): server/ (entry point) → schema/index.ts (assembly) → the areas
 * → schema/core/ → db/. An import never runs upward and folders never import each other in a loop.
 * `npm run check:imports` (run by .ci/run) fails on any violation.
 */
module.exports = {
  forbidden: [
    {
      name: "nothing-imports-server",
      comment: "server/ is the entry point: it assembles and starts everything, and nothing imports it.",
      severity: "error",
      from: { pathNot: "^(server|test|bench)/" },
      to: { path: "^server/" },
    },
    {
      name: "core-imports-no-area",
      comment: "schema/core/ is what every area stands on: it imports db/ and libraries, never an area.",
      severity: "error",
      from: { path: "^schema/core/" },
      to: { path: "^schema/", pathNot: "^schema/core/" },
    },
    {
      name: "db-imports-nothing-above",
      comment: "db/ holds tables, migrations and the connection; it imports nothing of schema/ or server/.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(schema|server)/" },
    },
    {
      name: "areas-do-not-import-the-assembly",
      comment: "schema/index.ts assembles the areas; an area never imports it.",
      severity: "error",
      from: { path: "^schema/[^/]+/" },
      to: { path: "^schema/index\\.ts$" },
    },
    {
      name: "no-folder-cycles",
      comment: "Folders do not import each other in a loop.",
      severity: "error",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
