import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { staffWith } from "../support/accounts.js";
import { accessToken, insertApiClient } from "../support/apiclients.js";
import { seedTrial } from "../support/dashboard.js";
import { gid } from "../support/ids.js";
import { createOrganization, grantPermissions } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";

/*
 * Read plans (schema/core/read-plans.ts) answer a dashboard query with one statement. They are an optimisation
 * only: every query below is asked with plans on and off, and the two answers must be the same, errors included,
 * for viewers who may see everything, part of it, or too little (where the plan must step aside).
 */

const DASHBOARD = `query Dashboard($id: ID!) {
  trial(id: $id) {
    name
    trialSites(first: 100) {
      edges {
        node {
          site { name }
          enrollments(first: 100) {
            edges {
              node {
                subjectId
                participant { firstName lastName }
                payments(first: 100) { edges { node { amount { amount } status } } }
              }
            }
          }
        }
      }
    }
  }
}`;

/** Aliases, fragments, directives, ids, counts, nodes and small pages: what apps' documents use. */
const RICH = `query Rich($id: ID!, $withPayments: Boolean!, $skipSite: Boolean = false) {
  __typename
  dashboard: trial(id: $id) {
    __typename id uid title: name status
    ...TrialSites
  }
}
fragment TrialSites on Trial {
  trialSites(first: 2) {
    __typename
    totalCount
    nodes {
      id
      site @skip(if: $skipSite) { id uid name }
      enrollments {
        totalCount
        edges {
          __typename
          node {
            ... on Enrollment { id subjectId status }
            person: participant { id firstName ...Names }
            payments(first: 2) @include(if: $withPayments) {
              totalCount
              nodes { id uid kind status createdAt amount { amount currency __typename } }
            }
          }
        }
      }
    }
  }
}
fragment Names on Participant { firstName lastName }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The answer with plans on and off, and the statements each took. */
async function bothWays(query: string, variables: Record<string, unknown>, token: string) {
  const ask = async (plans: boolean) => {
    server.config.readPlans = plans;
    try {
      const before = server.statements.count;
      const result = await server.request(query, variables, token);
      return { result, statements: server.statements.count - before };
    } finally {
      server.config.readPlans = true;
    }
  };
  await ask(true); // warms postgres.js's connections (array types are looked up once per connection)
  return { planned: await ask(true), resolved: await ask(false) };
}

/** What must be the same both ways: the data, and each error's code, path and message. */
const answer = (result: GraphQLResponse<unknown>) => ({
  data: result.data,
  errors: result.errors?.map((e) => ({ code: e.extensions?.code, path: e.path, message: e.message })),
});

describe("read plans answer exactly as the resolvers do", () => {
  it("the dashboard, as admin and as staff holding the view permissions on the client, in one statement", async () => {
    const seeded = await seedTrial(server, 3);
    const staff = await staffWith(
      server,
      ["view_trials", "view_enrollments", "view_participants", "view_payments"],
      { clientId: seeded.clientId },
    );
    // The session (and for staff, what lies above their grants) is checked in the plan's own statement: the viewer
    // is remembered since login. The resolvers find the session in a statement of its own.
    for (const token of [await server.loginAdmin(), staff.token]) {
      const { planned, resolved } = await bothWays(DASHBOARD, { id: gid.trial(seeded.trialId) }, token);
      expect(planned.result.errors).toBeUndefined();
      expect(answer(planned.result)).toEqual(answer(resolved.result));
      const trialSites = (planned.result.data as { trial: { trialSites: { edges: unknown[] } } }).trial
        .trialSites;
      expect(trialSites.edges).toHaveLength(3);
      expect(planned.statements).toBe(1);
      expect(resolved.statements).toBeGreaterThan(2);
    }
  });

  it("aliases, fragments, @skip/@include, ids, totalCount, nodes and pages of two, in USD, JPY and BHD", async () => {
    const token = await server.loginAdmin();
    for (const currency of ["USD", "JPY", "BHD"]) {
      const seeded = await seedTrial(server, 3, { currency });
      for (const variables of [
        { id: gid.trial(seeded.trialId), withPayments: true },
        { id: gid.trial(seeded.trialId), withPayments: false, skipSite: true },
      ]) {
        const { planned, resolved } = await bothWays(RICH, variables, token);
        expect(planned.result.errors).toBeUndefined();
        expect(answer(planned.result)).toEqual(answer(resolved.result));
        expect(planned.statements).toBe(1);
      }
    }
  });

  it("staff seeing part of the trial get the same part; staff refused a field or an object get the resolvers' errors", async () => {
    const seeded = await seedTrial(server, 3);
    const [first, second] = seeded.trialSiteIds;
    const viewers = {
      "one trial site": ["view_trials", "view_enrollments", "view_participants", "view_payments"],
      "no view_payments": ["view_trials", "view_enrollments", "view_participants"],
      "no view_participants": ["view_trials", "view_enrollments", "view_payments"],
      "trial sites only": ["view_trials"],
    };
    for (const [who, permissions] of Object.entries(viewers)) {
      const staff = await staffWith(server, permissions, { trialSiteId: first! });
      const { planned, resolved } = await bothWays(DASHBOARD, { id: gid.trial(seeded.trialId) }, staff.token);
      expect(answer(planned.result), who).toEqual(answer(resolved.result));
      if (who === "one trial site") expect(planned.statements).toBeLessThan(resolved.statements / 2); // planned
      const shown = JSON.stringify(planned.result.data);
      expect(shown, who).not.toContain(second); // nothing of the other trial sites
    }
    // Refused fields and objects are errors: the plan stepped aside and the resolvers answered.
    const noPayments = await staffWith(server, viewers["no view_payments"], { trialSiteId: first! });
    const refused = await server.request(DASHBOARD, { id: gid.trial(seeded.trialId) }, noPayments.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a participant is named through another way the viewer sees them, never through another trial site of theirs", async () => {
    // The plan checks a participant's enrollment's trial site first (enrollmentHeldSql), then
    // every other way participantsVisibleSql sees them: here, their enrollment in another trial.
    const seeded = await seedTrial(server, 2);
    const elsewhere = await seedTrial(server, 1);
    const [first] = seeded.trialSiteIds;
    const otherTrialSite = elsewhere.trialSiteIds[0]!;
    const staff = await staffWith(server, ["view_trials", "view_enrollments", "view_payments"], {
      trialSiteId: first!,
    });
    await grantPermissions(server, staff.uid, ["view_participants"], { trialSiteId: otherTrialSite });
    const enrolledHere = await server.sql<{ participant_id: string }[]>`
      SELECT participant_id FROM enrollments WHERE trial_site_id = ${first!}`;
    for (const [i, { participant_id }] of enrolledHere.entries())
      await server.sql`INSERT INTO enrollments (id, participant_id, trial_site_id, trial_id, subject_id)
        VALUES (${newId()}, ${participant_id}, ${otherTrialSite}, ${elsewhere.trialId}, ${`S-elsewhere-${i}`})`;
    const { planned, resolved } = await bothWays(DASHBOARD, { id: gid.trial(seeded.trialId) }, staff.token);
    expect(planned.result.errors).toBeUndefined();
    expect(answer(planned.result)).toEqual(answer(resolved.result));
    expect(JSON.stringify(planned.result.data).match(/"firstName":"Pat"/g)).toHaveLength(enrolledHere.length);
    expect(planned.statements).toBe(1);
    // Holding view_participants at the trial's other trial site shows nobody enrolled at this one.
    const [, second] = seeded.trialSiteIds;
    const elsewhereOnly = await staffWith(server, ["view_trials", "view_enrollments", "view_payments"], {
      trialSiteId: second!,
    });
    await grantPermissions(server, elsewhereOnly.uid, ["view_participants"], { trialSiteId: first! });
    const refused = await bothWays(DASHBOARD, { id: gid.trial(seeded.trialId) }, elsewhereOnly.token);
    expect(answer(refused.planned.result)).toEqual(answer(refused.resolved.result));
    expect(refused.planned.result.errors?.[0]?.path).toContain("participant");
  });

  it("staff seeing enrollments at two trial sites get participants and payments checked per enrollment unless they hold those at both", async () => {
    // Holding view_participants and view_payments wherever view_enrollments is held, nothing is checked per
    // enrollment (seenEnrollmentsShow); holding them at one of the two, the other's are refused as the resolvers
    // refuse them.
    const seeded = await seedTrial(server, 2);
    const [first, second] = seeded.trialSiteIds;
    const ask = async (at: { first: readonly string[]; second: readonly string[] }) => {
      const staff = await staffWith(server, ["view_trials", "view_enrollments", ...at.first], {
        trialSiteId: first!,
      });
      await grantPermissions(server, staff.uid, ["view_trials", "view_enrollments", ...at.second], {
        trialSiteId: second!,
      });
      return bothWays(DASHBOARD, { id: gid.trial(seeded.trialId) }, staff.token);
    };
    const both = ["view_participants", "view_payments"];
    const everywhere = await ask({ first: both, second: both });
    expect(everywhere.planned.result.errors).toBeUndefined();
    expect(answer(everywhere.planned.result)).toEqual(answer(everywhere.resolved.result));
    expect(everywhere.planned.statements).toBe(1);
    for (const [refusedField, at] of [
      ["participant", { first: both, second: ["view_payments"] }],
      ["payments", { first: both, second: ["view_participants"] }],
    ] as const) {
      const { planned, resolved } = await ask(at);
      expect(answer(planned.result), refusedField).toEqual(answer(resolved.result));
      expect(planned.result.errors?.[0]?.path, refusedField).toContain(refusedField);
      expect(JSON.stringify(planned.result.errors), refusedField).not.toContain(first!);
    }
  });

  it("cursors and pageInfo of first pages, full, partial and empty: the same cursors, and they page on", async () => {
    const seeded = await seedTrial(server, 3);
    const token = await server.loginAdmin();
    const query = `query Paged($id: ID!) {
      trial(id: $id) {
        trialSites(first: 2) {
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
          edges {
            cursor
            node {
              enrollments(first: 5) { pageInfo { hasNextPage endCursor } edges { cursor node { subjectId } } }
              payments: enrollments(first: 1) { edges { node { payments(first: 2) { pageInfo { hasNextPage startCursor } edges { cursor } } } } }
              none: enrollments(first: 0) { pageInfo { hasNextPage startCursor endCursor } nodes { id } }
              exact: enrollments(first: 2) { pageInfo { hasNextPage endCursor } }
            }
          }
        }
      }
      trials(first: 1) { pageInfo { hasNextPage endCursor } edges { cursor } }
    }`;
    const { planned, resolved } = await bothWays(query, { id: gid.trial(seeded.trialId) }, token);
    expect(planned.result.errors).toBeUndefined();
    expect(answer(planned.result)).toEqual(answer(resolved.result));
    expect(planned.statements).toBe(1);
    // A planned cursor pages on through the resolvers.
    const data = planned.result.data as { trial: { trialSites: { pageInfo: { endCursor: string } } } };
    const next = await server.request(
      `query($id: ID!, $after: String) { trial(id: $id) { trialSites(first: 2, after: $after) { edges { node { id } } } } }`,
      { id: gid.trial(seeded.trialId), after: data.trial.trialSites.pageInfo.endCursor },
      token,
    );
    expect(next.errors).toBeUndefined();
    expect(
      (next.data as { trial: { trialSites: { edges: unknown[] } } }).trial.trialSites.edges,
    ).toHaveLength(1);
  });

  it("API clients are never answered by a plan: their fence and scopes stay with the resolvers", async () => {
    const seeded = await seedTrial(server, 2);
    const made = await insertApiClient(server, seeded.clientId, {
      scopes: ["trials:read", "sites:read"],
      environment: "production",
    });
    const token = await accessToken(server.url, made.apiClient.clientIdentifier, made.secret);
    const query = `query($id: ID!) { trial(id: $id) { name trialSites(first: 5) { nodes { site { name } } } } }`;
    const { planned, resolved } = await bothWays(query, { id: gid.trial(seeded.trialId) }, token);
    expect(planned.result.errors).toBeUndefined();
    expect(answer(planned.result)).toEqual(answer(resolved.result));
    expect(planned.statements).toBe(resolved.statements); // resolved both times: no plan's statement
    const dashboard = await bothWays(DASHBOARD, { id: gid.trial(seeded.trialId) }, token);
    expect(answer(dashboard.planned.result)).toEqual(answer(dashboard.resolved.result));
    expect(dashboard.planned.statements).toBe(dashboard.resolved.statements);
  });

  it("the trial list, newest first, with each trial's trial sites: as admin, as client staff and as trial site staff", async () => {
    const seeded = await seedTrial(server, 2);
    await seedTrial(server, 1);
    const query = `{
      trials(first: 3) { totalCount edges { node { id name trialSites { totalCount nodes { uid } } } } }
      counted: trials(first: 3) { edges { node { trialSites { totalCount } empty: trialSites(first: 0) { __typename } } } }
    }`;
    const clientStaff = await staffWith(server, ["view_trials"], { clientId: seeded.clientId });
    const siteStaff = await staffWith(server, ["view_trials"], { trialSiteId: seeded.trialSiteIds[0]! });
    for (const token of [await server.loginAdmin(), clientStaff.token, siteStaff.token]) {
      const { planned, resolved } = await bothWays(query, {}, token);
      expect(planned.result.errors).toBeUndefined();
      expect(answer(planned.result)).toEqual(answer(resolved.result));
      expect(planned.statements).toBeLessThan(resolved.statements);
    }
  });

  it("a participant, a name that looks like the plan's own marker, a bad id and a page too large: the same answers", async () => {
    const org = await createOrganization(server);
    const participant = await createEnrolledParticipant(server, org);
    const { planned, resolved } = await bothWays(
      DASHBOARD,
      { id: gid.trial(org.trial.id) },
      participant.token,
    );
    expect(answer(planned.result)).toEqual(answer(resolved.result));

    const marked = await seedTrial(server, 1, { lastName: () => "__mural_read_plan_refused__" });
    const admin = await server.loginAdmin();
    const named = await bothWays(DASHBOARD, { id: gid.trial(marked.trialId) }, admin);
    expect(named.planned.result.errors).toBeUndefined();
    expect(answer(named.planned.result)).toEqual(answer(named.resolved.result));
    expect(JSON.stringify(named.planned.result.data)).toContain("__mural_read_plan_refused__");

    for (const [query, variables] of [
      [DASHBOARD, { id: gid.site(marked.trialId) }],
      [
        DASHBOARD.replace("trialSites(first: 100)", "trialSites(first: 101)"),
        { id: gid.trial(marked.trialId) },
      ],
    ] as const) {
      const both = await bothWays(query, variables, admin);
      expect(both.planned.result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(answer(both.planned.result)).toEqual(answer(both.resolved.result));
    }
  });
});
