import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addresses, enrollments, roleAssignments, sites, trialSites, users } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { insertUnclaimedPayment } from "../payments/claim-fixtures.js";
import { registerUser } from "../support/accounts.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial } from "../support/trials.js";

/*
 * A participant's app (and a caregiver's, for the person they care for) reads in one query what a participant
 * needs: their enrollments with the trial's name, the trial site's site (name, address, phone) and coordinator,
 * and their payments. Nothing more: not other participants, other trials, contracts or funding.
 */

const ParticipantApp = graphql(`
  query OwnParticipantApp {
    me {
      participant {
        id
        firstName
        homeSite { name phone }
        enrollments {
          subjectId
          status
          trial { id name }
          trialSite {
            site { name phone timeZone address { street1 city state postCode } }
            coordinators { firstName lastName email phone }
          }
          payments(first: 20) { totalCount nodes { status amount { amount currency } } }
        }
      }
    }
    trials(first: 10) { nodes { name } }
  }
`);
const CaregiverApp = graphql(`
  query OwnCaregiverApp {
    me {
      participant { id }
      caresFor {
        id
        firstName
        enrollments {
          subjectId
          status
          trial { id name }
          trialSite {
            site { name phone timeZone address { street1 city state postCode } }
            coordinators { firstName lastName email phone }
          }
          payments(first: 20) { totalCount nodes { status amount { amount currency } } }
        }
      }
    }
    trials(first: 10) { nodes { name } }
  }
`);
const Participant = graphql(`query OwnParticipant($id: ID!) { participant(id: $id) { id firstName } }`);
const TrialSite = graphql(`query OwnTrialSite($id: ID!) { trialSite(id: $id) { id site { name } } }`);
const Trial = graphql(`query OwnTrial($id: ID!) { trial(id: $id) { name } }`);
const TrialDetails = graphql(`query OwnTrialDetails($id: ID!) { trial(id: $id) { name protocolId } }`);
const TrialContract = graphql(
  `query OwnTrialContract($id: ID!) { trial(id: $id) { name contract { name } } }`,
);
const TrialSiteEnrollments = graphql(`
  query OwnTrialSiteEnrollments($id: ID!) { trialSite(id: $id) { enrollments(first: 50) { nodes { subjectId } } } }
`);
const Funding = graphql(`query OwnFunding($trialId: ID!) { funding(trialId: $trialId) { amount } }`);

let server: TestServer;
let org: Organization;
let me: Awaited<ReturnType<typeof createEnrolledParticipant>>;
let neighbour: Awaited<ReturnType<typeof createEnrolledParticipant>>;
let caregiver: string;
let otherTrial: { id: string };
let otherTrialSite: { id: string };
let coordinatorEmail: string;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, "Own");
  const [address] = await server.db
    .insert(addresses)
    .values({ street1: "1 Clinic Way", city: "Springfield", state: "IL", postCode: "62701" })
    .returning();
  await server.db
    .update(sites)
    .set({ addressId: address!.id, phone: "(217) 555-0100" })
    .where(eq(sites.id, org.sites[0]!.id));
  const coordinator = await registerUser(server, { firstName: "Carla", lastName: "Reyes" });
  coordinatorEmail = coordinator.email;
  await server.db.update(users).set({ phone: "(217) 555-0111" }).where(eq(users.id, coordinator.uid));
  await server.db
    .insert(roleAssignments)
    .values({ userId: coordinator.uid, roleName: "Site Coordinator", trialSiteId: org.trialSites[0]!.id });

  me = await createEnrolledParticipant(server, org, 0);
  await insertUnclaimedPayment(server, org, me.enrollment.id, 4_200n);
  neighbour = await createEnrolledParticipant(server, org, 0);
  await insertUnclaimedPayment(server, org, neighbour.enrollment.id, 9_900n);
  caregiver = (await createCaregiver(server, me.participant.id)).token;

  // Another trial at the same clinic, in which the participant is not enrolled (their neighbour is).
  otherTrial = await insertTrial(server, org.contract.id, "Own other trial");
  const [inserted] = await server.db
    .insert(trialSites)
    .values({ trialId: otherTrial.id, siteId: org.sites[0]!.id })
    .returning();
  otherTrialSite = inserted!;
  await server.db.insert(enrollments).values({
    participantId: neighbour.participant.id,
    trialSiteId: otherTrialSite.id,
    trialId: otherTrial.id,
    subjectId: "OTHER-1",
  });
});
afterAll(() => server.close());

