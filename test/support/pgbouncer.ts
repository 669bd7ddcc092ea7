import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { freePort } from "./ports.js";

export const PGBOUNCER = "/usr/sbin/pgbouncer";

export interface PgBouncer {
  /** `databaseUrl` (on the PostgreSQL behind it) as reached through PgBouncer. */
  pooled: (databaseUrl: string) => string;
  stop: () => Promise<void>;
}

/**
 * Debian's PgBouncer in front of the PostgreSQL of `serverUrl`, as production would run it: pool_mode=transaction,
 * `poolSize` server connections per database, on a free loopback port. Clients are trusted (the auth file only
 * names the user); PgBouncer logs in to PostgreSQL with the URL's user and password. Its configuration, log and
 * pid file live in a temporary directory removed by `stop`.
 */
export async function startPgBouncer(serverUrl: string, poolSize = 10): Promise<PgBouncer> {
  if (!existsSync(PGBOUNCER))
    throw new Error(`${PGBOUNCER} is missing: apt-get install pgbouncer (.ci/run does it).`);
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || "postgres");
  const password = decodeURIComponent(server.password);
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), "mural-pgbouncer-"));
  // PgBouncer refuses to run as root; as root it switches to `postgres`, which must write its log here.
  await chmod(dir, 0o777);
  const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
  const target = [
    `host=${server.hostname}`,
    `port=${server.port || "5432"}`,
    `user=${user}`,
    ...(password ? [`password=${quoted(password)}`] : []),
  ].join(" ");
  const ini = path.join(dir, "pgbouncer.ini");
  await writeFile(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  await writeFile(
    ini,
    [
      "[databases]",
      // Any database name the client asks for, on the same server.
      `* = ${target}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "max_client_conn = 1000",
      // The admin console (SHOW STATS, SHOW CLIENTS), for tests that check who goes through it.
      `admin_users = ${user}`,
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      ...(process.getuid?.() === 0 ? ["user = postgres"] : []),
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(PGBOUNCER, [ini], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const log = () => readFile(path.join(dir, "pgbouncer.log"), "utf8").catch(() => "");
  for (let tries = 0; !(await accepts(port)); tries++) {
    if (child.exitCode !== null || tries > 100)
      throw new Error(`pgbouncer did not start:\n${output}\n${await log()}`);
    await pause(100);
  }
  return {
    pooled: (databaseUrl) => {
      const u = new URL(databaseUrl);
      u.hostname = "127.0.0.1";
      u.port = String(port);
      u.password = "";
      return u.toString();
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, pause(5000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
