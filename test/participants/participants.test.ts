import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollments } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten, lastEmail } from "../support/db.js";
import { gid, uniqueTag } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant, createParticipant } from "../support/participants.js";
import { errorCode, type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";

const AddParticipant = graphql(`
  mutation PtAdd($input: AddParticipantInput!) {
    addParticipant(input: $input) {
      participant { id uid firstName lastName email phone dateOfBirth timeZone emergencyContact emergencyPhone
        address { street1 city postCode } homeSite { id } user { id userType emailVerified } enrollments { id } caregivers { id } }
    }
  }
`);
const UpdateParticipant = graphql(`
  mutation PtUpdate($input: UpdateParticipantInput!) {
    updateParticipant(input: $input) { participant { id firstName lastName email phone emergencyContact timeZone } }
  }
`);
const GetParticipant = graphql(`
  query PtGet($id: ID!) { participant(id: $id) { id firstName email enrollments { id subjectId } caregivers { id } } }
`);
const ListParticipants = graphql(`
  query PtList($trialId: ID, $siteId: ID, $search: String) {
    participants(trialId: $trialId, siteId: $siteId, search: $search, first: 50) { edges { node { id firstName lastName } } }
  }
`);
const UserByParticipant = graphql(`
  query PtUser($participantId: ID!) { userByParticipant(participantId: $participantId) { id email userType } }
`);
const ChangePassword = graphql(`
  mutation PtChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }
`);
const RegisterCaregiver = graphql(`
  mutation PtRegisterCaregiver($input: RegisterCaregiverInput!) {
    registerCaregiver(input: $input) { caregiver { id firstName lastName email relationship participant { id } user { id userType } } }
  }
`);
const UpdateCaregiver = graphql(`
  mutation PtUpdateCaregiver($input: UpdateCaregiverInput!) {
    updateCaregiver(input: $input) { caregiver { id firstName lastName relationship } }
  }
`);
const Caregivers = graphql(`
  query PtCaregivers($participantId: ID!) { caregivers(participantId: $participantId) { id firstName relationship } }
`);
const UserByCaregiver = graphql(`
  query PtCaregiverUser($caregiverId: ID!) { userByCaregiver(caregiverId: $caregiverId) { id email userType } }
`);
const Relationships = graphql(`query PtRelationships { caregiverRelationships }`);

let server: TestServer;
let adminToken: string;
let a: Organization;
let b: Organization;
let coordinator: string; // add_participant, update_participant, view_participants on site A0
let elsewhere: string; // the same, on client B's site only

const STAFF = ["add_participant", "update_participant", "view_participants", "view_enrollments"];
const newParticipant = (siteId: string, overrides: Record<string, unknown> = {}) => ({
  input: {
    siteId: gid.site(siteId),
    firstName: "Malinda",
    lastName: "Ware",
    email: `Malinda.Ware.${uniqueTag()}@example.com`,
    phone: "(216) 394-5697",
    dateOfBirth: "1951-10-15",
    address: { street1: "1273 Anton Dr", city: "Addison", state: "IL", postCode: "60101" },
    emergencyContact: "Joe Pesci",
    emergencyPhone: "(212) 555-1212",
    ...overrides,
  },
});

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.loginAdmin();
  a = await createOrganization(server, "Client A");
  b = await createOrganization(server, "Client B");
  coordinator = (await staffWith(server, STAFF, { siteId: a.sites[0]!.id })).token;
  elsewhere = (await staffWith(server, STAFF, { siteId: b.sites[0]!.id })).token;
});
afterAll(() => server.close());

