import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollments, milestones, milestoneVersions, trialSites, trials } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { registerUser } from "../support/accounts.js";
import { expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial } from "../support/trials.js";

/*
 * A Site Coordinator whose role is assigned on one trial site (trial A at the north clinic) does that trial site's
 * daily work: registers a participant at the clinic for trial A, enrolls them there and pays them. The clinic's
 * other trial (B) stays out of reach: its trial site, its enrollments and the participants enrolled only there.
 */

const AssignRole = graphql(`
  mutation CoordAssignRole($input: AssignRoleInput!) { assignRole(input: $input) { permissionsAdded } }
`);
const AddParticipant = graphql(`
  mutation CoordAddParticipant($input: AddParticipantInput!) {
    addParticipant(input: $input) { participant { id firstName homeSite { name } } }
  }
`);
const Enroll = graphql(`
  mutation CoordEnroll($input: EnrollInput!) {
    enroll(input: $input) { enrollment { id subjectId status trial { name } } }
  }
`);
const PayMilestone = graphql(`
  mutation CoordPayMilestone($input: PayMilestoneInput!) {
    payMilestone(input: $input) { payment { id status amount { amount } } }
  }
`);
const ReadParticipant = graphql(`
  query CoordParticipant($id: ID!) {
    participant(id: $id) { id firstName enrollments { id trial { name } payments { totalCount } } }
  }
`);
const Participants = graphql(`
  query CoordParticipants { participants(first: 100) { nodes { id } } }
`);
const Node = graphql(`query CoordNode($id: ID!) { node(id: $id) { id } }`);
const TrialSite = graphql(`query CoordTrialSite($id: ID!) { trialSite(id: $id) { id } }`);
const Trial = graphql(`query CoordTrial($id: ID!) { trial(id: $id) { id } }`);
const Enrolled = graphql(`
  query CoordEnrolled($trialId: ID!, $siteId: ID!) { enrolled(trialId: $trialId, siteId: $siteId) { id } }
`);

let server: TestServer;
let org: Organization;
let otherTrial: { id: string };
let otherTrialSite: { id: string };
let lineA: string; // a milestone of trial A's trial site at the clinic
let lineB: string; // a milestone of trial B's trial site at the clinic
let coordinator: string;
let clinic: string; // the north clinic's global id
let onlyInB: { participantId: string; enrollmentId: string };

async function insertMilestone(trialSiteId: string, name: string) {
  const [line] = await server.db.insert(milestones).values({ trialSiteId, name }).returning();
  await server.db.insert(milestoneVersions).values({
    milestoneId: line!.id,
    amountMinor: 5_000n,
    currency: "USD",
    effectiveAt: new Date(Date.now() - 60_000),
  });
  return gid.milestone(line!.id);
}

const newPerson = (tag = randomBytes(3).toString("hex")) => ({
  firstName: "Rosa",
  lastName: `Coord ${tag}`,
  email: `rosa-${tag}@example.com`,
});

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, "Coord");
  clinic = gid.site(org.sites[0]!.id);
  otherTrial = await insertTrial(server, org.contract.id, "Coord other trial");
  const [inserted] = await server.db
    .insert(trialSites)
    .values({ trialId: otherTrial.id, siteId: org.sites[0]!.id })
    .returning();
  otherTrialSite = inserted!;
  await server.db.update(trials).set({ status: "live" });
  await server.sql`UPDATE contracts SET deposited_minor = 1000000 WHERE id = ${org.contract.id}`;
  lineA = await insertMilestone(org.trialSites[0]!.id, "Week 1");
  lineB = await insertMilestone(otherTrialSite.id, "Week 1");

  const user = await registerUser(server);
  const admin = await server.loginAdmin();
  const assigned = await server.request(
    AssignRole,
    {
      input: {
        userId: user.id,
        roleName: "Site Coordinator",
        resourceId: gid.trialSite(org.trialSites[0]!.id),
      },
    },
    admin,
  );
  expect(assigned.errors).toBeUndefined();
  coordinator = user.token;

  // Someone the clinic registered and enrolled only in trial B.
  const { participant } = await createParticipant(server, org.sites[0]!.id);
  const [enrollment] = await server.db
    .insert(enrollments)
    .values({
      participantId: participant.id,
      trialSiteId: otherTrialSite.id,
      trialId: otherTrial.id,
      subjectId: "B-1",
    })
    .returning();
  onlyInB = { participantId: participant.id, enrollmentId: enrollment!.id };
});
afterAll(() => server.close());

