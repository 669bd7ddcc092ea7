import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as pause } from "node:timers/promises";
import { promisify } from "node:util";
import postgres from "postgres";
import { freePort } from "./ports.js";
import { spawnServerProcess } from "./processes.js";
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestDatabase, graphqlClient } from "./server.js";

const ROOT = new URL("../..", import.meta.url).pathname;

let built: Promise<unknown> | null = null;
/** `npm run build` once per test process: the compiled server `npm start` runs. */
const build = () => {
  built ??= promisify(execFile)("npm", ["run", "build"], { cwd: ROOT });
  return built;
};

/** `npm start`'s node arguments, from package.json (`node <arguments>`). */
function startArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...args] = scripts.start.split(/\s+/);
  if (command !== "node") throw new Error(`npm start runs ${command}, not node: ${scripts.start}`);
  return args;
}

/** What the kernel says of one process: resident memory now and at its peak (MB), and CPU time used (ms). */
export interface ProcessUsage {
  rssMb: number;
  peakRssMb: number;
  cpuMs: number;
}

/** VmRSS and VmHWM from /proc/<pid>/status, utime + stime from /proc/<pid>/stat (clock ticks of 10 ms). */
export function processUsage(pid: number): ProcessUsage {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 (utime, stime) are the 12th and 13th after the command name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return {
    rssMb: Math.round(kb("VmRSS") / 1024),
    peakRssMb: Math.round(kb("VmHWM") / 1024),
    cpuMs: ticks * 10,
  };
}

/**
 * The server as production runs it, in a process of its own so that its memory and CPU can be read alone:
 * `npm start`'s command (`node --heap-growing-percent=100 dist/server/main.js`, built first) on a database of its own cloned from the migrated
 * template, API only (`WORKER=off`), `NODE_ENV=production`, logging errors only. `BENCH_SERVER` replaces npm
 * start's node arguments (e.g. `--import tsx server/main.ts`, the sources through tsx, as `npm start` ran before it
 * ran the build).
 *
 * Statements are counted by the server itself (each request's record, as on its access line) and read from its
 * `mural_sql_statements_per_request` metric, served on a port of its own: `statements()` is the total over every
 * GraphQL request answered so far. `sql` is a pool of our own on its database, for setting up data.
 */
export async function startMeasuredServer(env: Record<string, string> = {}) {
  const databaseUrl = await createTestDatabase();
  // BENCH_SERVER: node's arguments instead of npm start's, e.g. "--import tsx server/main.ts" for the sources.
  const instead = process.env.BENCH_SERVER?.split(/\s+/).filter(Boolean);
  if (!instead?.length) await build();
  const metricsPort = await freePort();
  const server = await spawnServerProcess(
    instead?.length ? instead : startArguments(),
    {
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      METRICS_PORT: String(metricsPort),
      ...env,
    },
    { startTimeoutMs: 120_000, stopGraceMs: 10_000 },
  );
  const pid = server.child.pid!;
  const url = server.url;
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  const client = graphqlClient(url);
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });

  /** GraphQL requests answered and the statements they sent, from the server's metrics. */
  async function graphqlTotals() {
    const text = await (await fetch(metricsUrl)).text();
    const sum = (metric: string) =>
      text
        .split("\n")
        .filter((line) => line.startsWith(`${metric}{`) && line.includes('route="/graphql"'))
        .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
    return {
      requests: sum("mural_sql_statements_per_request_count"),
      statements: sum("mural_sql_statements_per_request_sum"),
    };
  }

  return {
    url,
    pid,
    databaseUrl,
    sql,
    ...client,
    loginAdmin: () => client.login(ADMIN_EMAIL, ADMIN_PASSWORD),
    /** Its memory and CPU so far. */
    usage: () => processUsage(pid),
    /**
     * The statements the server sent for GraphQL requests so far, once `requests` of them (a total from an earlier
     * call, plus those sent since) have been counted: a request is counted as its answer finishes being sent.
     */
    async statements(requests?: number) {
      for (let tries = 0; ; tries++) {
        const totals = await graphqlTotals();
        if (requests === undefined || totals.requests >= requests || tries >= 100) return totals;
        await pause(20);
      }
    },
    /** V8's heap as the server's metrics report it (MB): committed and used, by space, and memory outside it. */
    async heap() {
      const text = await (await fetch(metricsUrl)).text();
      const mb = (line: string) => {
        const found = text.split("\n").find((l) => l.startsWith(`${line} `));
        return found ? Math.round(Number(found.slice(found.lastIndexOf(" ") + 1)) / 2 ** 20) : NaN;
      };
      return {
        heapTotal: mb("nodejs_heap_size_total_bytes"),
        heapUsed: mb("nodejs_heap_size_used_bytes"),
        newSpace: mb('nodejs_heap_space_size_total_bytes{space="new"}'),
        oldSpace: mb('nodejs_heap_space_size_total_bytes{space="old"}'),
        largeObjects: mb('nodejs_heap_space_size_total_bytes{space="large_object"}'),
        external: mb("nodejs_external_memory_bytes"),
      };
    },
    output: server.output,
    async close() {
      await sql.end({ timeout: 5 });
      await server.stop();
    },
  };
}

export type MeasuredServer = Awaited<ReturnType<typeof startMeasuredServer>>;