describe("addParticipant (add_participant)", () => {
  it("creates the login and profile, audits each field and e-mails an invitation that sets the password", async () => {
    const vars = newParticipant(a.sites[0]!.id);
    const result = await server.request(AddParticipant, vars, coordinator);
    expect(result.errors).toBeUndefined();
    const p = result.data!.addParticipant.participant;
    expect(p).toMatchObject({
      firstName: "Malinda",
      email: vars.input.email.toLowerCase(),
      dateOfBirth: "1951-10-15",
      timeZone: "America/New_York",
      emergencyContact: "Joe Pesci",
      address: { street1: "1273 Anton Dr", postCode: "60101" },
      homeSite: { id: gid.site(a.sites[0]!.id) },
      user: { userType: "PARTICIPANT", emailVerified: false },
      enrollments: [],
      caregivers: [],
    });
    const [audit] = await auditEntriesFor(server, p.uid);
    expect(audit!.action).toBe("add_participant");
    expect(audit!.changes.dateOfBirth).toEqual({ from: null, to: "1951-10-15" });
    expect(audit!.changes.emergencyPhone).toEqual({ from: null, to: "(212) 555-1212" });

    const email = await lastEmail(server, vars.input.email, "verify_email");
    expect(email?.payload.token).toBeTruthy();
    const set = await server.request(ChangePassword, {
      input: { verificationToken: email!.payload.token, newPassword: "Malinda-pass-1!" },
    });
    expect(set.errors).toBeUndefined();
    const token = await server.login(vars.input.email, "Malinda-pass-1!");
    const own = await server.request(GetParticipant, { id: p.id }, token);
    expect(own.data!.participant.id).toBe(p.id);
  });

  it("refuses bad e-mail, bad phone, a birth date in the future, a bad time zone: BAD_USER_INPUT, nothing written", async () => {
    const bad = [
      { email: "not-an-email" },
      { phone: "call me" },
      { dateOfBirth: "2999-01-01" },
      { timeZone: "Mars/Olympus" },
    ];
    for (const overrides of bad) {
      const result = await expectNothingWritten(server, () =>
        server.request(AddParticipant, newParticipant(a.sites[0]!.id, overrides), coordinator),
      );
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
    }
  });

  it("refuses an e-mail already in use: CONFLICT, nothing written", async () => {
    const first = newParticipant(a.sites[0]!.id);
    await server.request(AddParticipant, first, coordinator);
    const again = await expectNothingWritten(server, () =>
      server.request(
        AddParticipant,
        newParticipant(a.sites[0]!.id, { email: first.input.email.toUpperCase() }),
        coordinator,
      ),
    );
    expect(errorCode(again)).toBe("CONFLICT");
  });

  it("refuses staff without add_participant on the site: NOT_FOUND, nothing written", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(AddParticipant, newParticipant(a.sites[0]!.id), elsewhere),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
  });
});

describe("reading participants (get_participants, search_participants, get_participant, get_user_by_participant_uid)", () => {
  let subject: Awaited<ReturnType<typeof createEnrolledParticipant>>;
  let other: Awaited<ReturnType<typeof createEnrolledParticipant>>;
  beforeAll(async () => {
    subject = await createEnrolledParticipant(server, a, 0);
    other = await createEnrolledParticipant(server, b, 0);
  });

  it("lists the participants staff may see, filtered by trial, site and partial name", async () => {
    const byTrial = await server.request(ListParticipants, { trialId: gid.trial(a.trial.id) }, coordinator);
    const ids = byTrial.data!.participants.edges.map((e) => e.node.id);
    expect(ids).toContain(gid.participant(subject.participant.id));
    expect(ids).not.toContain(gid.participant(other.participant.id));
    const search = await server.request(
      ListParticipants,
      { search: subject.user.lastName.slice(-6) },
      coordinator,
    );
    expect(search.data!.participants.edges.map((e) => e.node.id)).toEqual([
      gid.participant(subject.participant.id),
    ]);
    const otherSite = await server.request(
      ListParticipants,
      { siteId: gid.site(a.sites[1]!.id) },
      coordinator,
    );
    expect(otherSite.data!.participants.edges).toEqual([]);
    const foreign = await server.request(ListParticipants, {}, elsewhere);
    expect(foreign.data!.participants.edges.map((e) => e.node.id)).not.toContain(
      gid.participant(subject.participant.id),
    );
  });

  it("shows a participant and their user to staff who see them, never to others", async () => {
    const seen = await server.request(
      GetParticipant,
      { id: gid.participant(subject.participant.id) },
      coordinator,
    );
    expect(seen.data!.participant.enrollments).toHaveLength(1);
    const user = await server.request(
      UserByParticipant,
      { participantId: gid.participant(subject.participant.id) },
      coordinator,
    );
    expect(user.data!.userByParticipant).toMatchObject({
      email: subject.user.email,
      userType: "PARTICIPANT",
    });
    for (const result of [
      await server.request(GetParticipant, { id: gid.participant(subject.participant.id) }, elsewhere),
      await server.request(
        UserByParticipant,
        { participantId: gid.participant(subject.participant.id) },
        elsewhere,
      ),
    ]) {
      expect(errorCode(result)).toBe("NOT_FOUND");
      expect(result.data ?? null).toBeNull();
    }
  });

  it("lets a participant see themself but not another participant", async () => {
    const own = await server.request(
      GetParticipant,
      { id: gid.participant(subject.participant.id) },
      subject.token,
    );
    expect(own.data!.participant.email).toBe(subject.user.email);
    const list = await server.request(ListParticipants, {}, subject.token);
    expect(list.data!.participants.edges.map((e) => e.node.id)).toEqual([
      gid.participant(subject.participant.id),
    ]);
    const theirs = await server.request(
      GetParticipant,
      { id: gid.participant(other.participant.id) },
      subject.token,
    );
    expect(errorCode(theirs)).toBe("NOT_FOUND");
  });
});

