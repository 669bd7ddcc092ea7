import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffWith } from "../support/accounts.js";
import { createOrganization, globalId, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

let server: TestServer;
let org: Organization;
beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server);
});
afterAll(() => server.close());

/**
 * The database failing under a rule: the trials table, which the rules read for what lies above a staff member's
 * grant on a trial site (and the session, read before any rule, does not), is gone while `request` runs.
 */
async function withoutTrials<T>(request: () => Promise<T>): Promise<T> {
  await server.sql`ALTER TABLE trials RENAME TO trials_gone`;
  try {
    return await request();
  } finally {
    await server.sql`ALTER TABLE trials_gone RENAME TO trials`;
  }
}

describe("an error inside a permission rule", () => {
  it("is answered as unexpected, never as FORBIDDEN or NOT_FOUND: object and argument rules alike", async () => {
    const staff = await staffWith(server, ["view_trials"], { trialSiteId: org.trialSites[0]!.id });
    const cases = [
      // node needs only a session; the TrialSite object rule then reads what lies above the staff member's grant.
      {
        query: `query($id: ID!) { node(id: $id) { id } }`,
        id: globalId("TrialSite", org.trialSites[0]!.id),
        path: ["node", "id"],
      },
      // trial(id:)'s own rule reads it, for the trial its argument names.
      {
        query: `query($id: ID!) { trial(id: $id) { id } }`,
        id: globalId("Trial", org.trial.id),
        path: ["trial"],
      },
    ];
    for (const { query, id, path } of cases) {
      expect((await server.request(query, { id }, staff.token)).errors).toBeUndefined();
      const broken = await withoutTrials(() => server.request(query, { id }, staff.token));
      expect(errorCode(broken)).toBe("INTERNAL_SERVER_ERROR");
      expect(broken.errors?.[0]?.path).toEqual(path);
    }
  });
});
