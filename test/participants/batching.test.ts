import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { registerUser } from "../support/accounts.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { startTestServer, type TestServer } from "../support/server.js";

const TrialRoster = graphql(`
  query TrialRoster($id: ID!) {
    trial(id: $id) {
      trialSites {
        nodes {
          site { name }
          enrollments(first: 100) {
            nodes { subjectId status participant { firstName lastName dateOfBirth } appointments { scheduledAt status } }
          }
        }
      }
    }
  }
`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** An organisation with `perSite` enrolled participants at each of its two sites, each with two appointments. */
async function rosterOf(perSite: number): Promise<Organization> {
  const org = await createOrganization(server);
  for (let i = 0; i < perSite * 2; i++) {
    const { enrollment } = await createEnrolledParticipant(server, org, i % 2);
    await server.db.insert(appointments).values(
      [1, 2].map((week) => ({
        enrollmentId: enrollment.id,
        scheduledAt: new Date(Date.now() + week * 7 * 86_400_000),
        timeZone: "America/New_York",
      })),
    );
  }
  return org;
}

async function measure(org: Organization, token: string) {
  const run = () => server.request(TrialRoster, { id: gid.trial(org.trial.id) }, token);
  // Once uncounted first: the server then remembers the viewer as they are now (grants were given since login),
  // as it does for every request after the first.
  await run();
  const before = server.statements.count;
  const started = performance.now();
  const result = await run();
  const ms = Math.round(performance.now() - started);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const enrollments = result.data!.trial.trialSites.nodes.flatMap((s) => s.enrollments.nodes);
  return {
    statements: server.statements.count - before,
    ms,
    enrollments: enrollments.length,
    appointments: enrollments.flatMap((e) => e.appointments).length,
  };
}

describe("trial → trial sites → enrollments → participant, appointments", () => {
  it("takes the same number of SQL statements for 2 and 40 participants, as admin and as trial staff", async () => {
    const small = await rosterOf(1);
    const large = await rosterOf(20);
    const admin = await server.loginAdmin();
    const staff = await registerUser(server);
    for (const org of [small, large]) {
      await grantPermissions(server, staff.uid, ["view_participants", "view_enrollments", "view_trials"], {
        trialId: org.trial.id,
      });
    }
    const rows = [];
    for (const [who, token] of [
      ["admin", admin],
      ["trial staff", staff.token],
    ] as const) {
      const few = await measure(small, token);
      const many = await measure(large, token);
      expect([few.enrollments, many.enrollments]).toEqual([2, 40]);
      expect([few.appointments, many.appointments]).toEqual([4, 80]);
      expect(many.statements).toBe(few.statements);
      rows.push({ who, size: "2", ...few }, { who, size: "40", ...many });
    }
    console.table(rows);
  });
});