describe("updateParticipant (update_participant)", () => {
  it("lets staff change anything, audited field by field", async () => {
    const { participant } = await createEnrolledParticipant(server, a, 0);
    const result = await server.request(
      UpdateParticipant,
      {
        input: {
          participantId: gid.participant(participant.id),
          firstName: "Throatwobbler",
          lastName: "Mangrove",
          emergencyContact: 'Dwayne "The Rock" Johnson',
          timeZone: "America/Chicago",
        },
      },
      coordinator,
    );
    expect(result.data!.updateParticipant.participant).toMatchObject({
      firstName: "Throatwobbler",
      lastName: "Mangrove",
      timeZone: "America/Chicago",
    });
    const audit = (await auditEntriesFor(server, participant.id)).at(-1)!;
    expect(audit.action).toBe("update_participant");
    expect(audit.changes.firstName).toEqual({ from: "Pat", to: "Throatwobbler" });
    expect(audit.changes.timeZone).toEqual({ from: "America/New_York", to: "America/Chicago" });
  });

  it("lets the participant change contact details only, and refuses bad input, with nothing written", async () => {
    const me = await createEnrolledParticipant(server, a, 0);
    const ok = await server.request(
      UpdateParticipant,
      { input: { participantId: gid.participant(me.participant.id), phone: "(212) 555-0000" } },
      me.token,
    );
    expect(ok.data!.updateParticipant.participant.phone).toBe("(212) 555-0000");
    const name = await expectNothingWritten(server, () =>
      server.request(
        UpdateParticipant,
        { input: { participantId: gid.participant(me.participant.id), firstName: "Someone" } },
        me.token,
      ),
    );
    expect(errorCode(name)).toBe("FORBIDDEN");
    for (const input of [{ email: "nope" }, { phone: "x" }, { dateOfBirth: "2999-12-31" }]) {
      const bad = await expectNothingWritten(server, () =>
        server.request(
          UpdateParticipant,
          { input: { participantId: gid.participant(me.participant.id), ...input } },
          coordinator,
        ),
      );
      expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    }
  });

  it("refuses staff of another site and another participant: NOT_FOUND, nothing written", async () => {
    const target = await createEnrolledParticipant(server, a, 0);
    const stranger = await createEnrolledParticipant(server, a, 1);
    for (const token of [elsewhere, stranger.token]) {
      const result = await expectNothingWritten(server, () =>
        server.request(
          UpdateParticipant,
          { input: { participantId: gid.participant(target.participant.id), phone: "(212) 555-9999" } },
          token,
        ),
      );
      expect(errorCode(result)).toBe("NOT_FOUND");
    }
  });
});

