import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { registerAdmin, registerUser, staffWith } from "../support/accounts.js";
import { seedTrial } from "../support/dashboard.js";
import { gid } from "../support/ids.js";
import { startTestServer, type TestServer } from "../support/server.js";

/*
 * A planned read is built for the viewer this process remembers for the token and checks, in its own statement,
 * that the session still gives exactly that viewer (schema/accounts/sessions.ts, viewerStillSql). Each test changes
 * the session or the user's access behind the server's back (as another process would, straight in the database)
 * and asks again: the answer must be the one a viewer found afresh gets, never the remembered one's.
 */

const TRIAL = `query($id: ID!) { trial(id: $id) { name trialSites(first: 10) { totalCount nodes { site { name } } } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The answer to `query` and the statements it took. */
async function ask(query: string, variables: Record<string, unknown>, token: string) {
  const before = server.statements.count;
  const result = await server.request<{ trial?: { name: string } | null }>(query, variables, token);
  return { result, statements: server.statements.count - before };
}

const sessionOf = async (token: string) => {
  const [row] = await server.sql<{ id: string; idle_seconds: number }[]>`
    SELECT id, extract(epoch FROM now() - last_seen_at)::float8 AS idle_seconds FROM sessions WHERE token_hash = sha256(convert_to(${token}, 'UTF8'))`;
  return row!;
};

/*
 * Each test asks first once (Apollo plans the read and keeps its statement) and then three times (the kept statement
 * answers before Apollo: server/kept-answers.ts), then changes something and asks again.
 */
describe.each([1, 3])(
  "a remembered viewer is checked by the planned read's own statement (asked %i times first)",
  (times) => {
    /** `ask`, `times` times: the last answer. */
    const warm = async (query: string, variables: Record<string, unknown>, token: string) => {
      for (let i = 1; i < times; i++) await ask(query, variables, token);
      return ask(query, variables, token);
    };

    /** The names of the trials the viewer sees, sorted, asked once (`ask`) or as `warm` asks, and the statements. */
    const trialNames = async (token: string, asked: typeof ask = ask) => {
      const { result, statements } = await asked(
        `{ trials(first: 10) { edges { node { name } } } }`,
        {},
        token,
      );
      expect(result.errors).toBeUndefined();
      const data = result.data as unknown as { trials: { edges: { node: { name: string } }[] } };
      return { names: data.trials.edges.map((e) => e.node.name).sort(), statements };
    };

    it("answers a planned read in one statement while the session is unchanged", async () => {
      const seeded = await seedTrial(server, 2);
      const token = await server.loginAdmin();
      const variables = { id: gid.trial(seeded.trialId) };
      await ask(TRIAL, variables, token);
      const again = await ask(TRIAL, variables, token);
      expect(again.result.errors).toBeUndefined();
      expect(again.result.data?.trial?.name).toMatch(/^Trial /);
      expect(again.statements).toBe(1);
    });

    it("a session revoked or expired elsewhere reads nothing, planned or not", async () => {
      const seeded = await seedTrial(server, 2);
      const variables = { id: gid.trial(seeded.trialId) };
      for (const end of ["revoked_at = now()", "expires_at = now() - interval '1 second'"]) {
        const token = await server.loginAdmin();
        expect((await warm(TRIAL, variables, token)).result.data?.trial?.name).toMatch(/^Trial /);
        const session = await sessionOf(token);
        await server.sql.unsafe(`UPDATE sessions SET ${end} WHERE id = $1`, [session.id]);
        const planned = await ask(TRIAL, variables, token);
        expect(planned.result.errors?.[0]?.extensions?.code, end).toBe("UNAUTHENTICATED");
        expect(planned.result.data?.trial ?? null).toBeNull();
        expect(planned.result.extensions?.viewer).toBeNull();
        const resolved = await ask(`{ viewer { roles } }`, {}, token);
        expect(resolved.result.data, end).toEqual({ viewer: null });
        expect(resolved.result.extensions?.viewer).toBeNull();
      }
    });

    it("an idle session reads nothing, and a session in use has its idle timer written when due", async () => {
      const seeded = await seedTrial(server, 1);
      const variables = { id: gid.trial(seeded.trialId) };
      const token = await server.loginAdmin();
      await warm(TRIAL, variables, token);
      const session = await sessionOf(token);
      // Two minutes since last seen: the timer is due (written at most once a minute), the session still live.
      await server.sql`UPDATE sessions SET last_seen_at = now() - interval '2 minutes' WHERE id = ${session.id}`;
      const used = await ask(TRIAL, variables, token);
      expect(used.result.data?.trial?.name).toMatch(/^Trial /);
      expect((await sessionOf(token)).idle_seconds).toBeLessThan(30);
      // Idle for longer than the idle timeout: ended.
      const idleSeconds = server.config.sessionIdleMs / 1000 + 60;
      await server.sql`UPDATE sessions SET last_seen_at = now() - make_interval(secs => ${idleSeconds}) WHERE id = ${session.id}`;
      const idle = await ask(TRIAL, variables, token);
      expect(idle.result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(idle.result.data?.trial ?? null).toBeNull();
    });

    it("grants taken away elsewhere take effect on the next read; grants given, too", async () => {
      const seeded = await seedTrial(server, 2);
      const variables = { id: gid.trial(seeded.trialId) };
      const staff = await staffWith(server, ["view_trials"], { trialSiteId: seeded.trialSiteIds[0]! });
      const seen = await warm(TRIAL, variables, staff.token);
      expect(seen.result.errors).toBeUndefined();
      expect(seen.result.data?.trial?.name).toMatch(/^Trial /);
      await server.sql`DELETE FROM grants WHERE user_id = ${staff.uid}`;
      const gone = await ask(TRIAL, variables, staff.token);
      expect(gone.result.data?.trial ?? null).toBeNull();
      expect(gone.result.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
      await server.sql`INSERT INTO grants (id, user_id, permission_name, trial_id)
      VALUES (${newId()}, ${staff.uid}, 'view_trials', ${seeded.trialId})`;
      const back = await warm(TRIAL, variables, staff.token);
      expect(back.result.errors).toBeUndefined();
      expect(back.result.data?.trial?.name).toMatch(/^Trial /);
      // The same grant row changed in place to another trial: as good as taken away.
      const other = await seedTrial(server, 1);
      await server.sql`UPDATE grants SET trial_id = ${other.trialId} WHERE user_id = ${staff.uid}`;
      const moved = await ask(TRIAL, variables, staff.token);
      expect(moved.result.data?.trial ?? null).toBeNull();
      expect(moved.result.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    });

    it("grants emptied elsewhere with TRUNCATE take effect on the next read", async () => {
      const seeded = await seedTrial(server, 1);
      const variables = { id: gid.trial(seeded.trialId) };
      const staff = await staffWith(server, ["view_trials"], { trialSiteId: seeded.trialSiteIds[0]! });
      expect((await warm(TRIAL, variables, staff.token)).result.data?.trial?.name).toMatch(/^Trial /);
      await server.sql`TRUNCATE grants`;
      const gone = await ask(TRIAL, variables, staff.token);
      expect(gone.result.data?.trial ?? null).toBeNull();
      expect(gone.result.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    });

    it("a grant moved elsewhere to another user counts for both: the first loses what it gave, the second gains it", async () => {
      const seeded = await seedTrial(server, 1);
      const variables = { id: gid.trial(seeded.trialId) };
      const from = await staffWith(server, ["view_trials"], { trialSiteId: seeded.trialSiteIds[0]! });
      const to = await registerUser(server);
      expect((await warm(TRIAL, variables, from.token)).result.data?.trial?.name).toMatch(/^Trial /);
      expect((await warm(TRIAL, variables, to.token)).result.data?.trial ?? null).toBeNull();
      await server.sql`UPDATE grants SET user_id = ${to.uid} WHERE user_id = ${from.uid}`;
      expect((await ask(TRIAL, variables, from.token)).result.data?.trial ?? null).toBeNull();
      expect((await ask(TRIAL, variables, to.token)).result.data?.trial?.name).toMatch(/^Trial /);
    });

    it("a kept statement is built again when what lies above a staff member's grants changes", async () => {
      const seeded = await seedTrial(server, 1);
      const [row] = await server.sql<{ site_id: string; contract_id: string }[]>`
      SELECT ts.site_id, t.contract_id FROM trial_sites ts JOIN trials t ON t.id = ts.trial_id
      WHERE ts.id = ${seeded.trialSiteIds[0]!}`;
      const { site_id: siteId, contract_id: contractId } = row!;
      // A site's staff see the trials running at their site: the trials lie above the trial sites their grant covers.
      const staff = await staffWith(server, ["view_trials"], { siteId });
      const names = () => trialNames(staff.token);
      const before = await names();
      // The kept statement, which checks what lies above the grants too.
      expect((await names()).statements).toBe(1);
      const trialId = newId();
      await server.sql`INSERT INTO trials (id, contract_id, name, protocol_id)
      VALUES (${trialId}, ${contractId}, ${`Trial later ${trialId}`}, ${`P-${trialId}`})`;
      await server.sql`INSERT INTO trial_sites (id, trial_id, site_id) VALUES (${newId()}, ${trialId}, ${siteId})`;
      const after = await names();
      expect(after.names).toEqual([...before.names, `Trial later ${trialId}`].sort());
      expect(after.statements).toBeGreaterThan(1); // its check failed: the viewer found again, the read planned again
      // Kept again as built for what lies above the grants now.
      expect(await names()).toEqual({ names: after.names, statements: 1 });
    });

    it("a trial site moved elsewhere to another site is gone from the old site's staff at the next read", async () => {
      const seeded = await seedTrial(server, 1);
      const trialSiteId = seeded.trialSiteIds[0]!;
      const other = await seedTrial(server, 1);
      const siteOf = async (id: string) =>
        (await server.sql<{ site_id: string }[]>`SELECT site_id FROM trial_sites WHERE id = ${id}`)[0]!
          .site_id;
      const [siteId, otherSite] = [await siteOf(trialSiteId), await siteOf(other.trialSiteIds[0]!)];
      // A site's staff see the trials running at their site, through what lies above the trial sites there.
      const staff = await staffWith(server, ["view_trials"], { siteId });
      const names = () => trialNames(staff.token, warm);
      expect((await names()).names).toHaveLength(1);
      // Renaming the trial changes nothing above the grants: the kept statement still answers, in one statement.
      const renamed = `Trial renamed ${trialSiteId}`;
      await server.sql`UPDATE trials SET name = ${renamed} WHERE id = ${seeded.trialId}`;
      expect(await names()).toEqual({ names: [renamed], statements: 1 });
      await server.sql`UPDATE trial_sites SET site_id = ${otherSite} WHERE id = ${trialSiteId}`;
      expect((await names()).names).toEqual([]);
    });

    it("an admin role taken away elsewhere: no planned read, and a refused request shows the viewer as found now", async () => {
      const seeded = await seedTrial(server, 1);
      const variables = { id: gid.trial(seeded.trialId) };
      // Signed in as an admin: the server remembers them so.
      const { token, demote } = await registerAdmin(server);
      const asAdmin = await warm(TRIAL, variables, token);
      expect(asAdmin.result.data?.trial?.name).toMatch(/^Trial /);
      await demote();
      const after = await ask(TRIAL, variables, token);
      expect(after.result.data?.trial ?? null).toBeNull();
      expect(after.result.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
      const refusedEarly = await server.request(`{ nope }`, undefined, token);
      expect(refusedEarly.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(refusedEarly.extensions?.viewer).toMatchObject({ roles: [] });
    });

    it("a user switched elsewhere reads as whom the session now acts as", async () => {
      const seeded = await seedTrial(server, 1);
      const variables = { id: gid.trial(seeded.trialId) };
      const token = await server.loginAdmin();
      expect((await warm(TRIAL, variables, token)).result.data?.trial?.name).toMatch(/^Trial /);
      const other = await registerUser(server);
      const session = await sessionOf(token);
      await server.sql`UPDATE sessions SET acting_as_user_id = ${other.uid} WHERE id = ${session.id}`;
      const { result } = await ask(TRIAL, variables, token);
      expect(result.data?.trial ?? null).toBeNull();
      expect(result.extensions?.viewer).toMatchObject({ impersonating: true });
    });
  },
);

describe("the count of changes above grants (ancestry_version)", () => {
  it("two transactions adding sites and trial sites at once both commit, each row counted", async () => {
    const seeded = await seedTrial(server, 1);
    const version = async () =>
      Number((await server.sql<{ version: string }[]>`SELECT version FROM ancestry_version`)[0]!.version);
    const clientId = (
      await server.sql<{ client_id: string }[]>`SELECT s.client_id FROM sites s
        JOIN trial_sites ts ON ts.site_id = s.id WHERE ts.id = ${seeded.trialSiteIds[0]!}`
    )[0]!.client_id;
    const before = await version();
    // Each keeps its transaction open until both have written. Counted as each row is written, the second would wait
    // on the count's row, locked by the first, which waits for the second: they are counted as each commits.
    let written = 0;
    let bothWritten: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      bothWritten = resolve;
    });
    const addSiteToTrial = () =>
      server.sql.begin(async (tx) => {
        const siteId = newId();
        await tx`INSERT INTO sites (id, client_id, name) VALUES (${siteId}, ${clientId}, ${`Site ${siteId}`})`;
        await tx`INSERT INTO trial_sites (id, trial_id, site_id) VALUES (${newId()}, ${seeded.trialId}, ${siteId})`;
        if (++written === 2) bothWritten();
        await barrier;
      });
    await Promise.all([addSiteToTrial(), addSiteToTrial()]);
    expect(await version()).toBe(before + 4);
  });
});