describe("a coordinator assigned on a trial site", () => {
  let participantId: string;
  let enrollmentId: string;

  it("registers a participant at the trial site's site for its trial, enrolls them there and pays them", async () => {
    const added = await server.request(
      AddParticipant,
      { input: { siteId: clinic, trialId: gid.trial(org.trial.id), ...newPerson() } },
      coordinator,
    );
    expect(added.errors).toBeUndefined();
    participantId = added.data!.addParticipant.participant.id;
    expect(added.data!.addParticipant.participant.homeSite.name).toBe(org.sites[0]!.name);
    const [row] = await server.sql<{ registered_trial_site_id: string }[]>`
      SELECT registered_trial_site_id FROM participants WHERE id = ${Buffer.from(participantId, "base64url").toString().split(":")[1]!}`;
    expect(row?.registered_trial_site_id).toBe(org.trialSites[0]!.id);

    const enrolled = await server.request(
      Enroll,
      { input: { participantId, trialId: gid.trial(org.trial.id), siteId: clinic, subjectId: "A-1" } },
      coordinator,
    );
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data!.enroll.enrollment).toMatchObject({
      status: "ENROLLED",
      trial: { name: org.trial.name },
    });
    enrollmentId = enrolled.data!.enroll.enrollment.id;

    const paid = await server.request(
      PayMilestone,
      { input: { enrollmentId, milestoneId: lineA } },
      coordinator,
    );
    expect(paid.errors).toBeUndefined();
    expect(paid.data!.payMilestone.payment).toMatchObject({
      status: "UNCLAIMED",
      amount: { amount: "50.00" },
    });

    const read = await server.request(ReadParticipant, { id: participantId }, coordinator);
    expect(read.errors).toBeUndefined();
    expect(read.data!.participant.enrollments).toEqual([
      { id: enrollmentId, trial: { name: org.trial.name }, payments: { totalCount: 1 } },
    ]);
    const list = await server.request(Participants, {}, coordinator);
    expect(list.data!.participants.nodes.map((n) => n.id)).toContain(participantId);
  });

  it("cannot register a participant at the site without naming their trial, nor for the site's other trial", async () => {
    const siteOnly = await expectNothingWritten(server, () =>
      server.request(AddParticipant, { input: { siteId: clinic, ...newPerson() } }, coordinator),
    );
    expect(errorCode(siteOnly)).toBe("FORBIDDEN");
    const other = await expectNothingWritten(server, () =>
      server.request(
        AddParticipant,
        { input: { siteId: clinic, trialId: gid.trial(otherTrial.id), ...newPerson() } },
        coordinator,
      ),
    );
    expect(errorCode(other)).toBe("NOT_FOUND");
    const elsewhere = await expectNothingWritten(server, () =>
      server.request(
        AddParticipant,
        { input: { siteId: gid.site(org.sites[1]!.id), trialId: gid.trial(org.trial.id), ...newPerson() } },
        coordinator,
      ),
    );
    expect(errorCode(elsewhere)).toBe("NOT_FOUND"); // the south clinic (trial A's other site) is not theirs to see
    const wrongType = await expectNothingWritten(server, () =>
      server.request(
        AddParticipant,
        { input: { siteId: clinic, trialId: gid.trialSite(otherTrialSite.id), ...newPerson() } },
        coordinator,
      ),
    );
    expect(errorCode(wrongType)).toBe("BAD_USER_INPUT");
  });

  it("does not reach the site's other trial: its trial site, enrollments, participants, schedule", async () => {
    for (const result of [
      await server.request(Trial, { id: gid.trial(otherTrial.id) }, coordinator),
      await server.request(TrialSite, { id: gid.trialSite(otherTrialSite.id) }, coordinator),
      await server.request(Node, { id: gid.enrollment(onlyInB.enrollmentId) }, coordinator),
      await server.request(ReadParticipant, { id: gid.participant(onlyInB.participantId) }, coordinator),
      await server.request(Enrolled, { trialId: gid.trial(otherTrial.id), siteId: clinic }, coordinator),
    ]) {
      expect(errorCode(result)).toBe("NOT_FOUND");
      expect(JSON.stringify(result.data ?? null)).not.toContain("B-1");
    }
    const list = await server.request(Participants, {}, coordinator);
    expect(list.data!.participants.nodes.map((n) => n.id)).not.toContain(
      gid.participant(onlyInB.participantId),
    );
  });

  it("cannot enroll into, pay in, or cite the site's other trial; nothing is written", async () => {
    const enrollB = await expectNothingWritten(server, () =>
      server.request(
        Enroll,
        { input: { participantId, trialId: gid.trial(otherTrial.id), siteId: clinic, subjectId: "B-2" } },
        coordinator,
      ),
    );
    expect(errorCode(enrollB)).toBe("NOT_FOUND");
    const payInB = await expectNothingWritten(server, () =>
      server.request(
        PayMilestone,
        { input: { enrollmentId: gid.enrollment(onlyInB.enrollmentId), milestoneId: lineB } },
        coordinator,
      ),
    );
    expect(errorCode(payInB)).toBe("NOT_FOUND");
    const citeB = await expectNothingWritten(server, () =>
      server.request(PayMilestone, { input: { enrollmentId, milestoneId: lineB } }, coordinator),
    );
    expect(errorCode(citeB)).toBe("NOT_FOUND");
  });

  it("sees only trial A's enrollment of their participant once the clinic also enrolls them in trial B", async () => {
    const raw = Buffer.from(participantId, "base64url").toString().split(":")[1]!;
    const [inB] = await server.db
      .insert(enrollments)
      .values({
        participantId: raw,
        trialSiteId: otherTrialSite.id,
        trialId: otherTrial.id,
        subjectId: "B-3",
      })
      .returning();
    const read = await server.request(ReadParticipant, { id: participantId }, coordinator);
    expect(read.data!.participant.enrollments.map((e) => e.id)).toEqual([enrollmentId]);
    const node = await server.request(Node, { id: gid.enrollment(inB!.id) }, coordinator);
    expect(errorCode(node)).toBe("NOT_FOUND");
    await server.db.delete(enrollments).where(eq(enrollments.id, inB!.id));
  });
});