describe("which participants staff see through the trial sites they are enrolled at", () => {
  it("view_participants on a trial site, its trial or its site shows who is enrolled there, whatever their home site; other permissions do not", async () => {
    const org = await createOrganization(server);
    // Both at home at site 1 (neither registered through a trial site): enrolled at site 0's and site 1's trial site.
    const enrolledAt = async (trialSiteIndex: number) => {
      const { participant } = await createParticipant(server, org.sites[1]!.id);
      await server.db.insert(enrollments).values({
        participantId: participant.id,
        trialSiteId: org.trialSites[trialSiteIndex]!.id,
        trialId: org.trial.id,
        subjectId: `S-${uniqueTag()}`,
      });
      return gid.participant(participant.id);
    };
    const atSite0 = await enrolledAt(0);
    const atSite1 = await enrolledAt(1);
    const seenBy = async (permissions: string[], on: Parameters<typeof staffWith>[2]) => {
      const { token } = await staffWith(server, permissions, on);
      const result = await server.request(ListParticipants, { trialId: gid.trial(org.trial.id) }, token);
      expect(result.errors).toBeUndefined();
      return result.data!.participants.edges.map((e) => e.node.id).sort();
    };
    expect(await seenBy(["view_participants"], { trialSiteId: org.trialSites[0]!.id })).toEqual([atSite0]);
    expect(await seenBy(["view_participants"], { siteId: org.sites[0]!.id })).toEqual([atSite0]);
    expect(await seenBy(["view_participants"], { trialId: org.trial.id })).toEqual([atSite0, atSite1].sort());
    expect(await seenBy(["view_enrollments", "view_trials"], { trialSiteId: org.trialSites[0]!.id })).toEqual(
      [],
    );
  });

  it("view_participants on the trial site someone was registered through lists them before any enrollment", async () => {
    const org = await createOrganization(server);
    const { participant } = await createParticipant(server, org.sites[1]!.id);
    await server.sql`UPDATE participants SET registered_trial_site_id = ${org.trialSites[0]!.id} WHERE id = ${participant.id}`;
    const id = gid.participant(participant.id);
    const listedFor = async (trialSiteIndex: number) => {
      const { token } = await staffWith(server, ["view_participants"], {
        trialSiteId: org.trialSites[trialSiteIndex]!.id,
      });
      const result = await server.request(ListParticipants, {}, token);
      expect(result.errors).toBeUndefined();
      return result.data!.participants.edges.map((e) => e.node.id);
    };
    expect(await listedFor(0)).toEqual([id]);
    expect(await listedFor(1)).toEqual([]);
  });
});