const expectedEnrollment = () => ({
  subjectId: me.enrollment.subjectId,
  status: "ENROLLED",
  trial: { id: gid.trial(org.trial.id), name: org.trial.name },
  trialSite: {
    site: {
      name: org.sites[0]!.name,
      phone: "(217) 555-0100",
      timeZone: "America/New_York",
      address: { street1: "1 Clinic Way", city: "Springfield", state: "IL", postCode: "62701" },
    },
    coordinators: [
      { firstName: "Carla", lastName: "Reyes", email: coordinatorEmail, phone: "(217) 555-0111" },
    ],
  },
  payments: { totalCount: 1, nodes: [{ status: "UNCLAIMED", amount: { amount: "42.00", currency: "USD" } }] },
});

describe("a participant's own trials and sites", () => {
  it("the participant's app reads enrollments, trial, trial site, site, coordinator and payments in one query", async () => {
    const result = await server.request(ParticipantApp, {}, me.token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.me.participant).toEqual({
      id: gid.participant(me.participant.id),
      firstName: "Pat",
      homeSite: { name: org.sites[0]!.name, phone: "(217) 555-0100" },
      enrollments: [expectedEnrollment()],
    });
    expect(result.data!.trials.nodes).toEqual([{ name: org.trial.name }]);
  });

  it("a caregiver's app reads the same for the person they care for", async () => {
    const result = await server.request(CaregiverApp, {}, caregiver);
    expect(result.errors).toBeUndefined();
    expect(result.data!.me.participant).toBeNull();
    expect(result.data!.me.caresFor).toEqual([
      { id: gid.participant(me.participant.id), firstName: "Pat", enrollments: [expectedEnrollment()] },
    ]);
    expect(result.data!.trials.nodes).toEqual([{ name: org.trial.name }]);
  });

  it("neither reads another participant, another trial, its trial site, contracts, funding or trial details", async () => {
    for (const token of [me.token, caregiver]) {
      for (const result of [
        await server.request(Participant, { id: gid.participant(neighbour.participant.id) }, token),
        await server.request(Trial, { id: gid.trial(otherTrial.id) }, token),
        await server.request(TrialSite, { id: gid.trialSite(otherTrialSite.id) }, token),
        await server.request(TrialSite, { id: gid.trialSite(org.trialSites[1]!.id) }, token),
        await server.request(TrialContract, { id: gid.trial(org.trial.id) }, token),
      ]) {
        expect(errorCode(result)).toBe("NOT_FOUND");
      }
      const details = await server.request(TrialDetails, { id: gid.trial(org.trial.id) }, token);
      expect(errorCode(details)).toBe("FORBIDDEN");
      expect(details.errors?.[0]?.path).toEqual(["trial", "protocolId"]);
      // Funding is the contract's, which they do not even see.
      const funding = await server.request(Funding, { trialId: gid.trial(org.trial.id) }, token);
      expect(errorCode(funding)).toBe("NOT_FOUND");
      expect(funding.data ?? null).toBeNull();
      // Their own trial site lists only their own enrollment, never their neighbour's.
      const listed = await server.request(
        TrialSiteEnrollments,
        { id: gid.trialSite(org.trialSites[0]!.id) },
        token,
      );
      expect(listed.data?.trialSite.enrollments.nodes).toEqual([{ subjectId: me.enrollment.subjectId }]);
    }
  });
});