describe("caregivers (caregiver_relationships, register_caregiver, get_caregivers, update_caregiver, get_user_by_caregiver_uid)", () => {
  it("lists the relationships", async () => {
    const result = await server.request(Relationships, {}, coordinator);
    expect(result.data!.caregiverRelationships).toEqual(["parent", "guardian", "nurse"]);
  });

  it("registers a caregiver with a login and an invitation, then lists, reads and updates them", async () => {
    const { participant } = await createEnrolledParticipant(server, a, 0);
    const email = `carer-${uniqueTag()}@example.com`;
    const result = await server.request(
      RegisterCaregiver,
      {
        input: {
          participantId: gid.participant(participant.id),
          firstName: "Carla",
          lastName: "Carer",
          email,
          relationship: "Guardian",
        },
      },
      coordinator,
    );
    expect(result.errors).toBeUndefined();
    const caregiver = result.data!.registerCaregiver.caregiver;
    expect(caregiver).toMatchObject({ relationship: "GUARDIAN", user: { userType: "CAREGIVER" } });
    const invitation = await lastEmail(server, email, "verify_email");
    const set = await server.request(ChangePassword, {
      input: { verificationToken: invitation!.payload.token!, newPassword: "Carla-pass-1!" },
    });
    expect(set.errors).toBeUndefined();
    const carerToken = await server.login(email, "Carla-pass-1!");

    const list = await server.request(
      Caregivers,
      { participantId: gid.participant(participant.id) },
      coordinator,
    );
    expect(list.data!.caregivers.map((c) => c.id)).toEqual([caregiver.id]);
    const user = await server.request(UserByCaregiver, { caregiverId: caregiver.id }, coordinator);
    expect(user.data!.userByCaregiver).toMatchObject({ email, userType: "CAREGIVER" });

    const byStaff = await server.request(
      UpdateCaregiver,
      { input: { caregiverId: caregiver.id, relationship: "nurse" } },
      coordinator,
    );
    expect(byStaff.data!.updateCaregiver.caregiver.relationship).toBe("NURSE");
    const bySelf = await server.request(
      UpdateCaregiver,
      { input: { caregiverId: caregiver.id, firstName: "Carlotta" } },
      carerToken,
    );
    expect(bySelf.data!.updateCaregiver.caregiver.firstName).toBe("Carlotta");
    const selfRelationship = await expectNothingWritten(server, () =>
      server.request(
        UpdateCaregiver,
        { input: { caregiverId: caregiver.id, relationship: "parent" } },
        carerToken,
      ),
    );
    expect(errorCode(selfRelationship)).toBe("FORBIDDEN");
    const audit = await auditEntriesFor(server, caregiverUid(caregiver.id));
    expect(audit.map((e) => e.action)).toEqual([
      "register_caregiver",
      "update_caregiver",
      "update_caregiver",
    ]);
  });

  it("refuses an unknown relationship and staff of another site, with nothing written", async () => {
    const { participant } = await createEnrolledParticipant(server, a, 0);
    const input = {
      participantId: gid.participant(participant.id),
      firstName: "Carla",
      lastName: "Carer",
      email: `carer-${uniqueTag()}@example.com`,
      relationship: "uncle",
    };
    const bad = await expectNothingWritten(server, () =>
      server.request(RegisterCaregiver, { input }, coordinator),
    );
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    const foreign = await expectNothingWritten(server, () =>
      server.request(RegisterCaregiver, { input: { ...input, relationship: "parent" } }, elsewhere),
    );
    expect(errorCode(foreign)).toBe("NOT_FOUND");
  });

  it("lets a caregiver act for their participant only", async () => {
    const mine = await createEnrolledParticipant(server, a, 0);
    const theirs = await createEnrolledParticipant(server, a, 0);
    const carer = await createCaregiver(server, mine.participant.id);
    const own = await server.request(
      GetParticipant,
      { id: gid.participant(mine.participant.id) },
      carer.token,
    );
    expect(own.data!.participant.caregivers.map((c) => c.id)).toEqual([gid.caregiver(carer.caregiver.id)]);
    const update = await server.request(
      UpdateParticipant,
      { input: { participantId: gid.participant(mine.participant.id), emergencyPhone: "(212) 555-3333" } },
      carer.token,
    );
    expect(update.errors).toBeUndefined();
    const attempts: (() => Promise<GraphQLResponse<unknown>>)[] = [
      () => server.request(GetParticipant, { id: gid.participant(theirs.participant.id) }, carer.token),
      () =>
        server.request(Caregivers, { participantId: gid.participant(theirs.participant.id) }, carer.token),
      () =>
        server.request(
          UpdateParticipant,
          { input: { participantId: gid.participant(theirs.participant.id), phone: "(212) 555-1111" } },
          carer.token,
        ),
    ];
    for (const attempt of attempts) {
      const result = await expectNothingWritten(server, attempt);
      expect(errorCode(result)).toBe("NOT_FOUND");
    }
    // Staff of another site cannot read the caregiver's login either.
    const foreign = await server.request(
      UserByCaregiver,
      { caregiverId: gid.caregiver(carer.caregiver.id) },
      elsewhere,
    );
    expect(errorCode(foreign)).toBe("NOT_FOUND");
    // Admins see everything.
    const admin = await server.request(
      UserByCaregiver,
      { caregiverId: gid.caregiver(carer.caregiver.id) },
      adminToken,
    );
    expect(admin.data!.userByCaregiver.email).toBe(carer.user.email);
  });
});

const caregiverUid = (id: string) => Buffer.from(id, "base64url").toString().split(":")[1]!;
